import lexicon from '@/utils/capture/data/name-syllables.json';
import { toTitleVi } from '@/utils/vn/names';
import { fold, nfc } from '@/utils/vn/text';

/**
 * Names read by OCR lose stacked marks (ễ read as ê, ặ as ạ). A name is repaired syllable by syllable from a
 * lexicon of Vietnamese name syllables (faker's `vi` names and common given names), letters checked against
 * the MRZ when it was read; what cannot be decided is flagged, never guessed silently.
 */

function index(words: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of words) {
    const key = fold(s).toLowerCase();
    const list = map.get(key) ?? [];
    if (!list.includes(s)) list.push(s);
    map.set(key, list);
  }
  return map;
}
const bySkeleton = index([...lexicon.syllables, ...lexicon.surnames]);
/** The first word is a surname: "Nguyên" is a given name, never a surname, so a surname read so is "Nguyễn". */
const surnamesBySkeleton = index(lexicon.surnames);
/** Middle names are few: "Thi" between surname and given name is "Thị". */
const middlesBySkeleton = index([
  'Thị',
  'Văn',
  'Đức',
  'Hữu',
  'Ngọc',
  'Minh',
  'Quốc',
  'Thanh',
  'Thu',
  'Thùy',
  'Xuân',
  'Công',
  'Đình',
  'Bá',
  'Quang',
  'Hoàng',
  'Kim',
  'Mỹ',
  'Diễm',
  'Bảo',
  'Gia',
  'Khánh',
  'Trọng',
  'Phương',
  'Hồng',
  'Thế',
  'Tiến',
  'Như',
  'Hải',
  'Duy',
  'Trung',
]);

/** One-letter words that begin names: the Ê Đê and Jarai "Y" (men) and "H" (women, "H'Hen"), and "A". */
const namePrefixes = new Set(['Y', 'H', 'A']);

const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/;
/** Sắc, huyền, hỏi and ngã: the tone marks written above the vowel. */
const aboveMarks = new Set(['\u0301', '\u0300', '\u0309', '\u0303']);
function tone(word: string): string {
  return [...word.normalize('NFD')].find((c) => toneMarks.test(c)) ?? '';
}
function letters(word: string): string {
  return [...word.normalize('NFD')]
    .filter((c) => !toneMarks.test(c))
    .join('')
    .normalize('NFC');
}

export interface NameRepair {
  value: string;
  /** 0–1. */
  confidence: number;
  uncertain: boolean;
  notes: string[];
}

/**
 * `read`: the name as OCR read it (the card prints CAPITALS). `mrz`: the MRZ's name letters, when an MRZ was
 * read (the name line has no check digit). `wordConfidence`: OCR's confidence for the line, 0–1.
 */
export function repairName(read: string, options: { mrz?: string | null; wordConfidence?: number } = {}): NameRepair {
  let words = toTitleVi(nfc(read).replace(/[^\p{L}\s]/gu, ' '))
    .split(' ')
    .filter(Boolean);
  const notes: string[] = [];
  let uncertain = (options.wordConfidence ?? 1) < 0.85;
  const mrzWords = options.mrz ? options.mrz.split(/\s+/).filter(Boolean) : null;
  const known = (w: string) => bySkeleton.has(fold(w).toLowerCase());
  const spelled = (w: string) => fold(w).toUpperCase();
  if (mrzWords && mrzWords.length === words.length - 1) {
    // A word OCR made of dust before or inside the name ("UC PHẠM VĂN KHUÊ"): dropped when it is no name and
    // the MRZ spells every other word.
    const extra = words.findIndex(
      (w, i) => !known(w) && words.filter((_, j) => j !== i).every((v, k) => spelled(v) === mrzWords[k]),
    );
    if (extra >= 0) {
      notes.push(`Đã bỏ "${words[extra]}" đọc thừa (MRZ không có).`);
      words = words.filter((_, i) => i !== extra);
    }
  }
  // A lone letter before the name (a glyph of the portrait's frame or of the label above, "O TÔ QUỐC DIỆU"): no
  // surname is one letter, and the name prefixes of Tây Nguyên ("Y Moan", "H'Hen", "A Páo") are kept.
  if (words.length >= 3 && [...words[0]!].length === 1 && !namePrefixes.has(fold(words[0]!).toUpperCase())) {
    notes.push(`Đã bỏ "${words[0]}" đọc thừa trước họ tên.`);
    words = words.slice(1);
  }
  const mrzAgrees =
    mrzWords !== null && mrzWords.length === words.length && mrzWords.every((m, i) => m === spelled(words[i]!));
  if (mrzWords && !mrzAgrees) {
    // The MRZ name line has no check digit and its fillers are misread as letters ("<" as G or Q): a word
    // is taken from it only where OCR's word is no name at all and the MRZ's is one.
    // The first word is held to the surnames ("UY" is a given name; the MRZ's "LY" is a surname).
    const isName = (w: string, i: number) => (i === 0 ? surnamesBySkeleton.has(fold(w).toLowerCase()) : known(w));
    if (mrzWords.length === words.length)
      words = words.map((w, i) => (isName(w, i) || !isName(mrzWords[i]!, i) ? w : toTitleVi(mrzWords[i]!)));
    notes.push(`Họ tên đọc trên mặt trước khác chữ với MRZ (${mrzWords.join(' ')}); hãy đối chiếu với thẻ.`);
    uncertain = true;
  }
  const out = words.map((word, i) => {
    const key = fold(word).toLowerCase();
    const middle = i > 0 && i < words.length - 1 ? middlesBySkeleton.get(key) : undefined;
    if (middle?.length === 1 && middle[0] !== word) {
      notes.push(`"${word}" sửa thành "${middle[0]}" (chữ đệm).`);
      return middle[0]!;
    }
    if (middle?.includes(word)) return word;
    // "Thị" is only ever a middle name: as the given name it is "Thi".
    if (i === words.length - 1 && i > 0 && word === 'Thị') {
      notes.push(`"Thị" chỉ là chữ đệm; tên được sửa thành "Thi"; hãy đối chiếu với thẻ.`);
      uncertain = true;
      return 'Thi';
    }
    const candidates =
      (i === 0 && words.length > 1 ? surnamesBySkeleton.get(key) : undefined) ?? bySkeleton.get(key) ?? [];
    if (candidates.includes(word)) {
      // The marks drawn above a letter (sắc, huyền, hỏi, ngã) blur into one another in small print: a name that
      // has the same letters with another of them ("Thuý", "Thuỷ"; "Tiền", "Tiễn") is not decided by the reading.
      const siblings = candidates.filter(
        (c) =>
          letters(c) === letters(word) &&
          tone(c) !== tone(word) &&
          aboveMarks.has(tone(c)) &&
          aboveMarks.has(tone(word)),
      );
      if (siblings.length) {
        uncertain = true;
        notes.push(`"${word}" có thể là ${siblings.join(', ')} (dấu khó đọc); hãy đối chiếu với thẻ.`);
      }
      return word;
    }
    if (candidates.length === 1) {
      notes.push(`"${word}" sửa thành "${candidates[0]}" theo danh mục tên.`);
      return candidates[0]!;
    }
    if (candidates.length > 1) {
      // Prefer a spelling with the tone OCR saw, then with the same letters.
      const scored = candidates
        .map((c) => ({ c, score: (tone(c) === tone(word) ? 2 : 0) + (letters(c) === letters(word) ? 1 : 0) }))
        .sort((a, b) => b.score - a.score);
      const best = scored[0]!;
      uncertain = true;
      if (scored[1] && scored[1].score === best.score) {
        notes.push(`"${word}" chưa rõ dấu (có thể là ${candidates.join(', ')}); hãy đối chiếu với thẻ.`);
        return word;
      }
      notes.push(`"${word}" sửa thành "${best.c}" theo danh mục tên; hãy đối chiếu với thẻ.`);
      return best.c;
    }
    uncertain = true;
    notes.push(`"${word}" không có trong danh mục tên; hãy đối chiếu với thẻ.`);
    return word;
  });
  const value = out.join(' ');
  return {
    value,
    confidence: uncertain ? Math.min(0.6, options.wordConfidence ?? 0.6) : Math.max(0.9, options.wordConfidence ?? 0.9),
    uncertain,
    notes,
  };
}
