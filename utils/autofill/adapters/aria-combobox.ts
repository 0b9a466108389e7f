import type { Adapter, Control } from '@/utils/autofill/control';
import { fieldControlSelector, focus, key, press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused, visibleOptions } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * The WAI-ARIA combobox, in both patterns the portals use: an editable `input[role=combobox]` that filters a
 * popup list, and a select-only element (`div`/`button[role=combobox]`), each pointing at its
 * `[role=listbox]` by `aria-controls` (or `aria-owns`). Also the in-house dropdown that is a
 * `button[aria-haspopup=listbox]` without the combobox role, its code kept in a hidden input beside it.
 */
function listboxOf(c: Control): HTMLElement | null {
  // Ids name elements of the combobox's own tree: a web component's shadow root (Shoelace's sl-select).
  const doc = c.element.getRootNode() as Document | ShadowRoot;
  const ids = `${c.element.getAttribute('aria-controls') ?? ''} ${c.element.getAttribute('aria-owns') ?? ''}`
    .split(/\s+/)
    .filter(Boolean);
  for (const id of ids) {
    const el = doc.getElementById(id);
    if (el) return el;
  }
  const near =
    c.element.parentElement?.querySelector<HTMLElement>('[role=listbox]') ??
    c.element.parentElement?.parentElement?.querySelector<HTMLElement>('[role=listbox]');
  return near && isVisibleToOfficer(near) ? near : null;
}

/**
 * The search box a popup list draws above its options: an input in the popup, looked for a few levels up from
 * the listbox, but neither in the page's body itself (a popup appended to the body has the page's own fields for
 * neighbours: PrimeVue's AutoComplete button once had the nationality typed into the requester's name) nor past
 * the widget's own box when the list is drawn inside it.
 */
export function searchBoxOf(listbox: HTMLElement | null, widget: Element): HTMLInputElement | null {
  const doc = listbox?.ownerDocument;
  let box = listbox?.parentElement ?? null;
  for (let depth = 0; box && doc && box !== doc.body && box !== doc.documentElement && depth < 3; depth++) {
    const input = box.querySelector<HTMLInputElement>('input:not([type=hidden])');
    if (input && input !== widget) return input;
    if (box.contains(widget)) return null;
    box = box.parentElement;
  }
  return null;
}

/**
 * Where the open list's options are: the listbox, or, when it only slots them in (a web component's listbox in
 * its shadow root, its options in the page: Shoelace's sl-option), the component that holds them.
 */
function optionsScope(c: Control): ParentNode {
  const listbox = listboxOf(c);
  const root = c.element.getRootNode();
  if (listbox?.querySelector('slot') && root !== c.element.ownerDocument && 'host' in root)
    return (root as ShadowRoot).host;
  return listbox ?? c.element.ownerDocument;
}

/** One frame: what a widget drawn by a framework shows after a key (Lit renders its next state a task later). */
const nextFrame = (view: Window) => new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve()));

/**
 * The code a dropdown keeps beside its button (a hidden input in the same wrapper), or inside it (Kendo's
 * DropDownList wraps the page's own select or input, hidden, and keeps the chosen value in it), when it keeps one.
 */
function keptCode(c: Control): string {
  const inside = c.element.querySelector<HTMLInputElement | HTMLSelectElement>(
    ':scope > select, :scope > input[data-role]',
  );
  if (inside) return inside.value;
  const wrapper = c.element.parentElement;
  const hidden =
    wrapper?.querySelector<HTMLInputElement>(':scope > input[type=hidden]') ??
    wrapper?.parentElement?.querySelector<HTMLInputElement>(':scope > input[type=hidden]');
  return hidden?.value ?? '';
}

/** Text of an element without its inputs and buttons (the value a combobox input's wrapper displays). */
function displayed(el: Element | null): string {
  if (!el) return '';
  const clone = el.cloneNode(true) as Element;
  // A placeholder shown faded (Element Plus's `is-transparent`) or hidden from assistive technology is no choice,
  // nor is the field's own label when the wrapper holds it, nor a native select the widget mirrors its choice in.
  for (const n of clone.querySelectorAll(
    'input, select, button, label, [role=listbox], svg, .is-transparent, [aria-hidden=true]',
  ))
    n.remove();
  return textOf(clone);
}

/**
 * A wrapper of the input that holds no other control, or null: a wrapper around the whole form row (Vaadin's
 * form layout) shows the other fields' choices, which are not this one's ("Nam" read as the ethnic group).
 */
function soleWrapper(c: Control, wrapper: Element | null | undefined): Element | null {
  if (!wrapper) return null;
  const input = c.element;
  const controls = wrapper.querySelectorAll(fieldControlSelector);
  // The widget's own parts are no other field: its dropdown button, its mirror (PrimeReact's select, kept
  // visually hidden).
  const own = toggles(c);
  const other = [...controls].some(
    (o) =>
      o !== input &&
      !input.contains(o) &&
      !o.contains(input) &&
      !own.includes(o as HTMLElement) &&
      isVisibleToOfficer(o),
  );
  return other ? null : wrapper;
}

/**
 * The one button a dropdown's wrapper holds, which draws its choice: Blueprint's Select puts `aria-haspopup` on
 * the popover target around its Button, and the Button's text is what is chosen.
 */
function soleButton(el: Element): Element | null {
  const buttons = el.querySelectorAll('button');
  return buttons.length === 1 ? buttons[0]! : null;
}

function shown(c: Control) {
  const el = c.element;
  // A combobox input that shows its choice beside it (SurveyJS keeps the input empty and the value in a span;
  // Element Plus's el-select in a sibling of the input's own wrapper).
  const text =
    el instanceof HTMLInputElement
      ? el.value ||
        displayed(soleWrapper(c, el.parentElement)) ||
        displayed(soleWrapper(c, el.parentElement?.parentElement))
      : (displayed(el) || displayed(soleButton(el))).replace(/[▾▼⌄]\s*$/, '').trim();
  const code = keptCode(c);
  return text || code ? { value: code, text } : null;
}

/** A dropdown button that is no combobox itself: bootstrap-select's button is one, with a search box inside. */
const toggleSelector = '[aria-haspopup=listbox]:not([role=combobox])';
/** The dropdown buttons a combobox input was found with (see `find`). */
const toggles = (c: Control) => (c.parts?.toggles as HTMLElement[] | undefined) ?? [];

const isTypedQuery = (c: Control) =>
  c.element instanceof HTMLInputElement &&
  !c.element.readOnly &&
  c.element.getAttribute('aria-expanded') === 'true' &&
  visibleOptions(optionsScope(c), '[role=option]').length > 0;

const placeholderText = /^(-+\s*)?(ch[oọ]n|select)\b/i;

function buildAdapter(id: string, selector: string): Adapter {
  return {
    id,
    find(root, owned) {
      // A combobox wrapping another (Vuetify marks its field and the input in it) is the inner one: the one
      // its label names and its keys go to.
      const found = [...root.querySelectorAll<HTMLElement>(selector)].filter(
        (el) => !owned.has(el) && !el.querySelector(selector),
      );
      // A widget's dropdown button opens the same list as the input beside it (PrimeVue's AutoComplete; PrimeReact's
      // Dropdown keeps its input visually hidden next to the button it draws): part of that widget, not a list of
      // its own. Its input is the control, the one the field's label names.
      const inputs = found.filter((el) => el instanceof HTMLInputElement);
      const buttons = [...root.querySelectorAll<HTMLElement>(toggleSelector)].filter(
        (el) => !owned.has(el) && !(el instanceof HTMLInputElement),
      );
      const inputOf = (el: HTMLElement) => inputs.find((i) => el.parentElement?.contains(i)) ?? null;
      const toggleOf = new Map(buttons.map((b) => [b, inputOf(b)] as const));
      return found
        .filter((el) => !toggleOf.get(el))
        .map((el) => {
          const hidden = el.parentElement?.querySelector<HTMLInputElement>(':scope > input[type=hidden]');
          const toggles = buttons.filter((b) => toggleOf.get(b) === el);
          const names = [...namesOf(el), hidden?.name].filter((n): n is string => Boolean(n));
          return {
            control: {
              element: el,
              kind: 'choice' as const,
              names: [...new Set(names)],
              parts: { toggles },
              readOnly:
                el.getAttribute('aria-disabled') === 'true' ||
                el.getAttribute('aria-readonly') === 'true' ||
                (el as HTMLButtonElement).disabled === true,
            },
            owns: [el, ...(hidden ? [hidden] : []), ...toggles],
          };
        });
    },
    // A widget may keep its combobox as a 1-pixel transparent focus target inside the field it draws (Quasar's
    // q-select__focus-target in its q-field label; PrimeReact's Dropdown, beside its button): the officer sees
    // the field.
    visible: (c) => {
      if (isVisibleToOfficer(c.element)) return true;
      if (toggles(c).some(isVisibleToOfficer)) return true;
      const field = c.element.closest('label');
      return field !== null && field.contains(c.element) && isVisibleToOfficer(field);
    },
    read(c) {
      // An editable combobox whose list is still open shows the search typed into it, not a choice (Blueprint's
      // Suggest shows the chosen item's text only once closed, and its query while open).
      if (isTypedQuery(c)) return { ok: false, reason: 'unreadable' };
      const value = shown(c);
      if (value && !value.value && placeholderText.test(value.text)) return { ok: true, text: '', choice: null };
      return { ok: true, text: value?.text ?? '', choice: value };
    },
    async fill(c, want, ctx) {
      if (c.readOnly) return refused({ code: 'readonly' });
      const doc = c.element.ownerDocument;
      // A read-only input beside its dropdown button (PrimeReact's) only carries the focus: its list has a search
      // box of its own, if any. (SurveyJS's input is read-only until its list opens, and is the search box then.)
      const editable = c.element instanceof HTMLInputElement && !(c.element.readOnly && toggles(c).length > 0);
      const expanded = () => [c.element, ...toggles(c)].some((e) => e.getAttribute('aria-expanded') === 'true');
      return chooseInList(
        {
          doc,
          widget: c.element,
          open: async () => {
            if (expanded()) return;
            if (c.element instanceof HTMLInputElement) {
              focus(c.element);
              key(c.element, 'ArrowDown');
              // A web component's list the key opened says so once it renders (Lit, a task later): a click then
              // would close it again. Elsewhere the click comes at once, as before (waiting a frame there lost
              // Mantine's Select list in the bench's Khánh Hòa form).
              if (!expanded() && c.element.getRootNode() !== doc) await nextFrame(doc.defaultView!);
            }
            if (!expanded()) press(editable ? c.element : (toggles(c).find(isVisibleToOfficer) ?? c.element));
          },
          search: () => (editable ? (c.element as HTMLInputElement) : searchBoxOf(listboxOf(c), c.element)),
          scope: () => optionsScope(c),
          optionSelector: '[role=option]',
          close: () => closeList(doc, c.element),
        },
        want,
        ctx.listTimeoutMs,
      );
    },
    snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
    restore: (c, s) => !s.choice && !keptCode(c),
  };
}

// A combobox whose popup is a dialog, a grid or a menu is a date box with its calendar (Element Plus, MUI;
// Blueprint's DateInput): typed as text.
export const ariaComboboxAdapter = buildAdapter(
  'aria-combobox',
  '[role=combobox]:not([aria-haspopup=dialog]):not([aria-haspopup=grid]):not([aria-haspopup=menu])',
);
export const listboxButtonAdapter = buildAdapter('listbox-button', toggleSelector);
