import { z } from 'zod';
import holidaysData from '@/utils/calendar/holidays.json';
import { solarToLunar } from '@/utils/calendar/lunar';

/**
 * Working days of a ward's one-stop counter: weekends, the public holidays of holidays.json (solar, and
 * lunar computed per year), a day off in lieu when a holiday falls on a weekend, and each year's own
 * decisions listed by date. Dates are 'yyyy-mm-dd' in Vietnam's time (UTC+7).
 */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const holidayRulesSchema = z.object({
  weekend: z.array(z.number().int().min(0).max(6)),
  solar: z.array(
    z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), name: z.string().min(1) }),
  ),
  lunar: z.array(
    z.object({
      month: z.number().int().min(1).max(12),
      day: z.union([z.number().int().min(1).max(30), z.literal('last')]),
      name: z.string().min(1),
    }),
  ),
  compensate: z.boolean(),
  extraDaysOff: z.array(z.object({ date: isoDay, name: z.string().min(1) })).or(z.array(isoDay)),
  workingDays: z.array(isoDay),
});
export type HolidayRules = z.infer<typeof holidayRulesSchema>;

export function parseHolidayRules(data: unknown): HolidayRules {
  const { $comment: _c, ...rest } = data as Record<string, unknown>;
  return holidayRulesSchema.parse(rest);
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayMs = 86_400_000;

export function toIso(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
export function fromIso(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
export const addDays = (iso: string, n: number) => toIso(new Date(fromIso(iso).getTime() + n * dayMs));

export class WorkCalendar {
  private readonly years = new Map<number, Map<string, string>>();

  constructor(private readonly rules: HolidayRules = parseHolidayRules(holidaysData)) {}

  /** The name of the holiday (or day in lieu) on that date, or null. */
  holiday(iso: string): string | null {
    return this.daysOff(Number(iso.slice(0, 4))).get(iso) ?? null;
  }

  isWeekend(iso: string): boolean {
    return this.rules.weekend.includes(fromIso(iso).getUTCDay());
  }

  isWorkingDay(iso: string): boolean {
    if (this.rules.workingDays.includes(iso)) return true;
    return !this.isWeekend(iso) && this.holiday(iso) === null;
  }

  nextWorkingDay(iso: string): string {
    let day = addDays(iso, 1);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  addWorkingDays(iso: string, n: number): string {
    let day = iso;
    for (let i = 0; i < n; i++) day = this.nextWorkingDay(day);
    return day;
  }

  private daysOff(year: number): Map<string, string> {
    const cached = this.years.get(year);
    if (cached) return cached;
    const off = new Map<string, string>();
    // A holiday late in the year before can push its day in lieu into this one (and the lunar year's last
    // day can fall in January): look from 20 December of the year before.
    const holidays: Array<[string, string]> = [];
    for (let d = fromIso(`${year - 1}-12-20`).getTime(); d <= fromIso(`${year}-12-31`).getTime(); d += dayMs) {
      const iso = toIso(new Date(d));
      const name = this.ruleHoliday(iso);
      if (name) holidays.push([iso, name]);
    }
    for (const [iso, name] of holidays) off.set(iso, name);
    for (const extra of this.rules.extraDaysOff) {
      const [date, name] =
        typeof extra === 'string' ? [extra, 'Nghỉ theo quyết định của Chính phủ'] : [extra.date, extra.name];
      off.set(date, name);
    }
    if (this.rules.compensate) {
      for (const [iso, name] of holidays) {
        if (!this.isWeekend(iso)) continue;
        let lieu = addDays(iso, 1);
        while (this.isWeekend(lieu) || off.has(lieu)) lieu = addDays(lieu, 1);
        off.set(lieu, `Nghỉ bù ${name}`);
      }
    }
    for (const [iso] of [...off]) if (!iso.startsWith(`${year}-`)) off.delete(iso);
    this.years.set(year, off);
    return off;
  }

  private ruleHoliday(iso: string): string | null {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const solar = this.rules.solar.find((h) => h.month === m && h.day === d);
    if (solar) return solar.name;
    const lunar = solarToLunar(d, m, y);
    if (lunar.leap) return null;
    for (const rule of this.rules.lunar) {
      if (rule.month !== lunar.month) continue;
      if (rule.day === 'last') {
        const next = fromIso(addDays(iso, 1));
        const after = solarToLunar(next.getUTCDate(), next.getUTCMonth() + 1, next.getUTCFullYear());
        if (after.month === 1 && after.day === 1 && !after.leap) return rule.name;
      } else if (rule.day === lunar.day) return rule.name;
    }
    return null;
  }
}

/** Vietnam's local date and minutes past midnight of an instant. */
export function vnLocal(at: Date): { iso: string; minutes: number } {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return { iso: toIso(local), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * When results are due: a dossier received at or after the cut-off (15:00), or on a day off, counts as received
 * the next working day; then `workingDays` working days are added (0 = the day it counts as received).
 */
export function dueDate(
  receivedAt: Date,
  workingDays: number,
  calendar: WorkCalendar,
  cutoff = '15:00',
): { received: string; due: string } {
  const { iso, minutes } = vnLocal(receivedAt);
  const [h, m] = cutoff.split(':').map(Number) as [number, number];
  const received = calendar.isWorkingDay(iso) && minutes < h * 60 + m ? iso : calendar.nextWorkingDay(iso);
  return { received, due: calendar.addWorkingDays(received, workingDays) };
}
