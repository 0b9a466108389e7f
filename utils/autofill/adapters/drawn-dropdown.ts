import { matchKey } from '@/utils/vn/text';
import type { Adapter, Choice, Control } from '@/utils/autofill/control';
import { fire, key, press, setNativeValue, textOf, typeValue } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { optionWhenLoaded, optionsOf, selectedOf, setSelectValue } from '@/utils/autofill/adapters/select';
import { chooseAmong, isReason, refused, waitFor } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * A dropdown a script draws over a hidden control it keeps, with no ARIA to say so: Fomantic-UI's `.ui.dropdown`
 * around a `<select>` or a hidden input, Chosen's box after its select, and the many in-house copies. The officer
 * sees the box; the page submits the hidden control. Filled as a person does it: the box is opened, searched when
 * it offers a search box, and the item that shows the option is clicked. The hidden control is read back, and the
 * box must show the choice too: a select set behind a box that still shows its placeholder is not filled.
 */
const hiddenOf = (c: Control) => c.parts!.hidden as HTMLSelectElement | HTMLInputElement;
const box = (c: Control) => c.element;

/** Elements a box draws its items and its shown choice with: not the hidden control, nor its native options. */
function drawn(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>('*')].filter((el) => !el.closest('select, option, input, svg'));
}

/** The visible elements of the box that show text and hold no other that does. */
function visibleLeaves(box: HTMLElement): HTMLElement[] {
  return drawn(box).filter((el) => textOf(el) && !drawn(el).some((child) => textOf(child)) && isVisibleToOfficer(el));
}

/** What the box shows now: the text of its visible leaves (the menu closed, that is the choice or placeholder). */
function shownText(box: HTMLElement): string {
  return visibleLeaves(box)
    .map((el) => textOf(el))
    .join(' ');
}

/** The visible elements of the box that show exactly this text, innermost (the item, not the menu around it). */
function itemsShowing(box: HTMLElement, text: string): HTMLElement[] {
  const want = matchKey(text);
  const matching = drawn(box).filter((el) => matchKey(textOf(el)) === want);
  return matching.filter((el) => !matching.some((m) => m !== el && el.contains(m)) && isVisibleToOfficer(el));
}

/** A box that is the widget itself, not the field around it: no label, no other control of its own. */
function isWidgetBox(el: Element | null, hidden: HTMLElement): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !isVisibleToOfficer(el) || el.querySelector('label, textarea')) return false;
  return ![...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input[name]')].some(
    (other) => other !== hidden && other.type !== 'hidden',
  );
}

/** Whether the box names the select: an id made from the select's (Chosen's `<id>_chosen`), or a reference to it. */
function names(candidate: HTMLElement, select: HTMLSelectElement): boolean {
  if (!select.id) return false;
  if (candidate.id.startsWith(`${select.id}_`) || candidate.id.startsWith(`${select.id}-`)) return true;
  return [candidate, ...candidate.querySelectorAll('*')].some((el) =>
    ['data-id', 'aria-owns', 'aria-controls', 'for'].some((a) => el.getAttribute(a) === select.id),
  );
}

/**
 * The box drawn for a hidden select: the element after it or its parent, naming the select, or showing nothing
 * but its options' texts (the field's own label beside the select makes its parent the field, not the box).
 */
function boxOfSelect(select: HTMLSelectElement): HTMLElement | null {
  if (isVisibleToOfficer(select) || select.multiple) return null;
  const texts = new Set(
    optionsOf(select)
      .map((o) => matchKey(o.text))
      .filter(Boolean),
  );
  const candidates = [select.nextElementSibling, select.parentElement].filter((c): c is HTMLElement =>
    isWidgetBox(c, select),
  );
  const showsOptions = (c: HTMLElement) => {
    const shown = visibleLeaves(c).map((el) => matchKey(textOf(el)));
    return shown.some((t) => texts.has(t)) && shown.every((t) => texts.has(t) || t === '');
  };
  return candidates.find((c) => names(c, select)) ?? candidates.find(showsOptions) ?? null;
}

/**
 * The box around a hidden input that keeps a code: its items carry the codes (`data-value`), or, before its list
 * has loaded (a ward list after its province), its search box has no name: what is typed there is not sent, the
 * hidden input is (Fomantic's search dropdowns).
 */
function boxOfInput(input: HTMLInputElement): HTMLElement | null {
  const candidate = input.parentElement;
  if (!input.name || !isWidgetBox(candidate, input)) return null;
  const unnamedSearch = [...candidate.querySelectorAll<HTMLInputElement>('input:not([type=hidden])')].some(
    (el) => !el.name && !el.id && isVisibleToOfficer(el),
  );
  return candidate.querySelector('[data-value]') || unnamedSearch ? candidate : null;
}

const searchBox = (c: Control) =>
  [...box(c).querySelectorAll<HTMLInputElement>('input:not([type=hidden])')].find(isVisibleToOfficer) ?? null;

/** The choice the hidden control keeps: a select's option, or the item whose code a hidden input holds. */
function kept(c: Control): Choice | null {
  const hidden = hiddenOf(c);
  if (hidden instanceof HTMLSelectElement) return selectedOf(hidden);
  if (!hidden.value) return null;
  const item = [...box(c).querySelectorAll<HTMLElement>('[data-value]')].find(
    (el) => el.getAttribute('data-value') === hidden.value,
  );
  return { value: hidden.value, text: item ? textOf(item) : '' };
}

async function chooseInBox(
  c: Control,
  select: HTMLSelectElement,
  want: Parameters<Adapter['fill']>[1],
  timeoutMs: number,
) {
  // The options are the select's (a ward list fills it after the province): the one meant is decided there.
  const chosen = await optionWhenLoaded(select, want, timeoutMs);
  if (!chosen) {
    const final = chooseAmong(optionsOf(select), want);
    if (select.disabled) return refused({ code: 'readonly' });
    return refused(
      isReason(final) ? final : { code: 'listTimeout', params: { seconds: Math.round(timeoutMs / 1000) } },
    );
  }
  const option = optionsOf(select)[chosen.index]!;
  const doc = select.ownerDocument;
  press(box(c));
  const search = searchBox(c);
  // Its search box, when it has one, narrows a long list to the option (some libraries filter on the key's release).
  if (search && !search.readOnly) {
    typeValue(search, option.text, { blur: false });
    key(search, option.text.slice(-1));
  }
  const item = await waitFor(box(c), () => itemsShowing(box(c), option.text)[0] ?? null, 1500);
  if (item) press(item);
  else {
    // No item drawn for it (a box that draws its list only while scrolled): the way these libraries take a value
    // from outside, the select set and its change heard. A box that does not show it then did not take it: the
    // select goes back, so the page never sends what the officer cannot see.
    closeList(doc, search ?? box(c));
    const before = select.value;
    setSelectValue(select, option.value);
    const shows = () => matchKey(shownText(box(c))).includes(matchKey(option.text)) || null;
    if (!(await waitFor(box(c), shows, 300))) {
      setSelectValue(select, before);
      return refused({ code: 'notAccepted' });
    }
  }
  return { wrote: option, ...(chosen.note ? { note: chosen.note } : {}) };
}

export const drawnDropdownAdapter: Adapter = {
  id: 'drawn-dropdown',
  find(root, owned) {
    const controls = [...root.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input[type=hidden]')]
      .filter((el) => !owned.has(el))
      .flatMap((hidden) => {
        const shown = hidden instanceof HTMLSelectElement ? boxOfSelect(hidden) : boxOfInput(hidden);
        // A box another widget has claimed a part of (bootstrap-select's button, SurveyJS's question) is theirs.
        if (!shown || owned.has(shown) || [...shown.querySelectorAll('*')].some((el) => owned.has(el))) return [];
        return [{ hidden, shown }];
      });
    return controls.map(({ hidden, shown }) => ({
      control: {
        element: shown,
        kind: 'choice' as const,
        names: namesOf(hidden),
        readOnly:
          hidden.disabled || shown.classList.contains('disabled') || shown.getAttribute('aria-disabled') === 'true',
        parts: { hidden, labelTarget: hidden },
      },
      owns: [hidden, shown, ...shown.querySelectorAll<HTMLElement>('input, select')],
    }));
  },
  visible: (c) => isVisibleToOfficer(box(c)),
  read(c) {
    const choice = kept(c);
    const shown = shownText(box(c));
    // Shown is what counts for the officer: a kept choice the box does not show is not read as chosen.
    if (choice?.text && !matchKey(shown).includes(matchKey(choice.text)))
      return { ok: true, text: shown, choice: null };
    return { ok: true, text: choice ? choice.text : '', choice };
  },
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const hidden = hiddenOf(c);
    if (hidden instanceof HTMLSelectElement) return chooseInBox(c, hidden, want, ctx.listTimeoutMs);
    const doc = hidden.ownerDocument;
    return chooseInList(
      {
        doc,
        open: () => press(box(c)),
        search: () => searchBox(c),
        scope: () => box(c),
        optionSelector: '[data-value]',
        close: () => closeList(doc, searchBox(c) ?? box(c)),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: kept(c)?.text ?? '', choice: kept(c), raw: hiddenOf(c).value }),
  restore(c, s) {
    const hidden = hiddenOf(c);
    setNativeValue(hidden, String(s.raw ?? ''));
    fire(hidden, 'change');
    return true;
  },
};
