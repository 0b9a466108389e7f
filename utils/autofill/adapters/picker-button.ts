import type { Adapter, Control } from '@/utils/autofill/control';
import { isShown, press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { closeList } from '@/utils/autofill/adapters/open-list';
import { refused, waitFor, writeDate } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';
import { setSelectValue } from '@/utils/autofill/adapters/select';

/**
 * A box that is a button opening a calendar dialog, named by the form's label, with nothing to type into
 * (Mantine's DatePickerInput, shadcn's date picker). Filled as a person does it: the calendar opened, its heading
 * clicked up to the years, paged to the year, then the year, the month (the m-th of twelve) and the day clicked;
 * or, where the calendar has lists for its month and year, those chosen and the day clicked. Each step waits for
 * what it expects to see; anything else leaves the date to the officer (`pickerOnly`), the calendar closed. What
 * the box then shows is read back, as for any date.
 */
function labelled(button: HTMLButtonElement): boolean {
  if (button.labels && button.labels.length > 0) return true;
  const ids = (button.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.some((id) => button.ownerDocument.getElementById(id)?.tagName === 'LABEL');
}

const stepMs = 1500;
const year = /^\d{4}$/;

/** The calendar the button opened: the element its `aria-controls` names, once shown. */
function dialogOf(c: Control): HTMLElement | null {
  const id = c.element.getAttribute('aria-controls');
  const el = id ? c.element.ownerDocument.getElementById(id) : null;
  return el && isVisibleToOfficer(el) ? el : null;
}

/**
 * The calendar's heading ("tháng 4 1994", "1994", "1990 – 1999": a button, or plain text at the top level) and
 * the page buttons either side of it, in the row they share.
 */
function header(dialog: HTMLElement) {
  const level =
    [...dialog.querySelectorAll<HTMLElement>('*')].find(
      (el) =>
        /\d{4}/.test(textOf(el)) &&
        el.children.length === 0 &&
        [...(el.parentElement?.children ?? [])].filter((b) => b !== el && b.tagName === 'BUTTON').length >= 2 &&
        drawn(el),
    ) ?? null;
  const siblings = level
    ? [...level.parentElement!.children].filter((el): el is HTMLElement => el instanceof HTMLElement)
    : [];
  const at = level ? siblings.indexOf(level) : -1;
  const page = (el: HTMLElement | undefined) =>
    el?.tagName === 'BUTTON' && !(el as HTMLButtonElement).disabled ? el : null;
  return { level, previous: page(siblings[at - 1]), next: page(siblings[at + 1]), inHeader: siblings };
}

/**
 * Drawn, whether or not it is on screen: a calendar opened near the bottom of the page runs past it, and a person
 * scrolls to the day (the box itself, what motcua fills, must be in view).
 */
function drawn(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && isShown(el);
}

/** The buttons of the grid shown (not the heading row), enabled. */
function cells(dialog: HTMLElement): HTMLElement[] {
  const { inHeader } = header(dialog);
  return [...dialog.querySelectorAll<HTMLButtonElement>('button')].filter(
    (b) => !inHeader.includes(b) && !b.disabled && b.getAttribute('aria-disabled') !== 'true' && drawn(b),
  );
}

/** A day of another month, drawn to fill the weeks: marked on the button or on its cell (react-day-picker's td). */
const outside = (b: HTMLElement) =>
  [b, b.closest('td, [role=gridcell]')].some(
    (el) =>
      el instanceof HTMLElement &&
      (el.hasAttribute('data-outside') || /outside|other-month|adjacent/i.test(el.className.toString())),
  );

/** The day `d` of the month shown, once its weeks are drawn. */
const dayButton = (dialog: HTMLElement, d: number) =>
  waitFor(
    dialog,
    () => (cells(dialog).length >= 28 ? cells(dialog).find((b) => textOf(b) === String(d) && !outside(b)) : null),
    stepMs,
  );

/**
 * A calendar that picks its month and year in two lists of its own (react-day-picker's dropdown caption, a
 * native select each): the year chosen, then the m-th month, then the day clicked. Null when it has no such lists.
 */
async function walkLists(dialog: HTMLElement, d: number, m: number, y: number): Promise<boolean | null> {
  const selects = [...dialog.querySelectorAll('select')].filter(drawn);
  const years = selects.find((s) => [...s.options].filter((o) => year.test(textOf(o))).length >= 10);
  const months = selects.find((s) => s !== years && s.options.length === 12);
  if (!years || !months) return null;
  const inYear = [...years.options].find((o) => textOf(o) === String(y));
  if (!inYear || inYear.disabled) return false;
  setSelectValue(years, inYear.value);
  const month = await waitFor(dialog, () => (months.isConnected ? (months.options[m - 1] ?? null) : null), stepMs);
  if (!month || month.disabled) return false;
  setSelectValue(months, month.value);
  // The lists read back: the calendar shows the month chosen before its day is clicked.
  const shown = await waitFor(
    dialog,
    () => (years.value === inYear.value && months.value === month.value) || null,
    stepMs,
  );
  if (!shown) return false;
  const day = await dayButton(dialog, d);
  if (!day) return false;
  press(day);
  return true;
}

async function walk(dialog: HTMLElement, d: number, m: number, y: number): Promise<boolean> {
  // A decade's years, those past the page's limits disabled: ten or twelve buttons of four digits.
  const yearButtons = () =>
    [...dialog.querySelectorAll<HTMLButtonElement>('button')].filter((b) => year.test(textOf(b)) && drawn(b));
  const inYears = () => yearButtons().length >= 9;
  // The calendar fades in: its grid is there once its days (or months, or years) are drawn.
  await waitFor(dialog, () => cells(dialog).length >= 7 || inYears() || null, stepMs);
  const byLists = await walkLists(dialog, d, m, y);
  if (byLists !== null) return byLists;
  // Up to the years: the heading names a month, then a year, then a decade.
  for (let i = 0; i < 3 && !inYears(); i++) {
    const { level } = header(dialog);
    if (level?.tagName !== 'BUTTON') return false;
    const before = textOf(level);
    press(level);
    await waitFor(dialog, () => textOf(header(dialog).level) !== before || null, stepMs);
  }
  for (let i = 0; i < 30; i++) {
    const shown = yearButtons();
    if (shown.length < 9) return false;
    const hit = shown.find((b) => textOf(b) === String(y));
    if (hit) {
      if (hit.disabled) return false;
      press(hit);
      break;
    }
    const first = textOf(shown[0]!);
    const page = y < Number(first) ? header(dialog).previous : header(dialog).next;
    if (!page) return false;
    press(page);
    if (!(await waitFor(dialog, () => (yearButtons()[0] && textOf(yearButtons()[0]!) !== first) || null, stepMs)))
      return false;
  }
  // The year's twelve months, in order.
  const months = await waitFor(
    dialog,
    () => {
      const all = [...dialog.querySelectorAll<HTMLButtonElement>('button')].filter(
        (b) => drawn(b) && !header(dialog).inHeader.includes(b),
      );
      return all.length === 12 && !inYears() ? all : null;
    },
    stepMs,
  );
  if (!months || months[m - 1]!.disabled) return false;
  press(months[m - 1]!);
  const day = await dayButton(dialog, d);
  if (!day) return false;
  press(day);
  return true;
}

export const pickerButtonAdapter: Adapter = {
  id: 'picker-button',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLButtonElement>('button[aria-haspopup=dialog]')]
      .filter((el) => !owned.has(el) && labelled(el))
      .map((el) => {
        // The value it keeps for the form, a hidden input beside it (Mantine's HiddenDatesInput).
        const hidden = el.parentElement?.parentElement?.querySelector<HTMLInputElement>('input[type=hidden][name]');
        return {
          control: {
            element: el,
            kind: 'date' as const,
            names: [...namesOf(el), ...(hidden ? [hidden.name] : [])],
            readOnly: el.disabled || el.hasAttribute('data-read-only'),
          },
          owns: [el, ...(hidden ? [hidden] : [])],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    // A placeholder drawn in the box ("Chọn ngày") is no date.
    if (c.element.querySelector('[class*=placeholder], [class*=Placeholder], [data-placeholder]'))
      return { ok: true, text: '' };
    return { ok: true, text: textOf(c.element) };
  },
  async fill(c, want) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const date = want.kind === 'date' ? want.date : null;
    if (!date?.day || !date.month || !date.year) return refused({ code: 'pickerOnly' });
    press(c.element);
    const dialog = await waitFor(c.element.ownerDocument.documentElement, () => dialogOf(c), stepMs);
    if (dialog && (await walk(dialog, date.day, date.month, date.year))) return { wrote: writeDate(date, 'dmy') };
    if (dialogOf(c)) closeList(c.element.ownerDocument, c.element);
    return refused({ code: 'pickerOnly' });
  },
  snapshot: (c) => ({ text: textOf(c.element) }),
  restore: () => true,
};
