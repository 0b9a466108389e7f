import type { Adapter, Control } from '@/utils/autofill/control';
import { focus, press } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { isLeaving, refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Arco Design's a-select (Vue 3, @arco-design/web-vue 2): a `span.arco-select-view` around an
 * `input.arco-select-view-input` and a `span.arco-select-view-value` that shows the chosen label, with no ARIA
 * roles. A click on the view opens its dropdown in a trigger popup at the end of body, one per select, all
 * rendered from the start and hidden (`display: none` on the popup's wrapper) when closed, with nothing tying a
 * popup to its select but where it is drawn: under the view, aligned to its left edge. With `allow-search` the
 * input filters as typed and keeps no typed text that picks nothing; without it the input is read-only. Options
 * are `li.arco-select-option`. The form's state is Vue's: read back the label the view shows once closed (the
 * typed query hides it while open).
 */
const inputOf = (c: Control) => c.parts!.input as HTMLInputElement;
const labelShownIn = (c: Control) => c.element.querySelector<HTMLElement>(':scope > .arco-select-view-value');
const isOpen = (c: Control) => c.element.classList.contains('arco-select-view-opened');

function shown(c: Control) {
  if (isOpen(c)) return null;
  const value = labelShownIn(c);
  const text = value && !value.classList.contains('arco-select-view-value-hidden') ? value.textContent!.trim() : '';
  return text ? { value: '', text } : null;
}

/** The open dropdown drawn under this select: of the shown ones (one closing may still fade), the nearest. */
function menuOf(c: Control): Element | null {
  const doc = c.element.ownerDocument;
  const view = c.element.getBoundingClientRect();
  const open = [...doc.querySelectorAll('.arco-trigger-popup-wrapper')].filter(
    (w) => w.querySelector('.arco-select-dropdown') && !isLeaving(w) && isVisibleToOfficer(w),
  );
  const distance = (w: Element) => {
    const r = w.getBoundingClientRect();
    return Math.abs(r.left - view.left) + Math.min(Math.abs(r.top - view.bottom), Math.abs(r.bottom - view.top));
  };
  return open.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

export const arcoSelectAdapter: Adapter = {
  id: 'arco-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('.arco-select-view.arco-select')]
      .filter((el) => !owned.has(el) && !el.classList.contains('arco-select-view-multiple'))
      .flatMap((el) => {
        const input = el.querySelector<HTMLInputElement>(':scope > input.arco-select-view-input');
        if (!input) return [];
        return [
          {
            control: {
              element: el,
              kind: 'choice' as const,
              names: namesOf(input),
              readOnly: input.disabled || el.classList.contains('arco-select-view-disabled'),
              parts: { input, labelTarget: input },
            },
            owns: [el, input],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const input = inputOf(c);
    return chooseInList(
      {
        doc,
        open: () => {
          if (!isOpen(c)) press(c.element);
          focus(input);
        },
        search: () => (input.readOnly ? null : input),
        scope: () => menuOf(c) ?? doc.createDocumentFragment(),
        optionSelector: 'li.arco-select-option:not(.arco-select-option-disabled)',
        close: () => closeList(doc, input),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
