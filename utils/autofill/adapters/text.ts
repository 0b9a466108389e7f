import type { Adapter, Control, Want } from '@/utils/autofill/control';
import { fire, focus, key, leave, setNativeValue, typeValue } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { dateFormatOf, isReadOnly, readOnlyReason, refused, writeDate } from '@/utils/autofill/adapters/shared';

/**
 * Text boxes and text areas, and the dates written into them: a native date input takes ISO, a text box the
 * format its hint or placeholder asks (dd/mm/yyyy by default; mm/yyyy; a year). A masked box that reformats
 * a pasted value is typed into key by key instead.
 */
const skipTypes = new Set([
  'hidden',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'checkbox',
  'radio',
  'range',
  'color',
  'password',
]);

const inputOf = (c: Control) => c.element as HTMLInputElement | HTMLTextAreaElement;

function valueFor(c: Control, want: Want): string {
  if (want.kind === 'text') return want.text;
  if (want.kind === 'date')
    return writeDate(want.date, dateFormatOf(c.element instanceof HTMLInputElement ? c.element : null, c));
  return want.values[0] ?? '';
}

/** Key by key, as a person types, for masks that rebuild the value from keystrokes. */
function typeKeys(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  focus(el);
  setNativeValue(el, '');
  fire(el, 'input', { inputType: 'deleteContentBackward' } as InputEventInit);
  let typed = '';
  for (const ch of value) {
    key(el, ch);
    typed += ch;
    setNativeValue(el, typed);
    fire(el, 'input', { inputType: 'insertText', data: ch } as InputEventInit);
    typed = el.value;
  }
  fire(el, 'change');
  leave(el);
}

export const textAdapter: Adapter = {
  id: 'text',
  find(root, owned) {
    return [...root.querySelectorAll<HTMLElement>('input, textarea')]
      .filter((el) => !owned.has(el) && !(el instanceof HTMLInputElement && skipTypes.has(el.type)))
      .map((el) => {
        const type = el instanceof HTMLInputElement ? el.type : 'textarea';
        return {
          control: {
            element: el,
            kind: type === 'date' || type === 'month' ? ('date' as const) : ('text' as const),
            names: namesOf(el),
            readOnly: isReadOnly(el),
          },
          owns: [el],
        };
      });
  },
  visible: (c) => isVisibleToOfficer(c.element),
  read: (c) => ({ ok: true, text: inputOf(c).value ?? '' }),
  async fill(c, want) {
    const el = inputOf(c);
    if (isReadOnly(el)) return refused(readOnlyReason(el.value, want));
    const value = valueFor(c, want);
    if (!value) return refused({ code: 'dateFormatUnknown' });
    typeValue(el, value);
    // Date pickers that parse what is typed on keyup (bootstrap-datepicker) and close on Escape (never Enter: a page may submit on it).
    if (want.kind === 'date') {
      key(el, 'Escape');
      leave(el);
    }
    if (el.value !== value && el.value.replace(/\D/g, '') !== value.replace(/\D/g, ''))
      typeKeys(el, want.kind === 'date' ? value.replace(/\D/g, '') : value);
    return { wrote: value };
  },
  snapshot: (c) => ({ text: inputOf(c).value ?? '' }),
  restore(c, s) {
    typeValue(inputOf(c), s.text);
    return true;
  },
};

export function namesOf(el: Element): string[] {
  const names = [
    el.getAttribute('name'),
    el.id,
    el.getAttribute('formcontrolname'),
    el.closest('[formcontrolname]')?.getAttribute('formcontrolname'),
    el.closest('[data-name]')?.getAttribute('data-name'),
  ];
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}
