import type { Adapter, Control } from '@/utils/autofill/control';
import { focus, press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';

/**
 * react-select: an input `#react-select-<n>-input` (role combobox) inside its control box; the menu and its
 * options `#react-select-<n>-option-<i>` exist only while open; the state keeps the option (its code), which a
 * hidden `input[name]` carries when the app names one. Typing into the input only filters: an option must be
 * clicked. Class names depend on the app's `classNamePrefix`, so ids and the `-control` / `singleValue` class
 * parts are what is matched.
 */
const input = (c: Control) => c.parts!.input as HTMLInputElement;
const container = (c: Control) => c.parts!.container as HTMLElement;
const instance = (c: Control) => input(c).id.match(/^react-select-(.+)-input$/)?.[1] ?? '';

function shownValue(c: Control) {
  const single = container(c).querySelector<HTMLElement>('[class*="singleValue"], [class*="single-value"]');
  const hidden = container(c).querySelector<HTMLInputElement>('input[type=hidden][name]');
  const text = textOf(single);
  if (!text && !hidden?.value) return null;
  return { value: hidden?.value ?? '', text };
}

export const reactSelectAdapter: Adapter = {
  id: 'react-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLInputElement>('input[id^="react-select-"][id$="-input"]')]
      .filter((el) => !owned.has(el))
      .map((el) => {
        const control =
          (el.closest('[class*="-control"], [class*="__control"]') as HTMLElement | null) ?? el.parentElement!;
        const container = (control.parentElement as HTMLElement | null) ?? control;
        const hidden = container.querySelector<HTMLInputElement>('input[type=hidden][name]');
        return {
          control: {
            element: control,
            kind: 'choice' as const,
            names: [hidden?.name, el.getAttribute('name'), container.id].filter((n): n is string => Boolean(n)),
            readOnly:
              el.disabled ||
              container.getAttribute('aria-disabled') === 'true' ||
              /--is-disabled|is-disabled/.test(control.className),
            parts: { input: el, container, labelTarget: el },
          },
          owns: [el, container, ...container.querySelectorAll('input')],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    const value = shownValue(c);
    return { ok: true, text: value?.text ?? '', choice: value };
  },
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const id = instance(c);
    return chooseInList(
      {
        doc,
        open: () => {
          focus(input(c));
          press(c.element, { click: false });
        },
        search: () => input(c),
        scope: () => doc,
        optionSelector: `[id^="react-select-${CSS.escape(id)}-option-"]`,
        close: () => closeList(doc, input(c)),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shownValue(c)?.text ?? '', choice: shownValue(c) }),
  // The choice lives in the React app's state: without it, it cannot be taken back.
  restore: (c, s) => !s.choice && !shownValue(c),
};
