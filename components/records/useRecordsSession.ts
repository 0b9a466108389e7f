import { useCallback, useEffect, useState } from 'react';
import { recordsDb } from '@/utils/db/instance';
import { applyRetention } from '@/utils/records/retention';
import { RecordsStore } from '@/utils/records/store';
import { readEffectiveSettings } from '@/utils/settings/store';
import { isSetUp, unlockWithSecret } from '@/utils/security/officers';
import { currentSession, endSession, sessionItem, startSession, touchSession, type UnlockedSession } from '@/utils/security/session';

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'not-set-up' }
  | { phase: 'locked' }
  | { phase: 'opening' }
  | { phase: 'open'; store: RecordsStore; session: UnlockedSession; openedInMs: number };

/** The records page's lock state: unlocked when `storage.session` holds a key, which survives reloads. */
export function useRecordsSession() {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });

  const load = useCallback(async () => {
    const db = recordsDb();
    if (!(await isSetUp(db))) return setState({ phase: 'not-set-up' });
    const current = await currentSession();
    if (!current) return setState({ phase: 'locked' });
    setState({ phase: 'opening' });
    const started = performance.now();
    const store = await RecordsStore.open(db, current.dataKey, { officerId: current.session.officerId });
    await applyRetention(store, (await readEffectiveSettings()).retentionDays.value);
    setState({ phase: 'open', store, session: current.session, openedInMs: performance.now() - started });
  }, []);

  useEffect(() => {
    void load();
    // Locked elsewhere (another tab, the idle timer in the background): follow at once.
    return sessionItem.watch((value) => {
      if (!value) setState((s) => (s.phase === 'open' || s.phase === 'opening' ? { phase: 'locked' } : s));
      // Unlocked elsewhere (the panel on a portal): open here too.
      else
        setState((s) => {
          if (s.phase === 'locked') void load();
          return s;
        });
    });
  }, [load]);

  useEffect(() => {
    const onActivity = () => void touchSession();
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, []);

  const unlock = useCallback(
    async (officerId: string, secret: string) => {
      const result = await unlockWithSecret(recordsDb(), officerId, secret);
      if (!result.ok) return result.reason;
      await startSession(result.officer, result.dataKey);
      await load();
      return null;
    },
    [load],
  );

  const lock = useCallback(async () => {
    if (state.phase === 'open') await state.store.audit('lock', null);
    await endSession();
    setState({ phase: 'locked' });
  }, [state]);

  return { state, unlock, lock, reload: load };
}
