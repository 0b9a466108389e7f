import type { Adapter, Choice, Control } from '@/utils/autofill/control';
import { byIdFrom, drawnMatches, fire, press, textOf } from '@/utils/autofill/dom';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { chooseAmong, isReason, refused } from '@/utils/autofill/adapters/shared';

/**
 * A group of radios, native or styled (the input hidden under a drawn circle, chosen by clicking its label, as
 * Bootstrap, Angular Material and most design systems do). The Ministry of Justice `x-radio` — checkboxes
 * acting as one radio group, the value in the id suffix — is the same thing to the officer, and so is an ARIA
 * radio group (`[role=radiogroup]` of `[role=radio]` elements whose `aria-checked` is the state, as Quasar's
 * QOptionGroup draws it, its native input, if any, unnamed and never checked).
 */
interface Option {
  /** The native input (null for an ARIA radio without one). */
  input: HTMLInputElement | null;
  /** The ARIA radio element, when the group is one. */
  radio: HTMLElement | null;
  label: HTMLElement | null;
  choice: Choice;
}

export const isChecked = (o: Option): boolean =>
  o.radio ? o.radio.getAttribute('aria-checked') === 'true' : o.input!.checked;
/** An option as the page gave it (an ARIA radio's default is unknown: only none chosen is the page's). */
export const atPageDefault = (o: Option): boolean =>
  o.radio ? !isChecked(o) : o.input!.checked === o.input!.defaultChecked;
const disabled = (o: Option): boolean =>
  o.radio ? o.radio.getAttribute('aria-disabled') === 'true' : o.input!.disabled;

function labelOf(input: HTMLInputElement): HTMLElement | null {
  const root = input.getRootNode() as Document | ShadowRoot;
  const byFor = input.id ? root.querySelector?.<HTMLElement>(`label[for="${CSS.escape(input.id)}"]`) : null;
  return byFor ?? input.closest('label') ?? null;
}

/** The text naming one option: its label, the text right after it, or its value. */
function optionText(input: HTMLInputElement, label: HTMLElement | null): string {
  if (label) {
    const clone = label.cloneNode(true) as HTMLElement;
    for (const n of clone.querySelectorAll('input')) n.remove();
    const text = textOf(clone);
    if (text) return text;
  }
  const next = input.nextSibling;
  return textOf(next) || input.value;
}

export function optionsOfGroup(c: Control): Option[] {
  const radios = c.parts?.radios as HTMLElement[] | undefined;
  if (radios)
    return radios.map((radio) => {
      // A radio drawn as a bare button names its option in a label beside it (Radix's RadioGroup.Item with
      // shadcn's <Label htmlFor>), or by aria-labelledby.
      const root = radio.getRootNode() as Document | ShadowRoot;
      const labelledBy = (radio.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => textOf(byIdFrom(radio, id)))
        .join(' ');
      const forLabel = radio.id ? root.querySelector?.(`label[for="${CSS.escape(radio.id)}"]`) : null;
      const text = radio.getAttribute('aria-label') || labelledBy || textOf(radio) || textOf(forLabel);
      return {
        input: null,
        radio,
        label: null,
        choice: { value: radio.getAttribute('data-value') ?? radio.getAttribute('value') ?? text, text },
      };
    });
  return ((c.parts?.inputs as HTMLInputElement[] | undefined) ?? []).map((input) => {
    const label = labelOf(input);
    const xRadio = input.closest('x-radio');
    const name = xRadio?.getAttribute('name');
    // x-radio: the value is the id's suffix after "<name>-".
    const value = name && input.id.startsWith(`${name}-`) ? input.id.slice(name.length + 1) : input.value;
    return { input, radio: null, label, choice: { value, text: optionText(input, label) } };
  });
}

/** The part of an option a person clicks: the input when it shows, else its label or the wrapper it sits in. */
function clickTarget(o: Option): HTMLElement | null {
  if (o.radio) return isVisibleToOfficer(o.radio) ? o.radio : null;
  if (!o.input) return null;
  if (isVisibleToOfficer(o.input)) return o.input;
  if (o.label && isVisibleToOfficer(o.label)) return o.label;
  const wrapper = o.input.parentElement;
  return wrapper && isVisibleToOfficer(wrapper) ? wrapper : null;
}

const groupElement = (inputs: HTMLInputElement[]): HTMLElement => {
  const first = inputs[0]!;
  const marked = first.closest<HTMLElement>(
    'fieldset, [role=radiogroup], mat-radio-group, x-radio, .radio-group, .form-check-group',
  );
  if (marked && inputs.every((i) => marked.contains(i))) return marked;
  let node: HTMLElement | null = first.parentElement;
  while (node && !inputs.every((i) => node!.contains(i))) node = node.parentElement;
  return node ?? first;
};

const namelessRadios = 'input[type=radio]:not([name]), input[type=radio][name=""]';

/**
 * The box holding a radio without a name and its siblings (Ant Design Vue's a-radio-group draws its options
 * without one; the page keeps the choice in its state): the nearest ancestor holding other such radios and no
 * other field. Null for a radio alone in its field.
 */
function namelessGroupBox(input: HTMLInputElement): Element | null {
  const body = input.ownerDocument.body;
  for (let el = input.parentElement; el && el !== body; el = el.parentElement) {
    if (el.querySelector('input:not([type=radio]):not([type=hidden]), select, textarea')) return null;
    if (el.querySelectorAll(namelessRadios).length > 1) return el;
  }
  return null;
}

export const radioAdapter: Adapter = {
  id: 'radio',
  find(root, owned) {
    const aria = [...root.querySelectorAll<HTMLElement>('[role=radiogroup]')].flatMap((group) => {
      const radios = drawnMatches<HTMLElement>(group, '[role=radio]').filter(
        (r) => r.tagName !== 'INPUT' && !owned.has(r),
      );
      if (!radios.length || owned.has(group)) return [];
      const inner = radios.flatMap((r) => [...r.querySelectorAll('input')]);
      // A web component's group names itself on its host (Shoelace's sl-radio-group name="…").
      const root = group.getRootNode();
      const host = 'host' in root ? (root.host as Element) : null;
      const names = [
        group.getAttribute('name'),
        group.closest('[data-name]')?.getAttribute('data-name'),
        host?.getAttribute('name'),
      ].filter((n): n is string => Boolean(n));
      return [
        {
          control: {
            element: group,
            kind: 'choice' as const,
            names,
            readOnly: radios.every((r) => r.getAttribute('aria-disabled') === 'true'),
            parts: { radios },
          },
          owns: [group, ...radios, ...inner],
        },
      ];
    });
    const ariaOwned = new Set(aria.flatMap((a) => a.owns));
    const groups = new Map<string, HTMLInputElement[]>();
    for (const x of root.querySelectorAll<HTMLElement>('x-radio')) {
      const inputs = [...x.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')].filter(
        (i) => !owned.has(i),
      );
      if (inputs.length > 0) groups.set(`x:${groups.size}`, inputs);
    }
    const taken = new Set<Element>([...groups.values()].flat());
    for (const el of ariaOwned) taken.add(el);
    const boxes = new Map<Element, string>();
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      if (owned.has(input) || taken.has(input)) continue;
      const box = input.name ? null : namelessGroupBox(input);
      if (box && !boxes.has(box)) boxes.set(box, `b:${boxes.size}`);
      const key = input.name ? `n:${input.form?.id ?? ''}:${input.name}` : box ? boxes.get(box)! : `c:${groups.size}`;
      groups.set(key, [...(groups.get(key) ?? []), input]);
    }
    const native = [...groups.values()].map((inputs) => {
      const element = groupElement(inputs);
      const names = [
        element.getAttribute('name'),
        inputs[0]!.name,
        element.getAttribute('formcontrolname'),
        element.closest('[data-name]')?.getAttribute('data-name'),
      ].filter((n): n is string => Boolean(n));
      return {
        control: {
          element,
          kind: 'choice' as const,
          names: [...new Set(names)],
          readOnly: inputs.every((i) => i.disabled),
          parts: { inputs },
        },
        owns: [element, ...inputs],
      };
    });
    return [...aria, ...native];
  },
  visible: (c) => optionsOfGroup(c).some((o) => clickTarget(o) !== null),
  read(c) {
    const checked = optionsOfGroup(c).find(isChecked);
    return { ok: true, text: checked?.choice.text ?? '', choice: checked?.choice ?? null };
  },
  async fill(c, want) {
    const options = optionsOfGroup(c);
    const chosen = chooseAmong(
      options.map((o) => o.choice),
      want,
    );
    if (isReason(chosen)) return refused(chosen);
    const option = options[chosen.index]!;
    if (disabled(option)) return refused({ code: 'readonly' });
    if (!isChecked(option)) {
      const target = clickTarget(option);
      if (!target) return refused({ code: 'hiddenNotFilled' });
      press(target);
      const input = option.input;
      if (!isChecked(option) && input && target !== input && isVisibleToOfficer(input)) press(input);
    }
    return { wrote: option.choice, ...(chosen.note ? { note: chosen.note } : {}) };
  },
  snapshot(c) {
    const checked = optionsOfGroup(c).find(isChecked);
    return {
      text: checked?.choice.text ?? '',
      choice: checked?.choice ?? null,
      raw: checked ? (checked.radio ?? checked.input) : null,
    };
  },
  restore(c, s) {
    const before = s.raw as HTMLElement | null;
    const options = optionsOfGroup(c);
    if (!before) {
      // Nothing was chosen before: a radio group cannot be told "none" through a click; a checkbox can.
      const checked = options.find(isChecked);
      if (!checked) return true;
      if (checked.input?.type !== 'checkbox' || checked.radio) return false;
      const target = clickTarget(checked);
      if (target) press(target);
      return !isChecked(checked);
    }
    const option = options.find((o) => o.input === before || o.radio === before);
    const target = option && clickTarget(option);
    if (!option || !target) return false;
    if (!isChecked(option)) press(target);
    const input = option.input;
    if (!isChecked(option) && input && !option.radio) {
      input.checked = true;
      fire(input, 'change');
    }
    return isChecked(option);
  },
};
