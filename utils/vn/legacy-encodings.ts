import { fold, nfc } from './text';

/**
 * TCVN3 (ABC, fonts .VnTime) and VNI-Windows, the 8-bit encodings of old Word/Excel files, as they arrive
 * once the file has been read as Windows-1252 / Latin-1 text (one character per byte, U+00A0–U+00FF).
 */

/** The Vietnamese vowels, each with its five toned forms in the order: grave, hook, tilde, acute, dot. */
const vowelRows: ReadonlyArray<readonly [string, string]> = [
  ['a', 'àảãáạ'],
  ['ă', 'ằẳẵắặ'],
  ['â', 'ầẩẫấậ'],
  ['e', 'èẻẽéẹ'],
  ['ê', 'ềểễếệ'],
  ['i', 'ìỉĩíị'],
  ['o', 'òỏõóọ'],
  ['ô', 'ồổỗốộ'],
  ['ơ', 'ờởỡớợ'],
  ['u', 'ùủũúụ'],
  ['ư', 'ừửữứự'],
  ['y', 'ỳỷỹýỵ'],
];

/** Every Vietnamese letter that is not plain ASCII, lower case (72 toned/shaped vowels and đ). */
export const vietnameseLetters: readonly string[] = [
  ...vowelRows.flatMap(([base, toned]) => [...(base.charCodeAt(0) > 127 ? [base] : []), ...toned]),
  'đ',
];

// TCVN3 byte values: untoned shaped vowels, then per vowel its five toned forms.
const tcvn3Lower: Record<string, number[]> = {
  a: [0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};
/** The only capitals TCVN3 encodes; toned capitals are lower-case codes shown in a capital font (.VnTimeH). */
const tcvn3Upper: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7 };

const tcvn3ToUni = new Map<string, string>();
const uniToTcvn3 = new Map<string, string>();
for (const [base, toned] of vowelRows) {
  const codes = tcvn3Lower[base]!;
  const letters = codes.length === 6 ? [base, ...toned] : [...toned];
  letters.forEach((letter, i) => {
    const ch = String.fromCharCode(codes[i]!);
    tcvn3ToUni.set(ch, letter);
    uniToTcvn3.set(letter, ch);
  });
}
tcvn3ToUni.set(String.fromCharCode(0xae), 'đ');
uniToTcvn3.set('đ', String.fromCharCode(0xae));
for (const [letter, code] of Object.entries(tcvn3Upper)) {
  tcvn3ToUni.set(String.fromCharCode(code), letter);
  uniToTcvn3.set(letter, String.fromCharCode(code));
}

export interface Tcvn3Options {
  /** The text was set in a capital font (.VnTimeH): its lower-case codes stand for capitals. */
  capitalFont?: boolean;
}

export function decodeTcvn3(text: string, options: Tcvn3Options = {}): string {
  let out = '';
  for (const ch of text) out += tcvn3ToUni.get(ch) ?? ch;
  return nfc(options.capitalFont ? out.toLocaleUpperCase('vi') : out);
}

/** Encodes to TCVN3. Toned capitals become their lower-case codes: set the result in a capital font. */
export function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of nfc(text)) {
    out += uniToTcvn3.get(ch) ?? uniToTcvn3.get(ch.toLocaleLowerCase('vi')) ?? ch;
  }
  return out;
}

// VNI-Windows: a base letter followed by a mark character; a few letters have one character of their own.
const vniToneLower = ['ø', 'û', 'õ', 'ù', 'ï']; // grave, hook, tilde, acute, dot
const vniToneUpper = ['Ø', 'Û', 'Õ', 'Ù', 'Ï'];
const vniCircumflex = { lower: ['â', 'à', 'å', 'ã', 'á', 'ä'], upper: ['Â', 'À', 'Å', 'Ã', 'Á', 'Ä'] };
const vniBreve = { lower: ['ê', 'è', 'ú', 'ü', 'é', 'ë'], upper: ['Ê', 'È', 'Ú', 'Ü', 'É', 'Ë'] };
/** Letters VNI writes as one character: i's toned forms, ơ/ư as ô/ö with marks after, ỵ, đ. */
const vniSingles: Record<string, string> = { ì: 'ì', ỉ: 'æ', ĩ: 'ó', í: 'í', ị: 'ò', ỵ: 'î', đ: 'ñ', ơ: 'ô', ư: 'ö' };

const uniToVni = new Map<string, string>();
for (const upper of [false, true]) {
  const cased = (s: string) => (upper ? s.toLocaleUpperCase('vi') : s);
  const tones = upper ? vniToneUpper : vniToneLower;
  for (const [base, toned] of vowelRows) {
    [...toned].forEach((letter, i) => {
      let encoded: string;
      if (base === 'â' || base === 'ê' || base === 'ô') {
        const plain = base === 'â' ? 'a' : base === 'ê' ? 'e' : 'o';
        encoded = cased(plain) + (upper ? vniCircumflex.upper : vniCircumflex.lower)[i + 1]!;
      } else if (base === 'ă') {
        encoded = cased('a') + (upper ? vniBreve.upper : vniBreve.lower)[i + 1]!;
      } else if (base === 'ơ' || base === 'ư') {
        encoded = cased(vniSingles[base]!) + tones[i]!;
      } else if (vniSingles[letter]) {
        encoded = cased(vniSingles[letter]!);
      } else {
        encoded = cased(base) + tones[i]!;
      }
      uniToVni.set(cased(letter), encoded);
    });
  }
  uniToVni.set(cased('â'), cased('a') + (upper ? vniCircumflex.upper : vniCircumflex.lower)[0]!);
  uniToVni.set(cased('ê'), cased('e') + (upper ? vniCircumflex.upper : vniCircumflex.lower)[0]!);
  uniToVni.set(cased('ô'), cased('o') + (upper ? vniCircumflex.upper : vniCircumflex.lower)[0]!);
  uniToVni.set(cased('ă'), cased('a') + (upper ? vniBreve.upper : vniBreve.lower)[0]!);
  uniToVni.set(cased('ơ'), cased('ô'));
  uniToVni.set(cased('ư'), cased('ö'));
  uniToVni.set(cased('đ'), cased('ñ'));
}
const vniToUni = new Map([...uniToVni].map(([uni, vni]) => [vni, uni]));

export function encodeVni(text: string): string {
  let out = '';
  for (const ch of nfc(text)) out += uniToVni.get(ch) ?? ch;
  return out;
}

export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = vniToUni.get(text.slice(i, i + 2));
    if (pair) {
      out += pair;
      i += 2;
      continue;
    }
    const single = vniToUni.get(text[i]!);
    out += single ?? text[i]!;
    i += 1;
  }
  return nfc(out);
}

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni' | 'ascii';

const unicodeVietnamese = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300-\u0323]/;
const latin1High = /[\u00a0-\u00ff]/;
/** Folded vowel clusters that occur in Vietnamese rhymes ("auo" does not: "chaứo" is not a word). */
const vowelClusters =
  'a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|iu|oa|oe|oi|ua|ue|ui|uo|uy|ya|ye|yu|oai|oao|oay|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu';
const syllable = new RegExp(
  `^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(${vowelClusters})(ch|ng|nh|[cmnpt])?$`,
);
/** Latin-1 characters that are not Vietnamese letters: left over, they mean a decoding went wrong. */
const strayLatin1 = /[\u00a0-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;

/** A word a Vietnamese reader would accept: one initial, a vowel cluster, one final, at most one tone. */
function isPlausibleSyllable(word: string): boolean {
  const tones = (word.normalize('NFD').match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? []).length;
  return tones <= 1 && syllable.test(fold(word).toLowerCase());
}

/** Share of the converted words that contained legacy bytes and now read as Vietnamese syllables. */
function plausibility(original: string, decoded: string): number {
  const before = original.split(/[^\p{L}\u00a0-\u00ff]+/u);
  const after = decoded.split(/[^\p{L}]+/u);
  let touched = 0;
  let good = 0;
  before.forEach((word, i) => {
    if (!latin1High.test(word)) return;
    touched += 1;
    const converted = after[i];
    if (converted && isPlausibleSyllable(converted) && !strayLatin1.test(converted)) good += 1;
  });
  return touched === 0 ? 0 : good / touched;
}

/**
 * Which encoding a text (read one byte per character) is in. Unicode Vietnamese wins outright; otherwise
 * the legacy decoding under which most touched words become Vietnamese syllables, if most of them do.
 */
export function detectEncoding(text: string): TextEncoding {
  if (unicodeVietnamese.test(text.normalize('NFC'))) return 'unicode';
  if (!latin1High.test(text)) return 'ascii';
  // "Hoàng Mai Loan" uses only letters Latin-1 shares with Vietnamese: already Unicode, and also a valid VNI
  // spelling of "Hồng Mai Loan". Text that already reads as Vietnamese is never converted.
  const asIs = plausibility(text, text);
  const tcvn = plausibility(text, decodeTcvn3(text));
  const vni = plausibility(text, decodeVni(text));
  const best = Math.max(tcvn, vni);
  // Below this, the text is more likely French or Latin-1 noise than Vietnamese in a legacy font.
  if (best < 0.6 || asIs >= best) return 'unicode';
  return vni >= tcvn ? 'vni' : 'tcvn3';
}

export interface Converted {
  text: string;
  from: TextEncoding;
}

/** Detects and converts to Unicode NFC; Unicode and ASCII text come back unchanged (but NFC). */
export function toUnicode(text: string): Converted {
  const from = detectEncoding(text);
  if (from === 'tcvn3') return { text: decodeTcvn3(text), from };
  if (from === 'vni') return { text: decodeVni(text), from };
  return { text: nfc(text), from };
}
