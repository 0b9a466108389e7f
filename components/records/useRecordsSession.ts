import { useCallback, useEffect, useRef, useState } from 'react';
import { recordsDb } from '@/utils/db/instance';
import { applyRetention } from '@/utils/records/retention';
import { RecordsStore } from '@/utils/records/store';
import { readEffectiveSettings } from '@/utils/settings/store';
import {
  beginSession,
  finishMigration,
  isSetUp,
  OfficerError,
  unlockWithDeviceKey,
  unlockWithSecret,
  type Reason,
  type UnlockResult,
} from '@/utils/security/officers';
import { currentSession, endSession, sessionItem, touchSession, type UnlockedSession } from '@/utils/security/session';
import { browserPrf } from '@/utils/security/webauthn';

export type SessionState =
  | { phase: 'loading' }
  | { phase: 'not-set-up' }
  | { phase: 'locked' }
  | { phase: 'opening' }
  | { phase: 'open'; store: RecordsStore; session: UnlockedSession; openedInMs: number };

/** What an unlock attempt came to: done (null), refused with a reason, or a passphrase to choose first. */
export type UnlockOutcome = null | { reason: Reason } | { choosePassphrase: true };

/** The one unlock of every extension page (records, dashboard, capture, the side panel). */
export interface UnlockActions {
  secret(officerId: string, secret: string): Promise<UnlockOutcome>;
  deviceKey(officerId: string): Promise<UnlockOutcome>;
  /** After a version-5 officer unlocked with their old PIN: their new passphrase. */
  choosePassphrase(passphrase: string): Promise<UnlockOutcome>;
}

/**
 * The unlock actions of an extension page, the same everywhere: `afterUnlock` is what the page does once the
 * session has begun (the records page opens its store; the side panel only asks the background again).
 */
export function useUnlockActions(afterUnlock: () => Promise<void>): UnlockActions {
  const pending = useRef<Extract<UnlockResult, { ok: true }> | null>(null);
  const settle = useCallback(
    async (result: UnlockResult): Promise<UnlockOutcome> => {
      if (!result.ok) return { reason: result.reason };
      if (result.choosePassphrase) {
        pending.current = result;
        return { choosePassphrase: true };
      }
      await beginSession(result);
      await afterUnlock();
      return null;
    },
    [afterUnlock],
  );
  return {
    secret: async (officerId, secret) => settle(await unlockWithSecret(recordsDb(), officerId, secret)),
    deviceKey: async (officerId) => settle(await unlockWithDeviceKey(recordsDb(), officerId, browserPrf)),
    choosePassphrase: async (passphrase) => {
      const held = pending.current;
      if (!held?.pin) return { reason: { code: 'secret.noOfficer' } };
      try {
        const officer = await finishMigration(recordsDb(), held.officer.id, held.dataKey, held.pin, passphrase);
        pending.current = null;
        return settle({ ...held, officer, choosePassphrase: false });
      } catch (e) {
        if (e instanceof OfficerError) return { reason: e.reason };
        throw e;
      }
    },
  };
}

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

  const unlock = useUnlockActions(load);

  const lock = useCallback(async () => {
    if (state.phase === 'open') await state.store.audit('lock', null);
    await endSession();
    setState({ phase: 'locked' });
  }, [state]);

  return { state, unlock, lock, reload: load };
}
