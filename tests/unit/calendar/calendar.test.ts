import { describe, expect, it } from 'vitest';
import { solarToLunar } from '@/utils/calendar/lunar';
import { WorkCalendar, dueDate, parseHolidayRules } from '@/utils/calendar/calendar';
import holidays from '@/utils/calendar/holidays.json';

describe('the lunar calendar (computed)', () => {
  it.each([
    ['2020-01-25', { day: 1, month: 1, year: 2020, leap: false }],
    ['2023-01-22', { day: 1, month: 1, year: 2023, leap: false }],
    ['2024-02-10', { day: 1, month: 1, year: 2024, leap: false }],
    ['2025-01-29', { day: 1, month: 1, year: 2025, leap: false }],
    ['2026-02-17', { day: 1, month: 1, year: 2026, leap: false }],
    ['2027-02-06', { day: 1, month: 1, year: 2027, leap: false }],
    // Giỗ Tổ Hùng Vương, 10/3 lunar; 2023 had a leap second month before it.
    ['2023-04-29', { day: 10, month: 3, year: 2023, leap: false }],
    ['2025-04-07', { day: 10, month: 3, year: 2025, leap: false }],
    ['2026-04-26', { day: 10, month: 3, year: 2026, leap: false }],
    ['2023-03-22', { day: 1, month: 2, year: 2023, leap: true }],
    ['2025-08-23', { day: 1, month: 7, year: 2025, leap: false }],
  ])('%s → %o', (iso, lunar) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(solarToLunar(d, m, y)).toEqual(lunar);
  });
});

describe('working days', () => {
  const calendar = new WorkCalendar();
  it('names the holidays of 2026, lunar ones computed, with days in lieu', () => {
    expect(calendar.holiday('2026-01-01')).toBe('Tết Dương lịch');
    expect(
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => calendar.holiday(d)),
    ).toEqual([
      'Tết Nguyên đán (ngày cuối năm)',
      'Tết Nguyên đán (mùng 1)',
      'Tết Nguyên đán (mùng 2)',
      'Tết Nguyên đán (mùng 3)',
      'Tết Nguyên đán (mùng 4)',
    ]);
    // Giỗ Tổ falls on Sunday 26/4/2026: Monday 27/4 is the day in lieu.
    expect(calendar.holiday('2026-04-26')).toBe('Giỗ Tổ Hùng Vương');
    expect(calendar.holiday('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // a Saturday
  });

  it('a Tết that straddles a weekend (2025: Wed 29/1 … Sat 1/2) pushes results past the day in lieu', () => {
    expect(calendar.holiday('2025-02-01')).toBe('Tết Nguyên đán (mùng 4)');
    expect(calendar.holiday('2025-02-03')).toBe('Nghỉ bù Tết Nguyên đán (mùng 4)');
    // Received Monday 27/1/2025 at 10:00, one working day: Tue 28 to Mon 3 are off.
    expect(dueDate(new Date('2025-01-27T03:00:00Z'), 1, calendar)).toEqual({
      received: '2025-01-27',
      due: '2025-02-04',
    });
  });

  it('counts a dossier received at or after 15:00 as received the next working day', () => {
    // Monday 23/11/2026: 14:59 is the same day, 15:00 the next.
    expect(dueDate(new Date('2026-11-23T07:59:00Z'), 0, calendar)).toEqual({
      received: '2026-11-23',
      due: '2026-11-23',
    });
    expect(dueDate(new Date('2026-11-23T08:00:00Z'), 0, calendar)).toEqual({
      received: '2026-11-24',
      due: '2026-11-24',
    });
    // Friday 27/11/2026 at 15:30, three working days: counted from Monday, due Thursday.
    expect(dueDate(new Date('2026-11-27T08:30:00Z'), 3, calendar)).toEqual({
      received: '2026-11-30',
      due: '2026-12-03',
    });
    // Received on a Saturday: from Monday.
    expect(dueDate(new Date('2026-11-28T02:00:00Z'), 0, calendar).received).toBe('2026-11-30');
  });

  it('follows the supervisor’s data file: extra days off and Saturdays worked', () => {
    const rules = parseHolidayRules({
      ...holidays,
      extraDaysOff: [{ date: '2026-02-13', name: 'Nghỉ Tết (hoán đổi)' }],
      workingDays: ['2026-02-28'],
    });
    const custom = new WorkCalendar(rules);
    expect(custom.holiday('2026-02-13')).toBe('Nghỉ Tết (hoán đổi)');
    expect(custom.isWorkingDay('2026-02-28')).toBe(true);
    expect(() => parseHolidayRules({ ...holidays, lunar: [{ month: 13, day: 1, name: 'x' }] })).toThrow();
  });
});
