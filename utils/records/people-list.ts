import type { SearchResult } from '@/utils/records/search-index';
import { maskedIdOf } from '@/utils/records/search-index';
import type { RecordsStore } from '@/utils/records/store';

/** A person as the records list shows them. */
export type PersonRow = Pick<SearchResult, 'id' | 'name' | 'dob' | 'maskedId' | 'address'>;

/** The people a search finds (500 at most), or everyone on record when nothing is typed. */
export async function peopleRows(store: RecordsStore, query: string): Promise<PersonRow[]> {
  if (query.trim()) return store.search(query, 500);
  await store.refresh();
  return store
    .listEntries()
    .map((e) => ({ id: e.id, name: e.name, dob: e.dob, maskedId: maskedIdOf(e), address: e.address }));
}

/** "01/02/1990 · 0011•••••111 · Phường Bến Nghé": what is known of a person, in one line. */
export function personMeta(row: PersonRow): string {
  return [row.dob, row.maskedId, row.address].filter(Boolean).join(' · ');
}

export type ListAction = { kind: 'move'; to: number } | { kind: 'tick' } | { kind: 'open' };

/**
 * What a key in the search box does to the list below it: ↑↓ move the highlight, Ctrl+Space ticks the
 * highlighted person for the export (as a checkbox would), Enter opens them.
 */
export function searchKeyAction(key: string, ctrl: boolean, active: number, count: number): ListAction | null {
  if (key === 'ArrowDown') return { kind: 'move', to: Math.min(count - 1, active + 1) };
  if (key === 'ArrowUp') return { kind: 'move', to: Math.max(0, active - 1) };
  if (active < 0 || active >= count) return null;
  if (key === ' ' && ctrl) return { kind: 'tick' };
  if (key === 'Enter') return { kind: 'open' };
  return null;
}

/** The ids ticked, with one ticked or unticked. */
export function toggled(ids: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(ids);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
