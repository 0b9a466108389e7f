import type { Adapter, Control } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { chooseInSelect, optionsOf, selectedOf } from '@/utils/autofill/adapters/select';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * select2 (jQuery): the real `<select>` stays in the page, hidden (`select2-hidden-accessible`), and a
 * `span.select2-container` after it shows the choice. Its documented way to set a value from outside is to set
 * the select and fire `change`, which its own listener (and the page's jQuery handlers) hear. A select2 that
 * loads its options by AJAX has none in the select: it is opened and searched like a person would.
 */
const select = (c: Control) => c.parts!.select as HTMLSelectElement;
const container = (c: Control) => c.element;

export const select2Adapter: Adapter = {
  id: 'select2',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLSelectElement>('select.select2-hidden-accessible')]
      .filter((s) => !owned.has(s))
      .flatMap((s) => {
        const shown = s.nextElementSibling?.classList.contains('select2-container')
          ? (s.nextElementSibling as HTMLElement)
          : null;
        if (!shown) return [];
        return [
          {
            control: {
              element: shown,
              kind: 'choice' as const,
              names: namesOf(s),
              readOnly: s.disabled,
              parts: { select: s, labelTarget: s },
            },
            owns: [s, shown],
          },
        ];
      });
  },
  visible: (c) => isVisibleToOfficer(container(c)),
  read(c) {
    // The select it keeps is the truth; the rendered text only tells what it shows (its placeholder when empty).
    const chosen = selectedOf(select(c));
    const rendered = textOf(container(c).querySelector('.select2-selection__rendered')).replace(/^×\s*/, '');
    return { ok: true, text: chosen ? rendered || chosen.text : '', choice: chosen };
  },
  async fill(c, want, ctx) {
    const s = select(c);
    if (s.disabled) return refused({ code: 'readonly' });
    if (optionsOf(s).filter((o) => o.value).length > 0 || !container(c).querySelector('.select2-selection'))
      return chooseInSelect(s, c, want, ctx.listTimeoutMs);
    const doc = s.ownerDocument;
    return chooseInList(
      {
        doc,
        open: () => {
          container(c)
            .querySelector<HTMLElement>('.select2-selection')
            ?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
        },
        search: () => doc.querySelector<HTMLInputElement>('.select2-container--open .select2-search__field'),
        scope: () => doc.querySelector('.select2-container--open .select2-results') ?? doc,
        optionSelector:
          '.select2-results__option[role=option]:not(.loading-results), .select2-results__option[aria-selected]',
        close: () => closeList(doc, doc.querySelector('.select2-search__field')),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: selectedOf(select(c))?.text ?? '', raw: select(c).value }),
  restore(c, s) {
    const el = select(c);
    el.value = String(s.raw ?? '');
    el.dispatchEvent(new (el.ownerDocument.defaultView ?? window).Event('change', { bubbles: true }));
    return true;
  },
};
