import type { ImportJobRow } from '../../db/database';
import { personSchema, type Person } from '../schema';
import type { RecordsStore } from '../store';
import { mergePerson, type Decision, type PreviewRow } from './preview';

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
  now?: Date;
}

export interface CommitResult {
  jobId: string;
  written: number;
  total: number;
  resumedFrom: number;
  status: ImportJobRow['status'];
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stable id per file row, so a resumed or repeated import never creates the same person twice. */
function importedId(fileHash: string, rowIndex: number): string {
  const h = fileHash.padEnd(32, '0');
  const row = rowIndex.toString(16).padStart(12, '0').slice(-12);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${row}`;
}

/**
 * Writes the officer's decisions in all-or-nothing batches. The job row advances inside each batch's
 * transaction, so an interruption (tab closed, browser crash, abort) leaves whole batches only and the
 * same file resumes after the last one.
 */
export async function commitImport(store: RecordsStore, options: CommitOptions): Promise<CommitResult> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const batchSize = options.batchSize ?? importBatchSize;
  const plan = options.rows.filter((row) => row.draft && (options.decisions.get(row.index)?.action ?? 'skip') !== 'skip');

  const db = store.db;
  const previous = await db.importJobs.where('fileHash').equals(options.fileHash).filter((j) => j.status !== 'done').first();
  const job: ImportJobRow = previous ?? {
    id: crypto.randomUUID(),
    fileName: options.fileName,
    fileHash: options.fileHash,
    totalRows: plan.length,
    committedRows: 0,
    status: 'running',
    createdAt: at,
    updatedAt: at,
  };
  if (!previous) await db.importJobs.add(job);
  const resumedFrom = job.committedRows;

  let done = job.committedRows;
  for (let start = job.committedRows; start < plan.length; start += batchSize) {
    if (options.signal?.aborted) {
      await db.importJobs.update(job.id, { status: 'interrupted', updatedAt: new Date().toISOString() });
      return { jobId: job.id, written: done - resumedFrom, total: plan.length, resumedFrom, status: 'interrupted' };
    }
    const batch = plan.slice(start, start + batchSize);
    const people: Person[] = [];
    for (const row of batch) {
      const decision = options.decisions.get(row.index)!;
      const draft = row.draft!;
      if ((decision.action === 'replace' || decision.action === 'merge') && row.existingId) {
        const existing = await store.get(row.existingId, { audit: false });
        if (existing) {
          people.push(
            decision.action === 'replace'
              ? personSchema.parse({ ...draft, id: existing.id, createdAt: existing.createdAt, updatedAt: at })
              : { ...mergePerson(existing, draft, decision.fields), updatedAt: at },
          );
          continue;
        }
      }
      people.push(personSchema.parse({ ...draft, id: importedId(options.fileHash, row.index), createdAt: at, updatedAt: at }));
    }
    const committed = start + batch.length;
    const status = committed >= plan.length ? 'done' : 'running';
    await store.writePeople(people, 'import', now, () =>
      db.importJobs.update(job.id, { committedRows: committed, totalRows: plan.length, status, updatedAt: new Date().toISOString() }),
    );
    done = committed;
    options.onProgress?.(done, plan.length);
  }
  if (plan.length === 0 || done >= plan.length) await db.importJobs.update(job.id, { status: 'done', updatedAt: new Date().toISOString() });
  return { jobId: job.id, written: done - resumedFrom, total: plan.length, resumedFrom, status: 'done' };
}
