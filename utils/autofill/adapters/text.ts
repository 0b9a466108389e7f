import type { Adapter, Control, Want } from '@/utils/autofill/control';
import { fire, focus, key, leave, press, setNativeValue, typeValue } from '@/utils/autofill/dom';
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
  return want.kind === 'choice' ? (want.values[0] ?? '') : '';
}

/** How long a clicked picker takes to open its calendar (a framework renders it on its next tick). */
const pickerOpenMs = 50;

/**
 * A box that is a date picker's own input: a near wrapper the library classes as a picker (ant-picker,
 * v-date-picker) or a date editor (Element UI's el-date-editor, whose year picker takes a year as text).
 */
function inPicker(el: Element): boolean {
  let node = el.parentElement;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    if ([...node.classList].some((c) => /(^|-)((date-?)?picker(-input)?|date-?editor)$/i.test(c))) return true;
    // A web component's own date picker, its box slotted in (Vaadin's vaadin-date-picker): it parses what is
    // typed on Enter, and Escape puts back what it held.
    if (node.localName.includes('-') && /date-?picker$/.test(node.localName)) return true;
  }
  return false;
}

/**
 * A box a list widget no adapter knows is built around: it, or a near wrapper, is classed as a select, dropdown
 * or combobox (Arco's `arco-select-view-input` before its adapter existed). Typing there may show the text while
 * the widget's own state stays empty: said so, never ✓. Tailwind's `select-none` and the like style text
 * selection, not lists.
 */
function inUnknownList(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4 && !/^(form|label|body|fieldset)$/.test(node.localName); depth++) {
    if (
      [...node.classList].some(
        (c) => /(^|[-_])(select|dropdown|combobox)($|[-_])/i.test(c) && !/^select-(none|text|all|auto)$/.test(c),
      )
    )
      return true;
    node = node.parentElement;
  }
  return false;
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
    // A picker's box is clicked and focused first, as a person does: its calendar opens (Element UI's mounts its
    // panel only then, and a typed change before that is lost), and only an open picker takes Enter.
    const picker = inPicker(el);
    if (picker) {
      press(el);
      focus(el);
      await new Promise((resolve) => (el.ownerDocument.defaultView ?? window).setTimeout(resolve, pickerOpenMs));
    }
    // A picker that takes typed text only after a key went down in its box (PrimeNG's parses an input only then)
    // is given the key a person's typing ends with.
    if (picker) key(el, value.slice(-1));
    typeValue(el, value, { blur: !picker });
    // Date pickers that parse what is typed on keyup (bootstrap-datepicker) and close on Escape. Enter only in a
    // picker's own box (Ant Design's takes a typed date on Enter and drops it on blur): elsewhere a page may
    // submit on it.
    if (want.kind === 'date' || picker) {
      if (picker) key(el, 'Enter', 'Enter', { legacy: 13 });
      key(el, 'Escape');
      leave(el);
    }
    // A click outside closes a picker still open, as it does for a person: its box then shows what it holds.
    if (picker) press(el.ownerDocument.body);
    if (el.value !== value && el.value.replace(/\D/g, '') !== value.replace(/\D/g, ''))
      typeKeys(el, want.kind === 'date' ? value.replace(/\D/g, '') : value);
    return { wrote: value, ...(inUnknownList(el) ? { note: { code: 'listLikeText' as const } } : {}) };
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
