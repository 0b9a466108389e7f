import type { Adapter, Control } from '@/utils/autofill/control';
import { fire, setNativeValue, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { readOnlyReason, refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * A date drawn as editable sections: a `[role=group]` of `[role=spinbutton]` parts (day, month, year, each
 * `contenteditable`) beside a hidden input that holds the whole date as text. MUI X's pickers draw their field
 * so by default; the hidden input is where browsers' autofill writes, and the widget parses what lands there
 * into its sections. So the date is written there in the sections' own order and separators, and read back
 * from the sections the officer sees. React Aria's DatePicker keeps its autofill box apart, a native date input
 * after the picker: the ISO date goes there.
 */
type Part = 'day' | 'month' | 'year';

/** A section's part: by its range (1–31, 1–12, a year's), else by its name ("Ngày", "Month"). */
function partOf(section: Element): Part | null {
  const max = Number(section.getAttribute('aria-valuemax'));
  if (max === 31) return 'day';
  if (max === 12) return 'month';
  if (max >= 999) return 'year';
  const name = (section.getAttribute('aria-label') ?? '').toLowerCase();
  if (/ngày|day/.test(name)) return 'day';
  if (/tháng|month/.test(name)) return 'month';
  if (/năm|year/.test(name)) return 'year';
  return null;
}

const sectionsOf = (group: Element) => [...group.querySelectorAll<HTMLElement>('[role=spinbutton]')];
const hiddenOf = (c: Control) => c.parts!.hidden as HTMLInputElement;

/**
 * The date box kept for the browser's autofill beside the field: a native `type=date` input, out of the tab
 * order, in an `aria-hidden` box right after the field or the picker around it (React Aria's DatePicker and
 * DateField draw one and take the ISO date written there). Only a box whose field holds this one group.
 */
function autofillInputOf(group: Element): HTMLInputElement | null {
  let node: Element | null = group;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    if (node.querySelectorAll('[role=group]').length > (node === group ? 0 : 1)) return null;
    const next = node.nextElementSibling;
    if (next?.getAttribute('aria-hidden') !== 'true') continue;
    const input = next.querySelector<HTMLInputElement>('input[type=date]');
    if (input && input.tabIndex < 0) return input;
  }
  return null;
}

/** The text between sections ("/", "-", "."), as the field draws it. */
function separatorOf(group: Element): string {
  const sections = sectionsOf(group);
  const first = sections[0];
  const after = first?.nextElementSibling ?? first?.parentElement?.nextElementSibling;
  const text = textOf(after).trim();
  return /^[/.\-\s]$/.test(text) ? text : '/';
}

/** A section still showing its placeholder ("DD", "MM", "YYYY") holds nothing. */
function sectionValue(section: Element): string {
  const text = textOf(section);
  return /^\d+$/.test(text) ? text : '';
}

export const sectionDateAdapter: Adapter = {
  id: 'section-date',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('[role=group]')]
      .filter((group) => !owned.has(group))
      .flatMap((group) => {
        const sections = sectionsOf(group);
        const parts = sections.map(partOf);
        const autofill = autofillInputOf(group);
        const hidden =
          autofill ??
          group.querySelector<HTMLInputElement>('input[aria-hidden=true], input[type=hidden], input[hidden]');
        // Named by the field's own form input where it keeps one apart from the autofill box.
        const named = group.querySelector<HTMLInputElement>('input[name]') ?? hidden;
        if (!hidden || sections.length < 2 || sections.length > 3 || parts.some((p) => !p)) return [];
        if (new Set(parts).size !== parts.length || !parts.includes('year')) return [];
        return [
          {
            control: {
              element: group,
              kind: 'date' as const,
              names: named ? namesOf(named) : [],
              readOnly: hidden.disabled || sections.every((s) => s.getAttribute('aria-readonly') === 'true'),
              parts: { hidden, labelTarget: hidden },
            },
            owns: [group, hidden, ...(named ? [named] : []), ...sections],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    const sections = sectionsOf(c.element);
    const byPart = Object.fromEntries(sections.map((s) => [partOf(s), sectionValue(s)])) as Record<Part, string>;
    if (!sections.some(sectionValue)) return { ok: true, text: '' };
    return {
      ok: true,
      text: [byPart.day, byPart.month, byPart.year].filter((v) => v !== undefined).join('/'),
    };
  },
  async fill(c, want) {
    if (want.kind !== 'date') return refused({ code: 'failed' });
    if (c.readOnly) return refused(readOnlyReason('', want));
    const { day, month, year } = want.date;
    const order = sectionsOf(c.element).map(partOf) as Part[];
    const values: Record<Part, number | undefined> = { day, month, year };
    if (order.some((p) => values[p] === undefined)) return refused({ code: 'dateFormatUnknown' });
    const hidden = hiddenOf(c);
    // A native date box takes ISO; a text one the sections' own order and separators.
    const text =
      hidden.type === 'date'
        ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : order.map((p) => String(values[p]).padStart(p === 'year' ? 4 : 2, '0')).join(separatorOf(c.element));
    if (hidden.type === 'date' && (day === undefined || month === undefined))
      return refused({ code: 'dateFormatUnknown' });
    setNativeValue(hidden, text);
    fire(hidden, 'input', { inputType: 'insertText', data: text } as InputEventInit);
    fire(hidden, 'change');
    return { wrote: text };
  },
  snapshot: (c) => ({ text: hiddenOf(c).value }),
  restore(c, s) {
    const hidden = hiddenOf(c);
    setNativeValue(hidden, s.text);
    fire(hidden, 'input');
    fire(hidden, 'change');
    return true;
  },
};
