import { createSHA256, type IHasher } from 'hash-wasm';
import type { CounterRow, FilingPeopleRow, MotcuaDB } from '@/utils/db/database';
import {
  genesisHash,
  viewOf,
  type FilingEntry,
  type FilingPeople,
  type FilingView,
  type SignedHead,
} from '@/utils/db/filing-schema';
import { openJson } from '@/utils/security/crypto';
import { canonicalJson } from '@/utils/filings/canonical';
import { hashedPart } from '@/utils/filings/chain';
import { entrySigned, headSigned, importVerifyKey } from '@/utils/filings/signing';

/**
 * "Kiểm tra tính toàn vẹn": everything that must agree for a counter's log to be what its counter wrote.
 *
 * 1. each entry's hash, each link to the previous entry and the sequence numbers;
 * 2. the signatures: the signed head (count and last hash: a deleted or rewritten tail no longer matches), every
 *    `checkpointEvery`-th entry's signature, and, where one of those fails, each entry's signature in between, so
 *    the first rewritten entry is named;
 * 3. the sealed people and notes against each entry's digest (needs the data key);
 * 4. the view table the dashboard reads against the chain's current state of each filing.
 *
 * Runs in a Web Worker from the dashboard (verify.worker.ts); SHA-256 is hash-wasm's (synchronous, so 100,000
 * small hashes do not cost 100,000 trips through WebCrypto's promise queue).
 */
export const checkpointEvery = 1000;

export type IntegrityProblem =
  | { code: 'integrity.edited'; entry: number }
  | { code: 'integrity.link'; entry: number }
  | { code: 'integrity.wrongCounter'; entry: number }
  | { code: 'integrity.signature'; entry: number }
  | { code: 'integrity.truncated'; entry: number; expected: number }
  | { code: 'integrity.beyondHead'; entry: number }
  | { code: 'integrity.headSignature' }
  | { code: 'integrity.headMissing' }
  | { code: 'integrity.people'; entry: number }
  | { code: 'integrity.viewExtra'; officer: string; filing: string }
  | { code: 'integrity.viewChanged'; entry: number }
  | { code: 'integrity.viewMissing'; entry: number };

export interface CounterCheck {
  counterId: string;
  count: number;
  problems: IntegrityProblem[];
}

export interface CounterData {
  counter: Pick<CounterRow, 'id' | 'publicJwk'>;
  entries: FilingEntry[];
  /** The signed head to hold the chain to: the own counter's, or the last one a bundle brought. */
  head: SignedHead | null;
  people: FilingPeopleRow[];
  views: FilingView[];
}

/** At most this many problems of one kind are listed per counter (the count of the rest is not the point). */
const listed = 5;

let hasher: IHasher | null = null;
async function sha256(): Promise<IHasher> {
  hasher ??= await createSHA256();
  return hasher;
}

function hexOf(h: IHasher, text: string): string {
  h.init();
  h.update(text);
  return h.digest('hex');
}

/** An entry's hashed part's keys in canonical (sorted) order, with `fields`' own keys. */
const entryKeys = [
  'at',
  'counterId',
  'dossierCode',
  'fields',
  'id',
  'msToFill',
  'msToSubmit',
  'officerId',
  'officerName',
  'peopleDigest',
  'portalHost',
  'prevHash',
  'procedureCode',
  'procedureName',
  'refersTo',
  'root',
  'seq',
  'status',
] as const;
const fieldKeys = ['check', 'filled', 'missing'] as const;
const q = JSON.stringify;

/**
 * canonicalJson(hashedPart(e)) for an entry of the known shape, written field by field (several times faster
 * over 100,000 entries); anything else — a key added, one missing, an odd value — takes the generic path, so
 * the hash compared is always the canonical one.
 */
export function entryCanonical(e: FilingEntry): string {
  const keys = Object.keys(e);
  const own = e.sig === undefined ? keys.length : keys.length - 1;
  const f = e.fields as Record<string, unknown> | null;
  const plain =
    own === entryKeys.length + 1 &&
    typeof f === 'object' &&
    f !== null &&
    Object.keys(f).length === 3 &&
    fieldKeys.every((k) => Number.isFinite(f[k])) &&
    entryKeys.every(
      (k) =>
        k in e &&
        (e as Record<string, unknown>)[k] !== undefined &&
        (k === 'fields' ||
          typeof (e as Record<string, unknown>)[k] !== 'object' ||
          (e as Record<string, unknown>)[k] === null),
    );
  if (
    !plain ||
    (typeof e.msToFill === 'number' && !Number.isFinite(e.msToFill)) ||
    (typeof e.msToSubmit === 'number' && !Number.isFinite(e.msToSubmit)) ||
    !Number.isFinite(e.seq)
  ) {
    return canonicalJson(hashedPart(e));
  }
  return `{"at":${q(e.at)},"counterId":${q(e.counterId)},"dossierCode":${q(e.dossierCode)},"fields":{"check":${q(e.fields.check)},"filled":${q(e.fields.filled)},"missing":${q(e.fields.missing)}},"id":${q(e.id)},"msToFill":${q(e.msToFill)},"msToSubmit":${q(e.msToSubmit)},"officerId":${q(e.officerId)},"officerName":${q(e.officerName)},"peopleDigest":${q(e.peopleDigest)},"portalHost":${q(e.portalHost)},"prevHash":${q(e.prevHash)},"procedureCode":${q(e.procedureCode)},"procedureName":${q(e.procedureName)},"refersTo":${q(e.refersTo)},"root":${q(e.root)},"seq":${q(e.seq)},"status":${q(e.status)}}`;
}

/** The first break of hashes and links, or null. */
async function chainProblem(entries: FilingEntry[], counterId: string): Promise<IntegrityProblem | null> {
  const h = await sha256();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.counterId !== counterId) return { code: 'integrity.wrongCounter', entry: i + 1 };
    const prevHash = i === 0 ? genesisHash : entries[i - 1]!.hash;
    if (e.seq !== i + 1 || e.prevHash !== prevHash) return { code: 'integrity.link', entry: i + 1 };
    if (hexOf(h, entryCanonical(e)) !== e.hash) return { code: 'integrity.edited', entry: i + 1 };
  }
  return null;
}

/** The first entry in [from, to) whose own signature fails (entries before the first signed one are legacy). */
async function firstBadSignature(
  key: CryptoKey,
  entries: FilingEntry[],
  from: number,
  to: number,
): Promise<number | null> {
  const batch = 256;
  for (let start = from; start < to; start += batch) {
    const slice = entries.slice(start, Math.min(to, start + batch));
    const ok = await Promise.all(slice.map((e) => entrySigned(key, e)));
    const bad = ok.findIndex((v) => !v);
    if (bad >= 0) return start + bad;
  }
  return null;
}

async function signatureProblems(data: Pick<CounterData, 'counter' | 'entries' | 'head'>): Promise<IntegrityProblem[]> {
  const { entries, head } = data;
  const firstSigned = entries.findIndex((e) => e.sig !== undefined);
  if (!head) return firstSigned >= 0 ? [{ code: 'integrity.headMissing' }] : [];
  const key = await importVerifyKey(data.counter.publicJwk);
  if (!(await headSigned(key, data.counter.id, head))) return [{ code: 'integrity.headSignature' }];
  const problems: IntegrityProblem[] = [];
  const within = Math.min(head.count, entries.length);
  if (head.count > entries.length)
    problems.push({ code: 'integrity.truncated', entry: entries.length + 1, expected: head.count });
  if (head.count < entries.length) problems.push({ code: 'integrity.beyondHead', entry: head.count + 1 });
  // Checkpoints, then the head: the first one that fails bounds the block to walk entry by entry.
  const from = Math.max(firstSigned, 0);
  const marks: number[] = [];
  for (let i = from; i < within; i++) if (entries[i]!.seq % checkpointEvery === 0) marks.push(i);
  let blockStart = from;
  const headMatches = within === 0 || (head.count <= entries.length && entries[head.count - 1]!.hash === head.hash);
  const checks = await Promise.all(marks.map((i) => entrySigned(key, entries[i]!)));
  let failedAt = checks.findIndex((ok) => !ok);
  if (failedAt >= 0) failedAt = marks[failedAt]!;
  else if (!headMatches || (head.count > entries.length && within > 0)) failedAt = within - 1;
  if (failedAt >= 0) {
    for (const i of marks) if (i < failedAt) blockStart = i + 1;
    const bad = await firstBadSignature(key, entries, blockStart, failedAt + 1);
    if (bad !== null) problems.unshift({ code: 'integrity.signature', entry: bad + 1 });
  }
  return problems;
}

async function peopleProblems(data: CounterData, dataKey: CryptoKey): Promise<IntegrityProblem[]> {
  const rows = new Map(data.people.map((r) => [r.id, r]));
  const h = await sha256();
  const problems: IntegrityProblem[] = [];
  const batch = 2000;
  for (let start = 0; start < data.entries.length && problems.length < listed; start += batch) {
    const slice = data.entries.slice(start, start + batch);
    const parts = await Promise.all(
      slice.map((e) => {
        const row = rows.get(e.id);
        return row
          ? openJson<FilingPeople>(dataKey, row, `filing:${e.counterId}:${e.id}`).catch(() => null)
          : Promise.resolve(null);
      }),
    );
    slice.forEach((e, i) => {
      const part = parts[i];
      if ((!part || hexOf(h, canonicalJson(part)) !== e.peopleDigest) && problems.length < listed)
        problems.push({ code: 'integrity.people', entry: start + i + 1 });
    });
  }
  return problems;
}

/** Whether a view row is exactly the view of `entry` (field by field; the generic comparison for odd rows). */
function sameView(view: FilingView, entry: FilingEntry): boolean {
  const expected = viewOf(entry) as Record<string, unknown>;
  const actual = view as unknown as Record<string, unknown>;
  const keys = Object.keys(expected);
  if (Object.keys(actual).length !== keys.length) return false;
  for (const k of keys) {
    const a = actual[k];
    const b = expected[k];
    if (a === b) continue;
    if (
      typeof a !== 'object' ||
      typeof b !== 'object' ||
      a === null ||
      b === null ||
      canonicalJson(a) !== canonicalJson(b)
    )
      return false;
  }
  return true;
}

function viewProblems(data: CounterData): IntegrityProblem[] {
  // Each filing's current state: its root's last entry in chain order.
  const expected = new Map<string, FilingEntry>();
  for (const e of data.entries) expected.set(e.root, e);
  const problems: IntegrityProblem[] = [];
  const seen = new Set<string>();
  for (const view of data.views) {
    seen.add(view.root);
    const last = expected.get(view.root);
    if (!last)
      problems.push({
        code: 'integrity.viewExtra',
        officer: view.officerName,
        filing: view.procedureName ?? view.root,
      });
    else if (!sameView(view, last)) problems.push({ code: 'integrity.viewChanged', entry: last.seq });
  }
  for (const [root, last] of expected)
    if (!seen.has(root)) problems.push({ code: 'integrity.viewMissing', entry: last.seq });
  return problems.slice(0, listed * 3);
}

/** Hashes, links and signatures only: what a bundle is checked for before anything of it is kept. */
export async function checkChainAndSignatures(
  data: Pick<CounterData, 'counter' | 'entries' | 'head'>,
): Promise<IntegrityProblem[]> {
  const broken = await chainProblem(data.entries, data.counter.id);
  // A broken chain already names its entry; the signatures would only repeat it.
  return broken ? [broken] : signatureProblems(data);
}

/** The full check of one counter; `dataKey` null skips the people (a context without the key). */
export async function checkCounter(
  data: CounterData,
  dataKey: CryptoKey | null,
  timings?: Record<string, number>,
): Promise<CounterCheck> {
  const clock = phases(timings);
  const problems = await checkChainAndSignatures(data);
  clock('chain');
  if (dataKey) problems.push(...(await peopleProblems(data, dataKey)));
  clock('people');
  problems.push(...viewProblems(data));
  clock('views');
  return { counterId: data.counter.id, count: data.entries.length, problems };
}

/** Adds each phase's milliseconds to `timings` (the benchmark reports where the check spends its time). */
function phases(timings?: Record<string, number>) {
  let last = performance.now();
  return (name: string) => {
    const now = performance.now();
    if (timings) timings[name] = (timings[name] ?? 0) + now - last;
    last = now;
  };
}

/** Every counter's log in the database, checked in full. */
export async function checkAll(
  db: MotcuaDB,
  dataKey: CryptoKey | null,
  timings?: Record<string, number>,
): Promise<CounterCheck[]> {
  const clock = phases(timings);
  const counters = await db.counters.toArray();
  const [entries, people, views] = await Promise.all([
    db.filings.toArray(),
    dataKey ? db.filingPeople.toArray() : [],
    db.filingViews.toArray(),
  ]);
  clock('read');
  const by = <T extends { counterId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const list = map.get(r.counterId);
      if (list) list.push(r);
      else map.set(r.counterId, [r]);
    }
    return map;
  };
  const [entriesOf, peopleOf, viewsOf] = [by(entries), by(people), by(views)];
  const out: CounterCheck[] = [];
  const known = new Set(counters.map((c) => c.id));
  for (const counter of counters) {
    const list = (entriesOf.get(counter.id) ?? []).sort((a, b) => a.seq - b.seq);
    const head = counter.own === 1 ? (counter.head ?? null) : (counter.lastHead ?? null);
    out.push(
      await checkCounter(
        { counter, entries: list, head, people: peopleOf.get(counter.id) ?? [], views: viewsOf.get(counter.id) ?? [] },
        dataKey,
        timings,
      ),
    );
  }
  // Views of no counter at all: rows someone added to the dashboard's table.
  for (const [counterId, rows] of viewsOf) {
    if (known.has(counterId)) continue;
    out.push({
      counterId,
      count: 0,
      problems: rows
        .slice(0, listed)
        .map((v) => ({ code: 'integrity.viewExtra', officer: v.officerName, filing: v.procedureName ?? v.root })),
    });
  }
  return out;
}
