import type { VnDate } from '@/utils/vn/dates';

/**
 * How long an ID card is valid, by law: it is renewed on reaching the renewal ages, and a card issued within
 * the two years before one of them stays valid to the next; from the last one on it has no expiry.
 * - 2021 card (Luật Căn cước công dân 59/2014, Art. 21): 25, 40 and 60 years.
 * - 2024 card (Luật Căn cước 26/2023, Art. 21): 14, 25, 40 and 60 years.
 * The expiry falls on the birthday of that age. Null when a date is not a whole day.
 */

export type CardValidity = VnDate | 'none';

const renewalAges = { '2021': [25, 40, 60], '2024': [14, 25, 40, 60] } as const;
/** A card issued this many years or fewer before a renewal age lasts to the next one. */
const graceYears = 2;

function ageOn(birth: Required<Omit<VnDate, 'precision'>>, day: Required<Omit<VnDate, 'precision'>>): number {
  const before = day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return day.year - birth.year - (before ? 1 : 0);
}

export function cardExpiry(model: '2021' | '2024', birth: VnDate, issue: VnDate): CardValidity | null {
  if (birth.day === undefined || birth.month === undefined || issue.day === undefined || issue.month === undefined)
    return null;
  const b = { year: birth.year, month: birth.month, day: birth.day };
  const age = ageOn(b, { year: issue.year, month: issue.month, day: issue.day });
  if (age < 0) return null;
  for (const renewal of renewalAges[model])
    if (age < renewal - graceYears) return { year: b.year + renewal, month: b.month, day: b.day, precision: 'day' };
  return 'none';
}
