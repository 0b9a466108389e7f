import type { CounterCheck } from '@/utils/filings/integrity';
import VerifyWorker from '@/utils/filings/verify.worker.ts?worker';

/** Runs "Kiểm tra tính toàn vẹn" in a Web Worker, so the dashboard stays usable while 100,000 entries are checked. */
export function verifyInWorker(dataKey: CryptoKey): Promise<CounterCheck[]> {
  const worker = new VerifyWorker();
  return new Promise<CounterCheck[]>((resolve, reject) => {
    worker.onmessage = (
      event: MessageEvent<
        { ok: true; checks: CounterCheck[]; timings: Record<string, number> } | { ok: false; error: string }
      >,
    ) => {
      if (event.data.ok) {
        // Where the check spent its time, for the benchmark (performance entries of the page).
        for (const [phase, ms] of Object.entries(event.data.timings))
          performance.measure(`motcua:verify:${phase}`, { start: 0, duration: ms });
        resolve(event.data.checks);
      } else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'worker'));
    worker.postMessage({ dataKey });
  }).finally(() => worker.terminate());
}
