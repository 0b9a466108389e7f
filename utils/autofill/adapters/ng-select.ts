import type { Adapter, Control } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * ng-select (Angular): opened by a mousedown on `.ng-select-container` (a click after it closes it again), a
 * search input inside `.ng-input`, options `.ng-option` in `ng-dropdown-panel` (inside the element, or appended
 * to the body), the choice shown in `.ng-value-label`. The form model is Angular's: read back what it shows.
 */
const shown = (c: Control) => {
  const label = c.element.querySelector('.ng-value-label, .ng-value');
  const text = textOf(label).replace(/^×\s*/, '');
  return text ? { value: '', text } : null;
};

export const ngSelectAdapter: Adapter = {
  id: 'ng-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('ng-select, .ng-select')]
      .filter((el) => !owned.has(el) && !el.parentElement?.closest('ng-select, .ng-select'))
      .map((el) => {
        const input = el.querySelector<HTMLInputElement>('.ng-input input, input') ?? undefined;
        return {
          control: {
            element: el,
            kind: 'choice' as const,
            names: namesOf(el),
            readOnly: el.classList.contains('ng-select-disabled'),
            parts: { input, labelTarget: input },
          },
          owns: [el, ...el.querySelectorAll('input')],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(c.element.querySelector('.ng-select-container') ?? c.element),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const panelOf = () =>
      c.element.querySelector('ng-dropdown-panel, .ng-dropdown-panel') ??
      doc.querySelector('body > ng-dropdown-panel, body > .ng-dropdown-panel');
    return chooseInList(
      {
        doc,
        open: () => {
          if (panelOf()) return;
          const container = c.element.querySelector('.ng-select-container') ?? c.element;
          const view = doc.defaultView ?? window;
          container.dispatchEvent(new view.MouseEvent('mousedown', { bubbles: true, cancelable: true, button: 0 }));
        },
        search: () => (c.parts?.input as HTMLInputElement | undefined) ?? null,
        scope: () => panelOf() ?? doc,
        optionSelector: '.ng-option:not(.ng-option-disabled)',
        close: () => closeList(doc, c.parts?.input as HTMLElement | undefined),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
