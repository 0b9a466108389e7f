import { describe, expect, it } from 'vitest';
import type { CounterRow } from '@/utils/db/database';
import type { FilingPeople, FilingView } from '@/utils/db/filing-schema';
import {
  counterNamer,
  filingsFile,
  isUnnamed,
  officerOptions,
  PeopleCache,
  percentText,
  procedureOptions,
  reportDay,
  roleName,
  secondsText,
  verdict,
} from '@/utils/filings/dashboard';
import { translator } from '@/utils/i18n';

const t = translator('vi');
const en = translator('en');

const view = (id: string, extra: Partial<FilingView> = {}): FilingView =>
  ({
    id,
    counterId: 'c1',
    root: id,
    at: '2026-11-30T02:00:00.000Z',
    officerId: 'o1',
    officerName: 'Trần Thị Lan',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    portalHost: 'dichvucong.gov.vn',
    status: 'draft',
    dossierCode: null,
    fields: { filled: 1, check: 0, missing: 0 },
    ...extra,
  }) as FilingView;

describe('the dashboard’s figures and choices', () => {
  it('offers each officer and procedure once, in the order first seen, procedures without a code left out', () => {
    const filings = [
      view('a'),
      view('b', { officerId: 'o2', officerName: 'Lê Văn Minh', procedureCode: '1.004222', procedureName: null }),
      view('c', { procedureCode: null, procedureName: null }),
      view('d'),
    ];
    expect(officerOptions(filings)).toEqual([
      ['o1', 'Trần Thị Lan'],
      ['o2', 'Lê Văn Minh'],
    ]);
    expect(procedureOptions(filings)).toEqual([
      ['1.001193', 'Đăng ký khai sinh'],
      ['1.004222', '1.004222'],
    ]);
  });

  it('names a counter, or shows the start of an id it does not know', () => {
    const name = counterNamer([{ id: 'c1', name: 'Quầy 1', own: 1, publicJwk: {} } as CounterRow]);
    expect(name('c1')).toBe('Quầy 1');
    expect(name('abcdef123456')).toBe('abcdef');
    expect(isUnnamed('Quầy chưa đặt tên (a1b2)')).toBe(true);
    expect(isUnnamed('Quầy 1')).toBe(false);
  });

  it('says each counter’s integrity in a line, every problem with its entry', () => {
    expect(verdict(t, { counterId: 'c1', count: 3, problems: [] }, 'Quầy 1')).toBe(
      t('dash.verify.ok', { counter: 'Quầy 1', count: 3 }),
    );
    const bad = verdict(
      t,
      {
        counterId: 'c1',
        count: 3,
        problems: [{ code: 'integrity.edited', entry: 2 }, { code: 'integrity.headMissing' }],
      },
      'Quầy 1',
    );
    expect(bad).toBe(
      t('dash.verify.bad', {
        counter: 'Quầy 1',
        reasons: `${t('integrity.edited', { entry: 2 })}; ${t('integrity.headMissing')}`,
      }),
    );
    expect(bad).not.toContain('{');
  });

  it('names a known role in the language, and leaves an unknown one as the log keeps it', () => {
    expect(roleName(t, 'child')).toBe(t('dash.role.child'));
    expect(roleName(en, 'child')).toBe(en('dash.role.child'));
    expect(roleName(t, 'witness')).toBe('witness');
  });

  it('writes times, shares and days, with a dash or an ellipsis for what is not there', () => {
    expect(secondsText(t, 41_600)).toBe(t('dash.seconds', { value: 42 }));
    expect(secondsText(t, null)).toBe('—');
    expect(percentText('vi', 0.123)).toBe('12,3 %');
    expect(percentText('en', 0.5)).toBe('50 %');
    expect(percentText('vi', null)).toBe('—');
    expect(reportDay('2026-11-30')).toBe('30/11/2026');
    expect(reportDay(null)).toBe('…');
  });

  it('writes the table shown as a file named after the minute', async () => {
    const now = new Date('2026-11-30T09:05:00.000Z');
    const csv = await filingsFile([['Lúc'], ['30/11/2026']], 'csv', now);
    expect(csv).toMatchObject({ fileName: 'ho-so-202611300905.csv', type: 'text/csv' });
    expect(new TextDecoder().decode(csv.bytes)).toContain('"30/11/2026"');
    const xlsx = await filingsFile([['Lúc']], 'xlsx', now);
    expect(xlsx.fileName).toBe('ho-so-202611300905.xlsx');
    expect(xlsx.bytes.length).toBeGreaterThan(0);
  });
});

describe('the people of the filings on screen', () => {
  const people = (name: string): FilingPeople => ({
    salt: 'x'.repeat(16),
    people: [{ role: 'child', personId: `p-${name}`, name, maskedId: null }],
    note: '',
  });

  it('decrypts each filing once, and says "…" for one not decrypted yet', async () => {
    const cache = new PeopleCache();
    const read: string[] = [];
    const decrypt = async (e: FilingView) => {
      read.push(e.id);
      return e.id === 'b' ? null : people(`Người ${e.id}`);
    };
    expect(cache.namesOf(view('a'))).toBe('…');
    const get = await cache.load([view('a'), view('b')], decrypt);
    await cache.load([view('a'), view('c')], decrypt);
    expect(read).toEqual(['a', 'b', 'c']);
    expect(get(view('a'))?.people[0]?.name).toBe('Người a');
    expect(cache.namesOf(view('a'))).toBe('Người a');
    expect(cache.namesOf(view('b'))).toBe('…');
    // The same id at another counter is another filing.
    expect(cache.get(view('a', { counterId: 'c2' }))).toBeNull();
  });
});
