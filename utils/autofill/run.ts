import { fieldControlSelector, focus } from '@/utils/autofill/dom';
import { atPageDefault, optionsOfGroup } from '@/utils/autofill/adapters/radio';
import { optionsOf } from '@/utils/autofill/adapters/select';
import { classify } from '@/utils/autofill/classify';
import { collectControls, searchRoots } from '@/utils/autofill/collect';
import type {
  AdapterContext,
  Attempt,
  Choice,
  Classified,
  Control,
  Reason,
  ReadBack,
  Snapshot,
  Want,
} from '@/utils/autofill/control';
import {
  domesticScopeValues,
  relationValues,
  roleLabels,
  type FillField,
  type FormRole,
} from '@/utils/autofill/labels';
import { matchKey } from '@/utils/vn/text';
import { profilesFor, type SiteProfile } from '@/utils/autofill/profiles';
import { wantFor, type FillPerson } from '@/utils/autofill/values';
import { holds, isEmpty } from '@/utils/autofill/verify';
import { whenDom } from '@/utils/autofill/wait';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';

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
    .controls.filter((c) => c.adapter.visible(c) || shownDisabled(c))
    .map((c) => classify(c, forUrl(c.element.ownerDocument.URL)));
}

/**
 * A disabled box its widget draws in its place (Vaadin's Lumo hides a disabled combo box's input and draws the
 * field greyed): a ward list waiting for its province. Listed and waited for; written only once it is enabled
 * and shown itself, since the scan that finds it enabled asks its own visibility again.
 */
function shownDisabled(c: Control): boolean {
  const el = c.element;
  const parent = el.parentElement;
  return isDisabled(el) && c.readOnly && parent !== null && isVisibleToOfficer(parent) && !drawsOther(parent, el);
}

/**
 * The parent holds another control: the widget's own, drawn for the box it hides (Tom Select's and
 * bootstrap-select's combobox beside their select). That one is the field; the hidden box is no second one,
 * waited for in vain once the widget has taken it back.
 */
function drawsOther(parent: Element, el: Element): boolean {
  return [...parent.querySelectorAll(fieldControlSelector)].some((o) => o !== el && !o.contains(el) && !el.contains(o));
}

/** Disabled natively or by its ARIA state (a widget's combobox). */
const isDisabled = (el: Element) =>
  (el as HTMLInputElement).disabled === true || el.getAttribute('aria-disabled') === 'true';

/** The people a form asks for: the roles of its blocks, or one `subject` when it has none. */
export function detectRoles(fields: Classified[]): FormRole[] {
  const present = new Set(fields.filter((f) => f.field && f.field !== 'relation' && f.role).map((f) => f.role!));
  return present.size === 0 ? (fields.some((f) => f.field) ? ['subject'] : []) : [...present];
}

/** Which assigned person a field belongs to: its block's, or the only person when the form has one. */
function personFor(field: Classified, people: Map<FormRole, FillPerson>): FillPerson | null {
  // The place applied for in a residence declaration (CT01): registering into a household is registering at
  // the household head's residence.
  // Without a household head in the form, a newborn registers where the child lives (the joint birth form); an
  // adult declarant moves elsewhere, which no record holds.
  if (field.address === 'requested') return people.get('householdHead') ?? people.get('child') ?? null;
  if (field.role) return people.get(field.role) ?? null;
  for (const role of ['subject', 'requester', 'declarant'] as FormRole[])
    if (people.has(role)) return people.get(role)!;
  return people.size === 1 ? [...people.values()][0]! : null;
}

/** The requester's relation to the form's subject, as the options may spell it; null when it cannot be told. */
function relationWant(field: Classified, people: Map<FormRole, FillPerson>): Want | null {
  const aboutHead = field.labels.some((l) => matchKey(l).includes('chu ho'));
  // "Quan hệ với chủ hộ" is asked of the one whose residence changes, even where it sits in the head's block.
  const asker = aboutHead
    ? (people.get('declarant') ?? people.get('householdMember') ?? people.get('requester') ?? people.get('subject'))
    : (people.get(field.role ?? 'requester') ??
      people.get('requester') ??
      people.get('declarant') ??
      // Outside any block, the one the form's other unblocked fields were filled with asks it of themself.
      (field.role ? undefined : (personFor(field, people) ?? undefined)));
  const id = asker?.person.id;
  if (!id) return null;
  const is = (role: FormRole) => people.get(role)?.person.id === id;
  const values = relationValues();
  if (aboutHead) return is('householdHead') ? { kind: 'choice', values: ['Chủ hộ', ...values.self] } : null;
  if (is('father')) return { kind: 'choice', values: values.father };
  if (is('mother')) return { kind: 'choice', values: values.mother };
  if (['child', 'subject', 'deceased', 'householdHead', 'bride', 'groom'].some((r) => is(r as FormRole)))
    return { kind: 'choice', values: values.self };
  // The requester is the parent the records link to the one the form is about (a father acknowledging his son).
  const parents = (people.get('child') ?? people.get('subject'))?.parents;
  if (parents?.father === id) return { kind: 'choice', values: values.father };
  if (parents?.mother === id) return { kind: 'choice', values: values.mother };
  return null;
}

/** Places a scope choice may be labelled with ("(7) Nơi cư trú: ( ) Trong nước ( ) Nước ngoài"). */
const placeFields = new Set<string>([
  'permanentAddress',
  'currentAddress',
  'placeOfBirth',
  'hometown',
  'addressCountry',
]);

/** A choice group that is a "Trong nước / Nước ngoài" switch of an address block. */
function isScopeSwitch(c: Classified): boolean {
  if (c.field && !placeFields.has(c.field)) return false;
  const options: Choice[] =
    c.adapter.id === 'radio'
      ? optionsOfGroup(c).map((o) => o.choice)
      : c.adapter.id === 'select'
        ? optionsOf(c.element as HTMLSelectElement)
        : [];
  const keys = options.map((o) => matchKey(o.text));
  return (
    keys.some((k) => domesticScopeValues().some((d) => matchKey(d) === k)) && keys.some((k) => k.includes('nuoc ngoai'))
  );
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

/** A job the page took, read back: the field as found again and what it holds now. */
interface Back {
  job: Job;
  field: Classified;
  read: ReadBack;
  note: Reason | null;
}

const refusalStatus = (reason: Reason): FillStatus =>
  reason.code === 'readonly' || reason.code === 'readonlyDiffers' ? 'readonly' : 'failed';

/** The same field after the page rebuilt it: same names, or same labels and block. */
function findAgain(field: Classified, fields: Classified[]): Classified | null {
  return (
    fields.find((f) => f.element === field.element) ??
    fields.find(
      (f) =>
        f.adapter.id === field.adapter.id &&
        f.names.length > 0 &&
        f.names.join('|') === field.names.join('|') &&
        f.role === field.role,
    ) ??
    fields.find(
      (f) =>
        f.adapter.id === field.adapter.id &&
        f.labels[0] === field.labels[0] &&
        f.role === field.role &&
        f.field === field.field &&
        f.part === field.part,
    ) ??
    null
  );
}

/**
 * One fill of one document. Kept as a small class so that each step (drivers, fields, read-back) is a method
 * of its own; `fillDocument` runs them in order.
 */
class DocumentFill {
  readonly report: ReportItem[] = [];
  readonly jobs: Job[] = [];
  private readonly drivers: Job[] = [];
  private readonly handled = new Set<HTMLElement>();
  private filledProvince = false;
  private readonly view: Window;

  constructor(
    private readonly doc: Document,
    private readonly people: Map<FormRole, FillPerson>,
    private readonly ctx: AdapterContext,
    readonly before: FillRun['before'],
  ) {
    this.view = doc.defaultView ?? window;
  }

  private item(field: Classified, status: FillStatus, reason: Reason | null, shown: string | null = null): ReportItem {
    return {
      label: labelOf(field),
      role: field.role,
      field: field.field,
      status,
      reason,
      shown,
      adapter: field.adapter.id,
      element: field.element,
    };
  }

  private async remember(field: Classified) {
    if (!this.before.has(field.element))
      this.before.set(field.element, { control: field, snapshot: await field.adapter.snapshot(field) });
  }

  /** What rebuilds or opens the blocks below it; then the page is let to rebuild, and scanned again. */
  async runDrivers(fields: Classified[]): Promise<Classified[]> {
    for (const field of fields) {
      if (field.field === 'relation') {
        const want = relationWant(field, this.people);
        if (want) this.drivers.push({ field, want });
        else this.report.push(this.item(field, 'check', { code: 'relationManual' }));
        this.handled.add(field.element);
      } else if (isScopeSwitch(field) && personFor(field, this.people)) {
        this.drivers.push({ field, want: { kind: 'choice', values: domesticScopeValues() } });
        this.handled.add(field.element);
      }
    }
    for (const job of this.drivers) {
      await this.remember(job.field);
      job.attempt = await job.field.adapter.fill(job.field, job.want, this.ctx);
    }
    if (this.drivers.length === 0) return fields;
    // The rebuilt blocks may arrive late (the e-forms load them by AJAX): wait until every assigned block shows.
    const wanted = [...this.people.keys()].filter((r) => r !== 'subject');
    let fresh = fields;
    await whenDom(
      this.doc.documentElement,
      () => {
        fresh = scanDocument(this.doc);
        return wanted.every((role) => fresh.some((f) => f.role === role && f.field && f.field !== 'relation')) || null;
      },
      blocksMaxMs,
    );
    await settle(this.doc);
    return scanDocument(this.doc);
  }

  /** Every other field, in document order; a date-format selector first, before the date it formats. */
  async runFields(fields: Classified[]) {
    const recognised = fields.filter((f) => f.field);
    const mainForm = recognised.length === 0 ? busiestForm(fields) : null;
    const ordered = [
      ...fields.filter((f) => f.field === 'dateFormat'),
      ...fields.filter((f) => f.field !== 'dateFormat'),
    ];
    for (const field of ordered) {
      if (
        this.handled.has(field.element) ||
        this.drivers.some((d) => d.field.element === field.element) ||
        isScopeSwitch(field)
      )
        continue;
      this.handled.add(field.element);
      if (!field.field) {
        // A field the portal filled and keeps read-only (the procedure's code, the receiving office) is no
        // field the officer can fill by hand: not listed.
        if (field.readOnly) continue;
        // Only what sits among the form's own fields is listed: a page's search box is no form field.
        // With none recognised, the fields of the page's main form (the one with the most controls) are listed.
        const among =
          recognised.some((r) => r.headings[0] && r.headings[0] === field.headings[0]) ||
          field.element.closest('form')?.contains(recognised[0]?.element ?? null);
        if (among || (mainForm && field.element.closest('form') === mainForm)) {
          // One the page filled itself (the procedure's code, an ID type) is for the officer to check, not to type.
          const held = await field.adapter.read(field);
          const shown = held.ok ? held.choice?.text || held.text : '';
          this.report.push(
            this.item(
              field,
              'unknown',
              shown ? { code: 'unknownFieldHolds', params: { value: shown } } : { code: 'unknownField' },
            ),
          );
        }
        continue;
      }
      await this.fillField(field);
    }
  }

  /** Controls that appeared only once earlier fields were filled (a ward list shown after its province). */
  async runAppeared() {
    const known = [...this.jobs, ...this.drivers].map((j) => j.field);
    const appeared = scanDocument(this.doc).filter(
      (f) => f.field && f.field !== 'relation' && !this.handled.has(f.element) && !findAgain(f, known),
    );
    await this.runFields(appeared);
  }

  private async fillField(first: Classified) {
    const person = personFor(first, this.people);
    if (!person) {
      // A read-only control (the portal's VNeID block) is never written, whoever is picked: said as such.
      this.report.push(
        first.readOnly && first.field !== 'ward'
          ? this.item(first, 'readonly', { code: 'readonly' })
          : this.item(
              first,
              'missing',
              first.role
                ? { code: 'noPersonForBlock', params: { block: roleLabels[first.role] } }
                : { code: 'noPerson' },
            ),
      );
      return;
    }
    const result = wantFor(person, first);
    if ('reason' in result) {
      this.report.push(this.item(first, result.reason.code === 'ambiguousWard' ? 'check' : 'missing', result.reason));
      return;
    }
    // A ward list stays disabled until its province has loaded it: wait for it, as a person would. A box
    // read-only until it has the focus (Ant Design Vue's date picker, the anti-autofill `readonly` trick) is
    // given the focus, as a person's click would.
    // A province already there may still be loading its list (a second fill, after the officer picked a ward).
    // Seen before the province was filled, a ward box's state is stale: the page may have disabled it since.
    const disabledSince = this.filledProvince && isDisabled(first.element);
    const field =
      (first.readOnly || disabledSince) && first.field === 'ward'
        ? ((await enabledAgain(
            this.doc,
            first,
            this.filledProvince ? this.ctx.listTimeoutMs : Math.min(this.ctx.listTimeoutMs, 2000),
          )) ?? first)
        : first.readOnly
          ? ((await writableOnFocus(this.doc, first)) ?? first)
          : first;
    this.handled.add(field.element);
    const job: Job = { field, want: result.want, ...(result.note ? { note: result.note } : {}) };
    await this.remember(field);
    const prior = await field.adapter.read(field);
    const already = prior.ok && !isEmpty(prior) && holds(prior, job.want, null, this.view);
    if (prior.ok && !isEmpty(prior) && !already && !isPageDefault(field) && !field.readOnly) {
      job.note ??= { code: 'replacedValue', params: { before: prior.text || prior.choice?.text || '' } };
    }
    // A field that already holds what is meant is left alone: writing a province again makes pages reload its wards.
    // Said as it is: kept (not "filled"), and a read-only field (VNeID's) stays a read-only field.
    job.attempt = !already
      ? await field.adapter.fill(field, job.want, this.ctx)
      : field.readOnly
        ? { wrote: null, refused: { code: 'readonly' } }
        : { wrote: prior.choice ?? prior.text, kept: true };
    this.jobs.push(job);
    // Frameworks refresh the ward list after the province changed, some after a debounce: let them, before the ward.
    if (field.field === 'province' && !job.attempt.refused && !already) {
      this.filledProvince = true;
      await settle(this.doc, settleQuietMs, 1000);
    }
  }

  /** Read back: what the page holds now decides every mark. A field the page emptied is written again. */
  async readBack() {
    await settle(this.doc, settleQuietMs, 1000);
    const current = scanDocument(this.doc);
    const backs: Back[] = [];
    for (const job of [...this.drivers, ...this.jobs]) {
      const attempt = job.attempt!;
      if (attempt.refused) {
        this.report.push(this.item(job.field, refusalStatus(attempt.refused), attempt.refused));
        continue;
      }
      const field = findAgain(job.field, current) ?? job.field;
      const read: ReadBack = field.element.isConnected
        ? await field.adapter.read(field)
        : { ok: false, reason: 'gone' };
      backs.push({ job, field, read, note: attempt.note ?? job.note ?? null });
    }
    // Emptied after the fill (a cascade that reloaded, a reset): written again once the page is quiet, twice at
    // most, and said so. All the emptied ones are written in one pass, in the order they were filled (a province
    // before its ward), then read back together: one wait per pass, not one per field.
    const emptied = (b: Back) =>
      b.read.ok && isEmpty(b.read) && !holds(b.read, b.job.want, b.job.attempt!.wrote, this.view);
    for (let repair = 0; repair < 2; repair++) {
      const wiped = backs.filter(emptied);
      if (wiped.length === 0) break;
      await settle(this.doc, settleQuietMs * 2, 2000);
      for (const b of wiped) {
        const again = await b.field.adapter.fill(b.field, b.job.want, this.ctx);
        b.note = again.refused ?? { code: 'wipedRefilled' };
        if (b.field.field === 'province') await settle(this.doc, settleQuietMs, 1000);
      }
      await settle(this.doc, settleQuietMs, 1000);
      for (const b of wiped) b.read = await b.field.adapter.read(b.field);
    }
    for (const { job, field, read, note } of backs) {
      const attempt = job.attempt!;
      if (!read.ok)
        this.report.push(
          this.item(
            field,
            read.reason === 'gone' ? 'failed' : 'unverified',
            read.reason === 'gone' ? { code: 'rebuilt' } : { code: 'unverifiable' },
          ),
        );
      else if (holds(read, job.want, attempt.wrote, this.view) && markedInvalid(field.element))
        // The box shows the value, but the widget did not take it (Vaadin's date picker keeps a text it could not
        // parse and marks itself invalid, its value empty): never ✓.
        this.report.push(
          this.item(field, 'mismatch', { code: 'pageInvalid', params: { shown: read.text || '—' } }, read.text),
        );
      else if (holds(read, job.want, attempt.wrote, this.view))
        this.report.push(
          note
            ? this.item(field, 'check', note)
            : this.item(field, 'filled', attempt.kept ? { code: 'alreadyThere' } : null),
        );
      else
        this.report.push(
          this.item(field, 'mismatch', { code: 'pageShows', params: { shown: read.text || '—' } }, read.text),
        );
    }
    this.report.sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  }
}

export async function fillDocument(
  doc: Document,
  people: Map<FormRole, FillPerson>,
  options: FillOptions = {},
): Promise<FillRun> {
  const ctx = { listTimeoutMs: options.listTimeoutMs ?? defaultListTimeoutMs };
  const fill = new DocumentFill(doc, people, ctx, options.before ?? new Map());
  const fields = await fill.runDrivers(scanDocument(doc));
  await fill.runFields(fields);
  await fill.runAppeared();
  await fill.readBack();
  return { report: fill.report, before: fill.before };
}

/**
 * The page says the control's value is not valid: `aria-invalid` on the control, or the `invalid` state a web
 * component field reflects on its host (Vaadin's fields, Shoelace's `data-invalid`).
 */
function markedInvalid(el: Element): boolean {
  if (el.getAttribute('aria-invalid') === 'true') return true;
  let node = el.parentElement;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement)
    if (node.localName.includes('-') && (node.hasAttribute('invalid') || node.hasAttribute('data-invalid')))
      return true;
  return false;
}

/** How long a box given the focus has to drop its `readonly` (a framework's focus handler runs at once). */
const focusSettleMs = 60;

/** The same control once the focus made it writable, or null: a box only the HTML `readonly` attribute locks. */
async function writableOnFocus(doc: Document, field: Classified): Promise<Classified | null> {
  const el = field.element;
  if (!(el instanceof HTMLInputElement) || !el.readOnly || el.disabled) return null;
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return null;
  focus(el);
  await new Promise((resolve) => (doc.defaultView ?? window).setTimeout(resolve, focusSettleMs));
  if (el.readOnly) return null;
  const fresh = findAgain(field, scanDocument(doc));
  return fresh && !fresh.readOnly ? fresh : null;
}

/** The same control once the page enabled it (a ward list after its province), or null after `timeoutMs`. */
async function enabledAgain(doc: Document, field: Classified, timeoutMs: number): Promise<Classified | null> {
  const view = doc.defaultView ?? window;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const fresh = findAgain(field, scanDocument(doc));
    if (fresh && !fresh.readOnly) return fresh;
    await new Promise((resolve) => view.setTimeout(resolve, 150));
  }
  return null;
}

/** The officer first: what needs a look, what went wrong, then what could not be checked, then what is done. */
const statusOrder: Record<FillStatus, number> = {
  check: 0,
  mismatch: 1,
  failed: 2,
  unverified: 3,
  readonly: 4,
  missing: 5,
  unknown: 6,
  filled: 7,
};

/** A native select still on its page-given default, a radio still on its default: nothing an officer typed. */
function isPageDefault(c: Classified): boolean {
  if (c.adapter.id === 'select') {
    const select = c.element as HTMLSelectElement;
    return select.options[select.selectedIndex]?.defaultSelected ?? true;
  }
  if (c.adapter.id === 'radio') return optionsOfGroup(c).every(atPageDefault);
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

/** The form holding the most of these controls, if any is in a form. */
function busiestForm(fields: Classified[]): HTMLFormElement | null {
  const counts = new Map<HTMLFormElement, number>();
  for (const f of fields) {
    const form = f.element.closest('form');
    if (form) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
