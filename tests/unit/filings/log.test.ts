import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateDataKey } from '@/utils/security/crypto';
import { FilingLog, type NewFiling } from '@/utils/filings/log';
import { currentFilings, verifyChain } from '@/utils/filings/chain';
import { canonicalJson } from '@/utils/filings/canonical';
import { BundleError, EnrolmentNeeded, type FilingBundle } from '@/utils/filings/bundle';
import type { FilingEntry } from '@/utils/db/filing-schema';
import { detectProcedure } from '@/utils/procedures/catalogue';
import { freshDb } from '../records/helpers';

beforeEach(() => fakeBrowser.reset());

const filing = (name: string, extra: Partial<NewFiling> = {}): NewFiling => ({
  officerId: 'o1',
  officerName: 'Trần Thị Lan',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  portalHost: 'dichvucong.gov.vn',
  people: [{ role: 'child', personId: 'p1', name, maskedId: null }],
  fields: { filled: 17, check: 1, missing: 0 },
  msToFill: 900,
  ...extra,
});
const officer = { id: 'o1', name: 'Trần Thị Lan' };
const fastBundle = 100_000;

async function openLog() {
  const db = freshDb();
  const key = await generateDataKey();
  return { db, key, log: new FilingLog(db, key) };
}

async function logWith(count: number) {
  const opened = await openLog();
  const roots: string[] = [];
  for (let i = 0; i < count; i++) roots.push((await opened.log.record(filing(`Người ${i}`))).root);
  return { ...opened, roots };
}

describe('the filing log chain', () => {
  it('appends entries linked by hash; corrections are new entries referring to the corrected one', async () => {
    const { log, roots } = await logWith(2);
    const draft = (await log.entries())[0]!;
    const submitted = await log.amend(
      roots[0]!,
      { status: 'submitted', dossierCode: 'G22.99-261128-0001', msToSubmit: 42_000 },
      officer,
    );
    expect(submitted).toMatchObject({
      seq: 3,
      root: draft.id,
      refersTo: draft.id,
      status: 'submitted',
      dossierCode: 'G22.99-261128-0001',
    });
    const entries = await log.entries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(await verifyChain(entries)).toMatchObject({ ok: true, count: 3, head: submitted.hash });
    // Two filings: the first in its corrected state.
    const current = await log.filings();
    expect(current).toHaveLength(2);
    expect(current.find((f) => f.root === roots[0])?.status).toBe('submitted');
    // The first entry is untouched: the log is append-only.
    expect(entries[0]!.status).toBe('draft');
  });

  it('keeps people and notes out of the chained rows, sealed and bound by digest', async () => {
    const { db, log, roots } = await logWith(1);
    await log.amend(roots[0]!, { note: 'Công dân bổ sung giấy chứng sinh sau' }, officer);
    const raw = JSON.stringify(await db.filings.toArray()) + JSON.stringify(await db.filingPeople.toArray());
    expect(raw).not.toContain('Người 0');
    expect(raw).not.toContain('giấy chứng sinh');
    const [first, second] = await log.entries();
    expect(await log.peopleOf(first!)).toMatchObject({ people: [{ name: 'Người 0' }], note: '' });
    expect(await log.peopleOf(second!)).toMatchObject({
      people: [{ name: 'Người 0' }],
      note: 'Công dân bổ sung giấy chứng sinh sau',
    });
  });

  it('serialises concurrent appends into one unbroken chain', async () => {
    const { log } = await openLog();
    await Promise.all(Array.from({ length: 12 }, (_, i) => log.record(filing(`Người ${i}`))));
    const entries = await log.entries();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await verifyChain(entries)).ok).toBe(true);
  });

  describe('detects tampering', () => {
    const tamper = async (change: (entries: FilingEntry[]) => FilingEntry[]) => {
      const { log } = await logWith(5);
      return verifyChain(change(await log.entries()));
    };
    it('an edited entry', async () => {
      expect(await tamper((e) => e.map((x, i) => (i === 2 ? { ...x, dossierCode: 'SỬA' } : x)))).toMatchObject({
        ok: false,
        problem: { index: 2, reason: 'edited' },
      });
    });
    it('an edited entry whose hash was recomputed: the next link breaks', async () => {
      const { log } = await logWith(5);
      const entries = await log.entries();
      const { hash: _h, ...rest } = { ...entries[1]!, status: 'cancelled' as const };
      const { entryHash } = await import('@/utils/filings/chain');
      entries[1] = { ...rest, hash: await entryHash(rest) };
      expect(await verifyChain(entries)).toMatchObject({
        ok: false,
        problem: { index: 2, reason: 'missing-or-reordered' },
      });
    });
    it('a deleted entry', async () => {
      expect(await tamper((e) => e.filter((_, i) => i !== 1))).toMatchObject({
        ok: false,
        problem: { index: 1, reason: 'missing-or-reordered' },
      });
    });
    it('reordered entries', async () => {
      expect(await tamper((e) => [e[0]!, e[2]!, e[1]!, e[3]!, e[4]!])).toMatchObject({
        ok: false,
        problem: { index: 1 },
      });
    });
    it('a truncated head is only caught against a signed head (bundles): the chain alone stays valid', async () => {
      expect(await tamper((e) => e.slice(0, 3))).toMatchObject({ ok: true, count: 3 });
    });
  });
});

describe('bundles between counters', () => {
  const exportFrom = async (count: number, passphrase = 'mat-khau-quay-2') => {
    const counter = await logWith(count);
    const bundle = await counter.log.exportBundle(passphrase, new Date(), fastBundle);
    return { counter, text: JSON.stringify(bundle), bundle };
  };

  it('imports a signed bundle whole, people readable, then only what is new; a second import adds nothing', async () => {
    const { counter, text, bundle } = await exportFrom(3);
    const supervisor = await openLog();
    await expect(supervisor.log.importBundle(text, 'mat-khau-quay-2')).rejects.toBeInstanceOf(EnrolmentNeeded);
    await supervisor.log.enrolCounter(
      { id: bundle.counter.id, name: bundle.counter.name, publicJwk: bundle.counter.publicKey },
      'boss',
    );
    expect(await supervisor.log.importBundle(text, 'mat-khau-quay-2')).toMatchObject({ added: 3, total: 3 });
    const own = await counter.log.ownCounter();
    const imported = await supervisor.log.entries(own.id);
    expect(imported.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await supervisor.log.peopleOf(imported[0]!)).toMatchObject({ people: [{ name: 'Người 0' }] });
    expect((await supervisor.log.verify()).map((v) => v.check.problems)).toEqual([[], []]);
    expect(await supervisor.log.importBundle(text, 'mat-khau-quay-2')).toMatchObject({ added: 0, total: 3 });

    await counter.log.record(filing('Người mới'));
    const later = JSON.stringify(await counter.log.exportBundle('mat-khau-quay-2', new Date(), fastBundle));
    expect(await supervisor.log.importBundle(later, 'mat-khau-quay-2')).toMatchObject({ added: 1, total: 4 });
    expect(currentFilings(await supervisor.log.entries())).toHaveLength(4);
    // The dashboard's view table agrees with the chain.
    expect((await supervisor.log.filings()).map((f) => f.id).sort()).toEqual(
      currentFilings(await supervisor.log.entries())
        .map((f) => f.id)
        .sort(),
    );
    const counters = await supervisor.log.counters();
    expect(counters.find((c) => c.id === own.id)).toMatchObject({ own: 0, name: own.name });
  });

  /** Refused by a supervisor who has enrolled the bundle's counter (when the file names one): nothing kept. */
  const refused = async (text: string, message: RegExp, passphrase = 'mat-khau-quay-2') => {
    const supervisor = await openLog();
    const named = (() => {
      try {
        return (JSON.parse(text) as FilingBundle).counter;
      } catch {
        return undefined;
      }
    })();
    if (named?.publicKey)
      await supervisor.log.enrolCounter({ id: named.id, name: named.name, publicJwk: named.publicKey }, 'boss');
    await expect(supervisor.log.importBundle(text, passphrase)).rejects.toThrow(message);
    await expect(supervisor.log.importBundle(text, passphrase)).rejects.toBeInstanceOf(BundleError);
    expect(await supervisor.db.filings.count()).toBe(0);
    expect((await supervisor.db.counters.where('own').equals(0).toArray()).filter((c) => c.lastHead)).toEqual([]);
  };

  it('refuses a truncated file', async () => {
    const { text } = await exportFrom(2);
    await refused(text.slice(0, text.length - 40), /hỏng hoặc bị cắt cụt/);
  });
  it('refuses an edited entry (signature)', async () => {
    const { bundle } = await exportFrom(2);
    bundle.entries[0]!.dossierCode = 'G00';
    await refused(JSON.stringify(bundle), /Chữ ký không hợp lệ/);
  });
  it('refuses a bundle with entries removed (signature)', async () => {
    const { bundle } = await exportFrom(3);
    bundle.entries.pop();
    await refused(JSON.stringify(bundle), /Chữ ký không hợp lệ/);
  });
  it('refuses a bundle re-signed with another key under the first counter’s id', async () => {
    const { bundle } = await exportFrom(1);
    const other = await exportFrom(1);
    await refused(
      JSON.stringify({ ...bundle, counter: other.bundle.counter, signature: other.bundle.signature }),
      /không khớp|Chữ ký/,
    );
  });
  it('refuses a wrong passphrase', async () => {
    const { text } = await exportFrom(1);
    await refused(text, /Sai mật khẩu/, 'mat-khau-khac');
  });
  it('refuses something that is not a bundle', async () => {
    await refused(canonicalJson({ format: 'khac' }), /không phải tệp nhật ký motcua/);
  });
  it('refuses the own counter’s log', async () => {
    const { counter, text } = await exportFrom(2);
    await expect(counter.log.importBundle(text, 'mat-khau-quay-2')).rejects.toThrow(/chính quầy này/);
  });
  it('asks for a passphrase long enough to protect the people in the file', async () => {
    const { log } = await logWith(1);
    await expect(log.exportBundle('ngan', new Date(), fastBundle)).rejects.toThrow(/ít nhất 8 ký tự/);
  });
});

describe('procedure detection', () => {
  it.each([
    [{ url: 'https://dichvucong.gov.vn/khai-sinh/', title: 'x', headings: [] }, '1.001193'],
    [{ url: 'https://x.gov.vn/a', title: 'Tờ khai đăng ký kết hôn', headings: [] }, '1.000894'],
    [{ url: 'https://x.gov.vn/a', title: '', headings: ['Liên thông: khai sinh, thường trú, thẻ BHYT'] }, '2.000986'],
    [{ url: 'https://x.gov.vn/a', title: '', headings: ['Đăng ký lại khai sinh'] }, '1.004884'],
    [
      { url: 'https://dichvucong.gov.vn/cu-tru/', title: 'Tờ khai thay đổi thông tin cư trú (CT01)', headings: [] },
      '1.004222',
    ],
    [{ url: 'https://dichvucong.gov.vn/la/', title: 'Biểu mẫu lạ', headings: [] }, null],
  ])('%o → %s', (page, code) => {
    expect(detectProcedure(page)?.code ?? null).toBe(code);
  });
});

describe('reading the dossier code the portal shows', () => {
  it.each([
    ['Nộp hồ sơ thành công. Mã hồ sơ: G22.99-261128-000123 Vui lòng theo dõi', 'G22.99-261128-000123'],
    ['Mã hồ sơ của bạn là 000.00.12.H29-261128-0001.', '000.00.12.H29-261128-0001'],
    ['MÃ HỒ SƠ：H27.1-2611280001', 'H27.1-2611280001'],
    ['Mã hồ sơ: Chưa có', null],
    ['Hồ sơ đã lưu nháp', null],
  ])('%s → %s', async (text, code) => {
    const { findDossierCode } = await import('@/utils/filings/dossier');
    expect(findDossierCode(text)).toBe(code);
  });
});

describe('the dashboard view', () => {
  const entry = (over: Partial<FilingEntry>): FilingEntry => ({
    counterId: 'a'.repeat(16),
    seq: 1,
    id: 'x',
    root: 'x',
    refersTo: null,
    at: '2026-11-27T03:00:00.000Z',
    officerId: 'o1',
    officerName: 'Lan',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    portalHost: 'dichvucong.gov.vn',
    status: 'draft',
    fields: { filled: 8, check: 1, missing: 1 },
    msToFill: 60_000,
    msToSubmit: null,
    dossierCode: null,
    peopleDigest: '0'.repeat(64),
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
    ...over,
  });

  it('filters by Vietnamese day, officer, procedure, status and counter, and summarises', async () => {
    const { applyFilter, summarize, noFilter, vnDay } = await import('@/utils/filings/view');
    // 17:30 UTC is already the next day in Vietnam.
    expect(vnDay('2026-11-27T17:30:00.000Z')).toBe('2026-11-28');
    const filings = [
      entry({ id: '1', at: '2026-11-27T17:30:00.000Z', status: 'submitted', msToSubmit: 30_000 }),
      entry({
        id: '2',
        officerId: 'o2',
        officerName: 'Bình',
        procedureCode: '1.000656',
        procedureName: 'Đăng ký khai tử',
        msToFill: 120_000,
      }),
      entry({
        id: '3',
        at: '2026-11-25T02:00:00.000Z',
        counterId: 'b'.repeat(16),
        fields: { filled: 10, check: 0, missing: 0 },
        msToFill: 30_000,
      }),
    ];
    expect(applyFilter(filings, { ...noFilter, from: '2026-11-28' }).map((e) => e.id)).toEqual(['1']);
    expect(applyFilter(filings, { ...noFilter, from: '2026-11-26', to: '2026-11-27' }).map((e) => e.id)).toEqual(['2']);
    expect(applyFilter(filings, { ...noFilter, officerId: 'o2' }).map((e) => e.id)).toEqual(['2']);
    expect(applyFilter(filings, { ...noFilter, procedureCode: '1.001193', status: 'draft' }).map((e) => e.id)).toEqual([
      '3',
    ]);
    expect(applyFilter(filings, { ...noFilter, counterId: 'b'.repeat(16) }).map((e) => e.id)).toEqual(['3']);
    const s = summarize(filings);
    expect(s).toMatchObject({
      total: 3,
      byStatus: { draft: 2, submitted: 1, cancelled: 0 },
      medianMsToFill: 60_000,
      medianMsToSubmit: 30_000,
    });
    expect(s.perDay).toEqual([
      ['2026-11-25', 1],
      ['2026-11-27', 1],
      ['2026-11-28', 1],
    ]);
    expect(s.perProcedure).toEqual([
      ['Đăng ký khai sinh', 2],
      ['Đăng ký khai tử', 1],
    ]);
    expect(s.filledShare).toBeCloseTo(26 / 30);
  });
});
