/**
 * Encryption at rest (WebCrypto only). One random AES-GCM data key encrypts all PII. Each officer has an
 * officer key (AES-GCM, random) that seals the data key and the officer's quick-unlock PIN; each way the
 * officer unlocks (the passphrase through Argon2id, a WebAuthn PRF key) derives a key-encryption key that
 * wraps the officer key with AES-KW. Adding an officer, changing a passphrase or enrolling a security key
 * re-encrypts nothing. Key derivation: kdf.ts; the hierarchy: officer-keys.ts.
 *
 * Threat model: a shared or stolen PC, or a copy of the browser profile. Without a secret the database is
 * ciphertext, and each passphrase guess costs the attacker one Argon2id (64 MiB); the PIN is never on disk.
 */

const saltBytes = 16;
const ivBytes = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return randomBytes(saltBytes);
}

/** A fresh data key. Extractable: it is wrapped per officer and kept in session storage while unlocked. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** Wraps an AES key under a key-encryption key (AES-KW). */
export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, kek, 'AES-KW'));
}

/** Throws when the secret was wrong (AES-KW's integrity check fails). */
export function unwrapDataKey(wrapped: Uint8Array<ArrayBuffer>, kek: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}

export async function exportRawKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

export function importRawKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** AES-GCM ciphertext with its IV, as stored in IndexedDB. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
}

export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, aad?: string): Promise<Sealed> {
  const iv = randomBytes(ivBytes);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, ...(aad ? { additionalData: encoder.encode(aad) } : {}) },
    key,
    bytes,
  );
  return { iv, ct };
}

export async function openBytes(key: CryptoKey, sealed: Sealed, aad?: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, ...(aad ? { additionalData: encoder.encode(aad) } : {}) },
      key,
      sealed.ct,
    ),
  );
}

/**
 * Encrypts a JSON value. `aad` binds the ciphertext to its row (the record id), so a ciphertext copied onto
 * another row fails to decrypt instead of silently becoming another person.
 */
export function sealJson(key: CryptoKey, value: unknown, aad?: string): Promise<Sealed> {
  return sealBytes(key, encoder.encode(JSON.stringify(value)), aad);
}

export async function openJson<T = unknown>(key: CryptoKey, sealed: Sealed, aad?: string): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(key, sealed, aad))) as T;
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
