import type { Transaction } from 'dexie';
import { openBytes, openJson, sealBytes, sealJson, toBase64 } from '@/utils/security/crypto';
import type { AuditRow, DocumentRow, MotcuaDB, PersonPackRow, SearchChunkRow } from '@/utils/db/database';
import type { AuditAction } from '@/utils/db/kinds';
import {
  documentMetaSchema,
  personSchema,
  relationSchema,
  type DocumentMeta,
  type Person,
  type PersonInput,
  type Relation,
  type RelationKind,
} from '@/utils/records/schema';
import { chunkSize, entryFor, SearchIndex, type SearchEntry, type SearchResult } from '@/utils/records/search-index';
import { ReasonError } from '@/utils/i18n/reason-error';

/** Changes bump this meta row, so every context holding an index knows to reload what changed. */
const generationKey = 'generation';
/** Decrypted packs kept in memory for quick reads (each up to `chunkSize` people). */
const packCacheSize = 4;

/** Another context rewrote a chunk this write read: retried; past the retries the caller says the records were busy. */
export class StaleChunkError extends Error {
  constructor() {
    super('stale-chunk');
    this.name = 'StaleChunkError';
  }
}

/** Tries for a write that keeps meeting another context's writes, waiting a little longer each time. */
const writeTries = 8;

export interface StoreActor {
  officerId: string;
}

export interface SubjectExport {
  exportedAt: string;
  person: Person;
  relations: Relation[];
  documents: Array<DocumentMeta & { id: string; contentBase64: string }>;
  auditTrail: Array<Omit<AuditRow, 'seq'>>;
}

interface ChunkChange {
  upserts: Person[];
  removals: Set<string>;
}

/**
 * The citizen records of one unlocked session. People live in encrypted packs, one per search-index chunk;
 * every write re-seals the touched packs and chunks before the IndexedDB transaction opens (an await on
 * WebCrypto inside a transaction would let it auto-commit), and checks their versions inside it, so two
 * contexts writing at once never lose each other's changes.
 */
export class RecordsStore {
  private readonly index = new SearchIndex();
  private readonly chunkMembers = new Map<number, Set<string>>();
  private readonly chunkVersions = new Map<number, number>();
  private readonly chunkOf = new Map<string, number>();
  private readonly packCache = new Map<number, { version: number; people: Map<string, Person> }>();
  private generation = 0;

  private constructor(
    readonly db: MotcuaDB,
    private readonly key: CryptoKey,
    private readonly actor: StoreActor,
  ) {}

  /** Decrypts the search index into memory: what "unlock until search is ready" measures. */
  static async open(db: MotcuaDB, key: CryptoKey, actor: StoreActor): Promise<RecordsStore> {
    const store = new RecordsStore(db, key, actor);
    await store.reloadChunks(await db.searchChunks.toArray());
    store.generation = await store.readGeneration();
    await store.migratePersonRows();
    store.index.prepare();
    return store;
  }

  get size() {
    return this.index.size;
  }

  private async readGeneration(): Promise<number> {
    return ((await this.db.meta.get(generationKey))?.value as number | undefined) ?? 0;
  }

  private async reloadChunks(rows: SearchChunkRow[]) {
    const opened = await Promise.all(rows.map((row) => openJson<SearchEntry[]>(this.key, row, `chunk:${row.chunk}`)));
    rows.forEach((row, i) => {
      for (const id of this.chunkMembers.get(row.chunk) ?? []) {
        this.index.remove(id);
        this.chunkOf.delete(id);
      }
      const members = new Set<string>();
      for (const entry of opened[i]!) {
        this.index.put({ ...entry, lastUsedAt: entry.lastUsedAt ?? '' });
        members.add(entry.id);
        this.chunkOf.set(entry.id, row.chunk);
      }
      this.chunkMembers.set(row.chunk, members);
      this.chunkVersions.set(row.chunk, row.version);
    });
  }

  /**
   * Version 1–2 kept one encrypted row per person; version 3 keeps packs. Moving them needs the data key,
   * so it happens here, at the first unlock, in one transaction.
   */
  private async migratePersonRows() {
    const rows = await this.db.people.toArray();
    if (rows.length === 0) return;
    const byChunk = new Map<number, Person[]>();
    for (const row of rows) {
      const person = personSchema.parse(await openJson(this.key, row, `person:${row.id}`));
      const chunk = this.chunkOf.get(row.id) ?? row.chunk;
      byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), person]);
      const entry = this.index.get(row.id);
      if (entry) this.index.put({ ...entry, lastUsedAt: row.lastUsedAt ?? row.updatedAt });
    }
    const packs = await Promise.all([...byChunk].map(([chunk, people]) => this.sealPack(chunk, people)));
    const chunks = await Promise.all([...byChunk.keys()].map((chunk) => this.sealChunk(chunk)));
    await this.db.transaction(
      'rw',
      [this.db.people, this.db.personPacks, this.db.searchChunks, this.db.meta],
      async () => {
        await this.db.personPacks.bulkPut(packs);
        await this.db.searchChunks.bulkPut(chunks);
        await this.db.people.clear();
        await this.bumpGeneration();
      },
    );
    for (const row of chunks) this.chunkVersions.set(row.chunk, row.version);
    this.generation += 1;
    this.packCache.clear();
  }

  /** Picks up what another context (the records page, the background) wrote since. */
  async refresh() {
    const generation = await this.readGeneration();
    if (generation === this.generation) return;
    const rows = await this.db.searchChunks.toArray();
    const present = new Set(rows.map((r) => r.chunk));
    for (const [chunk, members] of this.chunkMembers) {
      if (present.has(chunk)) continue;
      for (const id of members) this.index.remove(id);
      this.chunkMembers.delete(chunk);
      this.chunkVersions.delete(chunk);
    }
    await this.reloadChunks(rows.filter((r) => this.chunkVersions.get(r.chunk) !== r.version));
    this.generation = generation;
  }

  async search(query: string, limit = 50): Promise<SearchResult[]> {
    await this.refresh();
    return this.index.search(query, limit);
  }

  /** Every indexed entry (for listing and export selection), sorted by name. */
  listEntries(): SearchEntry[] {
    return [...this.index.all()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** The person holding this personal ID or old ID number, if any. */
  findByPersonalId(id: string): SearchEntry | undefined {
    return this.index.byIdNumber(id);
  }

  /** Everyone whose whole name, folded, is this one's (an import matching people without an ID). */
  findByName(name: string): SearchEntry[] {
    return this.index.byName(name);
  }

  /** Whether this id is on record (an import resuming by the rows' own ids). */
  has(id: string): boolean {
    return this.chunkOf.has(id);
  }

  /** The person's father and mother as linked, with their names from the index. */
  async parentsOf(id: string): Promise<Array<{ kind: 'father' | 'mother'; id: string; name: string }>> {
    const out: Array<{ kind: 'father' | 'mother'; id: string; name: string }> = [];
    for (const r of await this.db.relations.where('fromId').equals(id).toArray()) {
      const name = this.index.get(r.toId)?.name;
      if ((r.kind === 'father' || r.kind === 'mother') && name) out.push({ kind: r.kind, id: r.toId, name });
    }
    return out;
  }

  private async pack(chunk: number): Promise<Map<string, Person>> {
    const version = this.chunkVersions.get(chunk) ?? 0;
    const cached = this.packCache.get(chunk);
    if (cached && cached.version === version) return cached.people;
    const row = await this.db.personPacks.get(chunk);
    const list = row ? await openJson<unknown[]>(this.key, row, `pack:${chunk}`) : [];
    const people = new Map(list.map((raw) => personSchema.parse(raw)).map((p) => [p.id, p]));
    this.packCache.delete(chunk);
    this.packCache.set(chunk, { version, people });
    while (this.packCache.size > packCacheSize) this.packCache.delete(this.packCache.keys().next().value!);
    return people;
  }

  async get(id: string, options: { audit?: boolean } = {}): Promise<Person | null> {
    await this.refresh();
    const chunk = this.chunkOf.get(id);
    if (chunk === undefined) return null;
    const person = (await this.pack(chunk)).get(id) ?? null;
    if (person && options.audit !== false) await this.audit('person.view', id);
    return person;
  }

  async create(input: Omit<PersonInput, 'id' | 'createdAt' | 'updatedAt'>, now = new Date()): Promise<Person> {
    const at = now.toISOString();
    const person = personSchema.parse({ ...input, id: crypto.randomUUID(), createdAt: at, updatedAt: at });
    await this.writePeople([person], 'person.create', now);
    return person;
  }

  async update(person: Person, now = new Date()): Promise<Person> {
    const next = personSchema.parse({ ...person, updatedAt: now.toISOString() });
    if (!this.chunkOf.has(person.id)) throw new ReasonError('error.person.gone');
    await this.writePeople([next], 'person.update', now);
    return next;
  }

  /**
   * Writes people, their packs and index chunks in one transaction. Used one at a time by forms and in
   * batches by imports: a batch is all-or-nothing. `extra` runs inside the same transaction (an import's progress).
   */
  async writePeople(
    people: Person[],
    action: AuditAction | null,
    now = new Date(),
    extra?: (tx: Transaction) => Promise<unknown>,
  ) {
    const at = now.toISOString();
    const audits: Array<Omit<AuditRow, 'seq'>> = !action
      ? []
      : action === 'import'
        ? [{ at, officerId: this.actor.officerId, action, personId: null, detail: String(people.length) }]
        : people.map((p) => ({ at, officerId: this.actor.officerId, action, personId: p.id, detail: '' }));
    await this.retrying(() => {
      const changes = new Map<number, ChunkChange>();
      const room = this.roomAllocator();
      for (const person of people) {
        const chunk = this.chunkOf.get(person.id) ?? room();
        const change = changes.get(chunk) ?? { upserts: [], removals: new Set<string>() };
        change.upserts.push(person);
        changes.set(chunk, change);
      }
      return this.commit(changes, at, audits, extra);
    });
  }

  private async retrying(attempt: () => Promise<void>) {
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof StaleChunkError) || tries >= writeTries) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** Math.min(tries, 6) * (0.5 + Math.random())));
        await this.refresh();
      }
    }
  }

  /**
   * Applies changes per chunk: new pack contents and index entries are sealed first, then written with a
   * version check; the in-memory index is rolled back if anything fails.
   */
  private async commit(
    changes: Map<number, ChunkChange>,
    at: string,
    audits: Array<Omit<AuditRow, 'seq'>>,
    extra?: (tx: Transaction) => Promise<unknown>,
  ) {
    const packs = new Map<number, Person[]>();
    for (const [chunk, change] of changes) {
      const current = new Map(await this.pack(chunk));
      for (const id of change.removals) current.delete(id);
      for (const person of change.upserts) current.set(person.id, person);
      packs.set(chunk, [...current.values()]);
    }
    const undo: Array<() => void> = [];
    for (const [chunk, change] of changes) {
      for (const id of change.removals) {
        const before = this.index.get(id);
        this.index.remove(id);
        this.chunkMembers.get(chunk)?.delete(id);
        this.chunkOf.delete(id);
        undo.push(() => {
          if (before) this.index.put(before);
          this.addToChunk(id, chunk);
        });
      }
      for (const person of change.upserts) {
        const before = this.index.get(person.id);
        const wasMember = this.chunkOf.has(person.id);
        this.index.put(entryFor(person, at));
        this.addToChunk(person.id, chunk);
        undo.push(() => {
          if (before) this.index.put(before);
          else this.index.remove(person.id);
          if (!wasMember) {
            this.chunkMembers.get(chunk)?.delete(person.id);
            this.chunkOf.delete(person.id);
          }
        });
      }
    }
    try {
      const [packRows, chunkRows] = await Promise.all([
        Promise.all([...packs].map(([chunk, people]) => this.sealPack(chunk, people))),
        Promise.all([...changes.keys()].map((chunk) => this.sealChunk(chunk))),
      ]);
      const expected = new Map([...changes.keys()].map((c) => [c, this.chunkVersions.get(c) ?? 0]));
      await this.db.transaction(
        'rw',
        [
          this.db.personPacks,
          this.db.searchChunks,
          this.db.meta,
          this.db.audit,
          this.db.importJobs,
          this.db.documents,
          this.db.relations,
        ],
        async (tx) => {
          for (const [chunk, version] of expected) {
            if (((await this.db.searchChunks.get(chunk))?.version ?? 0) !== version) throw new StaleChunkError();
          }
          await this.db.personPacks.bulkPut(packRows);
          await this.db.searchChunks.bulkPut(chunkRows);
          for (const change of changes.values()) {
            for (const id of change.removals) {
              await this.db.documents.where('personId').equals(id).delete();
              await this.db.relations.where('fromId').equals(id).delete();
              await this.db.relations.where('toId').equals(id).delete();
            }
          }
          await this.bumpGeneration();
          if (audits.length > 0) await this.db.audit.bulkAdd(audits);
          if (extra) await extra(tx);
        },
      );
      for (const row of chunkRows) this.chunkVersions.set(row.chunk, row.version);
      for (const [chunk, people] of packs) {
        this.packCache.set(chunk, {
          version: this.chunkVersions.get(chunk)!,
          people: new Map(people.map((p) => [p.id, p])),
        });
      }
      while (this.packCache.size > packCacheSize) this.packCache.delete(this.packCache.keys().next().value!);
      this.generation += 1;
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    }
  }

  private async bumpGeneration() {
    const current = ((await this.db.meta.get(generationKey))?.value as number | undefined) ?? 0;
    await this.db.meta.put({ key: generationKey, value: current + 1 });
  }

  /** Hands out chunk slots for new people: first the room left in existing chunks, then new chunks. */
  private roomAllocator(): () => number {
    const free: Array<[number, number]> = [];
    let last = -1;
    for (const [chunk, members] of this.chunkMembers) {
      last = Math.max(last, chunk);
      if (members.size < chunkSize) free.push([chunk, chunkSize - members.size]);
    }
    return () => {
      while (free.length > 0 && free[0]![1] === 0) free.shift();
      if (free.length === 0) free.push([++last, chunkSize]);
      free[0]![1] -= 1;
      return free[0]![0];
    };
  }

  private addToChunk(id: string, chunk: number) {
    let members = this.chunkMembers.get(chunk);
    if (!members) {
      members = new Set();
      this.chunkMembers.set(chunk, members);
    }
    members.add(id);
    this.chunkOf.set(id, chunk);
  }

  private async sealChunk(chunk: number): Promise<SearchChunkRow> {
    const entries = [...(this.chunkMembers.get(chunk) ?? [])].map((id) => this.index.get(id)!);
    const sealed = await sealJson(this.key, entries, `chunk:${chunk}`);
    return { chunk, ...sealed, version: (this.chunkVersions.get(chunk) ?? 0) + 1 };
  }

  private async sealPack(chunk: number, people: Person[]): Promise<PersonPackRow> {
    const sealed = await sealJson(this.key, people, `pack:${chunk}`);
    return { chunk, ...sealed, version: (this.chunkVersions.get(chunk) ?? 0) + 1 };
  }

  /** Erases people completely: records, documents, relations both ways, index entries. */
  async eraseMany(ids: string[], now = new Date(), action: AuditAction = 'person.erase') {
    if (ids.length === 0) return;
    const at = now.toISOString();
    await this.retrying(() => {
      const changes = new Map<number, ChunkChange>();
      for (const id of ids) {
        const chunk = this.chunkOf.get(id);
        if (chunk === undefined) throw new ReasonError('error.person.notFound');
        const change = changes.get(chunk) ?? { upserts: [], removals: new Set<string>() };
        change.removals.add(id);
        changes.set(chunk, change);
      }
      const audits = ids.map((id) => ({ at, officerId: this.actor.officerId, action, personId: id, detail: '' }));
      return this.commit(changes, at, audits);
    });
  }

  async erase(id: string, now = new Date()) {
    await this.eraseMany([id], now);
  }

  /** Erases everyone not used for `days` days; returns how many. */
  async purgeUnused(days: number, now = new Date()): Promise<number> {
    await this.refresh();
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const stale = [...this.index.all()].filter((e) => e.lastUsedAt < cutoff).map((e) => e.id);
    await this.eraseMany(stale, now);
    await this.audit('retention.purge', null, now, `${stale.length} người, ${days} ngày`);
    return stale.length;
  }

  /** Filling a form or viewing counts as use: retention counts from here. */
  async markUsed(id: string, now = new Date()) {
    const person = await this.get(id, { audit: false });
    if (!person) return;
    await this.retrying(() => {
      const chunk = this.chunkOf.get(id)!;
      return this.commit(new Map([[chunk, { upserts: [person], removals: new Set() }]]), now.toISOString(), []);
    });
  }

  async link(fromId: string, kind: RelationKind, toId: string): Promise<Relation> {
    if (fromId === toId) throw new ReasonError('error.relation.self');
    const relation = relationSchema.parse({ id: crypto.randomUUID(), fromId, kind, toId });
    await this.db.relations.put(relation);
    return relation;
  }

  /** Links unless the same relation is already there (for spouses, in either direction); true when it was added. */
  async linkOnce(fromId: string, kind: RelationKind, toId: string): Promise<boolean> {
    const existing = await this.relationsOf(fromId);
    const same = (r: Relation) =>
      r.kind === kind &&
      ((r.fromId === fromId && r.toId === toId) || (kind === 'spouse' && r.fromId === toId && r.toId === fromId));
    if (existing.some(same)) return false;
    await this.link(fromId, kind, toId);
    return true;
  }

  async unlink(relationId: string) {
    await this.db.relations.delete(relationId);
  }

  async relationsOf(id: string): Promise<Relation[]> {
    const [from, to] = await Promise.all([
      this.db.relations.where('fromId').equals(id).toArray(),
      this.db.relations.where('toId').equals(id).toArray(),
    ]);
    return [...from, ...to].map((r) => relationSchema.parse(r));
  }

  async addDocument(
    personId: string,
    meta: DocumentMeta,
    bytes: Uint8Array<ArrayBuffer>,
    now = new Date(),
  ): Promise<string> {
    const id = crypto.randomUUID();
    const sealedMeta = await sealJson(this.key, documentMetaSchema.parse(meta), `document:${id}`);
    const sealedBlob = await sealBytes(this.key, bytes, `document-blob:${id}`);
    const row: DocumentRow = {
      id,
      personId,
      ...sealedMeta,
      blobIv: sealedBlob.iv,
      blobCt: sealedBlob.ct,
      createdAt: now.toISOString(),
    };
    await this.db.documents.add(row);
    return id;
  }

  async documentsOf(personId: string): Promise<Array<DocumentMeta & { id: string }>> {
    const rows = await this.db.documents.where('personId').equals(personId).toArray();
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        ...documentMetaSchema.parse(await openJson(this.key, r, `document:${r.id}`)),
      })),
    );
  }

  async documentBytes(id: string): Promise<Uint8Array<ArrayBuffer>> {
    const row = await this.db.documents.get(id);
    if (!row) throw new ReasonError('error.document.notFound');
    return openBytes(this.key, { iv: row.blobIv, ct: row.blobCt }, `document-blob:${id}`);
  }

  /** People for export (all when `ids` is omitted, by name), with an audit event. Each pack is decrypted once. */
  async exportPeople(ids?: string[], now = new Date()): Promise<Person[]> {
    await this.refresh();
    const wanted = ids ?? this.listEntries().map((e) => e.id);
    const byChunk = new Map<number, string[]>();
    for (const id of wanted) {
      const chunk = this.chunkOf.get(id);
      if (chunk !== undefined) byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), id]);
    }
    const found = new Map<string, Person>();
    for (const [chunk, members] of byChunk) {
      const pack = await this.pack(chunk);
      for (const id of members) {
        const person = pack.get(id);
        if (person) found.set(id, person);
      }
    }
    const people = wanted.map((id) => found.get(id)).filter((p): p is Person => Boolean(p));
    await this.audit('people.export', null, now, String(people.length));
    return people;
  }

  /** Everything held about one person (data-subject access request), with an audit event. */
  async exportSubject(id: string, now = new Date()): Promise<SubjectExport> {
    const person = await this.get(id, { audit: false });
    if (!person) throw new ReasonError('error.person.notFound');
    const documents = await Promise.all(
      (await this.documentsOf(id)).map(async (d) => ({
        ...d,
        contentBase64: toBase64(await this.documentBytes(d.id)),
      })),
    );
    const auditTrail = (await this.db.audit.where('personId').equals(id).toArray()).map(
      ({ seq: _seq, ...rest }) => rest,
    );
    await this.audit('person.export', id, now);
    return { exportedAt: now.toISOString(), person, relations: await this.relationsOf(id), documents, auditTrail };
  }

  async audit(action: AuditAction, personId: string | null, now = new Date(), detail = '') {
    await this.db.audit.add({ at: now.toISOString(), officerId: this.actor.officerId, action, personId, detail });
  }
}
