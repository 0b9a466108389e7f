import { formatIsoDate, parseDate, type VnDate } from '@/utils/vn/dates';
import { matchKey } from '@/utils/vn/text';
import type { Attempt, Choice, Control, Reason, Want } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { otherOption, pickChoice, type KeyOf } from '@/utils/autofill/options';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';

/** Pieces several adapters share: choosing among options, writing a date in the control's own format. */

export const refused = (reason: Reason): Attempt => ({ wrote: null, refused: reason });

export function isReadOnly(el: Element | null | undefined): boolean {
  if (!el) return false;
  const input = el as HTMLInputElement;
  return Boolean(
    input.readOnly ||
      input.disabled ||
      el.getAttribute('aria-readonly') === 'true' ||
      el.getAttribute('aria-disabled') === 'true',
  );
}

/** A path as a cascader shows it: each step's first spelling, top first ("Thành phố Hà Nội / Phường Ba Đình"). */
export const pathText = (want: Extract<Want, { kind: 'path' }>) => want.steps.map((s) => s[0] ?? '').join(' / ');

/** What to say when a read-only control already holds something (the VNeID block): differs, or not. */
export function readOnlyReason(current: string, want: Want): Reason {
  const wanted =
    want.kind === 'text'
      ? want.text
      : want.kind === 'choice'
        ? (want.values[0] ?? '')
        : want.kind === 'path'
          ? pathText(want)
          : (formatIsoDate(want.date) ?? '');
  if (current.trim() && want.kind === 'text' && matchKey(current) !== matchKey(wanted))
    return { code: 'readonlyDiffers', params: { shown: current.trim(), wanted } };
  return { code: 'readonly' };
}

export interface Chosen {
  index: number;
  note?: Reason;
}

/** The option for a choice want (a "Khác" fallback when the want allows it), or the reason there is none. */
export function chooseAmong(options: Choice[], want: Want, keyOf: KeyOf = matchKey): Chosen | Reason {
  const wanted = want.kind === 'choice' ? want.values : want.kind === 'text' ? [want.text] : [];
  const pick = pickChoice(options, wanted, keyOf);
  if (pick)
    return pick.loose
      ? {
          index: pick.index,
          note: { code: 'looseChoice', params: { chosen: options[pick.index]!.text, wanted: pick.value } },
        }
      : { index: pick.index };
  if (want.kind === 'choice' && want.fallbackOther) {
    const other = otherOption(options, keyOf);
    if (other !== null) return { index: other, note: { code: 'otherChosen', params: { wanted: wanted[0] ?? '' } } };
  }
  return { code: 'noOption', params: { wanted: wanted[0] ?? '' } };
}

export const isReason = (v: Chosen | Reason): v is Reason => 'code' in v;

/** How a text box wants a date: from its type, its hints and placeholder, its length limit. */
export type DateFormat = 'iso' | 'isoMonth' | 'dmy' | 'my' | 'y';

export function dateFormatOf(el: HTMLInputElement | null, control: Pick<Control, 'hints' | 'labels'>): DateFormat {
  const type = el?.type;
  if (type === 'date') return 'iso';
  if (type === 'month') return 'isoMonth';
  const hint = matchKey([...control.hints, el?.placeholder ?? '', el?.getAttribute('data-format') ?? ''].join(' '));
  if (/\bdd\b|ngay thang nam|dd mm yyyy|d m y/.test(hint)) return 'dmy';
  if (/\bmm yyyy\b|thang nam/.test(hint)) return 'my';
  if (/\byyyy\b|dien nam|\bnam\b/.test(hint) || el?.maxLength === 4) return 'y';
  return 'dmy';
}

const two = (n: number | undefined) => String(n ?? '').padStart(2, '0');

/** The date in a format, at the precision the record has (a year-only birth is written as its year). */
export function writeDate(date: VnDate, format: DateFormat): string {
  if (format === 'y' || date.precision === 'year')
    return format === 'iso' || format === 'isoMonth' ? '' : String(date.year);
  if (format === 'iso') return date.precision === 'day' ? `${date.year}-${two(date.month)}-${two(date.day)}` : '';
  if (format === 'isoMonth') return `${date.year}-${two(date.month)}`;
  if (format === 'my' || date.precision === 'month') return `${two(date.month)}/${date.year}`;
  return `${two(date.day)}/${two(date.month)}/${date.year}`;
}

/** A date as text the page shows ("12/04/1994", "1994-04-12", "1994-04-12T00:00:00+07:00", "1994"). */
export function readDate(text: string, view: Window = globalThis as unknown as Window): VnDate | null {
  const t = text.trim();
  const isoTime = t.match(/^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/);
  if (isoTime?.[2]) {
    // A moment in time (Form.io keeps one): the day it is where the page is.
    const at = new (view as unknown as typeof globalThis).Date(t);
    if (!Number.isNaN(at.getTime()))
      return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate(), precision: 'day' };
  }
  const parsed = parseDate(isoTime ? isoTime[1]! : t);
  return parsed.ok ? parsed.date : null;
}

/** A popup on its way out (Vue's leave transition) still draws its options for a moment. */
export const isLeaving = (el: Element) => [...el.classList].some((k) => /-leave(-active|-to)?$/.test(k));

/**
 * A widget's popup that its library draws inside the widget until first shown, then moves to the body beside
 * every other (Element UI's menus): the one the widget held when found, kept in its parts; else (first shown
 * before the filler saw it) the one such popup showing.
 */
export function movedPopup(kept: Element | undefined, doc: Document, selector: string): Element | null {
  if (kept?.isConnected) return kept;
  return [...doc.querySelectorAll(selector)].find((p) => !isLeaving(p) && isVisibleToOfficer(p)) ?? null;
}

/** How often a wait looks again without a DOM change (an overlay fading in changes no node). */
export const pollMs = 80;

/**
 * Waits for `probe` to find something: checked at each change under `root`, and every `pollMs` (CSS animations
 * make options visible without touching the DOM), up to `timeoutMs`.
 */
export function waitFor<T>(
  root: Node,
  probe: () => T | null | undefined | false,
  timeoutMs: number,
): Promise<T | null> {
  const first = probe();
  if (first) return Promise.resolve(first);
  const doc = root.ownerDocument ?? (root as Document);
  const view = doc.defaultView ?? window;
  return new Promise((resolve) => {
    const check = () => {
      const hit = probe();
      if (hit) finish(hit);
    };
    const observer = new view.MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    const poll = view.setInterval(check, pollMs);
    const timer = view.setTimeout(() => finish(null), timeoutMs);
    function finish(value: T | null) {
      observer.disconnect();
      view.clearInterval(poll);
      view.clearTimeout(timer);
      resolve(value);
    }
  });
}

/** Options an open list shows: visible, enabled, with their code where the page gives one. */
/** Where an option keeps its code, first found first. */
const optionValueAttributes = ['data-value', 'value', 'data-id'];

export function visibleOptions(scope: ParentNode, selector: string): Array<{ el: HTMLElement; choice: Choice }> {
  const found = [...scope.querySelectorAll<HTMLElement>(selector)].filter(
    (el) =>
      el.isConnected &&
      isVisibleToOfficer(el) &&
      el.getAttribute('aria-disabled') !== 'true' &&
      !el.classList.contains('disabled'),
  );
  // A loose selector also matches what holds the options (".x-select-options" for "[class*=option]", whose
  // text is the one option left after a search) and the text inside an option. An element marked as an
  // option (a role, a value) is one, and nothing inside it is; an unmarked element holding others holds them.
  const marked = (el: HTMLElement) =>
    el.getAttribute('role') === 'option' || optionValueAttributes.some((a) => el.hasAttribute(a));
  const inMarked = (el: HTMLElement) => found.some((other) => other !== el && other.contains(el) && marked(other));
  const holds = (el: HTMLElement) => !marked(el) && found.some((other) => other !== el && el.contains(other));
  return found
    .filter((el) => !inMarked(el) && !holds(el))
    .map((el) => ({
      el,
      choice: {
        value: optionValueAttributes.map((a) => el.getAttribute(a)).find((v) => v !== null) ?? '',
        text: textOf(el),
      },
    }));
}
