import type { MessageKey, Params } from '@/utils/i18n';
import { parseDate, daysInMonth } from '@/utils/vn/dates';
import { holidayRulesSchema, type HolidayRules } from '@/utils/calendar/calendar';

/**
 * The holiday rules as a supervisor edits them in a form, one entry at a time: a day every year (solar), a
 * lunar day every year, a day off this year only (a government decision), a day off in lieu, a Saturday worked.
 */
export type HolidayEntry =
  | { kind: 'solar'; day: number; month: number; name: string }
  | { kind: 'lunar'; day: number | 'last'; month: number; name: string }
  | { kind: 'dayOff'; date: string; name: string }
  | { kind: 'inLieu'; date: string; of: string }
  | { kind: 'workingDay'; date: string };
export type HolidayEntryKind = HolidayEntry['kind'];

/** What the form holds: text as typed. */
export interface HolidayForm {
  kind: HolidayEntryKind;
  /** dd/mm for solar, dd/mm (or "last"/"cuối") for lunar, dd/mm/yyyy for the dated kinds. */
  when: string;
  name: string;
}

export type EditResult = { ok: true; rules: HolidayRules } | { ok: false; message: MessageKey; params?: Params };

const pad = (n: number) => String(n).padStart(2, '0');
const fail = (message: MessageKey, params?: Params): EditResult => ({
  ok: false,
  message,
  ...(params ? { params } : {}),
});

function dayMonth(text: string): { day: number; month: number } | null {
  const m = text.trim().match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/);
  return m ? { day: Number(m[1]), month: Number(m[2]) } : null;
}

function isoOf(text: string): string | null {
  const parsed = parseDate(text);
  if (!parsed.ok || parsed.date.precision !== 'day') return null;
  return `${parsed.date.year}-${pad(parsed.date.month!)}-${pad(parsed.date.day!)}`;
}

/** The form as an entry, or why it is not one yet. */
export function entryFromForm(form: HolidayForm): HolidayEntry | { message: MessageKey; params?: Params } {
  const name = form.name.trim();
  if (form.kind === 'solar' || form.kind === 'lunar') {
    if (!name) return { message: 'holidays.edit.nameMissing' };
    if (form.kind === 'lunar' && /^(last|cuoi|cuối)/i.test(form.when.trim()))
      return { kind: 'lunar', day: 'last', month: 12, name };
    const dm = dayMonth(form.when);
    if (!dm || dm.month < 1 || dm.month > 12)
      return { message: 'holidays.edit.dayMonth', params: { value: form.when } };
    const max = form.kind === 'solar' ? daysInMonth(2024, dm.month) : 30;
    if (dm.day < 1 || dm.day > max) return { message: 'holidays.edit.noSuchDay', params: { value: form.when, max } };
    return { kind: form.kind, day: dm.day, month: dm.month, name };
  }
  const date = isoOf(form.when);
  if (!date) return { message: 'holidays.edit.date', params: { value: form.when } };
  if (form.kind === 'workingDay') return { kind: 'workingDay', date };
  if (!name) return { message: 'holidays.edit.nameMissing' };
  return form.kind === 'inLieu' ? { kind: 'inLieu', date, of: name } : { kind: 'dayOff', date, name };
}

/** Adds an entry; a date or day already in the rules is refused with the name it already has. */
export function addEntry(rules: HolidayRules, entry: HolidayEntry): EditResult {
  const next: HolidayRules = structuredClone(rules);
  if (entry.kind === 'solar') {
    const same = next.solar.find((h) => h.day === entry.day && h.month === entry.month);
    if (same) return fail('holidays.edit.exists', { name: same.name });
    next.solar.push({ day: entry.day, month: entry.month, name: entry.name });
  } else if (entry.kind === 'lunar') {
    const same = next.lunar.find((h) => h.day === entry.day && h.month === entry.month);
    if (same) return fail('holidays.edit.exists', { name: same.name });
    next.lunar.push({ day: entry.day, month: entry.month, name: entry.name });
  } else if (entry.kind === 'workingDay') {
    if (next.workingDays.includes(entry.date)) return fail('holidays.edit.existsDate');
    next.workingDays.push(entry.date);
  } else {
    const list = next.extraDaysOff.map((e) => (typeof e === 'string' ? { date: e, name: '' } : e));
    const same = list.find((e) => e.date === entry.date);
    if (same) return fail('holidays.edit.exists', { name: same.name || entry.date });
    list.push({ date: entry.date, name: entry.kind === 'inLieu' ? `Nghỉ bù ${entry.of}` : entry.name });
    next.extraDaysOff = list.map((e) => ({ ...e, name: e.name || 'Nghỉ theo quyết định của Chính phủ' }));
  }
  const checked = holidayRulesSchema.safeParse(next);
  return checked.success ? { ok: true, rules: checked.data } : fail('holidays.edit.invalid');
}

/** Every entry, in the form's terms, so the page can list them with a "Bỏ" beside each. */
export function entriesOf(rules: HolidayRules): HolidayEntry[] {
  return [
    ...rules.solar.map((h): HolidayEntry => ({ kind: 'solar', ...h })),
    ...rules.lunar.map((h): HolidayEntry => ({ kind: 'lunar', ...h })),
    ...rules.extraDaysOff.map((e): HolidayEntry => {
      const { date, name } = typeof e === 'string' ? { date: e, name: 'Nghỉ theo quyết định của Chính phủ' } : e;
      return name.startsWith('Nghỉ bù ')
        ? { kind: 'inLieu', date, of: name.slice('Nghỉ bù '.length) }
        : { kind: 'dayOff', date, name };
    }),
    ...rules.workingDays.map((date): HolidayEntry => ({ kind: 'workingDay', date })),
  ];
}

export function removeEntry(rules: HolidayRules, entry: HolidayEntry): HolidayRules {
  const next: HolidayRules = structuredClone(rules);
  if (entry.kind === 'solar') next.solar = next.solar.filter((h) => !(h.day === entry.day && h.month === entry.month));
  else if (entry.kind === 'lunar')
    next.lunar = next.lunar.filter((h) => !(h.day === entry.day && h.month === entry.month));
  else if (entry.kind === 'workingDay') next.workingDays = next.workingDays.filter((d) => d !== entry.date);
  else
    next.extraDaysOff = next.extraDaysOff.filter(
      (e) => (typeof e === 'string' ? e : e.date) !== entry.date,
    ) as HolidayRules['extraDaysOff'];
  return next;
}

/** One entry on one line, as the list shows it ("30/04: Ngày Chiến thắng", "10/03 âm lịch: Giỗ Tổ Hùng Vương"). */
export function describeEntry(entry: HolidayEntry): { message: MessageKey; params: Params } {
  const dm = (d: number | 'last', m: number) => (d === 'last' ? '' : `${pad(d)}/${pad(m)}`);
  const date = (iso: string) => iso.split('-').reverse().join('/');
  switch (entry.kind) {
    case 'solar':
      return { message: 'holidays.entry.solar', params: { when: dm(entry.day, entry.month), name: entry.name } };
    case 'lunar':
      return entry.day === 'last'
        ? { message: 'holidays.entry.lunarLast', params: { name: entry.name } }
        : { message: 'holidays.entry.lunar', params: { when: dm(entry.day, entry.month), name: entry.name } };
    case 'dayOff':
      return { message: 'holidays.entry.dayOff', params: { when: date(entry.date), name: entry.name } };
    case 'inLieu':
      return { message: 'holidays.entry.inLieu', params: { when: date(entry.date), name: entry.of } };
    case 'workingDay':
      return { message: 'holidays.entry.workingDay', params: { when: date(entry.date) } };
  }
}
