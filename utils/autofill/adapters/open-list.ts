import { placeKey, stripUnitPrefix } from '@/utils/vn/place-names';
import { matchKey } from '@/utils/vn/text';
import type { Attempt, Choice, Want } from '@/utils/autofill/control';
import { key, press, typeValue } from '@/utils/autofill/dom';
import type { KeyOf } from '@/utils/autofill/options';
import { chooseAmong, isReason, refused, visibleOptions, waitFor } from '@/utils/autofill/adapters/shared';

/**
 * Dropdowns that are not a `<select>` all work like this for a person: open it, type in its search box if it
 * has one, wait for the options (some load them only now), click the one that fits, and see it shown as
 * chosen. Each widget adapter says how to open it, where its options and search box are, and how to read
 * what it shows; this does the rest.
 */
export interface ListWidget {
  doc: Document;
  /** Opens the list (a click, a mousedown, a key): what a person does. */
  open(): void | Promise<void>;
  /** The search box the open list offers, if any. */
  search?(): HTMLInputElement | null;
  /** Where the open list's options are and how to find them. */
  scope(): ParentNode;
  optionSelector: string;
  /** Closes it when nothing fitted (Escape, a click outside). */
  close(): void;
  /** The element the officer opens it by (a search box that is this one is typed in at once). */
  widget?: Element;
}

/** What to type in a list's search box: a name rather than a code, without the unit word of a place. */
export function searchTerm(want: Want): string {
  if (want.kind === 'text') return want.text;
  if (want.kind !== 'choice') return '';
  const name = want.values.find((v) => !/^\d+$/.test(v) && !/^[A-Z]{2,3}$/.test(v)) ?? want.values[0] ?? '';
  const stripped = stripUnitPrefix(name).name;
  return stripped || name;
}

export function keyFor(want: Want): KeyOf {
  return want.kind === 'choice' && want.values.some((v) => /^(tỉnh|thành phố|phường|xã|đặc khu)\s/i.test(v))
    ? placeKey
    : matchKey;
}

/**
 * A list whose options have not changed for this long has loaded (or filtered): a fit not among them will not
 * come, and waiting out the whole timeout for it (a relation no option names) cost the officer seconds.
 */
const settledListMs = 1200;

/**
 * A list its filter has emptied (Kendo's "No data found" for "Ê Đê" against "Ê-đê") stays empty: after this
 * long the shorter search is tried, instead of waiting out the whole timeout (5 s for each such field). A list
 * opened without typing may be empty because it is still loading, and is waited for to the end.
 */
const filteredEmptyMs = 2000;

/**
 * A probe that finds a fit, or gives up once the options shown stop changing without one; with `filtered` (a
 * search was typed), also once the list has stayed empty.
 */
export function fitsOrSettled<T extends Array<{ choice: Choice }>>(
  fits: () => T | null,
  options: () => T | null,
  filtered = false,
): () => { hit: T | null } | null {
  let signature: string | null = null;
  let since = performance.now();
  return () => {
    const hit = fits();
    if (hit) return { hit };
    const shown = options();
    const now = performance.now();
    const current = shown ? shown.map((o) => o.choice.text).join('\u0001') : '';
    if (current !== signature) {
      signature = current;
      since = now;
      return null;
    }
    if (shown) return now - since >= settledListMs ? { hit: null } : null;
    return filtered && now - since >= filteredEmptyMs ? { hit: null } : null;
  };
}

export async function chooseInList(list: ListWidget, want: Want, timeoutMs: number): Promise<Attempt> {
  const keyOf = keyFor(want);
  await list.open();
  const search = list.search ? await waitFor(list.doc.documentElement, () => list.search!(), 300) : null;
  const term = searchTerm(want);
  // A read-only box only shows the choice (SurveyJS's short lists): typing there filters nothing.
  const searchable = search && !search.readOnly && !search.disabled ? search : null;
  if (searchable && term) {
    await openedFor(searchable, list.widget ?? searchable);
    typeValue(searchable, term, { blur: false });
  }
  const options = () => {
    const found = visibleOptions(list.scope(), list.optionSelector);
    return found.length > 0 ? found : null;
  };
  const pick = (found: Array<{ choice: Choice }>) =>
    chooseAmong(
      found.map((f) => f.choice),
      want,
      keyOf,
    );
  // A list still filtering or loading may show only "Không tìm thấy": wait for a real fit or the timeout.
  const fits = () => {
    const found = options();
    return found && !isReason(pick(found)) ? found : null;
  };
  const typed = Boolean(searchable && term);
  let shown = (await waitFor(list.doc.documentElement, fitsOrSettled(fits, options, typed), timeoutMs))?.hit ?? null;
  // The portal spells it otherwise ("Ê-đê" for "Ê Đê"), and its filter matches letters as typed: its longest
  // word alone, then the whole list unfiltered (a long list shows only its top without scrolling).
  const longest = term.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!shown && searchable && longest && longest !== term) {
    typeValue(searchable, longest, { blur: false });
    shown =
      (await waitFor(list.doc.documentElement, fitsOrSettled(fits, options, true), Math.min(timeoutMs, 1500)))?.hit ??
      null;
  }
  if (!shown && searchable && term) {
    typeValue(searchable, '', { blur: false });
    shown = await waitFor(list.doc.documentElement, options, Math.min(timeoutMs, 1500));
  }
  shown ??= options();
  if (!shown) {
    list.close();
    return refused({ code: 'listDidNotOpen' });
  }
  let chosen = pick(shown);
  // A long list with no search (or none that filtered to it) draws only what its box shows: virtual lists
  // (Ant Design's, PrimeVue's virtual scroller) render the rest only as they are scrolled, as a person does.
  if (isReason(chosen)) {
    const scrolled = await scrollToFit(shown, fits, options);
    if (scrolled) {
      shown = scrolled;
      chosen = pick(scrolled);
    }
  }
  if (isReason(chosen)) {
    list.close();
    return refused(chosen);
  }
  const option = shown[chosen.index]!;
  press(clickTarget(option.el));
  return { wrote: option.choice, ...(chosen.note ? { note: chosen.note } : {}) };
}

/**
 * What a person's click on an option lands on: the element drawn at its centre, when that is inside it. A list
 * may listen on a link inside each option rather than on the option (Blueprint's MenuItem is an `a` in its
 * `li[role=option]`): a click dispatched on the option itself never reaches it, while one on the link bubbles up
 * through the option as well.
 */
export function clickTarget(option: HTMLElement): HTMLElement {
  const r = option.getBoundingClientRect();
  const root = option.getRootNode() as Document | ShadowRoot;
  const at = root.elementFromPoint?.(r.left + r.width / 2, r.top + r.height / 2);
  return at instanceof HTMLElement && at !== option && option.contains(at) ? at : option;
}

/** Longest wait for an opening list to give its search box the focus (Kendo's, once it has slid in: 200 ms). */
const openingMs = 400;

/**
 * Until the list has given its own search box the focus, as most lists do once open (select2, Choices.js, PrimeNG's
 * filter; Kendo's DropDownList only once its opening animation ends, and a box typed in before that loses the
 * focus and the list closes, 60–100 ms later, with the typed text in it). A list whose search box is the
 * combobox itself, or already focused, costs nothing; one that never moves the focus, `openingMs`.
 */
async function openedFor(search: HTMLInputElement, widget: Element): Promise<void> {
  const view = search.ownerDocument.defaultView;
  const root = search.getRootNode() as Document | ShadowRoot;
  if (!view || search === widget || root.activeElement === search) return;
  const started = performance.now();
  while (root.activeElement !== search && performance.now() - started < openingMs)
    await new Promise<void>((resolve) => view.setTimeout(resolve, 20));
}

/** The box that scrolls a list's options: the nearest ancestor of an option that can scroll down. */
function scrollerOf(option: HTMLElement): HTMLElement | null {
  const view = option.ownerDocument.defaultView;
  // Up the tree as drawn: an option slotted into a web component's list (Shoelace's sl-option) scrolls with the
  // list in the component's shadow root, and a shadow root's top goes on to its host.
  const up = (el: HTMLElement): HTMLElement | null => {
    const root = el.getRootNode();
    return (
      el.assignedSlot ??
      el.parentElement ??
      (root !== el.ownerDocument && 'host' in root ? ((root as ShadowRoot).host as HTMLElement) : null)
    );
  };
  for (let el = up(option); el && el !== option.ownerDocument.body; el = up(el)) {
    const style = view?.getComputedStyle(el);
    if (style && /auto|scroll/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) return el;
  }
  return null;
}

/** Most steps a list is scrolled through looking for a fit (a box's height each: 34 provinces take four). */
const maxScrollSteps = 40;

/**
 * Scrolls a list's box down a screenful at a time, as far as its end, until an option that fits is drawn.
 * Returns the options shown with the fit, or null. A list that shows the same options after a scroll had them
 * all drawn already (only a virtual list draws others as it scrolls): it is not scrolled further.
 */
async function scrollToFit<T extends Array<{ el: HTMLElement; choice: Choice }>>(
  shown: T,
  fits: () => T | null,
  options: () => T | null,
): Promise<T | null> {
  const scroller = shown[0] && scrollerOf(shown[0].el);
  if (!scroller) return null;
  const drawnOf = (list: T | null) => (list ?? []).map((o) => o.choice.text).join('\u0001');
  let drawn = drawnOf(shown);
  for (let step = 0; step < maxScrollSteps; step++) {
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.max(scroller.clientHeight * 0.8, 1);
    if (scroller.scrollTop <= before) return null;
    scroller.dispatchEvent(new Event('scroll', { bubbles: false }));
    const hit = await waitFor(scroller, fits, 150);
    if (hit) return hit;
    const now = drawnOf(options());
    if (now === drawn) return null;
    drawn = now;
  }
  return null;
}

/** Escape on the focused element, then a click on the page's body: how people close a list. */
export function closeList(doc: Document, focused?: Element | null) {
  if (focused) key(focused, 'Escape');
  press(doc.body);
}

export const choiceText = (c: Choice | null | undefined) => c?.text ?? '';
export { press };
