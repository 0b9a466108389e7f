import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { ImportSession, type ImportState } from '@/utils/records/import/session';
import type { RecordsStore } from '@/utils/records/store';

/** One import session per records store, alive while the tab shows; its state as React state. */
export function useImportSession(store: RecordsStore): { session: ImportSession; state: ImportState } {
  const session = useMemo(() => new ImportSession(store), [store]);
  useEffect(() => () => session.dispose(), [session]);
  const state = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.state,
  );
  return { session, state };
}
