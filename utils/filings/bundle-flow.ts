import type { MessageKey, Params } from '@/utils/i18n';
import { type ExportFile, stamp } from '@/utils/records/export-file';
import type { RecordsStore } from '@/utils/records/store';
import { BundleError, EnrolmentNeeded } from '@/utils/filings/bundle';
import type { FilingLog } from '@/utils/filings/log';

type Auditor = Pick<RecordsStore, 'audit'>;
export type EnrolCounter = EnrolmentNeeded['counter'];

/**
 * The counters' side of the dashboard: this counter's log leaves as a signed, encrypted bundle; another
 * counter's comes in once that counter is enrolled; each step is in the audit trail.
 */
export async function exportBundleFile(
  log: FilingLog,
  store: Auditor,
  passphrase: string,
  now = new Date(),
  iterations?: number,
): Promise<{ file: ExportFile; said: string }> {
  const bundle = await log.exportBundle(passphrase, now, iterations);
  await store.audit('filings.bundle.export', null, now, String(bundle.entries.length));
  const file = {
    bytes: new TextEncoder().encode(JSON.stringify(bundle)) as Uint8Array<ArrayBuffer>,
    fileName: `nhat-ky-${bundle.counter.id}-${stamp(now)}.json`,
    type: 'application/json',
  };
  return { file, said: `${bundle.counter.name}: ${bundle.entries.length}` };
}

export async function importBundleText(log: FilingLog, store: Auditor, text: string, passphrase: string) {
  const result = await log.importBundle(text, passphrase);
  await store.audit('filings.bundle.import', null, new Date(), `${result.counterName}:${result.added}`);
  return result;
}

export async function enrolBundleCounter(log: FilingLog, store: Auditor, counter: EnrolCounter, officerId: string) {
  await log.enrolCounter(counter, officerId);
  await store.audit('filings.counter.enrol', null, new Date(), `${counter.id}:${counter.fingerprint}`);
}

/** What a failed step asks of the supervisor: to enrol the counter, or to read why, from the catalogue when it can. */
export type BundleFailure =
  | { kind: 'enrol'; counter: EnrolCounter }
  | { kind: 'reason'; code: MessageKey; params: Params }
  | { kind: 'other'; error: unknown };

export function bundleFailure(error: unknown): BundleFailure {
  if (error instanceof EnrolmentNeeded) return { kind: 'enrol', counter: error.counter };
  if (error instanceof BundleError) return { kind: 'reason', code: error.code, params: error.params };
  return { kind: 'other', error };
}
