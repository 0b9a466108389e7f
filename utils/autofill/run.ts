import { optionsOfGroup } from './adapters/radio';
import { optionsOf } from './adapters/select';
import { classify } from './classify';
import { collectControls, searchRoots } from './collect';
import type { Attempt, Choice, Classified, Control, Reason, ReadBack, Snapshot, Want } from './control';
import { domesticScopeValues, relationValues, roleLabels, type FillField, type FormRole } from './labels';
import { matchKey } from '../vn/text';
import { profilesFor, type SiteProfile } from './profiles';
import { wantFor, type FillPerson } from './values';
import { holds, isEmpty } from './verify';
import { whenDom } from './wait';

/**
 * The fill of one document: drivers first (the relation choice rebuilds the blocks below it, "Trong nước" opens
 * the address block, a date-format selector comes before its date), then, once the page has settled, every other
 * field in document order (a province before the ward list it loads). Then every field is read back, and its mark
 * is decided by what the page holds: ✓ only when it matches, ✗ with what the page shows, ⚠ when it cannot be read
 * back or the officer must look. Every control recognised and not filled is listed with the reason.
 */
export type FillStatus = 'filled' | 'check' | 'unverified' | 'readonly' | 'mismatch' | 'failed' | 'missing' | 'unknown';

export interface ReportItem {
  label: string;
  role: FormRole | null;
  field: FillField | null;
  status: FillStatus;
  reason: Reason | null;
  /** What the page shows now, for a field that does not hold what was meant. */
  shown: string | null;
  /** The widget adapter that filled it. */
  adapter: string;
  element: HTMLElement;
}

export interface FillOptions {
  /** How long a list that loads after its parent changed may take. */
  listTimeoutMs?: number;
  /** Snapshots kept from an earlier fill of the same page: undo goes back to before the first fill. */
  before?: Map<HTMLElement, { control: Control; snapshot: Snapshot }>;
}

export interface FillRun {
  report: ReportItem[];
  /** What each touched control held before the first fill, for undo. */
  before: Map<HTMLElement, { control: Control; snapshot: Snapshot }>;
}

export const defaultListTimeoutMs = 5000;
/** Quiet time that means the page has finished rebuilding after a driver field changed. */
export const settleQuietMs = 150;
export const settleMaxMs = 2000;
/** How long rebuilt blocks may take to come back after a driver field changed. */
export const blocksMaxMs = 4000;

/** The classified, visible controls of a document (and its same-origin frames and shadow roots). */
export function scanDocument(doc: Document): Classified[] {
  const byUrl = new Map<string, SiteProfile[]>();
  const forUrl = (url: string) => byUrl.get(url) ?? byUrl.set(url, profilesFor(url)).get(url)!;
  return collectControls(searchRoots(doc))
    .controls.filter((c) => c.adapter.visible(c))
    .map((c) => classify(c, forUrl(c.element.ownerDocument.URL)));
}

/** The people a form asks for: the roles of its blocks, or one `subject` when it has none. */
export function detectRoles(fields: Classified[]): FormRole[] {
  const present = new Set(fields.filter((f) => f.field && f.field !== 'relation' && f.role).map((f) => f.role!));
  return present.size === 0 ? (fields.some((f) => f.field) ? ['subject'] : []) : [...present];
}

/** Which assigned person a field belongs to: its block's, or the only person when the form has one. */
function personFor(field: Classified, people: Map<FormRole, FillPerson>): FillPerson | null {
  if (field.role) return people.get(field.role) ?? null;
  for (const role of ['subject', 'requester', 'declarant'] as FormRole[]) if (people.has(role)) return people.get(role)!;
  return people.size === 1 ? [...people.values()][0]! : null;
}

/** The requester's relation to the form's subject, as the options may spell it; null when it cannot be told. */
function relationWant(field: Classified, people: Map<FormRole, FillPerson>): Want | null {
  const asker = people.get(field.role ?? 'requester') ?? people.get('requester') ?? people.get('declarant');
  const id = asker?.person.id;
  if (!id) return null;
  const is = (role: FormRole) => people.get(role)?.person.id === id;
  const values = relationValues();
  const aboutHead = field.labels.some((l) => matchKey(l).includes('chu ho'));
  if (aboutHead) return is('householdHead') ? { kind: 'choice', values: ['Chủ hộ', ...values.self] } : null;
  if (is('father')) return { kind: 'choice', values: values.father };
  if (is('mother')) return { kind: 'choice', values: values.mother };
  if (['child', 'subject', 'deceased', 'householdHead', 'bride', 'groom'].some((r) => is(r as FormRole))) return { kind: 'choice', values: values.self };
  return null;
}

/** A choice group that is a "Trong nước / Nước ngoài" switch of an address block. */
function isScopeSwitch(c: Classified): boolean {
  if (c.field) return false;
  const options: Choice[] = c.adapter.id === 'radio' ? optionsOfGroup(c).map((o) => o.choice) : c.adapter.id === 'select' ? optionsOf(c.element as HTMLSelectElement) : [];
  const keys = options.map((o) => matchKey(o.text));
  return keys.some((k) => domesticScopeValues().some((d) => matchKey(d) === k)) && keys.some((k) => k.includes('nuoc ngoai'));
}

function labelOf(c: Classified): string {
  const base = c.labels[0] ?? c.names[0] ?? c.adapter.id;
  return c.part ? `${base} (${{ day: 'ngày', month: 'tháng', year: 'năm' }[c.part]})` : base;
}

/** Resolves once the document has had no DOM change for `quietMs` (or after `maxMs`): no fixed sleeps. */
export function settle(doc: Document, quietMs = settleQuietMs, maxMs = settleMaxMs): Promise<void> {
  return new Promise((resolve) => {
    const view = doc.defaultView ?? window;
    let quiet = view.setTimeout(done, quietMs);
    const cap = view.setTimeout(done, maxMs);
    const observer = new view.MutationObserver((records) => {
      if (records.every((r) => r.type === 'attributes' && r.attributeName?.startsWith('data-motcua'))) return;
      view.clearTimeout(quiet);
      quiet = view.setTimeout(done, quietMs);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    function done() {
      observer.disconnect();
      view.clearTimeout(quiet);
      view.clearTimeout(cap);
      resolve();
    }
  });
}

interface Job {
  field: Classified;
  want: Want;
  note?: Reason;
  attempt?: Attempt;
}

const refusalStatus = (reason: Reason): FillStatus => (reason.code === 'readonly' || reason.code === 'readonlyDiffers' ? 'readonly' : 'failed');

/** The same field after the page rebuilt it: same names, or same labels and block. */
function findAgain(field: Classified, fields: Classified[]): Classified | null {
  return (
    fields.find((f) => f.element === field.element) ??
    fields.find((f) => f.adapter.id === field.adapter.id && f.names.length > 0 && f.names.join('|') === field.names.join('|') && f.role === field.role) ??
    fields.find((f) => f.adapter.id === field.adapter.id && f.labels[0] === field.labels[0] && f.role === field.role && f.field === field.field && f.part === field.part) ??
    null
  );
}

export async function fillDocument(doc: Document, people: Map<FormRole, FillPerson>, options: FillOptions = {}): Promise<FillRun> {
  const ctx = { listTimeoutMs: options.listTimeoutMs ?? defaultListTimeoutMs };
  const before = options.before ?? new Map<HTMLElement, { control: Control; snapshot: Snapshot }>();
  const report: ReportItem[] = [];
  const item = (field: Classified, status: FillStatus, reason: Reason | null, shown: string | null = null): ReportItem => ({
    label: labelOf(field),
    role: field.role,
    field: field.field,
    status,
    reason,
    shown,
    adapter: field.adapter.id,
    element: field.element,
  });
  const remember = async (field: Classified) => {
    if (!before.has(field.element)) before.set(field.element, { control: field, snapshot: await field.adapter.snapshot(field) });
  };

  // Drivers: what rebuilds or opens the blocks below it.
  let fields = scanDocument(doc);
  const drivers: Job[] = [];
  for (const field of fields) {
    if (field.field === 'relation') {
      const want = relationWant(field, people);
      if (want) drivers.push({ field, want });
      else report.push(item(field, 'check', { code: 'relationManual' }));
    } else if (isScopeSwitch(field) && personFor(field, people)) {
      drivers.push({ field, want: { kind: 'choice', values: domesticScopeValues() } });
    }
  }
  for (const job of drivers) {
    await remember(job.field);
    job.attempt = await job.field.adapter.fill(job.field, job.want, ctx);
  }
  if (drivers.length > 0) {
    // The rebuilt blocks may arrive late (the e-forms load them by AJAX): wait until every assigned block shows.
    const wanted = [...people.keys()].filter((r) => r !== 'subject');
    await whenDom(doc.documentElement, () => {
      fields = scanDocument(doc);
      return wanted.every((role) => fields.some((f) => f.role === role && f.field && f.field !== 'relation')) || null;
    }, blocksMaxMs);
    await settle(doc);
    fields = scanDocument(doc);
  }

  // Every other field, in document order. A date-format selector comes before the date it formats.
  const jobs: Job[] = [];
  const driverElements = new Set(drivers.map((d) => d.field.element));
  const recognised = fields.filter((f) => f.field);
  const ordered = [...fields.filter((f) => f.field === 'dateFormat'), ...fields.filter((f) => f.field !== 'dateFormat')];
  for (const field of ordered) {
    if (driverElements.has(field.element) || field.field === 'relation' || report.some((r) => r.element === field.element)) continue;
    if (isScopeSwitch(field)) continue;
    if (!field.field) {
      // Only what sits among the form's own fields is listed: a page's search box is no form field.
      if (recognised.some((r) => r.headings[0] && r.headings[0] === field.headings[0]) || field.element.closest('form')?.contains(recognised[0]?.element ?? null)) {
        report.push(item(field, 'unknown', { code: 'unknownField' }));
      }
      continue;
    }
    const person = personFor(field, people);
    if (!person) {
      report.push(item(field, 'missing', field.role ? { code: 'noPersonForBlock', params: { block: roleLabels[field.role] } } : { code: 'noPerson' }));
      continue;
    }
    const result = wantFor(person, field);
    if ('reason' in result) {
      report.push(item(field, result.reason.code === 'ambiguousWard' ? 'check' : 'missing', result.reason));
      continue;
    }
    const job: Job = { field, want: result.want, ...(result.note ? { note: result.note } : {}) };
    await remember(field);
    const prior = await field.adapter.read(field);
    if (prior.ok && !isEmpty(prior) && !holds(prior, job.want, null, doc.defaultView ?? window) && !isPageDefault(field) && !field.readOnly) {
      job.note ??= { code: 'replacedValue', params: { before: prior.text || prior.choice?.text || '' } };
    }
    job.attempt = await field.adapter.fill(field, job.want, ctx);
    jobs.push(job);
  }

  // Read back: what the page holds now decides every mark. A field the page wiped is written once more.
  await settle(doc, settleQuietMs, 1000);
  const current = scanDocument(doc);
  const view = doc.defaultView ?? window;
  for (const job of [...drivers, ...jobs]) {
    const attempt = job.attempt!;
    if (attempt.refused) {
      report.push(item(job.field, refusalStatus(attempt.refused), attempt.refused));
      continue;
    }
    const field = findAgain(job.field, current) ?? job.field;
    let read: ReadBack = field.element.isConnected ? await field.adapter.read(field) : { ok: false, reason: 'gone' };
    let note = attempt.note ?? job.note ?? null;
    if (read.ok && !holds(read, job.want, attempt.wrote, view) && isEmpty(read)) {
      const again = await field.adapter.fill(field, job.want, ctx);
      await settle(doc, settleQuietMs, 1000);
      read = await field.adapter.read(field);
      note = again.refused ?? { code: 'wipedRefilled' };
    }
    if (!read.ok) report.push(item(field, read.reason === 'gone' ? 'failed' : 'unverified', read.reason === 'gone' ? { code: 'rebuilt' } : { code: 'unverifiable' }));
    else if (holds(read, job.want, attempt.wrote, view)) report.push(item(field, note ? 'check' : 'filled', note));
    else report.push(item(field, 'mismatch', { code: 'pageShows', params: { shown: read.text || '—' } }, read.text));
  }
  report.sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  return { report, before };
}

/** The officer first: what needs a look, what went wrong, then what could not be checked, then what is done. */
const statusOrder: Record<FillStatus, number> = { check: 0, mismatch: 1, failed: 2, unverified: 3, readonly: 4, missing: 5, unknown: 6, filled: 7 };

/** A native select still on its page-given default, a radio still on its default: nothing an officer typed. */
function isPageDefault(c: Classified): boolean {
  if (c.adapter.id === 'select') {
    const select = c.element as HTMLSelectElement;
    return select.options[select.selectedIndex]?.defaultSelected ?? true;
  }
  if (c.adapter.id === 'radio') return optionsOfGroup(c).every((o) => o.input.checked === o.input.defaultChecked);
  if (c.adapter.id === 'text') {
    const input = c.element as HTMLInputElement;
    return input.value === input.defaultValue;
  }
  return false;
}

/**
 * Undo: puts back what every touched control held before the first fill. Drivers first (putting the relation
 * back makes the page rebuild, and clear, the blocks it controls). Returns the labels it could not put back.
 */
export async function undoFill(before: FillRun['before']): Promise<string[]> {
  const entries = [...before.values()];
  const driver = (c: Control) => (c as Partial<Classified>).field === 'relation';
  const ordered = [...entries.filter((e) => driver(e.control)), ...entries.filter((e) => !driver(e.control)).reverse()];
  const partial: string[] = [];
  for (const { control, snapshot } of ordered) {
    if (!control.element.isConnected) continue;
    const ok = await control.adapter.restore(control, snapshot);
    if (!ok) partial.push(control.labels[0] ?? control.names[0] ?? control.adapter.id);
  }
  before.clear();
  return partial;
}
