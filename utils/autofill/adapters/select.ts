import type { Adapter, Choice, Control, Want } from '@/utils/autofill/control';
import { fire, setNativeValue } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseAmong, isReadOnly, isReason, readOnlyReason, refused, waitFor } from '@/utils/autofill/adapters/shared';
import { namesOf } from '@/utils/autofill/adapters/text';

/**
 * The native `<select>`. A list that loads after its parent changed (the wards of a province) is waited for,
 * without sleeping: the option is looked for at each change of the select, until the list timeout.
 */
export const optionsOf = (select: HTMLSelectElement): Choice[] =>
  [...select.options].map((o) => ({ value: o.value, text: o.text.trim() }));

export function selectedOf(select: HTMLSelectElement): Choice | null {
  const option = select.selectedIndex >= 0 ? select.options[select.selectedIndex] : null;
  return option && option.value !== '' ? { value: option.value, text: option.text.trim() } : null;
}

/** The option meant, once the select is enabled and lists it (a ward list loading after its province), or null. */
export function optionWhenLoaded(select: HTMLSelectElement, want: Want, timeoutMs: number) {
  const attempt = () => {
    if (select.disabled) return null;
    const chosen = chooseAmong(optionsOf(select), want);
    return isReason(chosen) ? null : chosen;
  };
  return waitFor(select, attempt, timeoutMs);
}

/** A select set as a person's choice sets it: the value, then its input and change. */
export function setSelectValue(select: HTMLSelectElement, value: string) {
  setNativeValue(select, value);
  fire(select, 'input');
  fire(select, 'change');
}

/** Chooses in a native select (waiting for a loading list); used by the widgets that keep one too. */
export async function chooseInSelect(
  select: HTMLSelectElement,
  c: Control,
  want: Parameters<Adapter['fill']>[1],
  timeoutMs: number,
) {
  if (isReadOnly(select) && !select.disabled) return refused(readOnlyReason(selectedOf(select)?.text ?? '', want));
  const chosen = await optionWhenLoaded(select, want, timeoutMs);
  if (!chosen) {
    if (select.disabled) return refused({ code: 'readonly' });
    const final = chooseAmong(optionsOf(select), want);
    return refused(
      isReason(final)
        ? optionsOf(select).filter((o) => o.value).length === 0
          ? { code: 'listTimeout', params: { seconds: timeoutMs / 1000 } }
          : final
        : { code: 'failed' },
    );
  }
  const option = optionsOf(select)[chosen.index]!;
  setSelectValue(select, option.value);
  void c;
  return { wrote: option, ...(chosen.note ? { note: chosen.note } : {}) };
}

export const selectAdapter: Adapter = {
  id: 'select',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLSelectElement>('select')]
      .filter((el) => !owned.has(el) && !el.multiple)
      .map((el) => ({
        control: {
          element: el,
          kind: 'choice' as const,
          names: namesOf(el),
          readOnly: el.disabled,
          parts: { select: el },
        },
        owns: [el],
      }));
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read(c) {
    const chosen = selectedOf(c.element as HTMLSelectElement);
    return { ok: true, text: chosen?.text ?? '', choice: chosen };
  },
  fill: (c, want, ctx) => chooseInSelect(c.element as HTMLSelectElement, c, want, ctx.listTimeoutMs),
  snapshot(c) {
    const select = c.element as HTMLSelectElement;
    return { text: selectedOf(select)?.text ?? '', choice: selectedOf(select), raw: select.value };
  },
  restore(c, s) {
    const select = c.element as HTMLSelectElement;
    setNativeValue(select, String(s.raw ?? ''));
    fire(select, 'change');
    return true;
  },
};
