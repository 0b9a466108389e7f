import { z } from 'zod';
import { t, type MessageKey, type Params } from '@/utils/i18n';
import { fromBase64, randomBytes, toBase64 } from '@/utils/security/crypto';
import { peopleDigest } from '@/utils/filings/chain';
import { checkChainAndSignatures, type IntegrityProblem } from '@/utils/filings/integrity';
import { counterIdOf, keyFingerprint, signValue, verifyValue } from '@/utils/filings/signing';
import {
  filingEntrySchema,
  filingPeopleSchema,
  signedHeadSchema,
  type FilingEntry,
  type FilingPeople,
  type SignedHead,
} from '@/utils/db/filing-schema';

/**
 * A counter's log as a file for the supervisor: every entry (each signed), the counter's signed head (count and
 * last hash), the personal parts sealed with a passphrase (PBKDF2 → AES-GCM), the whole signed with the
 * counter's key. Importing checks everything before keeping anything: a bundle is taken whole or refused with
 * the reason, named at its entry where there is one.
 */
export const bundleFormat = 'motcua-filings' as const;
export const bundlePbkdf2Iterations = 600_000;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const bundleSchema = z.object({
  format: z.literal(bundleFormat),
  version: z.literal(2),
  counter: z.object({
    id: z.string().regex(/^[0-9a-f]{16}$/),
    name: z.string().max(100),
    publicKey: z.object({
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      x: z.string().max(64),
      y: z.string().max(64),
    }),
  }),
  exportedAt: z.string(),
  entries: z.array(filingEntrySchema),
  head: signedHeadSchema,
  people: z.object({ salt: b64, iterations: z.number().int().min(100_000).max(5_000_000), iv: b64, ct: b64 }),
  signature: b64,
});
export type FilingBundle = z.infer<typeof bundleSchema>;

export class BundleError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: Params = {},
  ) {
    super(t('vi', code, params));
    this.name = 'BundleError';
  }
}

/** A bundle from a counter no supervisor has enrolled yet: its key's fingerprint, to compare and confirm. */
export class EnrolmentNeeded extends BundleError {
  constructor(readonly counter: { id: string; name: string; publicJwk: JsonWebKey; fingerprint: string }) {
    super('bundle.enrol', { counter: counter.name, fingerprint: counter.fingerprint });
    this.name = 'EnrolmentNeeded';
  }
}

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export const minBundlePassphrase = 8;

export async function makeBundle(options: {
  counter: { id: string; name: string; publicJwk: JsonWebKey; privateKey: CryptoKey };
  entries: FilingEntry[];
  head: SignedHead;
  people: Map<string, FilingPeople>;
  passphrase: string;
  now?: Date;
  iterations?: number;
}): Promise<FilingBundle> {
  if (options.passphrase.length < minBundlePassphrase)
    throw new BundleError('bundle.passphrase', { min: minBundlePassphrase });
  const iterations = options.iterations ?? bundlePbkdf2Iterations;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await passphraseKey(options.passphrase, salt, iterations);
  const sidecar = Object.fromEntries(options.entries.map((e) => [e.id, options.people.get(e.id) ?? null]));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(sidecar))),
  );
  const { kty, crv, x, y } = options.counter.publicJwk;
  const unsigned = {
    format: bundleFormat,
    version: 2 as const,
    counter: {
      id: options.counter.id,
      name: options.counter.name,
      publicKey: { kty: kty as 'EC', crv: crv as 'P-256', x: x!, y: y! },
    },
    exportedAt: (options.now ?? new Date()).toISOString(),
    entries: options.entries,
    head: options.head,
    people: { salt: toBase64(salt), iterations, iv: toBase64(iv), ct: toBase64(ct) },
  };
  return { ...unsigned, signature: await signValue(options.counter.privateKey, unsigned) };
}

export interface OpenedBundle {
  counter: { id: string; name: string; publicJwk: JsonWebKey };
  /** Entries this install does not have yet, in chain order. */
  fresh: FilingEntry[];
  people: Map<string, FilingPeople>;
  head: SignedHead;
  total: number;
}

/** What this install already holds of the bundle's counter. */
export interface KnownCounter {
  entries: FilingEntry[];
  /** The last signed head seen from it (remembered across imports). */
  lastHead: SignedHead | null;
  enrolled: boolean;
  publicJwk: JsonWebKey | null;
}

function parse(text: string): FilingBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BundleError('bundle.unreadable');
  }
  if (
    (raw as { format?: unknown; version?: unknown })?.format === bundleFormat &&
    (raw as { version?: unknown }).version === 1
  )
    throw new BundleError('bundle.oldVersion');
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.');
    throw where
      ? new BundleError('bundle.invalid', { where, detail: issue.message })
      : new BundleError('bundle.invalidFile', { detail: issue.message });
  }
  return parsed.data;
}

const chainReasons: Partial<Record<IntegrityProblem['code'], MessageKey>> = {
  'integrity.edited': 'bundle.entryEdited',
  'integrity.link': 'bundle.entryLink',
  'integrity.wrongCounter': 'bundle.entryLink',
  'integrity.signature': 'bundle.entrySignature',
  'integrity.truncated': 'bundle.truncated',
  'integrity.beyondHead': 'bundle.truncated',
};

/** The bundle against what the supervisor saw of that counter before: it must extend it, not cut or rewrite it. */
function checkAgainstKnown(bundle: FilingBundle, known: KnownCounter) {
  const seen = Math.max(known.lastHead?.count ?? 0, known.entries.length);
  if (bundle.entries.length < seen)
    throw new BundleError('bundle.shorterThanSeen', {
      count: bundle.entries.length,
      seen,
      entry: bundle.entries.length + 1,
    });
  for (let i = 0; i < known.entries.length; i++) {
    if (known.entries[i]!.hash !== bundle.entries[i]!.hash) throw new BundleError('bundle.rewritten', { entry: i + 1 });
  }
  if (
    known.lastHead &&
    known.lastHead.count > 0 &&
    bundle.entries[known.lastHead.count - 1]!.hash !== known.lastHead.hash
  ) {
    throw new BundleError('bundle.rewritten', { entry: known.lastHead.count });
  }
}

/**
 * Checks a bundle file and returns what to add. `known` is what this install holds of that counter; `names`
 * are the other counters' names here (a new key under one of them is a forgery); `ownCounterId` refuses this
 * install's own log.
 */
export async function openBundle(
  text: string,
  passphrase: string,
  known: KnownCounter,
  names: Map<string, string>,
  ownCounterId: string | null,
): Promise<OpenedBundle> {
  const bundle = parse(text);
  if ((await counterIdOf(bundle.counter.publicKey)) !== bundle.counter.id) throw new BundleError('bundle.idMismatch');
  const { signature, ...unsigned } = bundle;
  if (!(await verifyValue(bundle.counter.publicKey, unsigned, signature))) throw new BundleError('bundle.signature');
  if (bundle.counter.id === ownCounterId) throw new BundleError('bundle.own');
  const sameName = [...names].find(
    ([id, name]) => id !== bundle.counter.id && sameCounterName(name, bundle.counter.name),
  );
  if (sameName) throw new BundleError('bundle.forgedName', { counter: bundle.counter.name });
  if (!known.enrolled) {
    throw new EnrolmentNeeded({
      id: bundle.counter.id,
      name: bundle.counter.name,
      publicJwk: bundle.counter.publicKey,
      fingerprint: await keyFingerprint(bundle.counter.publicKey),
    });
  }
  const problems = await checkChainAndSignatures({
    counter: { id: bundle.counter.id, publicJwk: bundle.counter.publicKey },
    entries: bundle.entries,
    head: bundle.head,
  });
  const first = problems[0];
  if (first) {
    const code = chainReasons[first.code] ?? 'bundle.signature';
    throw new BundleError(code, 'entry' in first ? { entry: first.entry } : {});
  }
  checkAgainstKnown(bundle, known);

  let sidecar: Record<string, unknown>;
  try {
    const key = await passphraseKey(passphrase, fromBase64(bundle.people.salt), bundle.people.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(bundle.people.iv) },
      key,
      fromBase64(bundle.people.ct),
    );
    sidecar = JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
  } catch {
    throw new BundleError('bundle.wrongPassphrase');
  }
  const people = new Map<string, FilingPeople>();
  for (const entry of bundle.entries) {
    const part = filingPeopleSchema.safeParse(sidecar[entry.id]);
    if (!part.success || (await peopleDigest(part.data)) !== entry.peopleDigest)
      throw new BundleError('bundle.people', { entry: entry.seq });
    people.set(entry.id, part.data);
  }
  return {
    counter: { id: bundle.counter.id, name: bundle.counter.name, publicJwk: bundle.counter.publicKey },
    fresh: bundle.entries.slice(known.entries.length),
    people,
    head: bundle.head,
    total: bundle.entries.length,
  };
}

/** Counter names compared as a person reads them: case, spaces and Unicode forms aside. */
export function sameCounterName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}
