import { canonicalJson, sha256Hex } from '@/utils/filings/canonical';
import { genesisHash, type EntryBody, type FilingEntry, type FilingPeople } from '@/utils/db/filing-schema';

/** What an entry's hash covers: every field but the hash itself and the signature over it. */
export function hashedPart(entry: Omit<FilingEntry, 'hash'> & { hash?: string }): Omit<FilingEntry, 'hash' | 'sig'> {
  const { hash: _hash, sig: _sig, ...rest } = entry;
  return rest;
}

export function entryHash(entry: Omit<FilingEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(hashedPart(entry)));
}

export function peopleDigest(people: FilingPeople): Promise<string> {
  return sha256Hex(canonicalJson(people));
}

/** The next entry of a counter's chain. */
export async function chainEntry(
  counterId: string,
  previous: Pick<FilingEntry, 'seq' | 'hash'> | null,
  body: EntryBody,
): Promise<FilingEntry> {
  // Only the body's own fields: a stray `hash` or `prevHash` in it must not end up inside the hashed value.
  const {
    hash: _hash,
    prevHash: _prev,
    seq: _seq,
    counterId: _counter,
    sig: _sig,
    ...own
  } = body as EntryBody & Partial<FilingEntry>;
  const unsigned = { ...own, counterId, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? genesisHash };
  return { ...unsigned, hash: await entryHash(unsigned) };
}

export type ChainBreak = {
  index: number;
  seq: number | null;
  id: string | null;
  reason: 'edited' | 'missing-or-reordered' | 'wrong-counter';
};
export type ChainCheck = { ok: true; count: number; head: string } | { ok: false; count: number; problem: ChainBreak };

export const breakReasons: Record<ChainBreak['reason'], string> = {
  edited: 'nội dung mục đã bị sửa (mã băm không khớp)',
  'missing-or-reordered': 'thiếu mục hoặc các mục bị đảo thứ tự (liên kết với mục trước bị đứt)',
  'wrong-counter': 'mục của quầy khác lẫn vào chuỗi',
};

/**
 * Verifies one counter's chain in order: each entry's own hash (in parallel batches: the hashes do not
 * depend on each other), then every link and the sequence numbers. Reports the first break.
 */
export async function verifyChain(entries: FilingEntry[], counterId?: string, batch = 2000): Promise<ChainCheck> {
  const counter = counterId ?? entries[0]?.counterId;
  for (let start = 0; start < entries.length; start += batch) {
    const slice = entries.slice(start, start + batch);
    const hashes = await Promise.all(slice.map((e) => entryHash(e)));
    const bad = slice.findIndex((e, i) => e.hash !== hashes[i]);
    if (bad >= 0) {
      const index = start + bad;
      const firstLinkBreak = linkBreak(entries, counter, 0, index);
      return {
        ok: false,
        count: entries.length,
        problem: firstLinkBreak ?? { index, seq: entries[index]!.seq, id: entries[index]!.id, reason: 'edited' },
      };
    }
  }
  const problem = linkBreak(entries, counter, 0, entries.length);
  if (problem) return { ok: false, count: entries.length, problem };
  return { ok: true, count: entries.length, head: entries.at(-1)?.hash ?? genesisHash };
}

function linkBreak(entries: FilingEntry[], counter: string | undefined, from: number, to: number): ChainBreak | null {
  for (let i = from; i < to; i++) {
    const e = entries[i]!;
    if (e.counterId !== counter) return { index: i, seq: e.seq, id: e.id, reason: 'wrong-counter' };
    const prevHash = i === 0 ? genesisHash : entries[i - 1]!.hash;
    if (e.seq !== i + 1 || e.prevHash !== prevHash)
      return { index: i, seq: e.seq, id: e.id, reason: 'missing-or-reordered' };
  }
  return null;
}

/** The current state of each filing: the last entry of each root, newest filing first. */
export function currentFilings(entries: FilingEntry[]): FilingEntry[] {
  const last = new Map<string, FilingEntry>();
  for (const e of entries) last.set(`${e.counterId}:${e.root}`, e);
  return [...last.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
