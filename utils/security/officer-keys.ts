import type { KdfRow, OfficerRow } from '@/utils/db/database';
import {
  exportRawKey,
  importRawKey,
  newSalt,
  openBytes,
  sealBytes,
  unwrapDataKey,
  wrapDataKey,
  type Sealed,
} from '@/utils/security/crypto';
import { argon2Spec, deriveKek } from '@/utils/security/kdf';

/**
 * The key hierarchy of one officer:
 *
 *   passphrase ──Argon2id──► KEK ─┐
 *   device key ──PRF/HKDF──► KEK ─┼─AES-KW─► officer key ──AES-GCM──► data key (shared by every officer)
 *                                 │                       └─AES-GCM──► the officer's quick-unlock PIN
 *
 * The officer key is the officer's own: another officer, who holds the data key too, cannot read this one's
 * PIN. Changing a passphrase or enrolling a device key re-wraps the officer key only.
 */
const aad = (officerId: string, what: 'data-key' | 'pin') => `officer:${officerId}:${what}`;
const encoder = new TextEncoder();

/** A fresh officer key (AES-GCM; extractable so each unlock method can wrap it). */
export function newOfficerKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapUnderPassphrase(
  passphrase: string,
  officerKey: CryptoKey,
): Promise<NonNullable<OfficerRow['passphrase']>> {
  const kdf = argon2Spec(newSalt());
  return { kdf, wrappedOfficerKey: await wrapDataKey(officerKey, await deriveKek(passphrase, kdf)) };
}

/** The officer key behind a passphrase; throws when the passphrase is wrong. */
export async function openWithPassphrase(
  wrap: NonNullable<OfficerRow['passphrase']>,
  passphrase: string,
): Promise<CryptoKey> {
  return unwrapDataKey(wrap.wrappedOfficerKey, await deriveKek(passphrase, wrap.kdf as KdfRow));
}

export async function sealDataKey(officerKey: CryptoKey, dataKey: CryptoKey, officerId: string): Promise<Sealed> {
  return sealBytes(officerKey, await exportRawKey(dataKey), aad(officerId, 'data-key'));
}

export async function openDataKey(officerKey: CryptoKey, sealed: Sealed, officerId: string): Promise<CryptoKey> {
  return importRawKey(await openBytes(officerKey, sealed, aad(officerId, 'data-key')));
}

export function sealPin(officerKey: CryptoKey, pin: string, officerId: string): Promise<Sealed> {
  return sealBytes(officerKey, encoder.encode(pin), aad(officerId, 'pin'));
}

export async function openPin(officerKey: CryptoKey, sealed: Sealed, officerId: string): Promise<string> {
  return new TextDecoder().decode(await openBytes(officerKey, sealed, aad(officerId, 'pin')));
}

/** Everything an officer's row holds for a new officer key: the passphrase wrap, the sealed data key and PIN. */
export async function officerSecrets(officerId: string, dataKey: CryptoKey, passphrase: string, pin: string | null) {
  const officerKey = await newOfficerKey();
  return {
    officerKey,
    fields: {
      passphrase: await wrapUnderPassphrase(passphrase, officerKey),
      sealedDataKey: await sealDataKey(officerKey, dataKey, officerId),
      sealedPin: pin ? await sealPin(officerKey, pin, officerId) : null,
      deviceKeys: [],
      legacy: null,
    } satisfies Pick<OfficerRow, 'passphrase' | 'sealedDataKey' | 'sealedPin' | 'deviceKeys' | 'legacy'>,
  };
}
