import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BundleError, EnrolmentNeeded } from '@/utils/filings/bundle';
import { bundleFailure, enrolBundleCounter, exportBundleFile, importBundleText } from '@/utils/filings/bundle-flow';
import { FilingLog } from '@/utils/filings/log';
import { generateDataKey } from '@/utils/security/crypto';
import { freshDb } from '../records/helpers';

beforeEach(() => fakeBrowser.reset());

const fastBundle = 100_000;
const passphrase = 'mat-khau-quay-2';

/** The audit trail as a test reads it: action and detail. */
function auditor() {
  const events: Array<[string, string]> = [];
  return {
    events,
    audit: async (action: string, _person: string | null, _at?: Date, detail = '') =>
      void events.push([action, detail]),
  };
}

async function counterWithOneFiling() {
  const log = new FilingLog(freshDb(), await generateDataKey());
  await log.record({
    officerId: 'o1',
    officerName: 'Trần Thị Lan',
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    portalHost: 'dichvucong.gov.vn',
    people: [{ role: 'child', personId: 'p1', name: 'Trần Bảo An', maskedId: null }],
    fields: { filled: 17, check: 1, missing: 0 },
    msToFill: 900,
  });
  return log;
}

describe('bundles on the dashboard', () => {
  it('exports the counter’s log as a JSON file named after the counter and the minute, and audits it', async () => {
    const log = await counterWithOneFiling();
    const store = auditor();
    const now = new Date('2026-11-30T09:05:00.000Z');
    const { file, said } = await exportBundleFile(log, store, passphrase, now, fastBundle);
    const own = await log.ownCounter();
    expect(file.fileName).toBe(`nhat-ky-${own.id}-202611300905.json`);
    expect(file.type).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(file.bytes)).counter.id).toBe(own.id);
    expect(said).toBe(`${own.name}: 1`);
    expect(store.events).toEqual([['filings.bundle.export', '1']]);
  });

  it('asks to enrol a counter first, then imports its bundle, each step audited', async () => {
    const counter = await counterWithOneFiling();
    const { file } = await exportBundleFile(counter, auditor(), passphrase, new Date(), fastBundle);
    const text = new TextDecoder().decode(file.bytes);
    const supervisor = new FilingLog(freshDb(), await generateDataKey());
    const store = auditor();
    const failure = bundleFailure(await importBundleText(supervisor, store, text, passphrase).catch((e) => e));
    if (failure.kind !== 'enrol') throw new Error(`expected an enrolment, got ${failure.kind}`);
    await enrolBundleCounter(supervisor, store, failure.counter, 'boss');
    const result = await importBundleText(supervisor, store, text, passphrase);
    expect(result).toMatchObject({ added: 1, total: 1 });
    expect(store.events).toEqual([
      ['filings.counter.enrol', `${failure.counter.id}:${failure.counter.fingerprint}`],
      ['filings.bundle.import', `${result.counterName}:1`],
    ]);
  });

  it('tells an enrolment, a reason from the catalogue and any other error apart', () => {
    const counter = { id: 'c', name: 'Quầy 2', publicJwk: {}, fingerprint: 'AB:CD' };
    expect(bundleFailure(new EnrolmentNeeded(counter))).toEqual({ kind: 'enrol', counter });
    expect(bundleFailure(new BundleError('bundle.passphrase'))).toEqual({
      kind: 'reason',
      code: 'bundle.passphrase',
      params: {},
    });
    const other = new Error('disk full');
    expect(bundleFailure(other)).toEqual({ kind: 'other', error: other });
  });
});
