import { storage } from 'wxt/utils/storage';
import {
  exportRawKey,
  fromBase64,
  importRawKey,
  newSalt,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
} from '@/utils/security/crypto';
import { deriveKek, pbkdf2Iterations } from '@/utils/security/kdf';
import { maxPinAttempts, retryDelayMs } from '@/utils/security/secrets';

/**
 * The PIN as a quick unlock for the browser session only, as password managers do it: once the officer has
 * opened the records with their passphrase (or a device key), the data key is wrapped under their PIN and kept
 * in `storage.session` — Chrome's memory, shown to trusted extension contexts only, gone when the browser
 * closes. Nothing of the PIN is on disk, so a copied profile gives an attacker no 10⁶-guess shortcut.
 * After `maxPinAttempts` wrong PINs the PIN is dropped and the passphrase is needed again.
 */
interface ArmedPin {
  salt: string;
  wrapped: string;
  failed: number;
  nextAttemptAt: number;
}

export const armedPinsItem = storage.defineItem<Record<string, ArmedPin>>('session:pins', { fallback: {} });

const spec = (salt: string) => ({ name: 'pbkdf2' as const, salt: fromBase64(salt), iterations: pbkdf2Iterations });

export async function armPin(officerId: string, pin: string, dataKey: CryptoKey) {
  const salt = toBase64(newSalt());
  // Wrap a copy: the session key must be extractable, and wrapKey needs exactly that.
  const extractable = await importRawKey(await exportRawKey(dataKey));
  const wrapped = toBase64(await wrapDataKey(extractable, await deriveKek(pin, spec(salt))));
  const pins = await armedPinsItem.getValue();
  await armedPinsItem.setValue({ ...pins, [officerId]: { salt, wrapped, failed: 0, nextAttemptAt: 0 } });
}

export async function disarmPin(officerId: string) {
  const { [officerId]: _gone, ...rest } = await armedPinsItem.getValue();
  await armedPinsItem.setValue(rest);
}

export async function hasArmedPin(officerId: string): Promise<boolean> {
  return officerId in (await armedPinsItem.getValue());
}

export type PinUnlock =
  | { ok: true; dataKey: CryptoKey }
  | { ok: false; code: 'unlock.pinNotArmed' | 'unlock.pinDropped' }
  | { ok: false; code: 'unlock.wait'; retryAt: number }
  | { ok: false; code: 'unlock.pinWrong'; left: number; retryAt: number };

export async function unlockWithArmedPin(officerId: string, pin: string, now = Date.now()): Promise<PinUnlock> {
  const armed = (await armedPinsItem.getValue())[officerId];
  if (!armed) return { ok: false, code: 'unlock.pinNotArmed' };
  if (now < armed.nextAttemptAt) return { ok: false, code: 'unlock.wait', retryAt: armed.nextAttemptAt };
  try {
    const dataKey = await unwrapDataKey(fromBase64(armed.wrapped), await deriveKek(pin, spec(armed.salt)));
    await update(officerId, { failed: 0, nextAttemptAt: 0 });
    return { ok: true, dataKey };
  } catch {
    const failed = armed.failed + 1;
    if (failed >= maxPinAttempts) {
      await disarmPin(officerId);
      return { ok: false, code: 'unlock.pinDropped' };
    }
    const retryAt = now + retryDelayMs(failed);
    await update(officerId, { failed, nextAttemptAt: retryAt });
    return { ok: false, code: 'unlock.pinWrong', left: maxPinAttempts - failed, retryAt };
  }
}

async function update(officerId: string, patch: Partial<ArmedPin>) {
  const pins = await armedPinsItem.getValue();
  if (pins[officerId]) await armedPinsItem.setValue({ ...pins, [officerId]: { ...pins[officerId]!, ...patch } });
}
