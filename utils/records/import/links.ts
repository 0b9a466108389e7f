import { formatIsoDate, type VnDate } from '@/utils/vn/dates';
import { matchKey } from '@/utils/vn/text';
import { reason } from '@/utils/records/reason';
import type { SearchEntry } from '@/utils/records/search-index';
import type { RelativeKind } from '@/utils/records/import/columns';
import type { Relative, RowResult } from '@/utils/records/import/rows';

/** A relation a row's columns name, resolved to one person: a row of this file, or someone on record. */
export interface LinkPlan {
  kind: RelativeKind;
  name: string;
  target: { row: number } | { id: string };
}

/** What linking reads and writes of a preview row (preview.ts's PreviewRow is one; no import back to it). */
export interface LinkedRow extends RowResult {
  status: 'valid' | 'invalid' | 'duplicate-in-file' | 'duplicate-existing';
  duplicateOfRow?: number;
  existingId?: string;
  links: LinkPlan[];
}

/** What the preview asks the records: people by name (the index entry), and a stored person's parents. */
export interface PeopleOnRecord {
  named(name: string): Array<Pick<SearchEntry, 'id' | 'name' | 'dobKeys' | 'personalId' | 'sex'>>;
  parentsOf(id: string): Promise<Array<{ kind: 'father' | 'mother'; name: string }>>;
}

interface Candidate {
  /** One identity per person: a row that repeats another row, or repeats someone stored, is that one. */
  identity: string;
  target: LinkPlan['target'];
  birthKeys: string[];
  personalId: string | null;
  sex: 'Nam' | 'Nữ' | null;
}

const expectedSex: Partial<Record<RelativeKind, 'Nam' | 'Nữ'>> = { father: 'Nam', mother: 'Nữ' };

function fits(relative: Relative, c: Candidate): boolean {
  const sex = expectedSex[relative.kind];
  if (sex && c.sex && c.sex !== sex) return false;
  if (relative.personalId && c.personalId !== relative.personalId) return false;
  if (relative.birth) {
    const key =
      relative.birth.precision === 'year'
        ? String(relative.birth.year)
        : (formatIsoDate(relative.birth) ?? String(relative.birth.year));
    if (!c.birthKeys.includes(key)) return false;
  }
  return true;
}

function birthKeys(birth: VnDate | undefined): string[] {
  if (!birth) return [];
  const iso = formatIsoDate(birth);
  return [...(iso ? [iso] : []), String(birth.year)];
}

function rowIdentity(row: LinkedRow, byIndex: Map<number, LinkedRow>): string {
  if (row.status === 'duplicate-in-file' && row.duplicateOfRow !== undefined) {
    const first = byIndex.get(row.duplicateOfRow);
    if (first) return rowIdentity(first, byIndex);
  }
  return row.existingId ? `id:${row.existingId}` : `row:${row.index}`;
}

function fileCandidates(rows: LinkedRow[]): Map<string, Candidate[]> {
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const byName = new Map<string, Candidate[]>();
  for (const row of rows) {
    if (!row.draft) continue;
    const key = matchKey(row.draft.fullName.value);
    const list = byName.get(key) ?? [];
    list.push({
      identity: rowIdentity(row, byIndex),
      target: row.existingId
        ? { id: row.existingId }
        : { row: row.status === 'duplicate-in-file' ? (row.duplicateOfRow ?? row.index) : row.index },
      birthKeys: birthKeys(row.draft.birthDate?.value as VnDate | undefined),
      personalId: row.draft.personalId?.value ?? null,
      sex: row.draft.sex?.value ?? null,
    });
    byName.set(key, list);
  }
  return byName;
}

/**
 * Resolves every relative the rows name: the one person of that name (and, where the file gives them, of that
 * date of birth and ID, and of the sex a father or mother has) in the file or on record. None, or more than
 * one, leaves the row as it is, without the link, and says so.
 */
export async function planLinks(rows: LinkedRow[], records: PeopleOnRecord): Promise<void> {
  if (!rows.some((r) => r.relatives.length > 0)) return;
  const inFile = fileCandidates(rows);
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  for (const row of rows) {
    if (row.status !== 'valid' && row.status !== 'duplicate-existing') continue;
    const self = rowIdentity(row, byIndex);
    for (const relative of row.relatives) {
      if (relative.row !== undefined) {
        const head = byIndex.get(relative.row);
        if (head?.draft)
          row.links.push({
            kind: relative.kind,
            name: head.draft.fullName.value,
            target: head.existingId ? { id: head.existingId } : { row: head.index },
          });
        continue;
      }
      const onRecord = records.named(relative.name).map(
        (e): Candidate => ({
          identity: `id:${e.id}`,
          target: { id: e.id },
          birthKeys: e.dobKeys,
          personalId: e.personalId,
          sex: e.sex ?? null,
        }),
      );
      const found = new Map<string, Candidate>();
      for (const c of [...(inFile.get(matchKey(relative.name)) ?? []), ...onRecord]) {
        if (c.identity !== self && fits(relative, c) && !found.has(c.identity)) found.set(c.identity, c);
      }
      const kind = reason(`relation.${relative.kind}`);
      if (found.size === 1)
        row.links.push({ kind: relative.kind, name: relative.name, target: [...found.values()][0]!.target });
      else if (found.size === 0) row.notes.push(reason('import.link.none', { name: relative.name }, kind));
      else row.notes.push(reason('import.link.ambiguous', { name: relative.name, count: found.size }, kind));
    }
  }
}
