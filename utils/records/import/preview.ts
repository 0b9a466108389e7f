import { formatIsoDate, type VnDate } from '@/utils/vn/dates';
import type { TextEncoding } from '@/utils/vn/legacy-encodings';
import { matchKey } from '@/utils/vn/text';
import { reason, type Reason } from '@/utils/records/reason';
import { personFields, personSchema, type Person, type PersonField } from '@/utils/records/schema';
import type { ImportField } from '@/utils/records/import/columns';
import { columnEncodings } from '@/utils/records/import/encoding';
import { planLinks, type LinkPlan, type PeopleOnRecord } from '@/utils/records/import/links';
import type { Table } from '@/utils/records/import/read-table';
import { rowToDraft, type ColumnPlan, type PersonDraft, type RowResult } from '@/utils/records/import/rows';

export type RowStatus = 'valid' | 'invalid' | 'duplicate-in-file' | 'duplicate-existing';

export interface PreviewRow extends RowResult {
  status: RowStatus;
  /** For a duplicate within the file: the earlier row it repeats (0-based file index). */
  duplicateOfRow?: number;
  /** For a duplicate of someone already stored: their id. */
  existingId?: string;
  /** How the stored person was found: by ID number, or (no ID in the row) by name, date of birth and parents. */
  matchedBy?: 'id' | 'name';
  /** The relations this row's columns name, each to one person of the file or of the records. */
  links: LinkPlan[];
}

export interface Preview {
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  /** What applies to the whole file or a whole column (an old font encoding converted). */
  notices: Reason[];
}

export interface HeaderMapping {
  headerRow: number;
  labels: string[];
  mapping: Array<ImportField | null>;
}

/** Each column's field, label and encoding (decided over the column). */
export function planColumns(table: Table, header: HeaderMapping): ColumnPlan[] {
  const encodings = columnEncodings(table, header.headerRow + 1, header.mapping.length);
  return header.mapping.map((field, c) => ({
    field,
    label: header.labels[c] || `#${c + 1}`,
    encoding: encodings[c] ?? 'unicode',
  }));
}

export function encodingNotices(table: Table, columns: ColumnPlan[]): Reason[] {
  const name = (e: TextEncoding) => (e === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI');
  if (table.legacy) return [reason('import.notice.fileConverted', { from: name(table.legacy) })];
  return columns
    .filter((c) => c.field && c.field !== 'ignore' && (c.encoding === 'tcvn3' || c.encoding === 'vni'))
    .map((c) => reason('import.notice.columnConverted', { column: c.label, from: name(c.encoding) }));
}

/** Every data row as a draft (the part that runs in the worker): `onProgress` after each `progressEvery` rows. */
export function draftRows(
  table: Table,
  header: HeaderMapping,
  columns: ColumnPlan[],
  onProgress?: (done: number, total: number) => void,
  now = new Date(),
): RowResult[] {
  const out: RowResult[] = [];
  const total = table.rows.length - header.headerRow - 1;
  for (let i = header.headerRow + 1; i < table.rows.length; i++) {
    const result = rowToDraft(table.rows[i]!, columns, i, now);
    if (result) out.push(result);
    if (onProgress && (i - header.headerRow) % progressEvery === 0) onProgress(i - header.headerRow, total);
  }
  onProgress?.(total, total);
  return withHouseholds(out);
}

const progressEvery = 2000;

/** A household list ("Quan hệ với chủ hộ": Chủ hộ, Vợ, Con…): each member's head is the last "Chủ hộ" row above. */
function withHouseholds(rows: RowResult[]): RowResult[] {
  let head: number | null = null;
  for (const row of rows) {
    if (row.relationToHead === undefined) continue;
    if (matchKey(row.relationToHead) === 'chu ho') {
      head = row.index;
      continue;
    }
    if (head !== null && !row.relatives.some((r) => r.kind === 'householdHead'))
      row.relatives.push({ kind: 'householdHead', name: '', row: head });
  }
  return rows;
}

const birthKey = (birth: VnDate | undefined) => (birth ? (formatIsoDate(birth) ?? String(birth.year)) : '');
const parentKeys = (row: RowResult) =>
  row.relatives
    .filter((r) => r.kind === 'father' || r.kind === 'mother')
    .map((r) => `${r.kind}:${matchKey(r.name)}`)
    .sort()
    .join(',');

/** Same person: same personal ID, else same old ID, else same folded name, date of birth and (named) parents. */
export function duplicateKey(row: RowResult): string {
  const draft = row.draft!;
  if (draft.personalId) return `pid:${draft.personalId.value}`;
  if (draft.oldId) return `old:${draft.oldId.value}`;
  return `name:${matchKey(draft.fullName.value)}|${birthKey(draft.birthDate?.value as VnDate | undefined)}|${parentKeys(row)}`;
}

/** The records' side of the preview: people by ID number, and by name for rows that have none. */
export interface ExistingLookup extends PeopleOnRecord {
  byIdNumber(id: string): string | undefined;
}

/** A person without an ID in the row matches someone stored with the same name and birth date whose stored parents do not contradict the row's. */
async function byNameBirthAndParents(row: RowResult, lookup: ExistingLookup): Promise<string | undefined> {
  const draft = row.draft!;
  const birth = draft.birthDate?.value as VnDate | undefined;
  if (!birth) return undefined;
  const candidates = lookup.named(draft.fullName.value).filter((c) => c.dobKeys.includes(birthKey(birth)));
  let best: { id: string; agreeing: number } | undefined;
  for (const candidate of candidates) {
    const parents = await lookup.parentsOf(candidate.id);
    let agreeing = 0;
    let contradicts = false;
    for (const named of row.relatives.filter((r) => r.kind === 'father' || r.kind === 'mother')) {
      const stored = parents.find((p) => p.kind === named.kind);
      if (!stored) continue;
      if (matchKey(stored.name) === matchKey(named.name)) agreeing += 1;
      else contradicts = true;
    }
    if (!contradicts && (!best || agreeing > best.agreeing)) best = { id: candidate.id, agreeing };
  }
  return best?.id;
}

/** Whether the records could know this row: by its ID number, or (no ID) by a stored person of its name. */
function needsLookup(row: RowResult, lookup: ExistingLookup): boolean {
  const draft = row.draft!;
  if (draft.personalId) return lookup.byIdNumber(draft.personalId.value) !== undefined;
  if (draft.oldId) return lookup.byIdNumber(draft.oldId.value) !== undefined;
  return draft.birthDate !== undefined && lookup.named(draft.fullName.value).length > 0;
}

async function findExisting(
  row: RowResult,
  lookup: ExistingLookup,
): Promise<Pick<PreviewRow, 'existingId' | 'matchedBy'>> {
  const draft = row.draft!;
  const byId = draft.personalId
    ? lookup.byIdNumber(draft.personalId.value)
    : draft.oldId
      ? lookup.byIdNumber(draft.oldId.value)
      : undefined;
  if (byId) return { existingId: byId, matchedBy: 'id' };
  if (draft.personalId || draft.oldId) return {};
  const byName = await byNameBirthAndParents(row, lookup);
  return byName ? { existingId: byName, matchedBy: 'name' } : {};
}

/** Rows classified between two yields to the page (it stays responsive through 200,000 rows). */
const rowsPerSlice = 2000;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Row-level report before anything is written (main thread: it asks the unlocked records). */
export async function classifyRows(
  results: RowResult[],
  lookup: ExistingLookup,
  notices: Reason[] = [],
  onProgress?: (done: number, total: number) => void,
): Promise<Preview> {
  const rows: PreviewRow[] = [];
  const seen = new Map<string, number>();
  const counts: Record<RowStatus, number> = { valid: 0, invalid: 0, 'duplicate-in-file': 0, 'duplicate-existing': 0 };
  for (const [i, result] of results.entries()) {
    if (i > 0 && i % rowsPerSlice === 0) {
      onProgress?.(i, results.length);
      await yieldToPage();
    }
    // The row becomes its preview row in place: copying 200,000 rows would double what the page holds.
    const row = Object.assign(result, { links: [] as LinkPlan[] }) as PreviewRow;
    if (!result.draft) row.status = 'invalid';
    else {
      const key = duplicateKey(result);
      const earlier = seen.get(key);
      if (earlier !== undefined) Object.assign(row, { status: 'duplicate-in-file', duplicateOfRow: earlier });
      else {
        seen.set(key, result.index);
        const existing = needsLookup(result, lookup) ? await findExisting(result, lookup) : {};
        Object.assign(row, existing, { status: existing.existingId ? 'duplicate-existing' : 'valid' });
      }
    }
    counts[row.status] += 1;
    rows.push(row);
  }
  await planLinks(rows, lookup);
  return { rows, counts, notices };
}

/** The whole preview in one call (tests, small files): drafts, then the records' side. */
export async function buildPreview(
  table: Table,
  header: HeaderMapping,
  lookup: ExistingLookup,
  now = new Date(),
): Promise<Preview> {
  const columns = planColumns(table, header);
  return classifyRows(draftRows(table, header, columns, undefined, now), lookup, encodingNotices(table, columns));
}

export type Decision =
  | { action: 'skip' }
  | { action: 'add' }
  | { action: 'replace' }
  /** Field by field: `incoming` takes the file's value; any field not named keeps the stored value, or takes the file's where none is stored. */
  | { action: 'merge'; fields?: Partial<Record<PersonField, 'existing' | 'incoming'>> };

export function defaultDecision(row: PreviewRow): Decision {
  if (row.status === 'valid') return { action: 'add' };
  if (row.status === 'duplicate-existing') return { action: 'merge' };
  return { action: 'skip' };
}

export function mergePerson(
  existing: Person,
  incoming: PersonDraft,
  choices: Partial<Record<PersonField, 'existing' | 'incoming'>> = {},
): Person {
  const merged: Record<string, unknown> = { ...existing };
  for (const field of personFields) {
    const mine = existing[field];
    const theirs = (incoming as Record<string, unknown>)[field];
    const choice = choices[field] ?? (mine ? 'existing' : 'incoming');
    if (choice === 'incoming' && theirs !== undefined) merged[field] = theirs;
  }
  if (!existing.note && incoming.note) merged.note = incoming.note;
  return personSchema.parse(merged);
}
