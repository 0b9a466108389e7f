import type { CounterRow, FilingPeopleRow, MotcuaDB } from '@/utils/db/database';
import { openJson, randomBytes, sealJson, toBase64 } from '@/utils/security/crypto';
import { BundleError, makeBundle, openBundle, sameCounterName, type FilingBundle } from '@/utils/filings/bundle';
import { chainEntry, currentFilings, peopleDigest } from '@/utils/filings/chain';
import { ensureOwnCounter } from '@/utils/filings/counter';
import { checkAll, type CounterCheck } from '@/utils/filings/integrity';
import { keyFingerprint, signEntry, signHead } from '@/utils/filings/signing';
import {
  genesisHash,
  viewOf,
  type EntryBody,
  type FilingEntry,
  type FilingPeople,
  type FilingStatus,
  type FilingView,
  type SignedHead,
} from '@/utils/db/filing-schema';
import { ReasonError } from '@/utils/i18n/reason-error';

export interface NewFiling {
  officerId: string;
  officerName: string;
  procedure: { code: string; name: string } | null;
  portalHost: string;
  people: FilingPeople['people'];
  fields: FilingEntry['fields'];
  msToFill: number | null;
}

export interface FilingChange {
  status?: FilingStatus;
  dossierCode?: string;
  note?: string;
  procedure?: { code: string; name: string };
  fields?: FilingEntry['fields'];
  msToFill?: number;
  msToSubmit?: number;
}

/** Newest first. */
export function sortViews<T extends { at: string }>(views: T[]): T[] {
  return views.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const aad = (counterId: string, id: string) => `filing:${counterId}:${id}`;

/**
 * The filing log over the records database: appends to this install's chain (one writer at a time), keeps
 * each entry's personal part sealed with the data key, verifies chains and moves logs between counters as
 * signed bundles.
 */
export class FilingLog {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: MotcuaDB,
    private readonly key: CryptoKey,
  ) {}

  /** This install's counter, made (with its key pair) on first use. */
  ownCounter(): Promise<CounterRow> {
    return ensureOwnCounter(this.db);
  }

  async renameOwnCounter(name: string) {
    const own = await this.ownCounter();
    await this.db.counters.update(own.id, { name: name.trim().slice(0, 100) || own.name });
  }

  async counters(): Promise<CounterRow[]> {
    return this.db.counters.toArray();
  }

  /** A new filing (status nháp). */
  record(filing: NewFiling, now = new Date()): Promise<FilingEntry> {
    const id = crypto.randomUUID();
    return this.append(
      {
        id,
        root: id,
        refersTo: null,
        at: now.toISOString(),
        officerId: filing.officerId,
        officerName: filing.officerName,
        procedureCode: filing.procedure?.code ?? null,
        procedureName: filing.procedure?.name ?? null,
        portalHost: filing.portalHost,
        status: 'draft',
        fields: filing.fields,
        msToFill: filing.msToFill,
        msToSubmit: null,
        dossierCode: null,
        peopleDigest: '',
      },
      { people: filing.people, note: '' },
    );
  }

  /** A correction: the filing's new state as a new entry referring to its last one. */
  async amend(
    root: string,
    change: FilingChange,
    officer: { id: string; name: string },
    now = new Date(),
  ): Promise<FilingEntry> {
    const own = await this.ownCounter();
    const last = await this.latest(own.id, root);
    if (!last) throw new ReasonError('error.filing.notFound');
    const people = (await this.peopleOf(last)) ?? { salt: '', people: [], note: '' };
    const { counterId: _c, seq: _s, prevHash: _p, hash: _h, ...carried } = last;
    return this.append(
      {
        ...carried,
        id: crypto.randomUUID(),
        refersTo: last.id,
        at: now.toISOString(),
        officerId: officer.id,
        officerName: officer.name,
        status: change.status ?? last.status,
        dossierCode: change.dossierCode ?? last.dossierCode,
        procedureCode: change.procedure?.code ?? last.procedureCode,
        procedureName: change.procedure?.name ?? last.procedureName,
        fields: change.fields ?? last.fields,
        msToFill: change.msToFill ?? last.msToFill,
        msToSubmit: change.msToSubmit ?? last.msToSubmit,
        peopleDigest: '',
      },
      { people: people.people, note: change.note ?? people.note },
    );
  }

  private append(body: EntryBody, personal: Omit<FilingPeople, 'salt'>): Promise<FilingEntry> {
    const run = this.queue.then(async () => {
      const own = await this.ownCounter();
      const part: FilingPeople = { salt: toBase64(randomBytes(18)), ...personal };
      const digest = await peopleDigest(part);
      const sealed = await sealJson(this.key, part, aad(own.id, body.id));
      for (let attempt = 0; attempt < 5; attempt++) {
        const previous = await this.lastOf(own.id);
        const unsigned = await chainEntry(own.id, previous ?? null, { ...body, peopleDigest: digest });
        // Signed before the transaction: an await on WebCrypto inside it would let IndexedDB commit early.
        const entry: FilingEntry = {
          ...unsigned,
          sig: await signEntry(own.privateKey!, own.id, unsigned.seq, unsigned.hash),
        };
        const head: SignedHead = {
          count: entry.seq,
          hash: entry.hash,
          sig: await signHead(own.privateKey!, own.id, entry.seq, entry.hash),
        };
        const written = await this.db.transaction(
          'rw',
          [this.db.filings, this.db.filingPeople, this.db.filingViews, this.db.counters],
          async () => {
            // Another context appended meanwhile: hash again on the new head.
            if ((await this.lastOf(own.id))?.hash !== previous?.hash) return false;
            await this.db.filings.add(entry);
            await this.db.filingPeople.put({ counterId: own.id, id: entry.id, ...sealed } satisfies FilingPeopleRow);
            await this.db.filingViews.put(viewOf(entry));
            await this.db.counters.update(own.id, { head });
            return true;
          },
        );
        if (written) return entry;
      }
      throw new ReasonError('error.log.busy');
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private lastOf(counterId: string): Promise<FilingEntry | undefined> {
    return this.db.filings.where('[counterId+seq]').between([counterId, 0], [counterId, Infinity]).last();
  }

  private async latest(counterId: string, root: string): Promise<FilingEntry | undefined> {
    const all = await this.db.filings.where('root').equals(root).toArray();
    return all
      .filter((e) => e.counterId === counterId)
      .sort((a, b) => a.seq - b.seq)
      .at(-1);
  }

  /** Every entry of one counter (or all), in chain order. */
  async entries(counterId?: string): Promise<FilingEntry[]> {
    if (counterId)
      return this.db.filings.where('[counterId+seq]').between([counterId, 0], [counterId, Infinity]).toArray();
    return this.db.filings.toArray();
  }

  /** Each filing's current state, newest first (from the view table, not the whole chain). */
  async filings(): Promise<FilingView[]> {
    return sortViews(await this.db.filingViews.toArray());
  }

  async history(counterId: string, root: string): Promise<FilingEntry[]> {
    return (await this.db.filings.where('root').equals(root).toArray())
      .filter((e) => e.counterId === counterId)
      .sort((a, b) => a.seq - b.seq);
  }

  async peopleOf(entry: Pick<FilingEntry, 'counterId' | 'id'>): Promise<FilingPeople | null> {
    const row = await this.db.filingPeople.get([entry.counterId, entry.id]);
    return row ? openJson<FilingPeople>(this.key, row, aad(entry.counterId, entry.id)) : null;
  }

  /** "Kiểm tra tính toàn vẹn" in this context (the dashboard runs the same check in a worker: verify-client.ts). */
  async verify(): Promise<Array<{ counter: CounterRow; check: CounterCheck }>> {
    const counters = await this.counters();
    const checks = await checkAll(this.db, this.key);
    return checks.map((check) => ({
      counter: counters.find((c) => c.id === check.counterId) ?? {
        id: check.counterId,
        name: check.counterId,
        publicJwk: {},
        own: 0,
      },
      check,
    }));
  }

  /**
   * The own counter's signed head. A log from before version 6 (no entry signed yet) gets its first head here,
   * over the chain as it stands: from then on a cut or rewritten tail no longer matches it.
   */
  async ownHead(): Promise<SignedHead> {
    const own = await this.ownCounter();
    if (own.head) return own.head;
    const last = await this.lastOf(own.id);
    if (last?.sig) throw new BundleError('bundle.headMissing');
    const head: SignedHead = {
      count: last?.seq ?? 0,
      hash: last?.hash ?? genesisHash,
      sig: await signHead(own.privateKey!, own.id, last?.seq ?? 0, last?.hash ?? genesisHash),
    };
    await this.db.counters.update(own.id, { head });
    return head;
  }

  /** What a supervisor compares before enrolling this counter on their PC. */
  async ownFingerprint(): Promise<string> {
    return keyFingerprint((await this.ownCounter()).publicJwk);
  }

  async exportBundle(passphrase: string, now = new Date(), iterations?: number): Promise<FilingBundle> {
    const own = await this.ownCounter();
    const head = await this.ownHead();
    const entries = await this.entries(own.id);
    const people = new Map<string, FilingPeople>();
    for (const e of entries) {
      const part = await this.peopleOf(e);
      if (part) people.set(e.id, part);
    }
    return makeBundle({
      counter: { id: own.id, name: own.name, publicJwk: own.publicJwk, privateKey: own.privateKey! },
      entries,
      head,
      people,
      passphrase,
      now,
      iterations,
    });
  }

  /**
   * A supervisor enrols another counter's key after comparing its fingerprint with the one that counter shows;
   * only then are its bundles taken. A name another counter here already has is refused.
   */
  async enrolCounter(counter: { id: string; name: string; publicJwk: JsonWebKey }, actorId: string, now = new Date()) {
    const others = (await this.counters()).filter((c) => c.id !== counter.id);
    if (others.some((c) => sameCounterName(c.name, counter.name)))
      throw new BundleError('bundle.forgedName', { counter: counter.name });
    const existing = await this.db.counters.get(counter.id);
    await this.db.counters.put({
      ...existing,
      id: counter.id,
      name: counter.name,
      publicJwk: counter.publicJwk,
      own: 0,
      enrolledAt: now.toISOString(),
      enrolledBy: actorId,
    });
  }

  /**
   * Imports an enrolled counter's bundle whole, or throws a BundleError with the reason and keeps nothing
   * (EnrolmentNeeded for a counter not enrolled yet). The bundle's signed head becomes the last head seen.
   */
  async importBundle(
    text: string,
    passphrase: string,
    now = new Date(),
  ): Promise<{ counterName: string; added: number; total: number }> {
    const own = await this.ownCounter();
    let counterId: string | null = null;
    try {
      counterId = (JSON.parse(text) as { counter?: { id?: string } }).counter?.id ?? null;
    } catch {
      // openBundle explains.
    }
    const counters = await this.counters();
    const row = counters.find((c) => c.id === counterId);
    const known = {
      entries: counterId ? await this.entries(counterId) : [],
      lastHead: row?.lastHead ?? null,
      enrolled: Boolean(row?.enrolledAt),
      publicJwk: row?.publicJwk ?? null,
    };
    const names = new Map(counters.map((c) => [c.id, c.name]));
    const opened = await openBundle(text, passphrase, known, names, own.id);
    const sealed = await Promise.all(
      opened.fresh.map(async (e) => ({
        counterId: e.counterId,
        id: e.id,
        ...(await sealJson(this.key, opened.people.get(e.id)!, aad(e.counterId, e.id))),
      })),
    );
    await this.db.transaction(
      'rw',
      [this.db.filings, this.db.filingPeople, this.db.filingViews, this.db.counters],
      async () => {
        const existing = await this.db.counters.get(opened.counter.id);
        await this.db.counters.put({
          ...existing,
          id: opened.counter.id,
          name: opened.counter.name,
          publicJwk: opened.counter.publicJwk,
          own: 0,
          importedAt: now.toISOString(),
          lastHead: { ...opened.head, at: now.toISOString() },
        });
        await this.db.filings.bulkAdd(opened.fresh);
        await this.db.filingPeople.bulkPut(sealed);
        await this.db.filingViews.bulkPut(currentFilings(opened.fresh).map(viewOf));
      },
    );
    return { counterName: opened.counter.name, added: opened.fresh.length, total: opened.total };
  }
}
