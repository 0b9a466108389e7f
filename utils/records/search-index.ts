import { formatDate, formatIsoDate, parseDate } from '@/utils/vn/dates';
import { maskId } from '@/utils/vn/personal-id';
import { parsePhone } from '@/utils/vn/phone';
import { matchKey } from '@/utils/vn/text';
import type { Person } from '@/utils/records/schema';

/**
 * Design note — searching encrypted records.
 *
 * Chosen: a compact search index, encrypted in chunks of `chunkSize` entries, decrypted into memory at
 * unlock and searched there. 100,000 people are ~100 AES-GCM decryptions at unlock (WebCrypto's per-call
 * cost dominates, so one call per person would take seconds), and every query runs in memory: prefix
 * matching of any name word, ID and phone prefixes, dates in any format, ranking — all things keyed
 * blind-index tokens (HMAC of whole values) cannot do without storing one token per prefix, which leaks
 * frequencies and multiplies the index. The price: the index lives in memory while unlocked (it holds
 * names, IDs and short addresses — the same data the officer is about to see), and is dropped on lock.
 */
export const chunkSize = 1000;

/** One person as the index knows them: enough to find and show, nothing more. */
export interface SearchEntry {
  id: string;
  name: string;
  /** matchKey() words of the full name. */
  words: string[];
  /** dd/mm/yyyy (or mm/yyyy, yyyy) for display. */
  dob: string | null;
  /** ISO date and year, what date queries compare with. */
  dobKeys: string[];
  personalId: string | null;
  oldId: string | null;
  phone: string | null;
  address: string | null;
  /** Decides the gendered roles a pick goes to (cha / mẹ, bên nam / bên nữ). Absent in indexes built before it. */
  sex?: 'Nam' | 'Nữ' | null;
  /** Last filled, viewed or edited (ISO): what retention counts from. */
  lastUsedAt: string;
}

export interface SearchResult {
  id: string;
  name: string;
  dob: string | null;
  maskedId: string | null;
  address: string | null;
  sex: 'Nam' | 'Nữ' | null;
  score: number;
  /** Why it matched, for tests and for ordering: 'id' | 'name' | 'prefix' | 'phone' | 'dob'. */
  match: 'id' | 'phone' | 'name' | 'prefix' | 'dob';
}

export function entryFor(person: Person, lastUsedAt: string = person.updatedAt): SearchEntry {
  const birth = person.birthDate?.value;
  const dobKeys: string[] = [];
  if (birth) {
    const iso = formatIsoDate(birth);
    if (iso) dobKeys.push(iso);
    if (birth.month) dobKeys.push(`${birth.year}-${String(birth.month).padStart(2, '0')}`);
    dobKeys.push(String(birth.year));
  }
  const address = person.permanentAddress?.value.text ?? person.currentAddress?.value.text ?? null;
  return {
    id: person.id,
    name: person.fullName.value,
    words: matchKey(person.fullName.value).split(' ').filter(Boolean),
    dob: birth ? formatDate(birth) : null,
    dobKeys,
    personalId: person.personalId?.value ?? null,
    oldId: person.oldId?.value ?? null,
    phone: person.phone?.value ?? null,
    address,
    sex: person.sex?.value ?? null,
    lastUsedAt,
  };
}

/** What a list may show of a person's ID: the personal ID masked, else the old CMND masked. */
export function maskedIdOf(entry: Pick<SearchEntry, 'personalId' | 'oldId'>): string | null {
  const id = entry.personalId ?? entry.oldId;
  return id ? maskId(id) : null;
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'number'; digits: string; dateKey: string | null }
  | { kind: 'date'; key: string };

/** Splits a query: dates with separators, runs of digits (IDs, phones, ddmmyyyy, years), name words. */
export function parseQuery(query: string): Token[] {
  const tokens: Token[] = [];
  let rest = query.normalize('NFC');
  // A whole query of digits and phone punctuation is one number ("091 234 5678", "+84 912...").
  const compact = rest.replace(/[\s.\-()]/g, '');
  if (/^\+?\d{3,}$/.test(compact) && !/\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(rest)) {
    const digits = compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
    return [numberToken(digits)];
  }
  rest = rest.replace(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/g, (whole) => {
    const parsed = parseDate(whole);
    if (parsed.ok) tokens.push({ kind: 'date', key: formatIsoDate(parsed.date)! });
    return ' ';
  });
  rest = rest.replace(/\b(\d{1,2})\s*[/.-]\s*(\d{4})\b/g, (_whole, m: string, y: string) => {
    tokens.push({ kind: 'date', key: `${y}-${m.padStart(2, '0')}` });
    return ' ';
  });
  for (const word of matchKey(rest).split(' ')) {
    if (!word) continue;
    tokens.push(/^\d+$/.test(word) ? numberToken(word) : { kind: 'word', text: word });
  }
  return tokens;
}

function numberToken(digits: string): Token {
  let dateKey: string | null = null;
  if (/^\d{8}$/.test(digits)) {
    const parsed = parseDate(digits);
    if (parsed.ok) dateKey = formatIsoDate(parsed.date);
  } else if (/^(19|20)\d{2}$/.test(digits)) {
    dateKey = digits;
  }
  return { kind: 'number', digits, dateKey };
}

/** Scores, highest first: exact ID, exact phone, the whole name (any order), name prefixes. */
const scores = { id: 1000, phone: 600, name: 500, prefix: 100, dob: 50 } as const;

export class SearchIndex {
  private readonly entries = new Map<string, SearchEntry>();
  private readonly postings = new Map<string, Set<string>>();
  private readonly idNumbers = new Map<string, string>();
  private sortedWords: string[] | null = null;
  private sortedIds: Array<[string, string]> | null = null;

  get size() {
    return this.entries.size;
  }

  get(id: string): SearchEntry | undefined {
    return this.entries.get(id);
  }

  all(): IterableIterator<SearchEntry> {
    return this.entries.values();
  }

  /** Builds the sorted lookups now (at unlock) rather than on the officer's first query. */
  prepare() {
    this.wordRange('');
    this.idRange('\uffff');
  }

  /** The entry whose personal ID or old ID is exactly `number`. */
  byIdNumber(number: string): SearchEntry | undefined {
    const id = this.idNumbers.get(number);
    return id ? this.entries.get(id) : undefined;
  }

  /** The entries whose whole name, folded, is `name` folded (word order kept). */
  byName(name: string): SearchEntry[] {
    const words = matchKey(name).split(' ').filter(Boolean);
    if (words.length === 0) return [];
    const wanted = words.join(' ');
    const out: SearchEntry[] = [];
    for (const id of this.postings.get(words[0]!) ?? []) {
      const entry = this.entries.get(id)!;
      if (entry.words.join(' ') === wanted) out.push(entry);
    }
    return out;
  }

  put(entry: SearchEntry) {
    this.remove(entry.id);
    this.entries.set(entry.id, entry);
    if (entry.personalId) this.idNumbers.set(entry.personalId, entry.id);
    if (entry.oldId) this.idNumbers.set(entry.oldId, entry.id);
    for (const word of entry.words) {
      let set = this.postings.get(word);
      if (!set) {
        set = new Set();
        this.postings.set(word, set);
        this.sortedWords = null;
      }
      set.add(entry.id);
    }
    this.sortedIds = null;
  }

  remove(id: string) {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    if (old.personalId && this.idNumbers.get(old.personalId) === id) this.idNumbers.delete(old.personalId);
    if (old.oldId && this.idNumbers.get(old.oldId) === id) this.idNumbers.delete(old.oldId);
    for (const word of old.words) {
      const set = this.postings.get(word);
      set?.delete(id);
      if (set?.size === 0) {
        this.postings.delete(word);
        this.sortedWords = null;
      }
    }
    this.sortedIds = null;
  }

  clear() {
    this.entries.clear();
    this.idNumbers.clear();
    this.postings.clear();
    this.sortedWords = null;
    this.sortedIds = null;
  }

  search(query: string, limit = 50): SearchResult[] {
    const tokens = parseQuery(query);
    if (tokens.length === 0) return [];
    const candidates = this.candidates(tokens);
    const results: SearchResult[] = [];
    for (const id of candidates) {
      const entry = this.entries.get(id)!;
      const scored = this.score(entry, tokens);
      if (scored) results.push(scored);
    }
    results.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
    return results.slice(0, limit);
  }

  /** The smallest candidate set any one token allows; the others are checked per entry in `score`. */
  private candidates(tokens: Token[]): Iterable<string> {
    let best: Iterable<string> | null = null;
    let bestSize = Infinity;
    for (const token of tokens) {
      const [set, size] = this.tokenCandidates(token);
      if (size < bestSize) {
        best = set;
        bestSize = size;
      }
      if (size === 0) break;
    }
    return best ?? [];
  }

  private tokenCandidates(token: Token): [Iterable<string>, number] {
    if (token.kind === 'word') {
      const sets = this.wordRange(token.text).map((w) => this.postings.get(w)!);
      const size = sets.reduce((n, s) => n + s.size, 0);
      return [unionOf(sets), size];
    }
    if (token.kind === 'number' && token.digits.length >= 3) {
      const ids = this.idRange(token.digits);
      if (!token.dateKey) return [ids, ids.length];
    }
    // Dates and short numbers have no index of their own: scan (rare, and still fast in memory).
    return [this.entries.keys(), this.entries.size];
  }

  private wordRange(prefix: string): string[] {
    this.sortedWords ??= [...this.postings.keys()].sort();
    const words = this.sortedWords;
    let lo = lowerBound(words, prefix);
    const out: string[] = [];
    while (lo < words.length && words[lo]!.startsWith(prefix)) out.push(words[lo++]!);
    return out;
  }

  /** People whose personal ID, old ID or phone starts with `digits`. */
  private idRange(digits: string): string[] {
    if (!this.sortedIds) {
      const pairs: Array<[string, string]> = [];
      for (const e of this.entries.values()) {
        if (e.personalId) pairs.push([e.personalId, e.id]);
        if (e.oldId) pairs.push([e.oldId, e.id]);
        if (e.phone) pairs.push([e.phone, e.id]);
      }
      this.sortedIds = pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    const keys = this.sortedIds;
    let lo = lowerBound(keys, digits, (p) => p[0]);
    const out = new Set<string>();
    while (lo < keys.length && keys[lo]![0].startsWith(digits)) out.add(keys[lo++]![1]);
    return [...out];
  }

  private score(entry: SearchEntry, tokens: Token[]): SearchResult | null {
    let score = 0;
    let match: SearchResult['match'] = 'prefix';
    const wordTokens: string[] = [];
    for (const token of tokens) {
      if (token.kind === 'word') {
        if (!entry.words.some((w) => w.startsWith(token.text))) return null;
        wordTokens.push(token.text);
      } else if (token.kind === 'date') {
        if (!entry.dobKeys.includes(token.key)) return null;
        score += scores.dob;
        if (match === 'prefix' && wordTokens.length === 0) match = 'dob';
      } else {
        const d = token.digits;
        const idExact = entry.personalId === d || entry.oldId === d;
        const phoneExact = entry.phone !== null && samePhone(entry.phone, d);
        const prefix = d.length >= 3 && [entry.personalId, entry.oldId, entry.phone].some((v) => v?.startsWith(d));
        const dob = token.dateKey !== null && entry.dobKeys.includes(token.dateKey);
        if (!idExact && !phoneExact && !prefix && !dob) return null;
        if (idExact) {
          score += scores.id;
          match = 'id';
        } else if (phoneExact) {
          score += scores.phone;
          if (match !== 'id') match = 'phone';
        } else if (dob) {
          score += scores.dob;
        } else {
          score += scores.prefix;
        }
      }
    }
    if (wordTokens.length > 0) {
      const exactWords = wordTokens.filter((t) => entry.words.includes(t)).length;
      const wholeName = exactWords === wordTokens.length && sameWordBag(wordTokens, entry.words);
      if (wholeName) {
        score += scores.name;
        if (match === 'prefix' || match === 'dob') match = 'name';
      } else {
        score += scores.prefix + exactWords * 10 - (entry.words.length - wordTokens.length);
      }
    }
    return {
      id: entry.id,
      name: entry.name,
      dob: entry.dob,
      maskedId: maskedIdOf(entry),
      address: entry.address,
      sex: entry.sex ?? null,
      score,
      match,
    };
  }
}

function samePhone(stored: string, digits: string): boolean {
  const parsed = parsePhone(digits);
  return parsed.ok && parsed.value === stored;
}

function sameWordBag(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  return [...a].sort().join(' ') === [...b].sort().join(' ');
}

function* unionOf(sets: Set<string>[]): Generator<string> {
  if (sets.length === 1) {
    yield* sets[0]!;
    return;
  }
  const seen = new Set<string>();
  for (const set of sets) {
    for (const id of set) {
      if (seen.has(id)) continue;
      seen.add(id);
      yield id;
    }
  }
}

function lowerBound<T>(
  items: readonly T[],
  key: string,
  keyOf: (item: T) => string = (i) => i as unknown as string,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
