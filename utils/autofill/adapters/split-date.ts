import { matchKey } from '@/utils/vn/text';
import type { Adapter, Control } from '@/utils/autofill/control';
import { fire, setNativeValue, typeValue } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { optionsOf } from '@/utils/autofill/adapters/select';
import { isReadOnly, readOnlyReason, refused } from '@/utils/autofill/adapters/shared';

/**
 * A date typed in three boxes (or chosen in three selects): day, month, year. The parts are told by their
 * names or ids (`X-day`, `NgaySinh_Thang`), placeholders ("Ngày", "dd") or sub-labels, and must sit together
 * (the same parent, or the same row). The Ministry of Justice `x-date` is one; its hidden ISO input follows.
 */
type Part = 'day' | 'month' | 'year';
const partWords: Record<Part, string[]> = {
  day: ['ngay', 'day', 'dd', 'd'],
  month: ['thang', 'month', 'mm', 'm'],
  year: ['nam', 'year', 'yyyy', 'y'],
};
const nameSuffix = /(?:^|[-_.[\]])(day|month|year|ngay|thang|nam|dd|mm|yyyy)\]?$/i;
const suffixPart: Record<string, Part> = {
  day: 'day',
  ngay: 'day',
  dd: 'day',
  month: 'month',
  thang: 'month',
  mm: 'month',
  year: 'year',
  nam: 'year',
  yyyy: 'year',
};

function partOf(el: HTMLElement): Part | null {
  for (const name of [el.getAttribute('name'), el.id, el.getAttribute('formcontrolname')]) {
    const m = name?.match(nameSuffix);
    if (m) return suffixPart[m[1]!.toLowerCase()] ?? null;
  }
  const placeholder = matchKey(el.getAttribute('placeholder') ?? el.getAttribute('aria-label') ?? '');
  for (const part of ['day', 'month', 'year'] as Part[]) if (partWords[part].includes(placeholder)) return part;
  if (el instanceof HTMLSelectElement) {
    const first = matchKey(el.options[0]?.text ?? '');
    for (const part of ['day', 'month', 'year'] as Part[])
      if (partWords[part].some((w) => first === w || first.startsWith(`${w} `) || first.endsWith(` ${w}`))) return part;
  }
  return null;
}

/** The base of a part's name ("NgaySinh-day" → "NgaySinh"), so the parts of two dates never mix. */
const baseOf = (el: HTMLElement) => (el.getAttribute('name') ?? el.id ?? '').replace(nameSuffix, '');

const parts = (c: Control) => c.parts as Record<Part, HTMLInputElement | HTMLSelectElement | undefined>;

function writePart(el: HTMLInputElement | HTMLSelectElement, value: number) {
  if (el instanceof HTMLSelectElement) {
    const option = optionsOf(el).find((o) => Number(o.value) === value || Number(o.text) === value);
    if (!option) return false;
    setNativeValue(el, option.value);
    fire(el, 'change');
    return true;
  }
  typeValue(el, el.maxLength === 4 || value > 31 ? String(value) : String(value).padStart(2, '0'));
  return true;
}

export const splitDateAdapter: Adapter = {
  id: 'split-date',
  find(root, owned) {
    const found: ReturnType<Adapter['find']> = [];
    const candidates = [
      ...root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select',
      ),
    ].filter((el) => !owned.has(el));
    const used = new Set<Element>();
    for (const el of candidates) {
      if (used.has(el) || partOf(el) !== 'day') continue;
      // Its month and year: the nearest container (up to three levels) holding one of each with the same base.
      let scope: HTMLElement | null = el.parentElement;
      for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
        const inScope = candidates.filter((o) => scope!.contains(o) && !used.has(o) && baseOf(o) === baseOf(el));
        const month = inScope.find((o) => partOf(o) === 'month');
        const year = inScope.find((o) => partOf(o) === 'year');
        if (!month || !year) continue;
        for (const p of [el, month, year]) used.add(p);
        const hiddenIso = scope.querySelector<HTMLInputElement>('input[type=hidden]');
        const base = baseOf(el);
        found.push({
          control: {
            element: scope,
            kind: 'date',
            names: base ? [base] : [],
            readOnly: [el, month, year].some((p) => isReadOnly(p)),
            parts: { day: el, month, year, ...(hiddenIso ? { iso: hiddenIso } : {}) },
          },
          owns: [el, month, year, ...(hiddenIso ? [hiddenIso] : [])],
        });
        break;
      }
    }
    return found;
  },
  visible: (c) => [parts(c).day, parts(c).month, parts(c).year].every((p) => isVisibleToOfficer(p)),
  read(c) {
    const p = parts(c);
    const value = (el?: HTMLInputElement | HTMLSelectElement) => (el?.value ?? '').trim();
    const [d, m, y] = [value(p.day), value(p.month), value(p.year)];
    return { ok: true, text: d || m || y ? `${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y}` : '' };
  },
  async fill(c, want) {
    if (want.kind !== 'date') return refused({ code: 'failed' });
    const p = parts(c);
    if (c.readOnly) return refused(readOnlyReason('', want));
    const { day, month, year } = want.date;
    if (day === undefined || month === undefined) return refused({ code: 'dateFormatUnknown' });
    const ok = writePart(p.day!, day) && writePart(p.month!, month) && writePart(p.year!, year);
    return ok
      ? { wrote: `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}` }
      : refused({ code: 'notAccepted' });
  },
  snapshot(c) {
    const p = parts(c);
    return { text: '', raw: [p.day?.value ?? '', p.month?.value ?? '', p.year?.value ?? ''] };
  },
  restore(c, s) {
    const p = parts(c);
    const [d, m, y] = s.raw as string[];
    for (const [el, v] of [
      [p.day, d],
      [p.month, m],
      [p.year, y],
    ] as const) {
      if (!el) continue;
      if (el instanceof HTMLSelectElement) {
        setNativeValue(el, v ?? '');
        fire(el, 'change');
      } else typeValue(el, v ?? '');
    }
    return true;
  },
};
