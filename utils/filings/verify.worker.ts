import { MotcuaDB } from '@/utils/db/database';
import { checkAll } from '@/utils/filings/integrity';

/**
 * The integrity check off the dashboard's main thread: the worker opens the same IndexedDB (the extension's
 * origin), reads every counter's log and checks it in full. The data key comes in the message (a CryptoKey is
 * structured-cloneable), never through storage; only counter ids, counts and problem codes go back.
 */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<{ dataKey: CryptoKey }>) => void;
  postMessage(message: unknown): void;
};

scope.onmessage = async (event) => {
  const db = new MotcuaDB();
  try {
    const timings: Record<string, number> = {};
    scope.postMessage({ ok: true, checks: await checkAll(db, event.data.dataKey, timings), timings });
  } catch (e) {
    scope.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  } finally {
    db.close();
  }
};
