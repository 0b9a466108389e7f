import type { Adapter, Control } from '@/utils/autofill/control';
import { focus, press } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { movedPopup, refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Element UI 2's el-select (Vue 2): a `.el-select` around an `el-input` whose `input.el-input__inner` shows the
 * chosen option's label, with no ARIA roles (Element Plus's has a combobox, and the ARIA adapter takes it). A
 * click on it opens its `.el-select-dropdown`, drawn inside the select until first shown and then moved to the
 * body, where every select's menu lives side by side. A filterable one's input is read-only until the menu is
 * open, then filters as typed, and shows the typed query until the menu closes. Options are
 * `li.el-select-dropdown__item`. The form's state is Vue's: read back the label the box shows once closed.
 */
const inputOf = (c: Control) => c.parts!.input as HTMLInputElement;
const caretOf = (c: Control) => c.element.querySelector('.el-select__caret');

/** Whether the menu is open: the caret turns up (`is-reverse`) while it is. */
const isOpen = (c: Control) => Boolean(caretOf(c)?.classList.contains('is-reverse'));

function shown(c: Control) {
  if (isOpen(c)) return null;
  const text = inputOf(c).value.trim();
  return text ? { value: '', text } : null;
}

const menuOf = (c: Control) =>
  movedPopup(c.parts?.menu as Element | undefined, c.element.ownerDocument, '.el-select-dropdown');

export const elementSelectAdapter: Adapter = {
  id: 'element-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('.el-select')]
      .filter((el) => !owned.has(el) && !el.querySelector('[role=combobox]'))
      .flatMap((el) => {
        const input = el.querySelector<HTMLInputElement>(':scope > .el-input > input.el-input__inner');
        if (!input) return [];
        const menu = el.querySelector<HTMLElement>(':scope > .el-select-dropdown');
        return [
          {
            control: {
              element: el,
              kind: 'choice' as const,
              names: namesOf(input),
              readOnly: input.disabled || Boolean(el.querySelector(':scope > .el-input.is-disabled')),
              parts: { input, labelTarget: input, ...(menu ? { menu } : {}) },
            },
            owns: [el, input],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(inputOf(c)),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const input = inputOf(c);
    return chooseInList(
      {
        doc,
        open: () => {
          if (!isOpen(c)) press(input);
          focus(input);
        },
        // A filterable select's box takes the query once its menu is open; a plain one's stays read-only.
        search: () => (input.readOnly ? null : input),
        scope: () => menuOf(c) ?? doc,
        optionSelector: 'li.el-select-dropdown__item:not(.is-disabled)',
        close: () => closeList(doc, input),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
