import type { MotcuaDB } from '@/utils/db/database';
import { endSession, isIdle, lastActiveAt, sessionItem } from '@/utils/security/session';

/** Locks the records when the officer has been idle longer than the supervisor allows; true if it locked. */
export async function lockIfIdle(db: MotcuaDB, idleMinutes: number, now = Date.now()): Promise<boolean> {
  const session = await sessionItem.getValue();
  if (!session || !isIdle(session, idleMinutes, now, await lastActiveAt(session))) return false;
  await endSession();
  await db.audit.add({
    at: new Date(now).toISOString(),
    officerId: session.officerId,
    action: 'lock',
    personId: null,
    detail: 'idle',
  });
  return true;
}
