import type { Transaction } from 'dexie';
import { openBytes, openJson, sealBytes, sealJson, toBase64 } from '../security/crypto';
import type { AuditRow, DocumentRow, MotcuaDB, PersonRow, SearchChunkRow } from './db';
import {
  documentMetaSchema,
  personSchema,
  relationSchema,
  type AuditAction,
  type DocumentMeta,
  type Person,
  type PersonInput,
  type Relation,
  type RelationKind,
} from './schema';
import { chunkSize, entryFor, SearchIndex, type SearchEntry, type SearchResult } from './search-index';

/** Changes bump this meta row, so every context holding an index knows to reload what changed. */
const generationKey = 'generation';

class StaleChunkError extends Error {}

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

/**
 * The citizen records of one unlocked session: every read decrypts, every write encrypts before the
 * IndexedDB transaction opens (an await on WebCrypto inside a transaction would let it auto-commit).
 */
export class RecordsStore {
  private readonly index = new SearchIndex();
  private readonly chunkMembers = new Map<number, Set<string>>();
  private readonly chunkVersions = new Map<number, number>();
  private readonly chunkOf = new Map<string, number>();
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
        this.index.put(entry);
        members.add(entry.id);
        this.chunkOf.set(entry.id, row.chunk);
      }
      this.chunkMembers.set(row.chunk, members);
      this.chunkVersions.set(row.chunk, row.version);
    });
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

  findByPersonalId(id: string): SearchEntry | undefined {
    for (const entry of this.index.all()) if (entry.personalId === id || entry.oldId === id) return entry;
    return undefined;
  }

  async get(id: string, options: { audit?: boolean } = {}): Promise<Person | null> {
    const row = await this.db.people.get(id);
    if (!row) return null;
    const person = personSchema.parse(await openJson(this.key, row, `person:${id}`));
    if (options.audit !== false) await this.audit('person.view', id);
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
    if (!(await this.db.people.get(person.id))) throw new Error('Không tìm thấy công dân này (có thể đã bị xoá).');
    await this.writePeople([next], 'person.update', now);
    return next;
  }

  /**
   * Writes people and their index chunks in one transaction. Used one at a time by forms and in batches by
   * imports: a batch is all-or-nothing. `extra` runs inside the same transaction (an import's progress).
   */
  async writePeople(
    people: Person[],
    action: AuditAction | null,
    now = new Date(),
    extra?: (tx: Transaction) => Promise<unknown>,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.tryWrite(people, action, now, extra);
        return;
      } catch (error) {
        if (!(error instanceof StaleChunkError) || attempt >= 3) throw error;
        await this.refresh();
      }
    }
  }

  private async tryWrite(people: Person[], action: AuditAction | null, now: Date, extra?: (tx: Transaction) => Promise<unknown>) {
    const at = now.toISOString();
    const previous = new Map<string, SearchEntry | undefined>();
    const placed = new Map<string, number>();
    const touched = new Set<number>();
    for (const person of people) {
      previous.set(person.id, this.index.get(person.id));
      const chunk = this.chunkOf.get(person.id) ?? this.openChunk(placed);
      placed.set(person.id, chunk);
      touched.add(chunk);
    }
    // Work on the in-memory index; undone below if the transaction fails.
    for (const person of people) {
      this.index.put(entryFor(person));
      this.addToChunk(person.id, placed.get(person.id)!);
    }
    try {
      const personRows: PersonRow[] = await Promise.all(
        people.map(async (p) => {
          const sealed = await sealJson(this.key, p, `person:${p.id}`);
          return { id: p.id, ...sealed, chunk: placed.get(p.id)!, createdAt: p.createdAt, updatedAt: p.updatedAt, lastUsedAt: at };
        }),
      );
      const chunkRows = await Promise.all([...touched].map((chunk) => this.sealChunk(chunk)));
      const expected = new Map([...touched].map((c) => [c, this.chunkVersions.get(c) ?? 0]));
      await this.db.transaction('rw', [this.db.people, this.db.searchChunks, this.db.meta, this.db.audit, this.db.importJobs], async (tx) => {
        for (const [chunk, version] of expected) {
          if (((await this.db.searchChunks.get(chunk))?.version ?? 0) !== version) throw new StaleChunkError();
        }
        await this.db.people.bulkPut(personRows);
        await this.db.searchChunks.bulkPut(chunkRows);
        await this.bumpGeneration();
        if (action) {
          await this.db.audit.bulkAdd(
            action === 'import'
              ? [{ at, officerId: this.actor.officerId, action, personId: null, detail: String(people.length) }]
              : people.map((p) => ({ at, officerId: this.actor.officerId, action, personId: p.id, detail: '' })),
          );
        }
        if (extra) await extra(tx);
      });
      for (const row of chunkRows) this.chunkVersions.set(row.chunk, row.version);
      this.generation += 1;
    } catch (error) {
      for (const person of people) {
        const before = previous.get(person.id);
        this.removeFromChunk(person.id);
        if (before) {
          this.index.put(before);
          this.addToChunk(person.id, placed.get(person.id)!);
        } else {
          this.index.remove(person.id);
        }
      }
      throw error;
    }
  }

  private async bumpGeneration() {
    const current = ((await this.db.meta.get(generationKey))?.value as number | undefined) ?? 0;
    await this.db.meta.put({ key: generationKey, value: current + 1 });
  }

  /** A chunk with room: the fullest one that is not full, else a new one. */
  private openChunk(pending: Map<string, number>): number {
    const pendingCounts = new Map<number, number>();
    for (const c of pending.values()) pendingCounts.set(c, (pendingCounts.get(c) ?? 0) + 1);
    let last = -1;
    for (const [chunk, members] of this.chunkMembers) {
      last = Math.max(last, chunk);
      if (members.size + (pendingCounts.get(chunk) ?? 0) < chunkSize) return chunk;
    }
    for (const [chunk, count] of pendingCounts) {
      last = Math.max(last, chunk);
      if (!this.chunkMembers.has(chunk) && count < chunkSize) return chunk;
    }
    return last + 1;
  }

  private addToChunk(id: string, chunk: number) {
    let members = this.chunkMembers.get(chunk);
    if (!members) this.chunkMembers.set(chunk, (members = new Set()));
    members.add(id);
    this.chunkOf.set(id, chunk);
  }

  private removeFromChunk(id: string) {
    const chunk = this.chunkOf.get(id);
    if (chunk === undefined) return;
    this.chunkMembers.get(chunk)?.delete(id);
    this.chunkOf.delete(id);
  }

  private async sealChunk(chunk: number): Promise<SearchChunkRow> {
    const entries = [...(this.chunkMembers.get(chunk) ?? [])].map((id) => this.index.get(id)!);
    const sealed = await sealJson(this.key, entries, `chunk:${chunk}`);
    return { chunk, ...sealed, version: (this.chunkVersions.get(chunk) ?? 0) + 1 };
  }

  /** Erases one person completely: record, documents, relations both ways, index entry. */
  async erase(id: string, now = new Date()) {
    const entry = this.index.get(id);
    const chunk = this.chunkOf.get(id);
    if (!entry || chunk === undefined) throw new Error('Không tìm thấy công dân này.');
    this.index.remove(id);
    this.removeFromChunk(id);
    try {
      const chunkRow = await this.sealChunk(chunk);
      const expected = this.chunkVersions.get(chunk) ?? 0;
      await this.db.transaction('rw', [this.db.people, this.db.searchChunks, this.db.documents, this.db.relations, this.db.meta, this.db.audit], async () => {
        if (((await this.db.searchChunks.get(chunk))?.version ?? 0) !== expected) throw new StaleChunkError();
        await this.db.people.delete(id);
        await this.db.documents.where('personId').equals(id).delete();
        await this.db.relations.where('fromId').equals(id).delete();
        await this.db.relations.where('toId').equals(id).delete();
        await this.db.searchChunks.put(chunkRow);
        await this.bumpGeneration();
        await this.db.audit.add({ at: now.toISOString(), officerId: this.actor.officerId, action: 'person.erase', personId: id, detail: '' });
      });
      this.chunkVersions.set(chunk, chunkRow.version);
      this.generation += 1;
    } catch (error) {
      this.index.put(entry);
      this.addToChunk(id, chunk);
      throw error;
    }
  }

  /** Erases everyone not used for `days` days; returns how many. */
  async purgeUnused(days: number, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const stale = await this.db.people.where('lastUsedAt').below(cutoff).primaryKeys();
    for (const id of stale) await this.erase(id, now);
    await this.db.audit.add({ at: now.toISOString(), officerId: this.actor.officerId, action: 'retention.purge', personId: null, detail: `${stale.length} người, ${days} ngày` });
    return stale.length;
  }

  async markUsed(id: string, now = new Date()) {
    await this.db.people.update(id, { lastUsedAt: now.toISOString() });
  }

  async link(fromId: string, kind: RelationKind, toId: string): Promise<Relation> {
    if (fromId === toId) throw new Error('Không thể liên kết một người với chính họ.');
    const relation = relationSchema.parse({ id: crypto.randomUUID(), fromId, kind, toId });
    await this.db.relations.put(relation);
    return relation;
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

  async addDocument(personId: string, meta: DocumentMeta, bytes: Uint8Array<ArrayBuffer>, now = new Date()): Promise<string> {
    const id = crypto.randomUUID();
    const sealedMeta = await sealJson(this.key, documentMetaSchema.parse(meta), `document:${id}`);
    const sealedBlob = await sealBytes(this.key, bytes, `document-blob:${id}`);
    const row: DocumentRow = { id, personId, ...sealedMeta, blobIv: sealedBlob.iv, blobCt: sealedBlob.ct, createdAt: now.toISOString() };
    await this.db.documents.add(row);
    return id;
  }

  async documentsOf(personId: string): Promise<Array<DocumentMeta & { id: string }>> {
    const rows = await this.db.documents.where('personId').equals(personId).toArray();
    return Promise.all(rows.map(async (r) => ({ id: r.id, ...documentMetaSchema.parse(await openJson(this.key, r, `document:${r.id}`)) })));
  }

  async documentBytes(id: string): Promise<Uint8Array<ArrayBuffer>> {
    const row = await this.db.documents.get(id);
    if (!row) throw new Error('Không tìm thấy giấy tờ.');
    return openBytes(this.key, { iv: row.blobIv, ct: row.blobCt }, `document-blob:${id}`);
  }

  /** People for export (all when `ids` is omitted), with an audit event. */
  async exportPeople(ids?: string[], now = new Date()): Promise<Person[]> {
    const wanted = ids ?? [...this.index.all()].map((e) => e.id);
    const rows = (await this.db.people.bulkGet(wanted)).filter((r): r is PersonRow => Boolean(r));
    const people = await Promise.all(rows.map(async (r) => personSchema.parse(await openJson(this.key, r, `person:${r.id}`))));
    await this.db.audit.add({ at: now.toISOString(), officerId: this.actor.officerId, action: 'people.export', personId: null, detail: String(people.length) });
    return people;
  }

  /** Everything held about one person (data-subject access request), with an audit event. */
  async exportSubject(id: string, now = new Date()): Promise<SubjectExport> {
    const person = await this.get(id, { audit: false });
    if (!person) throw new Error('Không tìm thấy công dân này.');
    const documents = await Promise.all(
      (await this.documentsOf(id)).map(async (d) => ({ ...d, contentBase64: toBase64(await this.documentBytes(d.id)) })),
    );
    const auditTrail = (await this.db.audit.where('personId').equals(id).toArray()).map(({ seq: _seq, ...rest }) => rest);
    await this.audit('person.export', id, now);
    return { exportedAt: now.toISOString(), person, relations: await this.relationsOf(id), documents, auditTrail };
  }

  async audit(action: AuditAction, personId: string | null, now = new Date(), detail = '') {
    await this.db.audit.add({ at: now.toISOString(), officerId: this.actor.officerId, action, personId, detail });
  }
}
