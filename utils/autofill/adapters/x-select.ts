import type { Adapter, Control } from '@/utils/autofill/control';
import { press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseInList, closeList } from '@/utils/autofill/adapters/open-list';
import { refused } from '@/utils/autofill/adapters/shared';

/**
 * The Ministry of Justice e-forms' `x-select`: a header ("-- Chọn --" ▾) that, clicked, renders the option
 * elements inside the `x-select` only while open; long lists add a search box ("Tìm kiếm..."), which shows
 * "Không tìm thấy" when nothing fits; clicking outside closes it. An `x-select` wrapping a real `<select>` is
 * that select. The chosen option's text shows in the header.
 */
const header = (c: Control) =>
  c.element.querySelector<HTMLElement>('.x-select-header') ??
  (c.element.firstElementChild as HTMLElement | null) ??
  c.element;

/** What the header shows, without its arrow; "-- Chọn --" is nothing chosen. */
function shown(c: Control) {
  const text = textOf(header(c)).replace(/[▾▼⌄]/g, '').trim();
  if (!text || /^-*\s*ch[oọ]n\b/i.test(text)) return null;
  const hidden = c.element.querySelector<HTMLInputElement>('input[type=hidden]');
  return { value: c.element.getAttribute('value') ?? hidden?.value ?? '', text };
}

export const xSelectAdapter: Adapter = {
  id: 'x-select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('x-select')]
      .filter((el) => !owned.has(el) && !el.querySelector('select'))
      .map((el) => ({
        control: {
          element: el,
          kind: 'choice' as const,
          names: [el.getAttribute('name') ?? ''].filter(Boolean),
          readOnly: el.hasAttribute('disabled') || el.hasAttribute('readonly'),
        },
        owns: [el, ...el.querySelectorAll('input')],
      }));
  },
  visible: (c) => isVisibleToOfficer(header(c)),
  read: (c) => ({ ok: true, text: shown(c)?.text ?? '', choice: shown(c) }),
  async fill(c, want, ctx) {
    if (c.readOnly) return refused({ code: 'readonly' });
    const doc = c.element.ownerDocument;
    const head = header(c);
    return chooseInList(
      {
        doc,
        open: () => press(head),
        search: () =>
          c.element.querySelector<HTMLInputElement>('input[placeholder^="Tìm"], input[type=search], input[type=text]'),
        scope: () => c.element,
        // Whatever the list renders, an option is an element of text of its own that is not the header or the box.
        optionSelector:
          ':scope > :not(:first-child) *:not(:has(*)), [role=option], .option, [class*="option"], [class*="item"]',
        close: () => closeList(doc),
      },
      want,
      ctx.listTimeoutMs,
    );
  },
  snapshot: (c) => ({ text: shown(c)?.text ?? '', choice: shown(c) }),
  restore: (c, s) => !s.choice && !shown(c),
};
