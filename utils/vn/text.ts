/**
 * Vietnamese text for matching: NFC, diacritic folding, tone placement and i/y variants.
 * See shared/domain/VIETNAM.md §7.
 */

export function nfc(text: string): string {
  return text.normalize('NFC');
}

const combiningMarks = /[\u0300-\u036f]/g;

/** Drops every diacritic, đ/Đ included (they do not decompose under NFD). Keeps case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(combiningMarks, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * The key two spellings share when an officer would call them the same: folded, lower case, hyphens and
 * apostrophes as spaces ("Ê-đê" = "Ê Đê", "H'Mông" = "H Mông"), i/y variants unified ("Quí" = "Quý"),
 * whitespace collapsed. Tone placement (Hoà/Hòa) needs nothing more: folding removes the tone.
 */
export function matchKey(text: string): string {
  const folded = fold(text)
    .toLowerCase()
    .replace(/[-‐‑–—'’ʼ`_.,;:()/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.split(' ').map(unifyIY).join(' ');
}

// An open syllable whose whole rhyme is a lone i/y: Kỳ/Kì, Lý/Lí, Mỹ/Mĩ, Quý/Quí. "Thuỷ", "Huy" keep their y.
const loneIY = /^(b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)?y$/;

function unifyIY(word: string): string {
  return loneIY.test(word) ? `${word.slice(0, -1)}i` : word;
}

export type TonePlacement = 'classic' | 'modern';

const toneMarks = '\u0300\u0301\u0303\u0309\u0323'; // grave, acute, tilde, hook above, dot below
const toneMarkRe = new RegExp(`[${toneMarks}]`);

/**
 * Moves the tone mark of open "oa", "oe", "uy" syllables: classic puts it on the first vowel (hòa, khỏe,
 * thủy), modern on the second (hoà, khoẻ, thuỷ). Syllables with a final consonant (hoàng, thuyền) and "qu"
 * (quý) are the same in both styles and are left alone.
 */
export function setTonePlacement(text: string, style: TonePlacement): string {
  return nfc(text).replace(/\p{L}+/gu, (word) => placeTone(word, style));
}

function placeTone(word: string, style: TonePlacement): string {
  const decomposed = word.normalize('NFD');
  const tone = decomposed.match(toneMarkRe)?.[0];
  if (!tone) return word;
  const letters = [...decomposed.replace(toneMarkRe, '').normalize('NFC')];
  const lower = letters.map((ch) => ch.toLowerCase());
  const n = lower.length;
  if (n < 2) return word;
  const pair = lower[n - 2]! + lower[n - 1]!;
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word;
  if (pair === 'uy' && lower[n - 3] === 'q') return word;
  // Only a bare pair ending the word: "hoan", "thuyen" have a final consonant or a third vowel.
  const target = style === 'classic' ? n - 2 : n - 1;
  const rebuilt = letters.map((ch, i) => (i === target ? (ch.normalize('NFD') + tone).normalize('NFC') : ch)).join('');
  return rebuilt.normalize('NFC');
}

/** Collapses runs of whitespace (including non-breaking spaces) and trims; NFC. */
export function cleanSpaces(text: string): string {
  return nfc(text)
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}
