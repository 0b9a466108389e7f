import { describe, expect, it } from 'vitest';
import { cardExpiry } from '@/utils/vn/card-validity';
import type { VnDate } from '@/utils/vn/dates';

const d = (day: number, month: number, year: number): VnDate => ({ day, month, year, precision: 'day' });

describe('an ID card’s expiry by the renewal ages', () => {
  it('a 2021 card lasts to the next of 25, 40 and 60, or past it when issued within the two years before', () => {
    expect(cardExpiry('2021', d(25, 7, 1996), d(27, 9, 2023))).toEqual(d(25, 7, 2036)); // 27 → 40
    expect(cardExpiry('2021', d(30, 12, 1998), d(14, 8, 2021))).toEqual(d(30, 12, 2023)); // 22 → 25
    expect(cardExpiry('2021', d(30, 12, 1998), d(31, 12, 2021))).toEqual(d(30, 12, 2038)); // 23 → 40
    expect(cardExpiry('2021', d(10, 5, 1983), d(11, 5, 2021))).toEqual(d(10, 5, 2043)); // 38, within the two years before 40 → 60
  });
  it('a 2024 card is renewed at 14 too, and from 58 on has none', () => {
    expect(cardExpiry('2024', d(4, 3, 2015), d(8, 5, 2026))).toEqual(d(4, 3, 2029)); // 11 → 14
    expect(cardExpiry('2024', d(4, 3, 2001), d(8, 5, 2026))).toEqual(d(4, 3, 2041)); // 25 → 40
    expect(cardExpiry('2024', d(22, 10, 1959), d(16, 4, 2025))).toBe('none'); // 65
    expect(cardExpiry('2021', d(1, 1, 1967), d(2, 1, 2025))).toBe('none'); // 58
    expect(cardExpiry('2021', d(1, 1, 1967), d(31, 12, 2024))).toEqual(d(1, 1, 2027)); // 57 → 60
  });
  it('gives nothing for a date that is not a whole day, or an issue before the birth', () => {
    expect(cardExpiry('2021', { year: 1990, precision: 'year' }, d(1, 1, 2022))).toBeNull();
    expect(cardExpiry('2021', d(1, 1, 2000), d(1, 1, 1999))).toBeNull();
  });
});
