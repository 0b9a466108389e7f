import type { RecordsStore } from '@/utils/records/store';
import type { ExistingLookup } from '@/utils/records/import/preview';

/** The unlocked records as the import preview asks them. */
export function recordsLookup(store: RecordsStore): ExistingLookup {
  return {
    byIdNumber: (id) => store.findByPersonalId(id)?.id,
    named: (name) => store.findByName(name),
    parentsOf: (id) => store.parentsOf(id),
  };
}
