import type { Adapter } from '@/utils/autofill/control';
import { textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { refused } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * A box that is a button opening a dialog, named by the form's label, with nothing to type into: Mantine's
 * DatePickerInput, a date chosen only on the page's calendar. motcua does not walk a calendar it cannot read back
 * step by step, so it leaves the date to the officer and says so (before, such a date was missing from the report
 * altogether). What the box shows is read: a date already there is checked like any other.
 */
function labelled(button: HTMLButtonElement): boolean {
  if (button.labels && button.labels.length > 0) return true;
  const ids = (button.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.some((id) => button.ownerDocument.getElementById(id)?.tagName === 'LABEL');
}

export const pickerButtonAdapter: Adapter = {
  id: 'picker-button',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLButtonElement>('button[aria-haspopup=dialog]')]
      .filter((el) => !owned.has(el) && labelled(el))
      .map((el) => {
        // The value it keeps for the form, a hidden input beside it (Mantine's HiddenDatesInput).
        const hidden = el.parentElement?.parentElement?.querySelector<HTMLInputElement>('input[type=hidden][name]');
        return {
          control: {
            element: el,
            kind: 'date' as const,
            names: [...namesOf(el), ...(hidden ? [hidden.name] : [])],
            readOnly: el.disabled || el.hasAttribute('data-read-only'),
          },
          owns: [el, ...(hidden ? [hidden] : [])],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    // A placeholder drawn in the box ("Chọn ngày") is no date.
    if (c.element.querySelector('[class*=placeholder], [class*=Placeholder], [data-placeholder]'))
      return { ok: true, text: '' };
    return { ok: true, text: textOf(c.element) };
  },
  fill: async (c) => refused({ code: c.readOnly ? 'readonly' : 'pickerOnly' }),
  snapshot: (c) => ({ text: textOf(c.element) }),
  restore: () => true,
};
