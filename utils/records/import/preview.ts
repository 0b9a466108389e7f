import { formatIsoDate } from '../../vn/dates';
import { matchKey } from '../../vn/text';
import { personFields, personSchema, type Person, type PersonField } from '../schema';
import type { ImportField } from './columns';
import type { Table } from './read-table';
import { rowToDraft, type PersonDraft, type RowResult } from './rows';

export type RowStatus = 'valid' | 'invalid' | 'duplicate-in-file' | 'duplicate-existing';

export interface PreviewRow extends RowResult {
  status: RowStatus;
  /** For a duplicate within the file: the earlier row it repeats (0-based file index). */
  duplicateOfRow?: number;
  /** For a duplicate of someone already stored: their id. */
  existingId?: string;
}

export interface Preview {
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
}

/** Same person: same personal ID, else same old ID, else same folded name and date of birth. */
export function duplicateKey(draft: PersonDraft): string {
  if (draft.personalId) return `pid:${draft.personalId.value}`;
  if (draft.oldId) return `old:${draft.oldId.value}`;
  const dob = draft.birthDate ? (formatIsoDate(draft.birthDate.value as never) ?? draft.birthDate.value.year) : '';
  return `name:${matchKey(draft.fullName.value)}|${dob}`;
}

/** Row-level report before anything is written. `findExisting` answers from the unlocked search index. */
export function buildPreview(
  table: Table,
  header: { headerRow: number; labels: string[]; mapping: Array<ImportField | null> },
  findExisting: (draft: PersonDraft) => string | undefined,
  now = new Date(),
): Preview {
  const rows: PreviewRow[] = [];
  const seen = new Map<string, number>();
  const counts: Record<RowStatus, number> = { valid: 0, invalid: 0, 'duplicate-in-file': 0, 'duplicate-existing': 0 };
  for (let i = header.headerRow + 1; i < table.rows.length; i++) {
    const result = rowToDraft(table.rows[i]!, header.mapping, header.labels, i, now);
    if (!result.draft && result.errors[0] === 'Dòng trống.') continue;
    let row: PreviewRow;
    if (!result.draft) {
      row = { ...result, status: 'invalid' };
    } else {
      const key = duplicateKey(result.draft);
      const earlier = seen.get(key);
      const existingId = findExisting(result.draft);
      if (earlier !== undefined) row = { ...result, status: 'duplicate-in-file', duplicateOfRow: earlier };
      else if (existingId) row = { ...result, status: 'duplicate-existing', existingId };
      else row = { ...result, status: 'valid' };
      if (earlier === undefined) seen.set(key, i);
    }
    counts[row.status] += 1;
    rows.push(row);
  }
  return { rows, counts };
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

export function mergePerson(existing: Person, incoming: PersonDraft, choices: Partial<Record<PersonField, 'existing' | 'incoming'>> = {}): Person {
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
