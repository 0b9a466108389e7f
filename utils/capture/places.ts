import type { PlaceText } from '@/utils/vn/admin-units';
import { fold, nfc, setTonePlacement } from '@/utils/vn/text';

/**
 * OCR drops or confuses tone marks in place names ("Quáng Nam", "Hoàn Kiêm"), and sometimes a letter ("Nam
 * Oịnh", "8a Đình"). A place lexicon built from the admin-units data (the 2025 units, the legacy provinces,
 * the merger notes' old wards and districts) puts them back: a run of two to four words whose letters spell
 * exactly one known place is written that way. Where two places share the letters, the address's own
 * province decides ("Xã Hải Đường" in Nam Định, not "Xã Hải Dương"). Old and new tone placement (Hòa/Hoà)
 * count as the same spelling, so the card's own spelling is kept.
 */

/** Words of addresses that are not place names, taken whole ("Thành phố", "Quận 1"). */
const addressWords = [
  'Số',
  'Tổ',
  'Thôn',
  'Xóm',
  'Ấp',
  'Bản',
  'Phường',
  'Xã',
  'Quận',
  'Huyện',
  'Tỉnh',
  'Số nhà',
  'Khu phố',
  'Thị trấn',
  'Thị xã',
  'Thành phố',
  'TP.',
  'Việt Nam',
  ...Array.from({ length: 12 }, (_, i) => `Quận ${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `Phường ${i + 1}`),
];

/** Words a number follows in an address (folded). */
const numberedWords = new Set([
  'so',
  'nha',
  'to',
  'ap',
  'quan',
  'phuong',
  'khu',
  'pho',
  'ngo',
  'ngach',
  'hem',
  'kiet',
  'doi',
  'lo',
  'thon',
  'xom',
  'ban',
]);
const unitWords = ['xã', 'phường', 'quận', 'huyện', 'tỉnh', 'thị trấn', 'thị xã', 'thành phố'];
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
/** The unit words by their letters, to know "Quản" or "Huyên" at the head of an address part. */
const unitBySkeleton = new Map(unitWords.map((u) => [fold(u).toLowerCase(), capitalise(u)]));

/**
 * Characters OCR reads for one another, by their letters without marks: a digit for a letter ("8a" for "Ba"),
 * a bare letter for Đ ("Oịnh"). Only these, so a real street ("Lê Lai") is not taken for a place ("Lê Lợi").
 */
const confusions = new Set(
  ['8b', '0o', '0d', 'od', '1l', '1i', 'li', '5s', '2z', '6g', 'ce'].flatMap((p) => [p, `${p[1]}${p[0]}`]),
);

function skeleton(words: readonly string[]): string {
  return fold(words.join(' ')).toLowerCase();
}

/** The unit word (one or two words, marks as OCR read them) at the head of an address part, before a name. */
function unitAt(words: readonly string[]): { n: number; unit: string } | null {
  for (const n of [2, 1]) {
    const unit = words.length > n ? unitBySkeleton.get(skeleton(words.slice(0, n))) : undefined;
    if (unit) return { n, unit };
  }
  return null;
}
const sameSpelling = (a: string, b: string) => setTonePlacement(a, 'modern') === setTonePlacement(b, 'modern');

/** One OCR slip apart: a confused character, or a character too many (doubled, or a mark read as "!"). */
function oneSlipApart(written: string, key: string): boolean {
  if (written.length === key.length) {
    let diff = -1;
    for (let i = 0; i < key.length; i++) {
      if (written[i] === key[i]) continue;
      if (diff >= 0) return false;
      diff = i;
    }
    return diff >= 0 && confusions.has(`${written[diff]}${key[diff]}`);
  }
  if (written.length !== key.length + 1) return false;
  let i = 0;
  while (i < key.length && written[i] === key[i]) i++;
  if (written.slice(i + 1) !== key.slice(i)) return false;
  const extra = written[i]!;
  return extra === written[i - 1] || extra === written[i + 1] || !/[a-z0-9 .]/.test(extra);
}

interface Spelling {
  spelling: string;
  count: number;
  /** The 2025 provinces whose data writes it. */
  provinces: Set<string>;
  /** It names this 2025 province (a legacy province's name points at the province that absorbed it). */
  province: string | null;
  /** Some text writes it as a whole name, not only inside a longer one ("Thang" only in "Thạch Thang"). */
  whole: boolean;
}

interface Match {
  /** How the run is written after repair. */
  words: string[];
  /** A spelling was chosen (not kept as written). */
  changed: boolean;
  /** Several spellings are possible and none is as written. */
  ambiguous: boolean;
  /** The 2025 province the run names, when it names one ("Nam Định", "Hồ Chí Minh"). */
  province: string | null;
  /** Kept as written, but the data writes it only inside longer names: a word may be missing before or after. */
  partial?: boolean;
}

export interface PlaceRepair {
  value: string;
  changes: string[];
  ambiguous: string[];
  /** What was read that is no part of an address: after the province, or marks that are not words. */
  dropped: string[];
  /**
   * The first part (a commune, of three parts or more) when it is a place name's piece only ("Thang" of "Thạch
   * Thang"): words may be lost. Districts are not all in the data, so only the commune is asked.
   */
  partial: string[];
  /** Words recognised as place names, address words or numbers, and words not recognised: to compare readings. */
  known: number;
  unknown: number;
}

export class PlaceLexicon {
  private readonly byKey = new Map<string, Spelling[]>();
  /** Keys of two or more words by length, for the one-slip search. */
  private readonly byLength = new Map<number, string[]>();

  constructor(texts: Iterable<string | PlaceText>) {
    for (const phrase of addressWords) this.add(phrase.split(' '), null, false, true);
    for (const entry of texts) {
      const { text, province, isProvince } =
        typeof entry === 'string' ? { text: entry, province: null, isProvince: false } : entry;
      // Runs of capitalised words (names), broken at punctuation and at lower-case words ("xã", "và"). A unit
      // word before a name ("quận Ba Đình") is kept with it, capitalised, as addresses write it.
      for (const piece of nfc(text).split(/[,;:()\n]/)) {
        let run: string[] = [];
        let unit = '';
        const flush = () => {
          // A unit word written capitalised heads the run ("Phường Thạch Thang"): the name after it is whole.
          const lead = unitWords.includes(run.slice(0, 2).join(' ').toLowerCase())
            ? 2
            : unitWords.includes(run[0]?.toLowerCase() ?? '')
              ? 1
              : 0;
          for (let n = 1; n <= 3; n++)
            for (let i = 0; i + n <= run.length; i++)
              this.add(
                run.slice(i, i + n),
                province ?? null,
                Boolean(isProvince) && n === run.length,
                n === run.length || (i === lead && i + n === run.length),
              );
          if (unit && run.length) this.add([...unit.split(' '), ...run].slice(0, 4), province ?? null, false, true);
          run = [];
        };
        const words = piece.trim().split(/\s+/);
        for (let i = 0; i <= words.length; i++) {
          const word = words[i] ?? '';
          if (/^[\p{Lu}\d]/u.test(word)) {
            run.push(word);
            continue;
          }
          flush();
          const two = `${word} ${words[i + 1] ?? ''}`.toLowerCase();
          unit = unitWords.includes(two)
            ? capitalise(two)
            : unitWords.includes(word.toLowerCase())
              ? capitalise(word.toLowerCase())
              : '';
          if (unit.includes(' ')) i++;
        }
      }
    }
    for (const key of this.byKey.keys()) {
      if (!key.includes(' ')) continue;
      const list = this.byLength.get(key.length) ?? [];
      list.push(key);
      this.byLength.set(key.length, list);
    }
  }

  private add(words: string[], province: string | null, isProvince: boolean, whole: boolean) {
    const key = skeleton(words);
    const spelling = words.join(' ');
    const list = this.byKey.get(key) ?? [];
    let known = list.find((s) => sameSpelling(s.spelling, spelling));
    if (known) known.count++;
    else {
      known = { spelling, count: 1, provinces: new Set(), province: null, whole: false };
      list.push(known);
    }
    if (whole) known.whole = true;
    if (province) known.provinces.add(province);
    if (isProvince && province) known.province = province;
    this.byKey.set(key, list);
  }

  /**
   * The spellings a run may have: those of its letters, or (two words or more) of letters one OCR slip away.
   * Within the address's province when that leaves any; one the data uses at least twice as often as any
   * other wins alone.
   */
  private spellings(run: readonly string[], province: string | null): { all: Spelling[]; likely: Spelling[] } {
    const key = skeleton(run);
    let all = this.byKey.get(key) ?? [];
    if (!all.length && run.length > 1 && key.replace(/[^a-z]/g, '').length >= 5) {
      const near = [...(this.byLength.get(key.length) ?? []), ...(this.byLength.get(key.length - 1) ?? [])].filter(
        (k) => oneSlipApart(key, k),
      );
      all = near.flatMap((k) => this.byKey.get(k)!);
    }
    let likely = [...all].sort((a, b) => b.count - a.count);
    const inProvince = province ? likely.filter((s) => s.provinces.has(province)) : [];
    if (inProvince.length) likely = inProvince;
    if (likely.length > 1 && likely[0]!.count >= 2 * likely[1]!.count) likely = [likely[0]!];
    return { all, likely };
  }

  /** A run of words as the data writes it, or null when the data does not know its letters. */
  private match(run: readonly string[], province: string | null): Match | null {
    // A run starts with a word (not a number); a lone letter ("Ị", a speck) is no place name.
    if (!/\p{L}/u.test(run[0]!) || (run.length === 1 && !/\p{L}{2}/u.test(run[0]!))) return null;
    const { all, likely } = this.spellings(run, province);
    if (!all.length) return null;
    const written = run.join(' ');
    // A spelling the data knows is kept as written, even if another is commoner ("Quang Trung"); unless the
    // address's province knows only another ("Quang Nam" at the end of an address in Quảng Nam).
    const asWritten = all.filter((c) => sameSpelling(c.spelling, written));
    const elsewhere =
      province !== null &&
      asWritten.every((c) => c.provinces.size > 0 && !c.provinces.has(province)) &&
      likely.some((c) => c.provinces.has(province));
    if (asWritten.length && !elsewhere)
      return {
        words: [...run],
        changed: false,
        ambiguous: false,
        province: asWritten.find((c) => c.province)?.province ?? null,
        partial: !asWritten.some((c) => c.whole),
      };
    // One syllable alone is too short to decide ("Bàn" and "Bản" are both places): runs of two or more.
    if (likely.length === 1 && run.length > 1)
      return { words: likely[0]!.spelling.split(' '), changed: true, ambiguous: false, province: likely[0]!.province };
    return { words: [...run], changed: false, ambiguous: true, province: null };
  }

  /** The province an address names (its last part that is one), to decide between places of the same letters. */
  private provinceOf(parts: readonly string[][]): string | null {
    for (const words of [...parts].reverse()) {
      const name = words.slice(/^tp\.?$/i.test(words[0] ?? '') ? 1 : (unitAt(words)?.n ?? 0));
      if (!name.length) continue;
      const found = this.spellings(name, null).likely.find((s) => s.province);
      if (found) return found.province;
    }
    return null;
  }

  /** The address with known place names spelled right, what changed, and the words it could not decide. */
  repair(text: string): PlaceRepair {
    const changes: string[] = [];
    const ambiguous: string[] = [];
    const dropped: string[] = [];
    const partial: string[] = [];
    let known = 0;
    let unknown = 0;
    // "Số" at the head, its marks misread ("Sô 145", "So 12"): the address word before a house number.
    const head = nfc(text).match(/^(\S+)(\s+\d)/);
    const start =
      head && fold(head[1]!).toLowerCase() === 'so' && head[1] !== 'Số'
        ? `Số${nfc(text).slice(head[1]!.length)}`
        : nfc(text);
    if (start !== nfc(text)) changes.push(`"${head![1]}" → "Số"`);
    const pieces = start.split(/(,\s*)/);
    const province = this.provinceOf(
      pieces.filter((p) => !/^,\s*$/.test(p)).map((p) => p.split(/\s+/).filter(Boolean)),
    );
    const parts = pieces.filter((p) => !/^,\s*$/.test(p) && p.trim()).length;
    const lastPart = pieces.length - 1 - [...pieces].reverse().findIndex((p) => !/^,\s*$/.test(p) && p.trim());
    const fixed = pieces.map((part, index) => {
      if (/^,\s*$/.test(part)) return part;
      const words = part.split(/\s+/).filter(Boolean);
      const parse = (from: number) => {
        const out: Array<{ written: string[]; match: Match | null }> = [];
        for (let i = from; i < words.length; ) {
          let found: { n: number; match: Match } | null = null;
          for (let n = Math.min(4, words.length - i); n >= 1 && !found; n--) {
            const match = this.match(words.slice(i, i + n), province);
            // Runs of two or more words that could be several places: try shorter runs.
            if (match && !(match.ambiguous && n > 1)) found = { n, match };
          }
          out.push(
            found
              ? { written: words.slice(i, i + found.n), match: found.match }
              : { written: [words[i]!], match: null },
          );
          i += found?.n ?? 1;
        }
        return out;
      };
      let runs = parse(0);
      // A unit word misread at the head of the part ("Quản Bạ Đình"): when the part does not read as one
      // place but the words after the unit do, it is the unit and that place ("Quận Ba Đình").
      const unit = unitAt(words);
      if (unit && runs.length > 1) {
        const rest = parse(unit.n);
        if (rest.length === 1 && rest[0]!.match && !rest[0]!.match.ambiguous)
          runs = [
            {
              written: words.slice(0, unit.n),
              match: {
                words: unit.unit.split(' '),
                changed: words.slice(0, unit.n).join(' ') !== unit.unit,
                ambiguous: false,
                province: null,
              },
            },
            ...rest,
          ];
      }
      // An address ends with its province: what OCR read after it, in the last part, is not the address.
      const ending = index === lastPart ? runs.findIndex((r) => r.match?.province) : -1;
      // A dash continues a hyphenated province ("Bà Rịa - Vũng Tàu"): not words read after it.
      if (ending >= 0 && ending < runs.length - 1 && !/^[-–]$/.test(runs[ending + 1]!.written[0]!)) {
        const tail = runs.splice(ending + 1).flatMap((r) => r.written);
        dropped.push(tail.join(' '));
        unknown += tail.length;
      }
      // The commune, one name the data knows only inside longer ones: its other words may be lost.
      if (index === 0 && parts >= 3 && runs.length === 1 && runs[0]!.match?.partial)
        partial.push(runs[0]!.written.join(' '));
      const out: string[] = [];
      for (const { written, match } of runs) {
        // Marks that are neither a word nor a number ("2+", "|"): dust, dropped.
        if (!match && !/[\p{L}]/u.test(written[0]!) && !/^[\d/\-–]+$/u.test(written[0]!)) {
          dropped.push(written[0]!);
          unknown++;
          continue;
        }
        if (!match) {
          // A number is a house, a group, a district ("Số 12", "Tổ 5", "Quận 1"): after such a word, or first.
          const number =
            /^[\d/-]+\p{L}?$/u.test(written[0]!) &&
            (out.length === 0 || numberedWords.has(fold(out.at(-1)!).toLowerCase()));
          if (number) known++;
          else if (!/^[-–]$/.test(written[0]!)) unknown++;
          out.push(...written);
          continue;
        }
        // A word that could be several places is no evidence that the reading is an address.
        if (match.ambiguous) unknown += written.length;
        else known += written.length;
        if (match.changed) changes.push(`"${written.join(' ')}" → "${match.words.join(' ')}"`);
        if (match.ambiguous) ambiguous.push(written.join(' '));
        out.push(...match.words);
      }
      return out.join(' ');
    });
    return { value: fixed.join('').trim(), changes, ambiguous, dropped, partial, known, unknown };
  }
}
