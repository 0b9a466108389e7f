import type { Adapter, Control } from '@/utils/autofill/control';
import { press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Naive UI's n-select: a `.n-base-selection` box with no ARIA roles, opened by a click. A filterable one keeps
 * an `input.n-base-selection-input` for its pattern (typing there filters; it is no text field of its own); the
 * menu is a `.n-base-select-menu` in a popover on the body, its options `.n-base-select-option` drawn by a
 * virtual list. The choice shows in the box (`.n-base-selection-input__content`, or the overlay over the pattern
 * input); the form's state is Vue's: read back what it shows.
 */
const selectionOf = (c: Control) => c.parts!.selection as HTMLElement;
const patternOf = (c: Control) => selectionOf(c).querySelector<HTMLInputElement>('input.n-base-selection-input');

const shown = (c: Control) => {
  const box = selectionOf(c);
  // The placeholder is drawn in the same overlay as a choice: only a box marked selected shows one.
  if (!box.classList.contains('n-base-selection--selected')) return null;
  const item =
    box.querySelector('.n-base-selection-input__content') ??
    box.querySelector('.n-base-selection-label__render-label .n-base-selection-overlay__wrapper');
  const text = textOf(item);
  return text ? { value: '', text } : null;
};

/** The open menu: the visible one on the page (a popover shows one select's menu at a time). */
function menuOf(doc: Document): Element | null {
  return [...doc.querySelectorAll('.n-base-select-menu')].find((m) => isVisibleToOfficer(m)) ?? null;
}

export const naiveSelectAdapter: Adapter = {
  id: 'naive-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('.n-select')]
      .filter((el) => !owned.has(el))
      .flatMap((el) => {
        const selection = el.querySelector<HTMLElement>('.n-base-selection');
        if (!selection) return [];
        const inner = [...el.querySelectorAll<HTMLElement>('input')];
        return [
          {
            control: {
              element: el,
              kind: 'choice' as const,
              names: inner.flatMap((i) => namesOf(i)),
              readOnly: selection.classList.contains('n-base-selection--disabled'),
              parts: { selection },
            },
            owns: [el, selection, ...inner],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(selectionOf(c)),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    return chooseInList(
      {
        doc,
        open: () => {
          if (selectionOf(c).classList.contains('n-base-selection--active') && menuOf(doc)) return;
          press(selectionOf(c));
        },
        search: () => patternOf(c),
        scope: () => menuOf(doc) ?? doc,
        optionSelector: '.n-base-select-option:not(.n-base-select-option--disabled)',
        close: () => closeList(doc, patternOf(c) ?? selectionOf(c)),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
