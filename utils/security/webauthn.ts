import { fromBase64, randomBytes, toBase64 } from '@/utils/security/crypto';

/**
 * A platform authenticator (Windows Hello, a fingerprint reader) or a security key as an unlock, through the
 * WebAuthn PRF extension: the authenticator computes a secret from a salt we keep, and only it can; that secret
 * wraps the officer key (officer-keys.ts). No server checks an assertion: what protects the records is that the
 * PRF output exists only where the authenticator is, and after its user verification.
 *
 * In an extension page Chrome uses the extension's id as the relying party, so `rp.id` is left out.
 */
export interface PrfResult {
  credentialId: string;
  prf: ArrayBuffer;
}

export interface PrfCeremony {
  create(user: { id: string; name: string }, prfSalt: Uint8Array<ArrayBuffer>): Promise<PrfResult>;
  get(keys: Array<{ credentialId: string; prfSalt: Uint8Array<ArrayBuffer> }>): Promise<PrfResult>;
}

export class DeviceKeyError extends Error {
  constructor(readonly code: 'device.cancelled' | 'device.noPrf' | 'device.unsupported') {
    super(code);
    this.name = 'DeviceKeyError';
  }
}

export function deviceKeysSupported(): boolean {
  return (
    typeof PublicKeyCredential !== 'undefined' && typeof navigator !== 'undefined' && Boolean(navigator.credentials)
  );
}

const base64url = (bytes: ArrayBuffer) =>
  toBase64(new Uint8Array(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64url = (text: string) =>
  fromBase64(
    text
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(text.length / 4) * 4, '='),
  );

interface PrfOutputs {
  prf?: { enabled?: boolean; results?: { first?: ArrayBuffer | Uint8Array } };
}

function prfOf(credential: PublicKeyCredential): ArrayBuffer | null {
  const first = (credential.getClientExtensionResults() as PrfOutputs).prf?.results?.first;
  if (!first) return null;
  return first instanceof ArrayBuffer ? first : new Uint8Array(first).slice().buffer;
}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  if (!deviceKeysSupported()) throw new DeviceKeyError('device.unsupported');
  try {
    return await run();
  } catch (e) {
    if (e instanceof DeviceKeyError) throw e;
    // NotAllowedError: cancelled, timed out, or no authenticator answered.
    throw new DeviceKeyError('device.cancelled');
  }
}

export const browserPrf: PrfCeremony = {
  async create(user, prfSalt) {
    const credential = await ceremony(
      async () =>
        (await navigator.credentials.create({
          publicKey: {
            rp: { name: 'Trợ lý Một cửa' },
            user: { id: new TextEncoder().encode(user.id), name: user.name, displayName: user.name },
            challenge: randomBytes(32),
            pubKeyCredParams: [
              { type: 'public-key', alg: -7 },
              { type: 'public-key', alg: -257 },
            ],
            authenticatorSelection: { userVerification: 'required', residentKey: 'discouraged' },
            timeout: 120_000,
            extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
          },
        })) as PublicKeyCredential,
    );
    const outputs = credential.getClientExtensionResults() as PrfOutputs;
    if (!outputs.prf?.enabled && !outputs.prf?.results) throw new DeviceKeyError('device.noPrf');
    const credentialId = base64url(credential.rawId);
    const prf = prfOf(credential);
    // Many authenticators give the PRF only on an assertion: ask once more, for this credential.
    return prf ? { credentialId, prf } : this.get([{ credentialId, prfSalt }]);
  },

  async get(keys) {
    const credential = await ceremony(
      async () =>
        (await navigator.credentials.get({
          publicKey: {
            challenge: randomBytes(32),
            allowCredentials: keys.map((k) => ({ type: 'public-key' as const, id: fromBase64url(k.credentialId) })),
            userVerification: 'required',
            timeout: 120_000,
            extensions: {
              prf: { evalByCredential: Object.fromEntries(keys.map((k) => [k.credentialId, { first: k.prfSalt }])) },
            } as AuthenticationExtensionsClientInputs,
          },
        })) as PublicKeyCredential,
    );
    const prf = prfOf(credential);
    if (!prf) throw new DeviceKeyError('device.noPrf');
    return { credentialId: base64url(credential.rawId), prf };
  },
};
