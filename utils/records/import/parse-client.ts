import type { Reason } from '../reason';
import type { ImportField } from './columns';
import type { HeaderGuess } from './header';
import { createParseHandler } from './parse-handler';
import type { ParseReply, ParseRequest, ParseStage } from './parse-protocol';
import ParseWorker from './parse.worker.ts?worker';
import type { RowResult } from './rows';

export type ParseProgress = (stage: ParseStage, done: number, total: number) => void;

export class ParseError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.key);
    this.name = 'ParseError';
  }
}

/** The page's side of the import worker: one request at a time, progress as it comes, rows gathered in order. */
export class ImportParser {
  private readonly send: (request: ParseRequest, transfer?: Transferable[]) => void;
  private listener: ((reply: ParseReply) => void) | null = null;
  private worker: Worker | null = null;

  constructor(makeWorker: (() => Worker | null) | null = defaultWorker) {
    const receive = (reply: ParseReply) => this.listener?.(reply);
    const worker = makeWorker?.() ?? null;
    if (worker) {
      this.worker = worker;
      worker.onmessage = (event: MessageEvent<ParseReply>) => receive(event.data);
      this.send = (request, transfer = []) => worker.postMessage(request, transfer);
    } else {
      const handle = createParseHandler(receive);
      this.send = (request) => void handle(request);
    }
  }

  private ask<T>(request: ParseRequest, onProgress: ParseProgress | undefined, take: (reply: ParseReply) => T | undefined, transfer?: Transferable[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.listener = (reply) => {
        if (reply.type === 'progress') return onProgress?.(reply.stage, reply.done, reply.total);
        if (reply.type === 'error') return reject(new ParseError(reply.reason));
        const value = take(reply);
        if (value !== undefined) resolve(value);
      };
      this.send(request, transfer);
    });
  }

  read(fileName: string, bytes: Uint8Array<ArrayBuffer>, onProgress?: ParseProgress): Promise<{ header: HeaderGuess | null; dataRows: number }> {
    // A copy goes to the worker: the page keeps its bytes for the file's hash.
    const copy = bytes.slice();
    return this.ask({ type: 'read', fileName, bytes: copy }, onProgress, (r) => (r.type === 'read' ? { header: r.header, dataRows: r.dataRows } : undefined), [copy.buffer]);
  }

  draft(header: { headerRow: number; labels: string[]; mapping: Array<ImportField | null> }, onProgress?: ParseProgress, now = new Date()): Promise<{ rows: RowResult[]; notices: Reason[] }> {
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

function defaultWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new ParseWorker();
}
