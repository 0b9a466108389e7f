import type { ImportJobRow } from '@/utils/db/database';
import { reason, type Reason } from '@/utils/records/reason';
import { personSchema, type Person } from '@/utils/records/schema';
import { StaleChunkError, type RecordsStore } from '@/utils/records/store';
import type { LinkPlan } from '@/utils/records/import/links';
import { withImportLock } from '@/utils/records/import/lock';
import { mergePerson, type Decision, type PreviewRow } from '@/utils/records/import/preview';

/** Rows per transaction: small enough to keep the page responsive, large enough for throughput. */
export const importBatchSize = 2000;

export interface CommitOptions {
  fileName: string;
  /** SHA-256 hex of the file: an interrupted import of the same file resumes where it stopped. */
  fileHash: string;
  rows: PreviewRow[];
  decisions: Map<number, Decision>;
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Another tab is importing: this one waits for it (and the page says so). */
  onWait?: () => void;
  now?: Date;
}

export interface CommitResult {
  jobId: string;
  /** People written by this run. */
  written: number;
  /** Rows this run had to write. */
  total: number;
  /** Rows an earlier, interrupted run of the same file had written (not written again). */
  resumedFrom: number;
  /** Relations the rows' columns named, linked now; and those left out because their person was not written. */
  linked: number;
  linksSkipped: number;
  status: ImportJobRow['status'];
}

/** Why an import stopped, for the officer. Whatever was written stays written, and the same file resumes. */
export class ImportCommitError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.key);
    this.name = 'ImportCommitError';
  }
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stable id per file row, so a resumed or repeated import never creates the same person twice. */
export function importedId(fileHash: string, rowIndex: number): string {
  const h = fileHash.padEnd(32, '0');
  const row = rowIndex.toString(16).padStart(12, '0').slice(-12);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${row}`;
}

const hasBit = (bits: Uint8Array | undefined, i: number) =>
  bits !== undefined && i >> 3 < bits.length && (bits[i >> 3]! & (1 << (i & 7))) !== 0;
function withBits(bits: Uint8Array<ArrayBuffer> | undefined, rows: number[]): Uint8Array<ArrayBuffer> {
  const size = Math.max(bits?.length ?? 0, ...rows.map((i) => (i >> 3) + 1));
  const out = new Uint8Array(size);
  if (bits) out.set(bits);
  for (const i of rows) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

const actionOf = (options: CommitOptions, row: PreviewRow) => options.decisions.get(row.index)?.action ?? 'skip';

/**
 * The person a row is (or became) on record, given the decisions: its own id when added, the stored person
 * when merged, replaced, or skipped as already on record; none when the row was left out or is invalid.
 */
function personOfRow(options: CommitOptions, row: PreviewRow | undefined, store: RecordsStore): string | null {
  if (!row?.draft) return null;
  if (row.existingId) return store.has(row.existingId) ? row.existingId : null;
  const own = importedId(options.fileHash, row.index);
  return actionOf(options, row) === 'add' && store.has(own) ? own : null;
}

/**
 * Writes the officer's decisions in all-or-nothing batches, one import at a time across tabs. The job row,
 * updated inside each batch's transaction, keeps which file rows are written: a resumed import skips exactly
 * those rows, whatever the decisions are now (a row changed to "Bỏ qua" no longer shifts the rest). Then the
 * relations the rows name are linked, once each.
 */
export function commitImport(store: RecordsStore, options: CommitOptions): Promise<CommitResult> {
  return withImportLock(options.onWait ?? (() => {}), () => commitLocked(store, options));
}

async function openJob(store: RecordsStore, options: CommitOptions, at: string): Promise<ImportJobRow> {
  const db = store.db;
  const previous = await db.importJobs
    .where('fileHash')
    .equals(options.fileHash)
    .filter((j) => j.status !== 'done')
    .first();
  if (previous) return previous;
  const job: ImportJobRow = {
    id: crypto.randomUUID(),
    fileName: options.fileName,
    fileHash: options.fileHash,
    totalRows: 0,
    committedRows: 0,
    status: 'running',
    createdAt: at,
    updatedAt: at,
  };
  await db.importJobs.add(job);
  return job;
}

async function commitLocked(store: RecordsStore, options: CommitOptions): Promise<CommitResult> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const batchSize = options.batchSize ?? importBatchSize;
  await store.refresh();
  const job = await openJob(store, options, at);
  const done = (row: PreviewRow) =>
    hasBit(job.committed, row.index) ||
    (actionOf(options, row) === 'add' && store.has(importedId(options.fileHash, row.index)));
  const wanted = options.rows.filter((row) => row.draft && actionOf(options, row) !== 'skip');
  const plan = wanted.filter((row) => !done(row));
  const resumedFrom = wanted.length - plan.length;
  const result = (
    written: number,
    status: ImportJobRow['status'],
    links = { linked: 0, skipped: 0 },
  ): CommitResult => ({
    jobId: job.id,
    written,
    total: plan.length,
    resumedFrom,
    linked: links.linked,
    linksSkipped: links.skipped,
    status,
  });
  const stop = async (status: 'interrupted', failure: string) =>
    store.db.importJobs.update(job.id, { status, failure, updatedAt: new Date().toISOString() });

  let written = 0;
  try {
    await store.db.importJobs.update(job.id, {
      status: 'running',
      totalRows: job.committedRows + plan.length,
      updatedAt: at,
    });
    for (let start = 0; start < plan.length; start += batchSize) {
      if (options.signal?.aborted) {
        await stop('interrupted', 'import.error.aborted');
        return result(written, 'interrupted');
      }
      const batch = plan.slice(start, start + batchSize);
      const people = await Promise.all(batch.map((row) => personFor(store, options, row, at)));
      job.committed = withBits(
        job.committed,
        batch.map((r) => r.index),
      );
      job.committedRows += batch.length;
      const patch = { committed: job.committed, committedRows: job.committedRows, updatedAt: new Date().toISOString() };
      await store.writePeople(people, 'import', now, () => store.db.importJobs.update(job.id, patch));
      written += batch.length;
      options.onProgress?.(written, plan.length);
    }
    const links = await linkRelations(store, options);
    await store.db.importJobs.update(job.id, { status: 'done', updatedAt: new Date().toISOString() });
    return result(written, 'done', links);
  } catch (error) {
    const why =
      error instanceof StaleChunkError
        ? reason('import.error.busy')
        : reason('import.error.failed', { detail: describe(error) });
    await stop('interrupted', why.key).catch(() => undefined);
    throw new ImportCommitError(why);
  }
}

/** Whatever was thrown, something to say: an empty message would leave "Không nhập được:" and nothing more. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name || 'Error';
  return String(error) || 'Error';
}

async function personFor(store: RecordsStore, options: CommitOptions, row: PreviewRow, at: string): Promise<Person> {
  const decision = options.decisions.get(row.index)!;
  const draft = row.draft!;
  if ((decision.action === 'replace' || decision.action === 'merge') && row.existingId) {
    const existing = await store.get(row.existingId, { audit: false });
    if (existing) {
      return decision.action === 'replace'
        ? personSchema.parse({ ...draft, id: existing.id, createdAt: existing.createdAt, updatedAt: at })
        : { ...mergePerson(existing, draft, decision.fields), updatedAt: at };
    }
  }
  return personSchema.parse({ ...draft, id: importedId(options.fileHash, row.index), createdAt: at, updatedAt: at });
}

/** Every planned link whose two people are on record now; those whose person the decisions left out are counted. */
async function linkRelations(
  store: RecordsStore,
  options: CommitOptions,
): Promise<{ linked: number; skipped: number }> {
  const byIndex = new Map(options.rows.map((r) => [r.index, r]));
  let linked = 0;
  let skipped = 0;
  for (const row of options.rows) {
    if (row.links.length === 0) continue;
    const from = actionOf(options, row) === 'skip' ? null : personOfRow(options, row, store);
    for (const link of row.links) {
      const to = targetOf(store, options, link, byIndex);
      if (!from || !to || from === to) {
        skipped += 1;
        continue;
      }
      if (await store.linkOnce(from, link.kind, to)) linked += 1;
    }
  }
  return { linked, skipped };
}

function targetOf(
  store: RecordsStore,
  options: CommitOptions,
  link: LinkPlan,
  byIndex: Map<number, PreviewRow>,
): string | null {
  if ('id' in link.target) return store.has(link.target.id) ? link.target.id : null;
  return personOfRow(options, byIndex.get(link.target.row), store);
}
