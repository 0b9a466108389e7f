import { crossCheckId } from '@/utils/vn/personal-id';
import { decodeAs, type TextEncoding } from '@/utils/vn/legacy-encodings';
import { makeDate, type VnDate } from '@/utils/vn/dates';
import { joinName } from '@/utils/vn/names';
import { cleanSpaces } from '@/utils/vn/text';
import type { Cell } from '@/utils/records/cell';
import { fieldKindCodecs } from '@/utils/records/field-kinds';
import { citizenFields } from '@/utils/records/fields';
import { reason, said, sayReason, type Reason } from '@/utils/records/reason';
import type { PersonInput, Provenance } from '@/utils/records/schema';
import { relativeKinds, type ImportField, type RelativeKind } from '@/utils/records/import/columns';

export type PersonDraft = Omit<PersonInput, 'id' | 'createdAt' | 'updatedAt'>;

/** How one column of the file is read: its field (or none), its label, the encoding decided for it. */
export interface ColumnPlan {
  field: ImportField | null;
  label: string;
  encoding: TextEncoding;
}

/** A relative a row names in its own columns (father, mother, spouse, household head). */
export interface Relative {
  kind: RelativeKind;
  name: string;
  birth?: VnDate;
  personalId?: string;
  /** A household list names the head by row, not by name: the head's row in this file. */
  row?: number;
}

export interface RowResult {
  /** 0-based index in the file's rows. */
  index: number;
  /** The name as read, shown even when the row cannot be imported. */
  name: string;
  draft: PersonDraft | null;
  /** Why the row cannot be imported. */
  errors: Reason[];
  /** What was repaired, dropped or should be checked (restored zeros, a bad phone left out, ID hints). */
  notes: Reason[];
  relatives: Relative[];
  /** "Quan hệ với chủ hộ" as written ("Chủ hộ", "Vợ", "Con"…), when the file has that column. */
  relationToHead?: string;
}

/**
 * One provenance object for every plain imported value of a run (frozen, shared): a 200,000-row file would
 * otherwise hold two million copies of the same six fields.
 */
let sharedProvenance: Provenance | null = null;
function importProvenance(now: Date): Provenance {
  const at = now.toISOString();
  if (sharedProvenance?.at !== at)
    sharedProvenance = Object.freeze({
      source: 'import',
      confidence: 0.9,
      at,
      verifiedBy: null,
      verifiedAt: null,
      notes: Object.freeze([]) as unknown as string[],
    });
  return sharedProvenance;
}

interface Value {
  cell: Cell | undefined;
  text: string;
  label: string;
}

function readValues(cells: Cell[], columns: ColumnPlan[]): Map<ImportField, Value> {
  const values = new Map<ImportField, Value>();
  columns.forEach((column, c) => {
    if (!column.field || column.field === 'ignore' || values.has(column.field)) return;
    const cell = cells[c];
    const raw = cell === null || cell === undefined || cell instanceof Date ? '' : cleanSpaces(String(cell));
    values.set(column.field, { cell, text: decodeAs(raw, column.encoding), label: column.label });
  });
  return values;
}

const hasContent = (v: Value | undefined): v is Value =>
  v !== undefined && (v.text !== '' || v.cell instanceof Date || typeof v.cell === 'number');

/** Turns one spreadsheet row into a person draft, repairing what spreadsheets break and saying so. Null for an empty row. */
export function rowToDraft(cells: Cell[], columns: ColumnPlan[], index: number, now = new Date()): RowResult | null {
  const values = readValues(cells, columns);
  if (![...values.values()].some(hasContent)) return null;
  const errors: Reason[] = [];
  const notes: Reason[] = [];
  const plain = importProvenance(now);
  const prov = (extra: Reason[] = []): Provenance =>
    extra.length === 0 ? plain : { ...plain, notes: extra.map((r) => sayReason(r, 'vi')) };
  const draft: Record<string, unknown> = {};
  const get = (f: ImportField) => values.get(f)?.text ?? '';

  const written =
    get('fullName') || joinName({ family: get('familyName'), middle: get('middleName'), given: get('givenName') });
  const name = written ? String((fieldKindCodecs.name.cell(undefined, written) as { value: string }).value) : '';
  if (name) draft.fullName = { value: name, prov: prov() };
  else errors.push(reason('import.name.missing'));

  for (const spec of citizenFields) {
    if (spec.key === 'fullName') continue;
    const v = values.get(spec.key);
    if (!hasContent(v)) continue;
    const result = fieldKindCodecs[spec.kind].cell(v.cell, v.text);
    if (result.ok) {
      const target = result.field ?? spec.key;
      notes.push(...result.notes);
      if (!draft[target]) draft[target] = { value: result.value, prov: prov(result.notes) };
    } else if ('identity' in spec) {
      errors.push(reason('import.cell.invalid', { column: v.label }, result.reason));
    } else {
      notes.push(reason('import.cell.dropped', { column: v.label, value: v.text }, result.reason));
    }
  }
  if (!values.has('birthDate')) readBirthParts(values, draft, errors, prov);
  notes.push(...idHints(draft));
  if (get('note')) draft.note = get('note');

  const relationToHead = get('relationToHead');
  return {
    index,
    name,
    draft: errors.length === 0 ? (draft as PersonDraft) : null,
    errors,
    notes: [...notes, ...relativeNotes(values)],
    relatives: readRelatives(values),
    ...(relationToHead ? { relationToHead } : {}),
  };
}

function readBirthParts(
  values: Map<ImportField, Value>,
  draft: Record<string, unknown>,
  errors: Reason[],
  prov: () => Provenance,
) {
  const num = (f: ImportField) => {
    const v = values.get(f);
    if (!v) return undefined;
    const n = typeof v.cell === 'number' ? v.cell : Number.parseInt(v.text, 10);
    return Number.isFinite(n) ? n : undefined;
  };
  const year = num('birthYear');
  if (year === undefined) return;
  const month = num('birthMonth');
  const parsed = makeDate(year, month, month === undefined ? undefined : num('birthDay'));
  if (parsed.ok) draft.birthDate = { value: parsed.date, prov: prov() };
  else errors.push(reason('import.cell.invalid', { column: values.get('birthYear')!.label }, said(parsed.reason)));
}

/** What the ID number suggests against the birth year and sex: hints to check, not grounds to refuse. */
function idHints(draft: Record<string, unknown>): Reason[] {
  const pid = (draft.personalId as { value: string } | undefined)?.value;
  if (!pid) return [];
  const birthDate = (draft.birthDate as { value: VnDate } | undefined)?.value;
  const sex = (draft.sex as { value: 'Nam' | 'Nữ' } | undefined)?.value;
  return crossCheckId(pid, { ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}) })
    .filter((m) => m.field !== 'province')
    .map((m) => m.message);
}

type RelativePart = 'Birth' | 'Id';

function relativeDetail(
  values: Map<ImportField, Value>,
  kind: RelativeKind,
  part: RelativePart,
): { ok: true; value?: unknown } | { ok: false; reason: Reason; label: string; text: string } {
  const v = values.get(`${kind}${part}`);
  if (!hasContent(v)) return { ok: true };
  const result =
    part === 'Birth' ? fieldKindCodecs.date.cell(v.cell, v.text) : fieldKindCodecs.personalId.cell(v.cell, v.text);
  if (!result.ok) return { ok: false, reason: result.reason, label: v.label, text: v.text };
  if (part === 'Id' && result.field !== 'personalId') return { ok: true };
  return { ok: true, value: result.value };
}

function readRelatives(values: Map<ImportField, Value>): Relative[] {
  const out: Relative[] = [];
  for (const kind of relativeKinds) {
    const written = values.get(`${kind}Name`)?.text ?? '';
    if (!written) continue;
    const name = String((fieldKindCodecs.name.cell(undefined, written) as { value: string }).value);
    const birth = relativeDetail(values, kind, 'Birth');
    const id = relativeDetail(values, kind, 'Id');
    out.push({
      kind,
      name,
      ...(birth.ok && birth.value ? { birth: birth.value as VnDate } : {}),
      ...(id.ok && id.value ? { personalId: id.value as string } : {}),
    });
  }
  return out;
}

/** A relative's date of birth or ID that cannot be read is left out of the match, and said. */
function relativeNotes(values: Map<ImportField, Value>): Reason[] {
  const notes: Reason[] = [];
  for (const kind of relativeKinds) {
    if (!values.get(`${kind}Name`)?.text) continue;
    for (const part of ['Birth', 'Id'] as const) {
      const detail = relativeDetail(values, kind, part);
      if (!detail.ok)
        notes.push(reason('import.cell.dropped', { column: detail.label, value: detail.text }, detail.reason));
    }
  }
  return notes;
}
