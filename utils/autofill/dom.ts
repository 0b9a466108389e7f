/**
 * The events a person's typing and clicking make, as page frameworks listen for them (React and Angular read
 * the value through the prototype setter; jQuery widgets listen to bubbling native events; some widgets act on
 * mousedown, others on click). Dispatched from the content script, they reach the page's own listeners.
 */

/** Any control a person fills or opens, a widget's own combobox and dropdown button included. */
export const fieldControlSelector =
  'input:not([type=hidden]), select, textarea, [role=combobox], [aria-haspopup=listbox]';

/** Whether the page renders the element (not display:none, not visibility:hidden). */
export function isShown(el: Element): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

function viewOf(el: Element): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

export function fire(el: Element, type: string, init: EventInit = {}) {
  const view = viewOf(el);
  const focusLike = type === 'focus' || type === 'blur' || type === 'focusin' || type === 'focusout';
  const Ctor = focusLike ? view.FocusEvent : type === 'input' ? view.InputEvent : view.Event;
  el.dispatchEvent(
    new Ctor(type, { bubbles: type !== 'focus' && type !== 'blur', cancelable: true, composed: true, ...init }),
  );
}

/** Sets `value` the way the browser does when a person types, so frameworks that track the setter see it. */
export function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const view = viewOf(el);
  const proto =
    el.tagName === 'TEXTAREA'
      ? view.HTMLTextAreaElement.prototype
      : el.tagName === 'SELECT'
        ? view.HTMLSelectElement.prototype
        : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

/** Focus, value, input, change, blur: what a person's typing and leaving the field amount to. */
export function typeValue(
  el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  value: string,
  { blur = true } = {},
) {
  focus(el);
  setNativeValue(el, value);
  fire(el, 'input', { inputType: 'insertText', data: value } as InputEventInit);
  fire(el, 'change');
  if (blur) leave(el);
}

export function focus(el: Element) {
  (el as HTMLElement).focus?.({ preventScroll: true });
  fire(el, 'focus');
  fire(el, 'focusin');
}

export function leave(el: Element) {
  (el as HTMLElement).blur?.();
  fire(el, 'blur');
  fire(el, 'focusout');
}

/** A press of the main mouse button on the element's centre: pointer and mouse events, then click. */
export function press(el: Element, { click = true } = {}) {
  const view = viewOf(el);
  const r = el.getBoundingClientRect();
  const at = {
    clientX: r.left + r.width / 2,
    clientY: r.top + r.height / 2,
    bubbles: true,
    cancelable: true,
    composed: true,
    view,
    button: 0,
  };
  el.dispatchEvent(new view.PointerEvent('pointerdown', { ...at, pointerType: 'mouse', isPrimary: true, buttons: 1 }));
  el.dispatchEvent(new view.MouseEvent('mousedown', { ...at, buttons: 1 }));
  el.dispatchEvent(new view.PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new view.MouseEvent('mouseup', at));
  if (click) el.dispatchEvent(new view.MouseEvent('click', at));
}

/**
 * A key pressed on `el`. `legacy` adds the key code older libraries read (`e.which`), only where a widget needs it
 * (Ant Design Vue's picker takes Enter so): carried on every key, it broke the Quasar QSelect and
 * bootstrap-datepicker replicas' fills, whose libraries act on those codes too.
 */
export function key(el: Element, keyName: string, code = keyName, { legacy }: { legacy?: number } = {}) {
  const view = viewOf(el);
  const init = {
    key: keyName,
    code,
    bubbles: true,
    cancelable: true,
    composed: true,
    ...(legacy ? { keyCode: legacy, which: legacy } : {}),
  };
  el.dispatchEvent(new view.KeyboardEvent('keydown', init));
  el.dispatchEvent(new view.KeyboardEvent('keyup', init));
}

/** A node's text as a person reads it: zero-width spaces (MUI draws one in an empty Select) are no text. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Elements under `el` matching `selector` as the page draws them: its own descendants and the elements slotted
 * into its slots (a web component's group in its shadow root, its radios in the page: Shoelace's sl-radio).
 */
export function drawnMatches<T extends Element>(el: Element, selector: string): T[] {
  const found = [...el.querySelectorAll<T>(selector)];
  for (const slot of el.querySelectorAll('slot'))
    for (const assigned of slot.assignedElements({ flatten: true })) {
      if (assigned.matches(selector)) found.push(assigned as T);
      found.push(...assigned.querySelectorAll<T>(selector));
    }
  return [...new Set(found)];
}

/** An element's text as drawn: a slot shows what is slotted into it, else its own fallback text. */
export function drawnText(el: Element | null): string {
  if (!el) return '';
  if (!el.querySelector('slot')) return textOf(el);
  const clone = el.cloneNode(true) as Element;
  const slots = [...el.querySelectorAll('slot')];
  [...clone.querySelectorAll('slot')].forEach((copy, i) => {
    const assigned = slots[i]!.assignedNodes({ flatten: true });
    if (assigned.length) copy.replaceWith(...assigned.map((n) => n.cloneNode(true)));
  });
  return textOf(clone);
}

/** The element an id names from `el`: in its own tree first (a web component's shadow root), then the page. */
export function byIdFrom(el: Element, id: string): HTMLElement | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? el.ownerDocument.getElementById(id);
}
