import type { ImportJobRow } from '@/utils/db/database';
import { failure, reason, type Reason } from '@/utils/records/reason';
import type { RecordsStore } from '@/utils/records/store';
import type { ImportField } from '@/utils/records/import/columns';
import { commitImport, ImportCommitError, sha256Hex, type CommitResult } from '@/utils/records/import/commit';
import type { HeaderGuess } from '@/utils/records/import/header';
import { recordsLookup } from '@/utils/records/import/lookup';
import { ImportParser, ParseError } from '@/utils/records/import/parse-client';
import type { ParseStage } from '@/utils/records/import/parse-protocol';
import {
  classifyRows,
  defaultDecision,
  type Decision,
  type Preview,
  type PreviewRow,
} from '@/utils/records/import/preview';

export type ImportPhase =
  | { kind: 'idle' }
  | { kind: 'reading'; stage: ParseStage | 'match'; done: number; total: number }
  | { kind: 'ready' }
  | { kind: 'committing'; done: number; total: number; waiting: boolean };

export interface ImportMessage {
  kind: 'ok' | 'error';
  reasons: Reason[];
}

export interface LoadedFile {
  fileName: string;
  fileHash: string;
  header: HeaderGuess;
  /** An earlier run of this file stopped: how far it got, and which rows it wrote. */
  resume: { done: number; total: number; written?: Uint8Array } | null;
}

export interface ImportState {
  phase: ImportPhase;
  message: ImportMessage | null;
  loaded: LoadedFile | null;
  mapping: Array<ImportField | null>;
  preview: Preview | null;
  decisions: Map<number, Decision>;
}

/**
 * The import as a flow, apart from its page: read the file (in the worker), guess the columns, draft and
 * classify the rows, hold the officer's decisions, write. The records page shows its state; tests drive it.
 */
export class ImportSession {
  state: ImportState = {
    phase: { kind: 'idle' },
    message: null,
    loaded: null,
    mapping: [],
    preview: null,
    decisions: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  private bytes: Uint8Array<ArrayBuffer> | null = null;
  private run = 0;

  constructor(
    private readonly store: RecordsStore,
    private readonly parser: ImportParser = new ImportParser(),
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ImportState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private progress = (stage: ParseStage | 'match', done: number, total: number) =>
    this.set({ phase: { kind: 'reading', stage, done, total } });

  async open(fileName: string, bytes: Uint8Array<ArrayBuffer>) {
    const run = ++this.run;
    this.bytes = bytes;
    this.set({
      phase: { kind: 'reading', stage: 'parse', done: 0, total: 0 },
      message: null,
      loaded: null,
      preview: null,
      decisions: new Map(),
    });
    try {
      const [{ header }, fileHash] = await Promise.all([
        this.parser.read(fileName, bytes, this.progress),
        sha256Hex(bytes),
      ]);
      if (run !== this.run) return;
      if (!header) return this.fail(reason('import.noHeader'));
      const job = await this.store.db.importJobs
        .where('fileHash')
        .equals(fileHash)
        .filter((j) => j.status !== 'done')
        .first();
      this.set({ loaded: { fileName, fileHash, header, resume: job ? resumeOf(job) : null }, mapping: header.mapping });
      await this.draft(run);
    } catch (error) {
      if (run === this.run) this.fail(error instanceof ParseError ? error.reason : failure('import.error.read', error));
    }
  }

  /** The officer corrects one column's field: the rows are drafted again (in the worker) and classified. */
  async remap(column: number, field: ImportField | null) {
    if (!this.state.loaded) return;
    const run = ++this.run;
    this.set({ mapping: this.state.mapping.map((f, i) => (i === column ? field : f)) });
    try {
      await this.draft(run);
    } catch (error) {
      if (run === this.run) this.fail(error instanceof ParseError ? error.reason : failure('import.error.read', error));
    }
  }

  private async draft(run: number) {
    const loaded = this.state.loaded!;
    const { rows, notices } = await this.parser.draft(
      { headerRow: loaded.header.headerRow, labels: loaded.header.labels, mapping: this.state.mapping },
      this.progress,
    );
    if (run !== this.run) return;
    this.progress('match', 0, rows.length);
    const preview = await classifyRows(rows, recordsLookup(this.store), notices, (done, total) =>
      this.progress('match', done, total),
    );
    if (run !== this.run) return;
    this.set({ preview, phase: { kind: 'ready' } });
  }

  private fail(r: Reason) {
    this.set({ phase: { kind: 'idle' }, message: { kind: 'error', reasons: [r] }, loaded: null, preview: null });
  }

  /** Written by an earlier, interrupted run of this file: shown as such, never written again. */
  writtenBefore(row: PreviewRow): boolean {
    const bits = this.state.loaded?.resume?.written;
    return bits !== undefined && row.index >> 3 < bits.length && (bits[row.index >> 3]! & (1 << (row.index & 7))) !== 0;
  }

  decisionFor(row: PreviewRow): Decision {
    return this.state.decisions.get(row.index) ?? defaultDecision(row);
  }

  decide(row: PreviewRow, decision: Decision) {
    this.set({ decisions: new Map(this.state.decisions).set(row.index, decision) });
  }

  /** Why "Ghi vào hồ sơ" cannot be pressed, or null: a header-only file, or no row left to write. */
  blocker(): Reason | null {
    const preview = this.state.preview;
    if (!preview) return null;
    if (preview.rows.length === 0) return reason('import.blocked.noRows');
    const writable = preview.rows.some(
      (r) => r.draft && this.decisionFor(r).action !== 'skip' && !this.writtenBefore(r),
    );
    return writable ? null : reason('import.blocked.nothing');
  }

  async commit() {
    const { loaded, preview } = this.state;
    if (!loaded || !preview || !this.bytes || this.blocker() || this.state.phase.kind === 'committing') return;
    this.set({ phase: { kind: 'committing', done: 0, total: 0, waiting: false }, message: null });
    try {
      const result = await commitImport(this.store, {
        fileName: loaded.fileName,
        fileHash: loaded.fileHash,
        rows: preview.rows,
        decisions: new Map(preview.rows.map((r) => [r.index, this.decisionFor(r)])),
        onWait: () => this.set({ phase: { kind: 'committing', done: 0, total: 0, waiting: true } }),
        onProgress: (done, total) => this.set({ phase: { kind: 'committing', done, total, waiting: false } }),
      });
      this.set({
        phase: { kind: 'idle' },
        loaded: null,
        preview: null,
        message: { kind: 'ok', reasons: doneReasons(result) },
      });
    } catch (error) {
      const why = error instanceof ImportCommitError ? error.reason : failure('import.error.failed', error);
      this.set({ phase: { kind: 'ready' }, message: { kind: 'error', reasons: [why] } });
    }
  }

  dispose() {
    this.run += 1;
    this.parser.dispose();
    this.listeners.clear();
  }
}

function resumeOf(job: ImportJobRow): LoadedFile['resume'] {
  return { done: job.committedRows, total: job.totalRows, ...(job.committed ? { written: job.committed } : {}) };
}

function doneReasons(result: CommitResult): Reason[] {
  const out = [reason('import.done', { written: result.written })];
  if (result.resumedFrom > 0) out.push(reason('import.done.resumed', { count: result.resumedFrom }));
  if (result.linked > 0) out.push(reason('import.done.linked', { count: result.linked }));
  if (result.linksSkipped > 0) out.push(reason('import.done.linksSkipped', { count: result.linksSkipped }));
  return out;
}
