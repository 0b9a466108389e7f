import { z } from 'zod';
import { fromBase64, randomBytes, toBase64 } from '../security/crypto';
import { peopleDigest, verifyChain, breakReasons } from './chain';
import { counterIdOf, signValue, verifyValue } from './signing';
import { filingEntrySchema, filingPeopleSchema, type FilingEntry, type FilingPeople } from '../db/filing-schema';

/**
 * A counter's log as a file for the supervisor: every entry, the chain head, the personal parts sealed with a
 * passphrase (PBKDF2 → AES-GCM), all signed with the counter's key. Importing checks everything before
 * keeping anything: a bundle is taken whole or refused with the reason.
 */
export const bundleFormat = 'motcua-filings' as const;
export const bundlePbkdf2Iterations = 600_000;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const bundleSchema = z.object({
  format: z.literal(bundleFormat),
  version: z.literal(1),
  counter: z.object({
    id: z.string().regex(/^[0-9a-f]{16}$/),
    name: z.string().max(100),
    publicKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().max(64), y: z.string().max(64) }),
  }),
  exportedAt: z.string(),
  entries: z.array(filingEntrySchema),
  head: z.object({ count: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  people: z.object({ salt: b64, iterations: z.number().int().min(100_000).max(5_000_000), iv: b64, ct: b64 }),
  signature: b64,
});
export type FilingBundle = z.infer<typeof bundleSchema>;

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export const minBundlePassphrase = 8;

export async function makeBundle(options: {
  counter: { id: string; name: string; publicJwk: JsonWebKey; privateKey: CryptoKey };
  entries: FilingEntry[];
  people: Map<string, FilingPeople>;
  passphrase: string;
  now?: Date;
  iterations?: number;
}): Promise<FilingBundle> {
  if (options.passphrase.length < minBundlePassphrase) throw new BundleError(`Mật khẩu của tệp cần ít nhất ${minBundlePassphrase} ký tự.`);
  const iterations = options.iterations ?? bundlePbkdf2Iterations;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await passphraseKey(options.passphrase, salt, iterations);
  const sidecar = Object.fromEntries(options.entries.map((e) => [e.id, options.people.get(e.id) ?? null]));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(sidecar))));
  const { kty, crv, x, y } = options.counter.publicJwk;
  const unsigned = {
    format: bundleFormat,
    version: 1 as const,
    counter: { id: options.counter.id, name: options.counter.name, publicKey: { kty: kty as 'EC', crv: crv as 'P-256', x: x!, y: y! } },
    exportedAt: (options.now ?? new Date()).toISOString(),
    entries: options.entries,
    head: { count: options.entries.length, hash: options.entries.at(-1)?.hash ?? '0'.repeat(64) },
    people: { salt: toBase64(salt), iterations, iv: toBase64(iv), ct: toBase64(ct) },
  };
  return { ...unsigned, signature: await signValue(options.counter.privateKey, unsigned) };
}

export interface OpenedBundle {
  counter: { id: string; name: string; publicJwk: JsonWebKey };
  /** Entries this install does not have yet, in chain order. */
  fresh: FilingEntry[];
  people: Map<string, FilingPeople>;
  total: number;
}

/**
 * Checks a bundle file and returns what to add. `known` is what this install already holds of that counter's
 * chain (in order); `ownCounterId` refuses this install's own log.
 */
export async function openBundle(text: string, passphrase: string, known: FilingEntry[], ownCounterId: string | null): Promise<OpenedBundle> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BundleError('Tệp không đọc được: tệp hỏng hoặc bị cắt cụt.');
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BundleError(`Đây không phải tệp nhật ký motcua hợp lệ (${issue.path.join('.') || 'tệp'}: ${issue.message}).`);
  }
  const bundle = parsed.data;
  if ((await counterIdOf(bundle.counter.publicKey)) !== bundle.counter.id) throw new BundleError('Mã quầy trong tệp không khớp với khoá của quầy.');
  const { signature, ...unsigned } = bundle;
  if (!(await verifyValue(bundle.counter.publicKey, unsigned, signature))) throw new BundleError('Chữ ký không hợp lệ: tệp đã bị sửa hoặc cắt bớt sau khi xuất.');
  if (bundle.counter.id === ownCounterId) throw new BundleError('Đây là nhật ký của chính quầy này, không cần nhập.');
  if (bundle.head.count !== bundle.entries.length || bundle.head.hash !== (bundle.entries.at(-1)?.hash ?? '0'.repeat(64))) {
    throw new BundleError('Tệp thiếu mục so với đầu chuỗi đã ký (bị cắt bớt).');
  }
  const check = await verifyChain(bundle.entries, bundle.counter.id);
  if (!check.ok) throw new BundleError(`Chuỗi nhật ký hỏng ở mục ${check.problem.index + 1}: ${breakReasons[check.problem.reason]}.`);

  let sidecar: Record<string, unknown>;
  try {
    const key = await passphraseKey(passphrase, fromBase64(bundle.people.salt), bundle.people.iterations);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(bundle.people.iv) }, key, fromBase64(bundle.people.ct));
    sidecar = JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>;
  } catch {
    throw new BundleError('Sai mật khẩu của tệp (hoặc phần dữ liệu người đã bị sửa).');
  }
  const people = new Map<string, FilingPeople>();
  for (const entry of bundle.entries) {
    const part = filingPeopleSchema.safeParse(sidecar[entry.id]);
    if (!part.success || (await peopleDigest(part.data)) !== entry.peopleDigest) {
      throw new BundleError(`Dữ liệu người của mục ${entry.seq} không khớp với nhật ký.`);
    }
    people.set(entry.id, part.data);
  }
  for (let i = 0; i < Math.min(known.length, bundle.entries.length); i++) {
    if (known[i]!.hash !== bundle.entries[i]!.hash) throw new BundleError('Nhật ký của quầy này khác với bản đã nhập trước đây (hai lịch sử khác nhau): không nhập.');
  }
  return {
    counter: { id: bundle.counter.id, name: bundle.counter.name, publicJwk: bundle.counter.publicKey },
    fresh: bundle.entries.slice(known.length),
    people,
    total: bundle.entries.length,
  };
}
