import { argon2id } from 'hash-wasm';

/**
 * Keys derived from what an officer types. A passphrase goes through Argon2id (hash-wasm: the WebAssembly
 * is inside the bundle, nothing is fetched; memory-hard, so a GPU or a cluster buys an attacker little): 64 MiB
 * and 12 passes, one lane: about a second of one core in Chromium on this class of PC (the officer waits it
 * once per browser start), and about half a second of one core per guess for an attacker holding a copy of the
 * profile with the reference C implementation, which runs Argon2id twice as fast as the WebAssembly
 * (`npm run bench secrets` measures both, as CPU time of one thread).
 *
 * PBKDF2-SHA-256 stays for two things: reading databases from before version 6 (each officer's secret wrapped
 * the data key straight under PBKDF2, migrated at their next unlock), and the session-only PIN, whose wrapped
 * key never reaches the disk (quick-pin.ts).
 */
export const argon2MemoryKiB = 64 * 1024;
export const argon2Iterations = 12;
export const argon2Parallelism = 1;
export const pbkdf2Iterations = 600_000;

export type KdfSpec =
  | { name: 'argon2id'; salt: Uint8Array<ArrayBuffer>; memoryKiB: number; iterations: number; parallelism: number }
  | { name: 'pbkdf2'; salt: Uint8Array<ArrayBuffer>; iterations: number };

export function argon2Spec(salt: Uint8Array<ArrayBuffer>): KdfSpec {
  return {
    name: 'argon2id',
    salt,
    memoryKiB: argon2MemoryKiB,
    iterations: argon2Iterations,
    parallelism: argon2Parallelism,
  };
}

const encoder = new TextEncoder();
const normal = (secret: string) => encoder.encode(secret.normalize('NFC'));

/** 32 bytes of Argon2id over the secret (NFC, so a passphrase typed with another Vietnamese keyboard matches). */
export async function argon2Bytes(
  secret: string,
  spec: Extract<KdfSpec, { name: 'argon2id' }>,
): Promise<Uint8Array<ArrayBuffer>> {
  const started = performance.now();
  const out = await argon2id({
    password: normal(secret),
    salt: spec.salt,
    memorySize: spec.memoryKiB,
    iterations: spec.iterations,
    parallelism: spec.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  // What the officer waits, for the benchmark to read in the page.
  performance.measure('motcua:argon2id', { start: started });
  return new Uint8Array(out);
}

/** The key-encryption key (AES-KW, not extractable) a secret derives under `spec`. */
export async function deriveKek(secret: string, spec: KdfSpec): Promise<CryptoKey> {
  if (spec.name === 'argon2id') {
    return crypto.subtle.importKey('raw', await argon2Bytes(secret, spec), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
  }
  const material = await crypto.subtle.importKey('raw', normal(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: spec.salt, iterations: spec.iterations },
    material,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A KEK from a WebAuthn PRF output (already a uniformly random secret: HKDF only separates its use). */
export async function kekFromPrf(prf: ArrayBuffer): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', prf, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode('motcua device key v1') },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}
