import { placeKey } from '../vn/place-names';
import { classifyField, collectFields, type ClassifiedField } from './collect';
import { fillField, fillSelectWhenReady, restore, snapshot, type FillOutcome, type FillStatus, type Snapshot } from './fill';
import { formRoles, relationValues, roleLabels, type FillField, type FormRole } from './labels';
import { matchKey } from '../vn/text';
import { addressValueFor, dateFormatChoices, valueFor, type FillPerson } from './values';
import { whenDom } from './wait';
import { fillCombobox } from './widgets';
import { modelGet } from './bridge/client';
import { profilesFor, type SiteProfile } from './profiles';
import { fillModel, modelRestore, modelSnapshot } from './model-fill';

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

export function scanForm(doc: Document, ownHost?: Element, roots?: Array<Document | ShadowRoot>): ClassifiedField[] {
  // Fields in same-origin iframes follow their own frame's profiles.
  const byUrl = new Map<string, SiteProfile[]>();
  const forUrl = (url: string) => byUrl.get(url) ?? byUrl.set(url, profilesFor(url)).get(url)!;
  return collectFields(doc, ownHost, roots).map((f) => classifyField(f, forUrl(f.element.ownerDocument.URL)));
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
  if (field.model) return fillModel(field.element.ownerDocument, field.model, value.values, kind === 'addressDetail' ? matchKey : placeKey);
  if (field.kind === 'select') return fillSelectWhenReady(field.element as HTMLSelectElement, value.values, placeKey);
  if (field.kind === 'combobox') return fillCombobox(field.element, value.values, placeKey);
  return fillField(field, value.values.at(-1)!);
}

/** A choice field (select, dropdown widget, radios, model question) set to the first of several acceptable values. */
async function fillAmong(field: ClassifiedField, wanted: string[]): Promise<FillOutcome> {
  if (field.model) return fillModel(field.element.ownerDocument, field.model, wanted);
  if (field.kind === 'combobox') return fillCombobox(field.element, wanted);
  if (field.kind === 'select') return fillSelectWhenReady(field.element as HTMLSelectElement, wanted, matchKey, 500);
  let outcome = fillField(field, wanted[0]!);
  for (const value of wanted.slice(1)) {
    if (outcome.status !== 'failed') break;
    outcome = fillField(field, value);
  }
  return outcome;
}

/** The requester's relation to the form's subject, as the options may spell it; null when it cannot be told. */
function relationChoice(people: Map<FormRole, FillPerson>): string[] | null {
  const requester = people.get('requester')?.person.id;
  if (!requester) return null;
  const is = (role: FormRole) => people.get(role)?.person.id === requester;
  const values = relationValues();
  if (is('father')) return values.father;
  if (is('mother')) return values.mother;
  if (is('child') || is('subject') || is('deceased') || is('householdHead')) return values.self;
  return null;
}

/** What a field held before filling: through the page's model for framework questions, else its DOM. */
function take(field: ClassifiedField): Snapshot {
  if (!field.model) return snapshot(field);
  const value = modelSnapshot(field.element.ownerDocument, field.model);
  return { element: field.element, value: value ?? '', model: value === undefined ? undefined : { ref: field.model, value } };
}

function putBack(s: Snapshot, field: ClassifiedField): boolean {
  if (s.model) return modelRestore(field.element.ownerDocument, s.model.ref, s.model.value);
  if (field.model) return false;
  restore(s, field);
  return true;
}

/** Quiet time that means the page has finished rebuilding after a driver field changed. */
export const settleQuietMs = 150;
export const settleMaxMs = 2000;

/** How long rebuilt blocks may take to come back after a driver field changed. */
export const blocksMaxMs = 4000;

/** Resolves when `ready()` holds, checked at each DOM change, or after `maxMs`. */
function until(doc: Document, ready: () => boolean, maxMs: number): Promise<boolean> {
  return whenDom(doc.documentElement, ready, maxMs, { childList: true, subtree: true }).then(Boolean);
}

/** Our own changes (the panel's host, the outlines) are not the page rebuilding itself. */
function ours(record: MutationRecord): boolean {
  const target = record.target as Element;
  if (record.attributeName === 'data-motcua-fill') return true;
  return target.nodeType === 1 && (target.tagName === 'MOTCUA-PANEL' || Boolean(target.closest?.('motcua-panel')));
}

/** Resolves once the document has had no DOM change for `quietMs` (or after `maxMs`): no fixed sleeps. */
export function settle(doc: Document, quietMs = settleQuietMs, maxMs = settleMaxMs): Promise<void> {
  return new Promise((resolve) => {
    const view = doc.defaultView ?? window;
    let quiet = view.setTimeout(done, quietMs);
    const cap = view.setTimeout(done, maxMs);
    const observer = new view.MutationObserver((records) => {
      if (records.every(ours)) return;
      view.clearTimeout(quiet);
      quiet = view.setTimeout(done, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true });
    function done() {
      observer.disconnect();
      view.clearTimeout(quiet);
      view.clearTimeout(cap);
      resolve();
    }
  });
}

/**
 * Fills the form: driver fields first (the relation choice rebuilds the blocks below it), then, once the
 * page has settled, every other field in document order (a province before the ward list it loads); then
 * re-checks and repairs what the page wiped. Reports every field it saw; `undo` puts back what they held.
 */
export async function fillForm(initial: ClassifiedField[], people: Map<FormRole, FillPerson>, rescan?: () => ClassifiedField[]): Promise<FillRun> {
  const report: ReportItem[] = [];
  const snapshots: Array<[Snapshot, ClassifiedField]> = [];
  const sticky: string[] = [];
  /** Keeps what a field holds before it is written, for undo; a dropdown widget keeps its choice in the
   * page's framework, where undo cannot put it back: such fields are named to the officer instead. */
  const remember = (field: ClassifiedField, label: string) => {
    if (field.kind === 'combobox' && !field.model) sticky.push(label);
    else snapshots.push([take(field), field]);
  };
  let fields = initial;
  const drivers = fields.filter((f) => f.field === 'relation');
  if (drivers.length > 0) {
    const choice = relationChoice(people);
    for (const field of drivers) {
      const label = field.labels[0] ?? '?';
      if (!choice) {
        report.push({ label, role: field.role, field: field.field, status: 'check', detail: 'Hãy chọn quan hệ bằng tay.', element: field.element });
        continue;
      }
      remember(field, label);
      const outcome = await fillAmong(field, choice);
      report.push({ label, role: field.role, field: field.field, status: outcome.status, detail: outcome.detail, element: field.element });
    }
    const doc = drivers[0]!.element.ownerDocument;
    if (rescan) {
      // The rebuilt blocks may arrive late (the e-forms load them by AJAX): wait until every assigned block is
      // back, then for the page to go quiet.
      const wanted = [...people.keys()].filter((r) => r !== 'subject');
      await until(doc, () => {
        fields = rescan();
        return wanted.every((role) => fields.some((f) => f.role === role && f.field && f.field !== 'relation'));
      }, blocksMaxMs);
    }
    await settle(doc);
    if (rescan) fields = rescan();
  }
  const filledValues: Array<[ClassifiedField, string]> = [];
  const filledModels: Array<[ClassifiedField, string | null]> = [];
  for (const field of fields) {
    if (field.field === 'relation') continue;
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
      remember(field, label);
      const outcome = await fillAddressPart(field, person);
      report.push(outcome ? item(outcome.status, outcome.detail) : item('missing', 'Hồ sơ chưa có địa chỉ theo đơn vị hành chính mới.'));
      continue;
    }
    if (field.field === 'dateFormat') {
      const formats = dateFormatChoices(person.person);
      if (!formats) {
        report.push(item('missing', 'Hồ sơ chưa có ngày sinh.'));
        continue;
      }
      remember(field, label);
      const outcome = await fillAmong(field, formats);
      report.push(item(outcome.status, outcome.detail));
      continue;
    }
    const value = valueFor(person.person, field.field, field.part, field.kind);
    if (value === null) {
      report.push(item('missing', 'Hồ sơ chưa có thông tin này.'));
      continue;
    }
    if (field.model) {
      remember(field, label);
      const outcome = await fillModel(field.element.ownerDocument, field.model, [value]);
      report.push(item(outcome.status, outcome.detail));
      if (outcome.status === 'filled') filledModels.push([field, modelGet(field.element.ownerDocument, field.model)?.value ?? null]);
      continue;
    }
    if (field.kind === 'combobox') {
      // A dropdown widget keeps its state in the page's framework: undo cannot put the old choice back.
      const outcome = await fillCombobox(field.element, [value]);
      report.push(item(outcome.status, outcome.detail));
      if (outcome.status !== 'failed') sticky.push(label);
      continue;
    }
    remember(field, label);
    const outcome = fillField(field, value);
    report.push(item(outcome.status, outcome.detail));
    if (outcome.status === 'filled') filledValues.push([field, (field.element as HTMLInputElement).value]);
  }
  // Re-check: a page that rebuilds or resets fields after our events would silently lose them.
  const repaired = (field: ClassifiedField, again: FillOutcome) => {
    const entry = report.find((r) => r.element === field.element);
    if (!entry) return;
    entry.status = again.status === 'filled' ? 'check' : again.status;
    entry.detail = 'Trang đã xoá ô này sau khi điền; đã điền lại, hãy kiểm tra.';
  };
  if (filledValues.length > 0) {
    await settle(filledValues[0]![0].element.ownerDocument, settleQuietMs, 1000);
    for (const [field, value] of filledValues) {
      const el = field.element as HTMLInputElement;
      if (!el.isConnected || field.kind === 'radio' || el.value === value) continue;
      repaired(field, fillField(field, value));
    }
  }
  if (filledModels.length > 0) {
    const doc = filledModels[0]![0].element.ownerDocument;
    if (filledValues.length === 0) await settle(doc, settleQuietMs, 1000);
    for (const [field, value] of filledModels) {
      const now = modelGet(doc, field.model!);
      if (!now || now.value === value || value === null) continue;
      repaired(field, await fillModel(doc, field.model!, [value]));
    }
  }
  report.sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  return {
    report,
    undo: () => {
      const partial: string[] = [...sticky];
      // Drivers first: putting the relation back makes the page rebuild (and clear) the blocks it controls.
      const ordered = [...snapshots.filter(([, f]) => f.field === 'relation'), ...snapshots.filter(([, f]) => f.field !== 'relation').reverse()];
      for (const [s, field] of ordered) {
        if (!s.element.isConnected) continue;
        if (!putBack(s, field)) {
          partial.push(field.labels[0] ?? field.names[0] ?? '?');
          continue;
        }
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
