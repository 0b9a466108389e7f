import { cleanLabel } from '@/utils/autofill/label-text';
import { textOf } from '@/utils/autofill/dom';

/**
 * The block a control sits in, as a person reads the form: the headings above it, nearest first. Portals mark
 * blocks as `h2`–`h6`, `fieldset > legend`, panel and card headers (`.panel-heading`, `.card-header`), SurveyJS
 * panel titles, Form.io panel titles and legends, labelled regions, a bold row spanning a table, and the
 * typography classes Quasar and Vuetify put on a card's title (`.text-h6` in the card's first section).
 */
const headingSelector =
  'h1,h2,h3,h4,h5,h6,[role=heading],legend,.panel-heading,.panel-title,.card-header,.card-title,caption,.sd-panel__title,.sv_p_title,.sv-panel__title,mat-card-title,mat-panel-title,.el-card__header,.section-title,.block-title,[class*="section-title"],[class*="section__title"],[class*="card-head" i],[class*="card-title" i],[class*="panel-title" i],.text-h3,.text-h4,.text-h5,.text-h6';
/** Containers that carry their own heading as a child. */
const titledContainer =
  'fieldset,section,.panel,.card,.sd-panel,.sv_p_container,.formio-component-panel,.formio-component-fieldset,mat-card,mat-expansion-panel,[role=region],[role=group]';
const maxHeadings = 6;
// "Đề nghị cấp giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây" is 16 words.
const maxHeadingWords = 18;

function own(el: Element): string {
  return cleanLabel(textOf(el)).text;
}

/** A container's own title: its legend, its header child, or the element its aria-labelledby names. */
function titleOf(container: Element): string | null {
  const labelledBy = container.getAttribute('aria-labelledby');
  if (labelledBy) {
    const named = labelledBy
      .split(/\s+/)
      .map((id) => container.ownerDocument.getElementById(id))
      .filter(Boolean)
      .map((el) => own(el!))
      .join(' ');
    if (named) return named;
  }
  const label = container.getAttribute('aria-label');
  if (label && container.matches('[role=region],[role=group],section,fieldset')) return cleanLabel(label).text;
  for (const child of container.children) {
    if (child.matches(headingSelector)) {
      // A header that carries a description beside its title (<div class="card-header"><h5>…</h5><small>…</small>)
      // is named by the heading inside it.
      const whole = own(child);
      const inner = whole.split(' ').length > maxHeadingWords ? child.querySelector(headingSelector) : null;
      return inner ? own(inner) : whole;
    }
    // A header wrapper: <div class="card-header"><h3>…</h3></div> or <div class="sd-panel__header">.
    if (/header|heading|title/i.test(child.className?.toString() ?? '')) {
      const inner = child.matches(headingSelector) ? child : child.querySelector(headingSelector);
      return own(inner ?? child);
    }
    // Only the top of the container names it.
    if (child.querySelector('input,select,textarea,[role=combobox]')) break;
  }
  return null;
}

/** Where, counting spans, the cell of `row` that holds `el` starts; null when `el` is in its first cell. */
function cellIn(el: Element, row: Element): number | null {
  let at = 0;
  for (const cell of row.children) {
    if (cell.contains(el)) return at === 0 ? null : at;
    at += (cell as HTMLTableCellElement).colSpan || 1;
  }
  return null;
}

/** A header row of several cells (no control): the text of the one over the column starting at `column`. */
function columnHeading(row: Element, column: number): string | null {
  const cells = [...row.children];
  if (cells.length < 3 || !cells.every((c) => c.tagName === 'TH') || row.querySelector('input,select,textarea'))
    return null;
  let at = 0;
  for (const cell of cells) {
    if (at === column) {
      const text = own(cell);
      return text && text.split(' ').length <= maxHeadingWords ? text : null;
    }
    at += (cell as HTMLTableCellElement).colSpan || 1;
  }
  return null;
}

/** A table row that is a heading: one cell spanning the row, or header cells only, with no control. */
function rowHeading(row: Element): string | null {
  if (row.querySelector('input,select,textarea,button,[role=combobox]')) return null;
  const cells = [...row.children];
  if (cells.length === 1 || cells.every((c) => c.tagName === 'TH')) {
    const text = own(row);
    return text && text.split(' ').length <= maxHeadingWords ? text : null;
  }
  return null;
}

export function headingsOf(el: Element): string[] {
  const out: string[] = [];
  const add = (text: string | null) => {
    if (!text || text.split(' ').length > maxHeadingWords || out.includes(text)) return;
    out.push(text);
  };
  let node: Element | null = el;
  for (let depth = 0; node && depth < 30 && out.length < maxHeadings; depth++) {
    if (node !== el && node.matches(titledContainer)) add(titleOf(node));
    if (node.tagName === 'TR') {
      // A table whose header row names its columns (the tờ khai's "Bên nữ | Bên nam"): the cell's column is its
      // block, nearer than the row spanning the table above it.
      const column = cellIn(el, node);
      let row = node.previousElementSibling;
      for (let i = 0; row && i < 40; i++, row = row.previousElementSibling) {
        const named = column === null ? null : columnHeading(row, column);
        if (named) {
          add(named);
          continue;
        }
        const h = rowHeading(row);
        if (h) {
          add(h);
          break;
        }
      }
    }
    let sibling = node.previousElementSibling;
    for (let i = 0; sibling && i < 30; i++, sibling = sibling.previousElementSibling) {
      if (sibling.matches(headingSelector)) {
        add(own(sibling));
        break;
      }
      // A sibling block ends with the heading that opens ours only when it holds no controls itself.
      if (sibling.querySelector('input,select,textarea,[role=combobox]')) continue;
      const inner = sibling.querySelectorAll(headingSelector);
      if (inner.length > 0) {
        add(own(inner[inner.length - 1]!));
        break;
      }
    }
    const parent: Element | null = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null;
    node = parent;
  }
  return out;
}
