import type { Reason } from '@/utils/records/reason';
import type { ImportField } from '@/utils/records/import/columns';
import type { HeaderGuess } from '@/utils/records/import/header';
import { createParseHandler } from '@/utils/records/import/parse-handler';
import type { ParseReply, ParseRequest, ParseStage } from '@/utils/records/import/parse-protocol';
import type { RowResult } from '@/utils/records/import/rows';

export type ParseProgress = (stage: ParseStage, done: number, total: number) => void;

export class ParseError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.key);
    this.name = 'ParseError';
  }
}

/** The page's side of the import worker: one request at a time, progress as it comes, rows gathered in order. */
export class ImportParser {
  private readonly ready: Promise<(request: ParseRequest, transfer?: Transferable[]) => void>;
  private listener: ((reply: ParseReply) => void) | null = null;
  private worker: Worker | null = null;

  /** `makeWorker` null runs the reading in this thread (tests, scripts, a context without workers). */
  constructor(makeWorker: (() => Promise<Worker | null>) | null = defaultWorker) {
    this.ready = this.start(makeWorker);
  }

  private async start(makeWorker: (() => Promise<Worker | null>) | null) {
    const receive = (reply: ParseReply) => this.listener?.(reply);
    const worker = (await makeWorker?.().catch(() => null)) ?? null;
    if (!worker) {
      const handle = createParseHandler(receive);
      return (request: ParseRequest) => void handle(request);
    }
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<ParseReply>) => receive(event.data);
    return (request: ParseRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  }

  private ask<T>(
    request: ParseRequest,
    onProgress: ParseProgress | undefined,
    take: (reply: ParseReply) => T | undefined,
    transfer?: Transferable[],
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.listener = (reply) => {
        if (reply.type === 'progress') return onProgress?.(reply.stage, reply.done, reply.total);
        if (reply.type === 'error') return reject(new ParseError(reply.reason));
        const value = take(reply);
        if (value !== undefined) resolve(value);
      };
      void this.ready.then((send) => send(request, transfer));
    });
  }

  read(
    fileName: string,
    bytes: Uint8Array<ArrayBuffer>,
    onProgress?: ParseProgress,
  ): Promise<{ header: HeaderGuess | null; dataRows: number }> {
    // A copy goes to the worker: the page keeps its bytes for the file's hash.
    const copy = bytes.slice();
    return this.ask(
      { type: 'read', fileName, bytes: copy },
      onProgress,
      (r) => (r.type === 'read' ? { header: r.header, dataRows: r.dataRows } : undefined),
      [copy.buffer],
    );
  }

  draft(
    header: { headerRow: number; labels: string[]; mapping: Array<ImportField | null> },
    onProgress?: ParseProgress,
    now = new Date(),
  ): Promise<{ rows: RowResult[]; notices: Reason[] }> {
    const rows: RowResult[] = [];
    return this.ask({ type: 'draft', ...header, now: now.toISOString() }, onProgress, (r) => {
      if (r.type === 'rows') rows.push(...r.rows);
      return r.type === 'drafted' ? { rows, notices: r.notices } : undefined;
    });
  }

  dispose() {
    this.worker?.terminate();
    this.worker = null;
    this.listener = null;
  }
}

/** The worker, bundled by Vite (`?worker`); imported only where workers exist, so Node never loads it. */
async function defaultWorker(): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return null;
  const { default: ParseWorker } = await import('@/utils/records/import/parse.worker.ts?worker');
  return new ParseWorker();
}
