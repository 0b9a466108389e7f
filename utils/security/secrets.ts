import type { Role } from '@/utils/db/kinds';

/**
 * What officers may choose as secrets, and how wrong tries are slowed. Every officer has a passphrase (what
 * opens the records at browser start, derived with Argon2id) and may have a PIN (a quick unlock for the rest of
 * the browser session, never stored where a copied profile could be guessed offline).
 *
 * Reasons are message keys (utils/i18n) with their parameters; the UI turns them into text.
 */
export const minPinDigits = 6;
export const maxPinDigits = 12;
export const minPassphraseLength = 10;
/** Wrong passphrases before an officer (not a supervisor) is locked out until a supervisor releases them. */
export const maxFailedAttempts = 5;
/** Wrong PINs in one browser session before the PIN stops working and the passphrase is needed again. */
export const maxPinAttempts = 5;

export type SecretProblem =
  | { code: 'secret.pinDigits' }
  | { code: 'secret.pinLength'; params: { min: number; max: number } }
  | { code: 'secret.pinGuessable' }
  | { code: 'secret.passphraseLength'; params: { min: number } }
  | { code: 'secret.passphraseDigits' };

export function checkPin(pin: string): SecretProblem | null {
  if (!/^\d+$/.test(pin)) return { code: 'secret.pinDigits' };
  if (pin.length < minPinDigits || pin.length > maxPinDigits)
    return { code: 'secret.pinLength', params: { min: minPinDigits, max: maxPinDigits } };
  if (/^(\d)\1+$/.test(pin) || '01234567890123'.includes(pin) || '98765432109876'.includes(pin))
    return { code: 'secret.pinGuessable' };
  return null;
}

export function checkPassphrase(passphrase: string): SecretProblem | null {
  if (passphrase.trim().length < minPassphraseLength)
    return { code: 'secret.passphraseLength', params: { min: minPassphraseLength } };
  // Digits only would be a long PIN: the unlock field tells the two apart by that.
  if (/^\d+$/.test(passphrase.trim())) return { code: 'secret.passphraseDigits' };
  return null;
}

/** Whether what was typed in the unlock field is a PIN (digits only) rather than a passphrase. */
export function looksLikePin(secret: string): boolean {
  return /^\d+$/.test(secret);
}

/**
 * Milliseconds to wait after the n-th consecutive wrong secret: 0, 2, 4, 8, … seconds. An officer's delay stops
 * at one minute (the fifth wrong passphrase locks them out anyway); a supervisor, who is never locked out, waits
 * up to 15 minutes a try, so nobody at the keyboard can lock the centre out of its records for good and nobody
 * can guess a passphrase online either.
 */
export function retryDelayMs(failedAttempts: number, role: Role = 'officer'): number {
  if (failedAttempts <= 1) return 0;
  const cap = role === 'supervisor' ? 15 * 60 : 60;
  return Math.min(cap, 2 ** (failedAttempts - 1)) * 1000;
}

/** Supervisors are delayed, never locked out; officers are locked out after `maxFailedAttempts`. */
export function locksOut(role: Role, failedAttempts: number): boolean {
  return role !== 'supervisor' && failedAttempts >= maxFailedAttempts;
}
