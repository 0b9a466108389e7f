import { recordsDb } from '../db/instance';
import { unlockWithSecret } from '../security/officers';
import { startSession } from '../security/session';

/**
 * Unlock typed in the panel, an extension page: the secret never passes through a portal page or a message a
 * content script could send. Returns the reason it failed, in Vietnamese, or null.
 */
export async function unlockHere(officerId: string, secret: string): Promise<string | null> {
  const result = await unlockWithSecret(recordsDb(), officerId, secret);
  if (!result.ok) return result.reason;
  await startSession(result.officer, result.dataKey);
  return null;
}
