import { canonicalJson, sha256Hex } from '@/utils/filings/canonical';
import { fromBase64, toBase64 } from '@/utils/security/crypto';

/**
 * Each install is a counter with its own ECDSA P-256 key pair (WebCrypto). The private key is generated
 * non-extractable and kept as a CryptoKey in IndexedDB; the counter's id is derived from its public key, so a
 * bundle cannot claim another counter's id with a key of its own.
 */
const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const signing = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface CounterKeys {
  privateKey: CryptoKey;
  publicJwk: JsonWebKey;
}

export async function generateCounterKeys(): Promise<CounterKeys> {
  const pair = await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey) };
}

/** 16 hex digits of the SHA-256 of the public key's coordinates. */
export async function counterIdOf(publicJwk: JsonWebKey): Promise<string> {
  return (
    await sha256Hex(canonicalJson({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x, y: publicJwk.y }))
  ).slice(0, 16);
}

const encoder = new TextEncoder();

export async function signValue(privateKey: CryptoKey, value: unknown): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign(signing, privateKey, encoder.encode(canonicalJson(value)))));
}

export async function verifyValue(publicJwk: JsonWebKey, value: unknown, signature: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y },
      algorithm,
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(signing, key, fromBase64(signature), encoder.encode(canonicalJson(value)));
  } catch {
    return false;
  }
}

/** The public key, imported once, for checking many signatures. */
export function importVerifyKey(publicJwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y },
    algorithm,
    false,
    ['verify'],
  );
}

const entryStatement = (counterId: string, seq: number, hash: string) =>
  encoder.encode(`motcua-entry:${counterId}:${seq}:${hash}`);
const headStatement = (counterId: string, count: number, hash: string) =>
  encoder.encode(`motcua-head:${counterId}:${count}:${hash}`);

export async function signEntry(privateKey: CryptoKey, counterId: string, seq: number, hash: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign(signing, privateKey, entryStatement(counterId, seq, hash))));
}

export async function signHead(privateKey: CryptoKey, counterId: string, count: number, hash: string): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign(signing, privateKey, headStatement(counterId, count, hash))));
}

async function verifies(key: CryptoKey, sig: string | undefined, statement: Uint8Array<ArrayBuffer>): Promise<boolean> {
  if (!sig) return false;
  try {
    return await crypto.subtle.verify(signing, key, fromBase64(sig), statement);
  } catch {
    return false;
  }
}

export function entrySigned(
  key: CryptoKey,
  e: { counterId: string; seq: number; hash: string; sig?: string },
): Promise<boolean> {
  return verifies(key, e.sig, entryStatement(e.counterId, e.seq, e.hash));
}

export function headSigned(
  key: CryptoKey,
  counterId: string,
  head: { count: number; hash: string; sig: string },
): Promise<boolean> {
  return verifies(key, head.sig, headStatement(counterId, head.count, head.hash));
}

/**
 * What a supervisor compares before enrolling a counter: 128 bits of the SHA-256 of its public key, in eight
 * groups of four (the counter shows the same on its own dashboard).
 */
export async function keyFingerprint(publicJwk: JsonWebKey): Promise<string> {
  const hex = await sha256Hex(
    canonicalJson({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x, y: publicJwk.y, use: 'fingerprint' }),
  );
  return hex.slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ');
}
