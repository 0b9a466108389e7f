import { storage } from 'wxt/utils/storage';
import type { Role } from '@/utils/db/kinds';
import { exportRawKey, fromBase64, importRawKey, toBase64 } from '@/utils/security/crypto';

/**
 * The unlocked session: the raw data key in `storage.session`, which Chrome keeps in memory only, clears on
 * browser exit and (by default, re-asserted by the background) shows to trusted extension contexts only,
 * never to content scripts. It survives the service worker being stopped, so the officer is not asked again.
 */
export interface UnlockedSession {
  officerId: string;
  officerName: string;
  role: Role;
  key: string;
  unlockedAt: number;
  lastActiveAt: number;
}

export const sessionItem = storage.defineItem<UnlockedSession | null>('session:unlocked', { fallback: null });

/**
 * When the officer was last active, kept apart from the session: a touch only ever writes this, so a touch that
 * read the session just before a lock cannot write the session back after it (it once reopened a locked page).
 */
export const activityItem = storage.defineItem<number>('session:active', { fallback: 0 });

export const defaultIdleMinutes = 15;
/** Activity is written at most this often, not on every keystroke. */
const touchEveryMs = 30_000;

let cached: { raw: string; key: CryptoKey } | null = null;

export async function startSession(
  officer: { id: string; name: string; role: Role },
  dataKey: CryptoKey,
  now = Date.now(),
) {
  const raw = toBase64(await exportRawKey(dataKey));
  cached = { raw, key: dataKey };
  await sessionItem.setValue({
    officerId: officer.id,
    officerName: officer.name,
    role: officer.role,
    key: raw,
    unlockedAt: now,
    lastActiveAt: now,
  });
  await activityItem.setValue(now);
}

export async function currentSession(): Promise<{ session: UnlockedSession; dataKey: CryptoKey } | null> {
  const session = await sessionItem.getValue();
  if (!session) {
    cached = null;
    return null;
  }
  if (cached?.raw !== session.key) cached = { raw: session.key, key: await importRawKey(fromBase64(session.key)) };
  return { session, dataKey: cached.key };
}

export async function touchSession(now = Date.now()) {
  const session = await sessionItem.getValue();
  if (!session || now - (await lastActiveAt(session)) < touchEveryMs) return;
  await activityItem.setValue(now);
}

/** The session's last activity: its start, or a later touch. */
export async function lastActiveAt(session: UnlockedSession): Promise<number> {
  return Math.max(session.lastActiveAt, await activityItem.getValue());
}

export async function endSession() {
  cached = null;
  await sessionItem.setValue(null);
}

export function isIdle(
  session: UnlockedSession,
  idleMinutes: number,
  now = Date.now(),
  activeAt = session.lastActiveAt,
): boolean {
  return now - activeAt >= idleMinutes * 60_000;
}
