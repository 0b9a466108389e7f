import { createParseHandler } from '@/utils/records/import/parse-handler';
import type { ParseRequest } from '@/utils/records/import/parse-protocol';

/** The import's worker: reads the file and drafts the rows off the page's thread (parse-handler does the work). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage: (message: unknown) => void;
};
const handle = createParseHandler((reply) => scope.postMessage(reply));
scope.onmessage = (event) => void handle(event.data);
