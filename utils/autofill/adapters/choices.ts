import type { Adapter, Control } from '@/utils/autofill/control';
import { press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { selectedOf } from '@/utils/autofill/adapters/select';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * Choices.js: a `div.choices` around the real `<select class="choices__input">` (hidden), the chosen item in
 * `.choices__list--single`, the options in `.choices__list--dropdown` with their codes in `data-value`, and a
 * search box of its own (`.choices__input--cloned`, which is no form field). Opened and chosen as a person does;
 * read back from the select it keeps and the item it shows.
 */
const root = (c: Control) => c.element;
const select = (c: Control) => c.parts!.select as HTMLSelectElement | undefined;

function shown(c: Control) {
  const item = root(c).querySelector<HTMLElement>(
    '.choices__list--single .choices__item[data-value]:not(.choices__placeholder)',
  );
  return item
    ? { value: item.getAttribute('data-value') ?? '', text: textOf(item).replace(/\s*Remove item$/i, '') }
    : null;
}

export const choicesAdapter: Adapter = {
  id: 'choices.js',
  find(scope, owned) {
    return [...scope.querySelectorAll<HTMLElement>('div.choices')]
      .filter((el) => !owned.has(el) && el.getAttribute('data-type') !== 'select-multiple')
      .map((el) => {
        const real = el.querySelector<HTMLSelectElement>('select.choices__input, select[data-choice]') ?? undefined;
        const search = el.querySelector<HTMLInputElement>('input.choices__input--cloned') ?? undefined;
        return {
          control: {
            element: el,
            kind: 'choice' as const,
            names: real ? namesOf(real) : [],
            readOnly: el.classList.contains('is-disabled'),
            parts: { select: real, search, labelTarget: real },
          },
          owns: [el, ...el.querySelectorAll('input, select')],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(root(c).querySelector('.choices__inner') ?? root(c)),
  read(c) {
    const item = shown(c);
    const real = select(c);
    const kept = real ? selectedOf(real) : null;
    return { ok: true, text: item?.text ?? kept?.text ?? '', choice: kept ?? item };
  },
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = root(c).ownerDocument;
    return chooseInList(
      {
        doc,
        open: () => press(root(c).querySelector('.choices__inner') ?? root(c)),
        search: () => (c.parts?.search as HTMLInputElement | undefined) ?? null,
        scope: () => root(c).querySelector('.choices__list--dropdown') ?? root(c),
        optionSelector: '.choices__item--choice:not(.has-no-results):not(.has-no-choices):not(.choices__placeholder)',
        close: () => closeList(doc, c.parts?.search as HTMLElement | undefined),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  // Choices.js keeps its own store: without its API (the page's) a choice cannot be taken back.
  restore: (c, s) => !s.choice && !shown(c),
};
