import { describe, expect, it } from 'vitest';

// The page's clock is Vietnam's, as the browser's is in the e2e suite.
process.env.TZ = 'Asia/Ho_Chi_Minh';
import { holds } from '@/utils/autofill/verify';

const date = (day: number, month: number, year: number) => ({
  kind: 'date' as const,
  date: { day, month, year, precision: 'day' as const },
});
const read = (text: string, choice?: { value: string; text: string } | null) => ({
  ok: true as const,
  text,
  ...(choice !== undefined ? { choice } : {}),
});

describe('does the page hold what the record meant', () => {
  it.each([
    ['the same name', 'Nguyễn Thị Mai', 'Nguyễn Thị Mai', true],
    ['in capitals', 'NGUYỄN THỊ MAI', 'Nguyễn Thị Mai', true],
    ['decomposed (NFD)', 'Nguyễn Thị Mai'.normalize('NFD'), 'Nguyễn Thị Mai', true],
    ['with extra spaces', ' Nguyễn  Thị Mai ', 'Nguyễn Thị Mai', true],
    ['cut short', 'Nguyễn Thị M', 'Nguyễn Thị Mai', false],
    ['without marks', 'Nguyen Thi Mai', 'Nguyễn Thị Mai', false],
    ['a phone a mask spaced out', '0912 345 678', '0912345678', true],
    ['another phone', '0912 345 679', '0912345678', false],
  ])('text: %s', (_, shown, wanted, ok) => {
    expect(holds(read(shown), { kind: 'text', text: wanted }, wanted)).toBe(ok);
  });

  it.each([
    ['dd/mm/yyyy', '12/04/1994', true],
    ['ISO', '1994-04-12', true],
    ['a moment in Vietnam', '1994-04-12T00:00:00+07:00', true],
    ['the same moment in UTC', '1994-04-11T17:00:00.000Z', true],
    ['day and month swapped', '04/12/1994', false],
    ['the year only, for a full date', '1994', false],
    ['nothing', '', false],
  ])('date: %s', (_, shown, ok) => {
    expect(holds(read(shown), date(12, 4, 1994), null)).toBe(ok);
  });

  it('choices: by the code written when the widget keeps one, by its text when it does not', () => {
    const want = { kind: 'choice' as const, values: ['Ê Đê', '12'] };
    expect(holds(read('Ê-đê', { value: '12', text: 'Ê-đê' }), want, { value: '12', text: 'Ê-đê' })).toBe(true);
    expect(holds(read('Kinh', { value: '01', text: 'Kinh' }), want, { value: '12', text: 'Ê-đê' })).toBe(false);
    expect(holds(read('Ê-đê', { value: '', text: 'Ê-đê' }), want, { value: '', text: 'Ê-đê' })).toBe(true);
    expect(holds(read('', null), want, { value: '12', text: 'Ê-đê' })).toBe(false);
    expect(holds({ ok: false, reason: 'unreadable' }, want, null)).toBe(false);
  });
});

describe('a cascader’s path, as its box shows it ("Tỉnh / Xã")', () => {
  const path = {
    kind: 'path' as const,
    steps: [
      ['Thành phố Hà Nội', '01'],
      ['Phường Ngọc Hà', '00008'],
    ],
  };
  it.each([
    ['the whole path', 'Thành phố Hà Nội / Phường Ngọc Hà', true],
    ['without the unit words', 'Hà Nội / Ngọc Hà', true],
    ['another ward', 'Thành phố Hà Nội / Phường Ba Đình', false],
    ['another province, the same ward name', 'Tỉnh Lâm Đồng / Phường Ngọc Hà', false],
    ['only the province (a level not chosen)', 'Thành phố Hà Nội', false],
    ['the last level only (show-all-levels off): unproven', 'Phường Ngọc Hà', false],
    ['nothing', '', false],
  ])('%s', (_, shown, ok) => {
    expect(holds(read(shown), path, null)).toBe(ok);
  });
});
