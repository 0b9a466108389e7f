import { cleanSpaces } from '@/utils/vn/text';
import { adapters as registry } from '@/utils/autofill/adapters/registry';
import { headingsOf } from '@/utils/autofill/blocks';
import type { Adapter, Control } from '@/utils/autofill/control';
import { byIdFrom, drawnText, isShown, textOf } from '@/utils/autofill/dom';
import { cleanLabel } from '@/utils/autofill/label-text';

/**
 * Collect: every control an officer could fill in the document, its same-origin iframes and open shadow
 * roots, each taken by the first adapter that knows its widget, with the text that names it (cleaned of
 * required markers) and the headings of the block it sits in.
 */

/** Caps the work on huge pages (Bitwarden keeps a similar limit). */
export const collectLimit = 400;

/** Documents and shadow roots to search: the page, its open shadow roots and same-origin iframes. */
export function searchRoots(doc: Document, skip?: Element): Array<Document | ShadowRoot> {
  const roots: Array<Document | ShadowRoot> = [];
  const visit = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) {
      if (el === skip) continue;
      if (el.shadowRoot && el.shadowRoot.mode === 'open') visit(el.shadowRoot);
      if (el.tagName === 'IFRAME') {
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

interface Raw {
  text: string;
  hints: string[];
}

function labelElementsFor(el: HTMLElement): HTMLElement[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  if (!el.id || !root.querySelectorAll) return [];
  return [...root.querySelectorAll<HTMLElement>(`label[for="${CSS.escape(el.id)}"]`)];
}

/**
 * Text of an element without the controls inside it (a wrapping label's input, a select's options) nor what it
 * hides from assistive technology (an icon font's ligature, "arrow_drop_down", "event").
 */
function ownText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const n of clone.querySelectorAll(
    'input,select,textarea,option,button,[role=listbox],ul,script,style,[aria-hidden="true"]',
  ))
    n.remove();
  return textOf(clone);
}

/**
 * A label's text. A label wrapping a whole widget (Quasar's q-field, named by `for` too) also holds its value
 * and hints: its own label element, where it has one, names the field.
 */
function labelText(label: Element): string {
  const controls = 'input,select,textarea,[role=combobox]';
  // Only a label that holds the widget: a plain label's own parts ("<span class=label-required>*</span>") are
  // no name of the field.
  const inner = label.querySelector(controls)
    ? [...label.querySelectorAll('[class*="label" i]')].find((l) => !l.querySelector(controls) && textOf(l))
    : undefined;
  return ownText(inner ?? label);
}

const formItem =
  '.form-group,.form-item,.el-form-item,.ant-form-item,mat-form-field,.mat-mdc-form-field,.field,.form-field,.control-group,.form-row,.eform-element,.input-group-wrapper,[class*="form-group"]';
const itemLabel =
  'label,.control-label,.col-form-label,.form-label,.el-form-item__label,mat-label,.mat-mdc-floating-label,.field-label,legend';

/** The text of the only label in the nearest ancestor whose class names a form item or field, if one. */
function ownItemLabel(element: HTMLElement, apart: (l: Element) => boolean): string | null {
  let node = element.parentElement;
  for (let depth = 0; node && depth < 10; depth++, node = node.parentElement) {
    if (![...node.classList].some((c) => /(^|-)form-?(item|field)$/i.test(c))) continue;
    const labels = [...node.querySelectorAll(itemLabel)].filter(apart);
    return labels.length === 1 ? ownText(labels[0]!) : null;
  }
  return null;
}

/** Label texts of a control, best first: what names it for assistive technology, then what sits before it. */
export function labelsOf(target: HTMLElement, element: HTMLElement = target): Raw[] {
  const out: Raw[] = [];
  const add = (raw: string | null | undefined) => {
    const clean = cleanLabel(raw);
    if (!clean.text && clean.hints.length === 0) return;
    if (!out.some((o) => o.text === clean.text)) out.push(clean);
  };
  for (const el of [target, element]) for (const label of labelElementsFor(el)) add(labelText(label));
  const wrapping = target.closest('label');
  if (wrapping) add(labelText(wrapping));
  for (const el of [target, element]) {
    // Ids name elements of the control's own tree (a web component's label sits in its shadow root).
    // An id inside the control itself names what it shows, not what it asks (Vaadin's select button is labelled
    // by its value item, then its label: "Nam", "Giới tính").
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      const named = byIdFrom(el, id);
      if (named && named !== el && el.contains(named) && el.matches('button, [role=button], [role=combobox]')) continue;
      add(drawnText(named));
    }
    add(el.getAttribute('aria-label'));
  }
  const apart = (l: Element) =>
    !l.contains(element) && !element.contains(l) && !l.querySelector('input,select,textarea');
  const item = element.closest(formItem);
  const label = item ? [...item.querySelectorAll(itemLabel)].find(apart) : undefined;
  if (label) add(ownText(label));
  // A library's own form item (Naive UI's n-form-item, with a label that names no control and the control deep
  // in its blank): the one label of the nearest ancestor classed as a form item.
  else add(ownItemLabel(element, apart));
  tableLabels(element, add);
  // A group of radios whose question leads the group inside its own box ("<span>Giới tính (*)</span>" before
  // the options): the text before its first option names it.
  if (element.querySelector('input[type=radio],[role=radio]')) {
    for (const child of element.children) {
      if (child.querySelector('input,select,textarea,[role=radio],[role=combobox]') || child.matches('input')) break;
      const text = ownText(child);
      if (text) {
        add(text);
        break;
      }
    }
  }
  precedingText(element, add);
  add(target.getAttribute('title'));
  // Placeholders name a field when nothing else does: an attribute, or the element widgets draw it in. A long one
  // is a hint, not a name ("Ghi rõ tên cơ sở y tế (nếu chết tại cơ sở y tế) hoặc địa chỉ nơi chết" under "Nơi
  // chết" names no address of the record): its words are not read as the field's.
  const drawnSelector =
    '.ng-placeholder, .mat-mdc-select-placeholder, .mat-select-placeholder, .select2-selection__placeholder, .choices__placeholder, [class*="placeholder"]';
  const drawn = element.querySelector(drawnSelector) ?? ownWidget(element)?.querySelector(drawnSelector) ?? null;
  for (const placeholder of [target.getAttribute('placeholder'), element.getAttribute('placeholder'), textOf(drawn)]) {
    if (
      placeholder &&
      placeholder.trim().split(/\s+/).length <= placeholderWords &&
      !/^\s*(-+\s*)?ch[oọ]n\s*(\.\.\.|…)?\s*$/i.test(placeholder)
    )
      add(placeholder.replace(/^\s*-+\s*ch[oọ]n\s+/i, ''));
  }
  return out;
}

/** A placeholder of more words than this is a hint to the officer, not the field's name. */
const placeholderWords = 8;

/** Table forms: the row's header cell, the cell before ours, and the column's header (grids of Cha | Mẹ). */
function tableLabels(el: HTMLElement, add: (t: string) => void) {
  const cell = el.closest('td');
  if (!cell) return;
  const row = cell.parentElement;
  // A cell holding several fields ("Nơi cư trú": its kind, province, ward, street, each with a label of its own
  // beside it) gives the row's label to none of them.
  const crowded = [...cell.querySelectorAll<HTMLElement>(controlSelector)].some(
    (other) => other !== el && !el.contains(other) && isShown(other),
  );
  const rowHeader = crowded ? null : row?.querySelector(':scope > th');
  if (rowHeader) add(ownText(rowHeader));
  // Past the cells of other columns (the bride's before the groom's: a widget there shows text of its own) to
  // the row's label cell.
  let before = crowded ? null : cell.previousElementSibling;
  while (before && (!ownText(before) || before.querySelector('input,select,textarea')))
    before = before.previousElementSibling;
  if (before) add(ownText(before));
  const table = cell.closest('table');
  const index = [...(row?.children ?? [])].indexOf(cell);
  const headRow = table?.querySelector('thead tr');
  const columnHeader = headRow?.children[index];
  if (columnHeader && headRow !== row) add(ownText(columnHeader));
}

const controlSelector = 'input:not([type=hidden]),select,textarea,[role=combobox]';
const controlsIn = (el: Element) => el.querySelectorAll(controlSelector).length + (el.matches(controlSelector) ? 1 : 0);

/** Text right before the control ("(1) Họ, chữ đệm, tên: <x-input>"), in its parent, or before its wrapper. */
function precedingText(el: HTMLElement, add: (t: string) => void) {
  let node: Element = el;
  for (let level = 0; level < 3; level++) {
    let prev = node.previousSibling;
    for (let steps = 0; prev && steps < 6; steps++, prev = prev.previousSibling) {
      if (prev.nodeType === 3) {
        // Separators between split date parts ("/", "-") are no labels.
        if (/[\p{L}\d]/u.test(prev.textContent ?? '')) return add(prev.textContent ?? '');
        continue;
      }
      if (prev.nodeType !== 1) continue;
      const element = prev as Element;
      // The hidden control a widget draws itself over (Chosen's select, just before its box) is part of it.
      if (element.matches('input[type=hidden]') || (element.matches('select') && !isShown(element))) continue;
      if (element.matches('input,select,textarea,button') || element.querySelector('input,select,textarea')) return;
      const text = ownText(element);
      // A required marker between the label and the control ("Họ, chữ đệm, tên<span>*</span>: ") is no label.
      if (!/[\p{L}\d]/u.test(text)) continue;
      if (text.length <= 120) return add(text);
    }
    // Custom elements and wrappers hold only the control (all of a split date's boxes): the text before the
    // wrapper names it. A parent holding any other control is a row of fields, whose text is theirs.
    const parent = node.parentElement;
    if (!parent || controlsIn(parent) > controlsIn(node)) return;
    node = parent;
  }
}

export interface Collected {
  controls: Control[];
  /** Hit the cap: the page has more than the filler looks at. */
  truncated: boolean;
}

export function collectControls(roots: Array<Document | ShadowRoot>, adapters: Adapter[] = registry): Collected {
  const controls: Control[] = [];
  let truncated = false;
  for (const root of roots) {
    const owned = new Set<Element>();
    /** Widgets already taken: nothing inside them is a control of its own (select2's inner combobox span). */
    const claimed: Element[] = [];
    const found: Control[] = [];
    for (const adapter of adapters) {
      for (const { control, owns } of adapter.find(root, owned)) {
        if (owned.has(control.element) || claimed.some((c) => c.contains(control.element))) continue;
        if (isListSearchBox(control.element)) continue;
        for (const o of owns) owned.add(o);
        claimed.push(...owns.filter((o) => o.contains(control.element) || control.element.contains(o)));
        const target = (control.parts?.labelTarget as HTMLElement | undefined) ?? control.element;
        const raws = labelsOf(target, control.element);
        const given = (control.labels ?? []).map((l) => cleanLabel(l));
        const all = [...given, ...raws];
        found.push({
          ...control,
          adapter,
          labels: [...new Set(all.map((r) => r.text).filter(Boolean))],
          hints: [...new Set(all.flatMap((r) => r.hints))],
          headings: control.headings ?? headingsOf(control.element),
        });
      }
    }
    // Document order: a province before the ward list it loads, a person's block top to bottom.
    found.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    for (const control of found) {
      if (controls.length >= collectLimit) {
        truncated = true;
        break;
      }
      controls.push(control);
    }
  }
  return { controls, truncated };
}

export { cleanSpaces };

/**
 * A list's own search box, in the popup its widget opens (Kendo's DropDownList filter, select2's search field):
 * a searchbox that drives a list, no field of its own. Seen while its popup is open or closing, it was listed as
 * a second "Xã/Phường" that "did not open".
 */
const isListSearchBox = (el: Element) => el.getAttribute('role') === 'searchbox' && el.hasAttribute('aria-controls');

/**
 * The widget a control is the input of: its nearest ancestors (up to four) that hold no other control. Element
 * Plus's el-select draws its placeholder ("Tỉnh/Thành phố") beside its input, not in it.
 */
function ownWidget(element: Element): Element | null {
  let widget: Element | null = null;
  let at = element.parentElement;
  for (let depth = 0; at && depth < 4; depth++, at = at.parentElement) {
    if (at.querySelectorAll('input:not([type=hidden]), select, textarea, [role=combobox]').length > 1) break;
    widget = at;
  }
  return widget;
}
