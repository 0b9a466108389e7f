import type { Adapter, Control } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Ant Design's Select (rc-select): a `.ant-select` whose `.ant-select-selector` opens the list on mousedown.
 * Its `input[role=combobox]` is transparent unless the list is searchable, and its `aria-controls` list is
 * an invisible mirror for screen readers; the options people click are `.ant-select-item-option` in the
 * dropdown beside that mirror (appended to the body). The choice shows in `.ant-select-selection-item`; the
 * form's state is React's: read back what it shows.
 */
const inputOf = (c: Control) => c.parts!.input as HTMLInputElement;

const shown = (c: Control) => {
  const item = c.element.querySelector('.ant-select-selection-item');
  const text = item?.getAttribute('title') || textOf(item);
  return text ? { value: '', text } : null;
};

function dropdownOf(c: Control): Element | null {
  const id = inputOf(c).getAttribute('aria-controls');
  const mirror = id ? c.element.ownerDocument.getElementById(id) : null;
  return mirror?.closest('.ant-select-dropdown') ?? null;
}

export const antdSelectAdapter: Adapter = {
  id: 'antd-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('.ant-select')]
      .filter((el) => !owned.has(el) && !el.classList.contains('ant-select-dropdown'))
      .flatMap((el) => {
        const input = el.querySelector<HTMLInputElement>('input[role=combobox]');
        if (!input) return [];
        return [
          {
            control: {
              element: el,
              kind: 'choice' as const,
              names: namesOf(input),
              readOnly: el.classList.contains('ant-select-disabled') || input.disabled,
              parts: { input, labelTarget: input },
            },
            owns: [el, input],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(c.element.querySelector('.ant-select-selector') ?? c.element),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const input = inputOf(c);
    return chooseInList(
      {
        doc,
        open: () => {
          if (input.getAttribute('aria-expanded') === 'true') return;
          const selector = c.element.querySelector('.ant-select-selector') ?? c.element;
          const view = doc.defaultView ?? window;
          selector.dispatchEvent(new view.MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0 }));
        },
        // Searchable lists take typing in the combobox input; the others keep it read-only.
        search: () => input,
        scope: () => dropdownOf(c) ?? doc,
        optionSelector: '.ant-select-item-option:not(.ant-select-item-option-disabled)',
        close: () => closeList(doc, input),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
