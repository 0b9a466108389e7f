import { placeKey } from '../vn/place-names';
import { classifyField, collectFields, type ClassifiedField } from './collect';
import { fillField, fillSelectWhenReady, restore, snapshot, type FillOutcome, type FillStatus, type Snapshot } from './fill';
import { formRoles, roleLabels, type FillField, type FormRole } from './labels';
import { addressValueFor, valueFor, type FillPerson } from './values';
import { fillCombobox } from './widgets';

export interface ReportItem {
  label: string;
  role: FormRole | null;
  field: FillField | null;
  status: FillStatus;
  detail: string;
  element: HTMLElement;
}

export interface FillRun {
  report: ReportItem[];
  /** Puts back what the fields held; returns the labels it could not fully revert. */
  undo: () => string[];
}

export function scanForm(doc: Document, ownHost?: Element): ClassifiedField[] {
  return collectFields(doc, ownHost).map(classifyField);
}

/** The people a form asks for: the roles of its blocks, or one `subject` when it has none. */
export function detectRoles(fields: ClassifiedField[]): FormRole[] {
  const present = new Set(fields.filter((f) => f.field && f.role).map((f) => f.role!));
  return present.size === 0 ? ['subject'] : formRoles.filter((r) => present.has(r));
}

/** Which assigned person a field belongs to: its block's, or the only person when the form has one. */
function personFor(field: ClassifiedField, people: Map<FormRole, FillPerson>): FillPerson | null {
  if (field.role) return people.get(field.role) ?? null;
  if (people.has('subject')) return people.get('subject')!;
  if (people.has('requester')) return people.get('requester')!;
  return people.size === 1 ? [...people.values()][0]! : null;
}

const partNames = { day: 'ngày', month: 'tháng', year: 'năm' } as const;

const statusOrder: Record<FillStatus, number> = { failed: 0, check: 1, readonly: 2, unknown: 3, missing: 4, filled: 5 };

const addressFields = new Set<FillField>(['province', 'ward', 'addressDetail']);

/** Province, ward (waiting for the list its province loads) and the street detail. */
async function fillAddressPart(field: ClassifiedField, who: FillPerson): Promise<FillOutcome | null> {
  const kind = field.field as 'province' | 'ward' | 'addressDetail';
  const value = addressValueFor(who, kind);
  if (!value) return null;
  if (value.ambiguous) return { status: 'check', detail: `Địa chỉ cũ nay thuộc nhiều nơi (${value.ambiguous}): hãy chọn tay.` };
  if (field.kind === 'select') return fillSelectWhenReady(field.element as HTMLSelectElement, value.values, placeKey);
  if (field.kind === 'combobox') return fillCombobox(field.element, value.values, placeKey);
  return fillField(field, value.values.at(-1)!);
}

/**
 * Fills every field it can, in document order (a province before the ward list it loads), and reports every
 * field it saw; `undo` puts back what the fields held.
 */
export async function fillForm(fields: ClassifiedField[], people: Map<FormRole, FillPerson>): Promise<FillRun> {
  const report: ReportItem[] = [];
  const snapshots: Array<[Snapshot, ClassifiedField]> = [];
  const sticky: string[] = [];
  for (const field of fields) {
    const label = field.part ? `${field.labels[0] ?? 'Ngày sinh'} (${partNames[field.part]})` : (field.labels[0] ?? field.names[0] ?? '?');
    const item = (status: FillStatus, detail: string): ReportItem => ({ label, role: field.role, field: field.field, status, detail, element: field.element });
    if (!field.field) {
      report.push(item('unknown', 'Không nhận ra ô này: hãy điền tay.'));
      continue;
    }
    const person = personFor(field, people);
    if (!person) {
      report.push(item('missing', field.role ? `Chưa chọn người cho khối "${roleLabels[field.role]}".` : 'Không rõ ô này của ai.'));
      continue;
    }
    if (!field.element.isConnected) {
      report.push(item('failed', 'Trang đã dựng lại ô này trong lúc điền.'));
      continue;
    }
    if (addressFields.has(field.field)) {
      const before = snapshot(field);
      const outcome = await fillAddressPart(field, person);
      if (!outcome) report.push(item('missing', 'Hồ sơ chưa có địa chỉ theo đơn vị hành chính mới.'));
      else {
        if (field.kind === 'combobox') sticky.push(label);
        else snapshots.push([before, field]);
        report.push(item(outcome.status, outcome.detail));
      }
      continue;
    }
    const value = valueFor(person.person, field.field, field.part, field.kind);
    if (value === null) {
      report.push(item('missing', 'Hồ sơ chưa có thông tin này.'));
      continue;
    }
    if (field.kind === 'combobox') {
      // A dropdown widget keeps its state in the page's framework: undo cannot put the old choice back.
      const outcome = await fillCombobox(field.element, [value]);
      report.push(item(outcome.status, outcome.detail));
      if (outcome.status !== 'failed') sticky.push(label);
      continue;
    }
    snapshots.push([snapshot(field), field]);
    const outcome = fillField(field, value);
    report.push(item(outcome.status, outcome.detail));
  }
  report.sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  return {
    report,
    undo: () => {
      const partial: string[] = [...sticky];
      for (const [s, field] of snapshots.reverse()) {
        if (!s.element.isConnected) continue;
        restore(s, field);
        // A radio group cannot be told "nothing chosen" through events: pages keep the last choice.
        if (field.kind === 'radio' && !s.checked) partial.push(field.labels[0] ?? field.names[0] ?? '?');
      }
      return partial;
    },
  };
}

/** Outlines on the page, one colour per status; a style element of ours in each document touched. */
const outlineStyle = `
[data-motcua-fill="filled"]{outline:2px solid #1d6b2f !important;outline-offset:1px}
[data-motcua-fill="check"],[data-motcua-fill="readonly"]{outline:2px solid #c77700 !important;outline-offset:1px}
[data-motcua-fill="failed"],[data-motcua-fill="unknown"],[data-motcua-fill="missing"]{outline:2px dashed #b3261e !important;outline-offset:1px}
`;

export function outline(report: ReportItem[]) {
  for (const item of report) {
    const doc = item.element.ownerDocument;
    if (!doc.getElementById('motcua-outline-style')) {
      const style = doc.createElement('style');
      style.id = 'motcua-outline-style';
      style.textContent = outlineStyle;
      doc.head?.append(style);
    }
    item.element.setAttribute('data-motcua-fill', item.status);
  }
}

export function clearOutline(report: ReportItem[]) {
  for (const item of report) item.element.removeAttribute('data-motcua-fill');
}
