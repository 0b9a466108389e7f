import type { MotcuaDB } from '@/utils/db/database';
import { ensureOwnCounter } from '@/utils/filings/counter';
import { beginSession, setUp } from '@/utils/security/officers';

export interface FirstRun {
  /** The first supervisor. */
  name: string;
  passphrase: string;
  /** A quick unlock within the browser session, if they like. */
  pin: string | null;
  /** This counter's name in the filing log. */
  counterName: string;
}

/**
 * First run: the first supervisor and the data key, this counter's keys under its name, and the supervisor's
 * session opened (the PIN armed), so that the records page opens unlocked.
 */
export async function firstRun(db: MotcuaDB, input: FirstRun): Promise<void> {
  const { officer, dataKey } = await setUp(db, { name: input.name, passphrase: input.passphrase, pin: input.pin });
  await ensureOwnCounter(db, input.counterName);
  await beginSession({ ok: true, officer, dataKey, pin: input.pin, choosePassphrase: false });
}
