import { canonicalJson, sha256Hex } from './canonical';
import { fromBase64, toBase64 } from '../security/crypto';

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
  return (await sha256Hex(canonicalJson({ crv: publicJwk.crv, kty: publicJwk.kty, x: publicJwk.x, y: publicJwk.y }))).slice(0, 16);
}

const encoder = new TextEncoder();

export async function signValue(privateKey: CryptoKey, value: unknown): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.sign(signing, privateKey, encoder.encode(canonicalJson(value)))));
}

export async function verifyValue(publicJwk: JsonWebKey, value: unknown, signature: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('jwk', { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y }, algorithm, false, ['verify']);
    return await crypto.subtle.verify(signing, key, fromBase64(signature), encoder.encode(canonicalJson(value)));
  } catch {
    return false;
  }
}
