import { fold, nfc, setTonePlacement } from '../vn/text';

/**
 * OCR drops or confuses tone marks in place names ("Quáng Nam", "Hoàn Kiêm"). A place lexicon built from the
 * admin-units data (the 2025 units, the legacy provinces, the merger notes' old wards and districts) puts them
 * back: a run of two or three words whose letters spell exactly one known place is written that way. Old and
 * new tone placement (Hòa/Hoà) count as the same spelling, so the card's own spelling is kept.
 */

/** Words of addresses that are not place names, taken whole ("Thành phố", "Quận 1"). */
const addressWords = ['Số', 'Tổ', 'Thôn', 'Xóm', 'Ấp', 'Bản', 'Phường', 'Xã', 'Quận', 'Huyện', 'Tỉnh', 'Số nhà', 'Khu phố', 'Thị trấn', 'Thị xã', 'Thành phố', 'Việt Nam', ...Array.from({ length: 12 }, (_, i) => `Quận ${i + 1}`), ...Array.from({ length: 12 }, (_, i) => `Phường ${i + 1}`)];

const unitWords = ['xã', 'phường', 'quận', 'huyện', 'tỉnh', 'thị trấn', 'thị xã', 'thành phố'];
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function skeleton(words: readonly string[]): string {
  return fold(words.join(' ')).toLowerCase();
}
const sameSpelling = (a: string, b: string) => setTonePlacement(a, 'modern') === setTonePlacement(b, 'modern');

export class PlaceLexicon {
  private readonly byKey = new Map<string, Array<{ spelling: string; count: number }>>();

  constructor(texts: Iterable<string>) {
    for (const phrase of addressWords) this.add(phrase.split(' '));
    for (const text of texts) {
      // Runs of capitalised words (names), broken at punctuation and at lower-case words ("xã", "và"). A unit
      // word before a name ("quận Ba Đình") is kept with it, capitalised, as addresses write it.
      for (const piece of nfc(text).split(/[,;:()\n]/)) {
        let run: string[] = [];
        let unit = '';
        const flush = () => {
          for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) this.add(run.slice(i, i + n));
          if (unit && run.length) this.add([...unit.split(' '), ...run].slice(0, 4));
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
          unit = unitWords.includes(two) ? capitalise(two) : unitWords.includes(word.toLowerCase()) ? capitalise(word.toLowerCase()) : '';
          if (unit.includes(' ')) i++;
        }
      }
    }
  }

  private add(words: string[]) {
    const key = skeleton(words);
    const spelling = words.join(' ');
    const list = this.byKey.get(key) ?? [];
    const known = list.find((s) => sameSpelling(s.spelling, spelling));
    if (known) known.count++;
    else list.push({ spelling, count: 1 });
    this.byKey.set(key, list);
  }

  /** The spellings of a run's letters; one the data uses at least twice as often as any other wins alone. */
  private spellings(words: string[]): string[] {
    const list = [...(this.byKey.get(skeleton(words)) ?? [])].sort((a, b) => b.count - a.count);
    if (list.length > 1 && list[0]!.count >= 2 * list[1]!.count) return [list[0]!.spelling];
    return list.map((s) => s.spelling);
  }

  /** The address with known place names spelled right, what changed, and the words it could not decide. */
  repair(text: string): { value: string; changes: string[]; ambiguous: string[] } {
    const changes: string[] = [];
    const ambiguous: string[] = [];
    const parts = nfc(text).split(/(,\s*)/);
    const fixed = parts.map((part) => {
      if (/^,\s*$/.test(part)) return part;
      const words = part.split(/\s+/).filter(Boolean);
      const out: string[] = [];
      for (let i = 0; i < words.length; ) {
        let matched = false;
        for (let n = Math.min(4, words.length - i); n >= 1 && !matched; n--) {
          const run = words.slice(i, i + n);
          if (!/\p{L}/u.test(run[0]!)) continue;
          const all = this.byKey.get(skeleton(run)) ?? [];
          if (all.length === 0) continue;
          const written = run.join(' ');
          // A spelling the data knows is kept as written, even if another is commoner ("Quang Trung").
          const candidates = this.spellings(run);
          if (all.some((c) => sameSpelling(c.spelling, written))) {
            out.push(...run);
          } else if (candidates.length === 1 && n > 1) {
            // One syllable alone is too short to decide ("Bàn" and "Bản" are both places): runs of two or more.
            out.push(...candidates[0]!.split(' '));
            changes.push(`"${written}" → "${candidates[0]}"`);
          } else {
            if (n > 1) continue;
            ambiguous.push(written);
            out.push(...run);
          }
          i += n;
          matched = true;
        }
        if (!matched) out.push(words[i++]!);
      }
      return out.join(' ');
    });
    return { value: fixed.join(''), changes, ambiguous };
  }
}
