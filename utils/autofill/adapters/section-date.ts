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
 * from the sections the officer sees.
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
        const hidden = group.querySelector<HTMLInputElement>('input[aria-hidden=true], input[type=hidden]');
        if (!hidden || sections.length < 2 || sections.length > 3 || parts.some((p) => !p)) return [];
        if (new Set(parts).size !== parts.length || !parts.includes('year')) return [];
        return [
          {
            control: {
              element: group,
              kind: 'date' as const,
              names: namesOf(hidden),
              readOnly: hidden.disabled || sections.every((s) => s.getAttribute('aria-readonly') === 'true'),
              parts: { hidden, labelTarget: hidden },
            },
            owns: [group, hidden, ...sections],
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
    const text = order.map((p) => String(values[p]).padStart(p === 'year' ? 4 : 2, '0')).join(separatorOf(c.element));
    const hidden = hiddenOf(c);
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
