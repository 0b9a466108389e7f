import { cleanSpaces } from '../vn/text';
import { datePartFor, fieldForLabel, roleForHeading, type FillField, type FormRole } from './labels';
import { isShown } from './dom';
import { comboboxSelector } from './widgets';
import type { ModelRef } from './bridge/client';
import { ruleFor, type SiteProfile } from './profiles';

/**
 * Collect: every fillable control in the document, its same-origin iframes and open shadow roots, with the
 * text that names it and the heading of the block it sits in. Then classify it.
 */

export type ControlKind = 'text' | 'date' | 'select' | 'radio' | 'textarea' | 'combobox';

export interface CollectedField {
  element: HTMLElement;
  kind: ControlKind;
  /** The human text naming the control, best first. */
  labels: string[];
  /** Name, id, formcontrolname, data-name: what developers named it. */
  names: string[];
  heading: string | null;
  /** Radios of one group are one field; these are its options. */
  options?: HTMLInputElement[];
  /** The question in a framework model (SurveyJS) that holds this field's value: written through the bridge. */
  model?: ModelRef;
}

export interface ClassifiedField extends CollectedField {
  field: FillField | null;
  role: FormRole | null;
  part: 'day' | 'month' | 'year' | null;
  /** The site profile that classified it; absent when the label heuristics did. */
  profile?: string;
}

/** Caps the work on huge pages (Bitwarden keeps a similar limit). */
export const collectLimit = 400;

const controlSelector = [
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=file]):not([type=checkbox])',
  'select',
  'textarea',
  comboboxSelector,
].join(',');

const headingSelector = 'h1,h2,h3,h4,h5,h6,legend,[role=heading],.heading,.title,.panel-title,.card-header,caption,.sd-panel__title,.sv_p_title';

/** A SurveyJS question: one field whatever controls it renders (a dropdown is an input, a list, buttons). */
const surveyQuestionSelector = '.sd-question[data-name], .sv_q[data-name]';

/** Documents and shadow roots to search: the page, its open shadow roots and same-origin iframes. */
export function searchRoots(doc: Document, skip?: Element): Array<Document | ShadowRoot> {
  const roots: Array<Document | ShadowRoot> = [];
  const visit = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) {
      if (el === skip) continue;
      if (el.shadowRoot && el.shadowRoot.mode === 'open' && el !== skip) visit(el.shadowRoot);
      if (el instanceof HTMLIFrameElement || el.tagName === 'IFRAME') {
        try {
          const inner = (el as HTMLIFrameElement).contentDocument;
          if (inner?.body) visit(inner);
        } catch {
          // Cross-origin: that frame's own content script fills it.
        }
      }
    }
  };
  visit(doc);
  return roots;
}

function text(node: Element | null | undefined): string {
  return node ? cleanSpaces(node.textContent ?? '') : '';
}

function isVisible(el: HTMLElement): boolean {
  if (el.hidden || el.closest('[hidden],[aria-hidden=true]')) return false;
  return isShown(el);
}

/** Label text of a control: label[for], wrapping label, aria, placeholder, title, text just before it, table cell. */
export function labelsOf(el: HTMLElement): string[] {
  const out: string[] = [];
  const add = (t: string | null | undefined) => {
    const v = cleanSpaces(t ?? '');
    if (v && !out.includes(v)) out.push(v);
  };
  const doc = el.ownerDocument;
  const root = el.getRootNode() as Document | ShadowRoot;
  if (el.id) {
    for (const label of root.querySelectorAll?.(`label[for="${CSS.escape(el.id)}"]`) ?? []) add(text(label));
  }
  const wrapping = el.closest('label');
  if (wrapping) {
    const clone = wrapping.cloneNode(true) as Element;
    clone.querySelectorAll('input,select,textarea,option').forEach((n) => n.remove());
    add(text(clone));
  }
  for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) add(text(doc.getElementById(id)));
  add(el.getAttribute('aria-label'));
  // Text right before the control in the same parent ("(1) Họ, chữ đệm, tên: <x-input>").
  let prev = el.previousSibling;
  let steps = 0;
  while (prev && steps < 4) {
    // Separators between split date parts ("/", "-") are not labels.
    if (prev.nodeType === 3 && /[\p{L}\d]/u.test(prev.textContent ?? '')) {
      add(prev.textContent);
      break;
    }
    if (prev.nodeType === 1) {
      const t = text(prev as Element);
      if (t && !(prev as Element).matches('input,select,textarea,button')) {
        add(t);
        break;
      }
    }
    prev = prev.previousSibling;
    steps += 1;
  }
  // Custom elements wrap the input: the text before the wrapper counts too.
  if (out.length === 0 && el.parentElement && el.parentElement.children.length === 1) {
    const wrapperPrev = el.parentElement.previousSibling;
    if (wrapperPrev?.nodeType === 3) add(wrapperPrev.textContent);
  }
  // Row layouts: "<span>Ngày, tháng, năm sinh</span><span><input> / <input> / <input></span>".
  if (out.length === 0) {
    const caption = el.parentElement?.previousElementSibling;
    const captionText = text(caption);
    if (caption && !caption.querySelector('input,select,textarea') && captionText.length <= 80) add(captionText);
  }
  const cell = el.closest('td');
  // A row header names every cell of its row (two-column forms: "Họ, chữ đệm, tên | Bên nữ | Bên nam").
  const rowHeader = cell?.parentElement?.querySelector(':scope > th');
  if (rowHeader) add(text(rowHeader));
  if (cell && !rowHeader) {
    let sibling = cell.previousElementSibling;
    while (sibling && !text(sibling)) sibling = sibling.previousElementSibling;
    add(text(sibling));
  }
  add(el.getAttribute('placeholder'));
  add(el.getAttribute('title'));
  return out;
}

/** A radio group's own caption: the container's text without the options' labels ("Giới tính"). */
function groupLabel(container: HTMLElement): string[] {
  const clone = container.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('label,input,legend').forEach((n) => n.remove());
  const legend = container.querySelector(':scope > legend');
  const own = cleanSpaces(clone.textContent ?? '');
  return [legend ? text(legend) : '', own].filter(Boolean);
}

function namesOf(el: HTMLElement): string[] {
  const names = [el.getAttribute('name'), el.id, el.getAttribute('formcontrolname'), el.closest('[formcontrolname]')?.getAttribute('formcontrolname'), el.closest('[data-name]')?.getAttribute('data-name')];
  return [...new Set(names.filter((n): n is string => Boolean(n)))];
}

/** The heading of the block the control sits in: the nearest heading before it, walking up. */
export function headingOf(el: HTMLElement): string | null {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 12; depth++) {
    if (node.matches('fieldset')) {
      const legend = node.querySelector(':scope > legend');
      if (legend) return text(legend);
    }
    let sibling = node.previousElementSibling;
    for (let i = 0; sibling && i < 25; i++) {
      if (sibling.matches(headingSelector)) return text(sibling);
      const inner = sibling.querySelectorAll(headingSelector);
      if (inner.length > 0) return text(inner[inner.length - 1]);
      sibling = sibling.previousElementSibling;
    }
    node = node.parentElement;
  }
  return null;
}

function kindOf(el: HTMLElement): ControlKind {
  if (el instanceof HTMLSelectElement || el.tagName === 'SELECT') return 'select';
  if (el.tagName === 'TEXTAREA') return 'textarea';
  if (el.matches(comboboxSelector)) return 'combobox';
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'radio') return 'radio';
  if (type === 'date') return 'date';
  return 'text';
}

/**
 * The Ministry of Justice `x-radio`: checkboxes (`id="QuanHe-ChaDe"`) behaving as one radio group, sometimes
 * hidden with the click handled by their label or wrapper; the caption is the text before the element.
 */
function xRadioGroups(root: Document | ShadowRoot): CollectedField[] {
  return [...root.querySelectorAll<HTMLElement>('x-radio')]
    .map((group) => {
      const options = [...group.querySelectorAll<HTMLInputElement>('input[type=checkbox],input[type=radio]')];
      if (options.length === 0) return null;
      return {
        element: options[0]!,
        kind: 'radio' as const,
        labels: labelsOf(group),
        names: [group.getAttribute('name') ?? '', ...namesOf(options[0]!)].filter(Boolean),
        heading: headingOf(group),
        options,
      };
    })
    .filter((f): f is NonNullable<typeof f> => f !== null);
}

/** The field of a SurveyJS question: its title, its name, its kind from the control it shows. */
function surveyField(question: HTMLElement, control: HTMLElement): CollectedField {
  const title = question.querySelector('.sd-question__title, .sv_q_title');
  const dropdown = question.querySelector('.sd-dropdown, .sd-selectbase, .sv_q_dropdown_control, select');
  const kind: ControlKind = dropdown ? 'combobox' : control.getAttribute('type') === 'date' ? 'date' : control.tagName === 'TEXTAREA' ? 'textarea' : 'text';
  const name = question.getAttribute('data-name')!;
  return {
    element: question,
    kind,
    labels: [text(title), ...labelsOf(control)].filter((v, i, all) => v && all.indexOf(v) === i),
    names: [name],
    heading: headingOf(question),
    model: { framework: 'survey', name },
  };
}

/** `roots`: the caller's own searchRoots(doc, ownHost), when it already walked the page for them. */
export function collectFields(doc: Document, ownHost?: Element, roots = searchRoots(doc, ownHost)): CollectedField[] {
  const fields: CollectedField[] = [];
  const radios = new Map<string, CollectedField>();
  const questions = new Set<Element>();
  for (const root of roots) {
    fields.push(...xRadioGroups(root));
    for (const node of root.querySelectorAll<HTMLElement>(controlSelector)) {
      if (fields.length >= collectLimit) return fields;
      if (!node.isConnected || !isVisible(node)) continue;
      if (node.tagName === 'INPUT' && node.parentElement?.closest(`${comboboxSelector}, x-radio`)) continue;
      // An x-select wrapping a native <select> is that select: the wrapper is no widget of its own.
      if (node.tagName === 'X-SELECT' && node.querySelector('select')) continue;
      const question = node.closest<HTMLElement>(surveyQuestionSelector);
      if (question) {
        if (!questions.has(question)) fields.push(surveyField(question, node));
        questions.add(question);
        continue;
      }
      const kind = kindOf(node);
      if (kind === 'radio') {
        const name = node.getAttribute('name') ?? '';
        const group = radios.get(name);
        if (group) {
          group.options!.push(node as HTMLInputElement);
          continue;
        }
        // The group element when the page marks one (Angular Material wraps each radio in its own divs).
        const container = (node.closest('fieldset,[role=radiogroup],mat-radio-group') ?? node.closest('p,div,td') ?? node.parentElement) as HTMLElement;
        const field: CollectedField = {
          element: node,
          kind,
          labels: [...groupLabel(container), ...labelsOf(container)],
          names: namesOf(node),
          heading: headingOf(node),
          options: [node as HTMLInputElement],
        };
        radios.set(name, field);
        fields.push(field);
        continue;
      }
      fields.push({ element: node, kind, labels: labelsOf(node), names: namesOf(node), heading: headingOf(node) });
    }
  }
  return fields;
}

/** Role hints developers put in field names (HoTenChaKS, citizenNDK_HoVaTenCha, SoDinhDanh_BenNam). */
const nameRoleHints: Array<[RegExp, FormRole]> = [
  [/Cha(?=[A-Z_]|$)|_cha\b/, 'father'],
  [/Me(?=[A-Z_]|$)|_me\b/, 'mother'],
  [/BenNam/i, 'groom'],
  [/BenNu/i, 'bride'],
  [/ChuHo/i, 'householdHead'],
  [/^Nyc|^NYC_|C$/, 'requester'],
];

/** A site profile naming the control wins; otherwise the label, heading and name heuristics decide. */
export function classifyField(field: CollectedField, profiles: SiteProfile[] = []): ClassifiedField {
  const match = profiles.length > 0 ? ruleFor(field, profiles) : null;
  if (match) {
    const { rule } = match;
    const kind = rule.widget === 'text' || rule.widget === 'date' ? rule.widget : field.kind;
    const role = rule.role ?? (field.heading ? roleForHeading(field.heading) : null);
    return { ...field, kind, field: rule.field, role, part: rule.field === 'birthYear' ? null : match.part, profile: match.profile };
  }
  let found: FillField | null = null;
  let part: ClassifiedField['part'] = null;
  for (const label of field.labels) {
    found ??= fieldForLabel(label);
    part ??= datePartFor(label);
  }
  for (const name of field.names) {
    const suffix = name.match(/[-_](day|month|year)$/i)?.[1]?.toLowerCase();
    if (suffix) part = suffix as 'day' | 'month' | 'year';
  }
  if (part && !found) found = 'birthDate';
  if (found === 'birthYear') part = null;
  let role = field.heading ? roleForHeading(field.heading) : null;
  if (!role) {
    for (const name of field.names) {
      const hint = nameRoleHints.find(([re]) => re.test(name));
      if (hint) {
        role = hint[1];
        break;
      }
    }
  }
  return { ...field, field: found, role, part };
}
