import type { Adapter, Control } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList, press } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Ant Design's Select (rc-select): a `.ant-select` whose `.ant-select-selector` opens the list on mousedown.
 * Its `input[role=combobox]` is transparent unless the list is searchable, and its `aria-controls` list is
 * an invisible mirror for screen readers; the options people click are `.ant-select-item-option` in the
 * dropdown beside that mirror (appended to the body). The choice shows in `.ant-select-selection-item`; the
 * form's state is React's: read back what it shows.
 *
 * ng-zorro-antd's nz-select (Angular) draws the same classes with no ARIA at all: its search box is a plain
 * `input.ant-select-selection-search-input` (a label's `for` points at it, so it looks like a text box), it
 * opens on a click, and its dropdown (`.ant-select-dropdown`, options `nz-option-item`, virtually scrolled) is
 * in the CDK overlay container at the end of the body. Typing in that box filters; only a clicked option is the
 * form control's value, and it shows as `nz-select-item.ant-select-selection-item`.
 */
const inputOf = (c: Control) => c.parts!.input as HTMLInputElement;

const shown = (c: Control) => {
  const item = c.element.querySelector('.ant-select-selection-item');
  const text = item?.getAttribute('title') || textOf(item);
  return text ? { value: '', text } : null;
};

const isNgZorro = (el: Element) => el.localName === 'nz-select';

function dropdownOf(c: Control): Element | null {
  const doc = c.element.ownerDocument;
  if (isNgZorro(c.element)) {
    // One nz-select is open at a time: its dropdown is the overlay's shown one.
    const open = [...doc.querySelectorAll('.cdk-overlay-container .ant-select-dropdown')].filter((d) =>
      isVisibleToOfficer(d),
    );
    return open.at(-1) ?? null;
  }
  const id = inputOf(c).getAttribute('aria-controls');
  const mirror = id ? doc.getElementById(id) : null;
  return mirror?.closest('.ant-select-dropdown') ?? null;
}

export const antdSelectAdapter: Adapter = {
  id: 'antd-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('.ant-select')]
      .filter((el) => !owned.has(el) && !el.classList.contains('ant-select-dropdown'))
      .flatMap((el) => {
        const input =
          el.querySelector<HTMLInputElement>('input[role=combobox]') ??
          (isNgZorro(el) ? el.querySelector<HTMLInputElement>('input.ant-select-selection-search-input') : null);
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
        widget: input,
        open: () => {
          if (input.getAttribute('aria-expanded') === 'true' || c.element.classList.contains('ant-select-open')) return;
          const selector = c.element.querySelector('.ant-select-selector') ?? c.element;
          if (isNgZorro(c.element)) return press(selector);
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
