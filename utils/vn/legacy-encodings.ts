import { isVietnameseSyllable } from '@/utils/vn/syllable';
import { nfc } from '@/utils/vn/text';

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
export type LegacyEncoding = 'tcvn3' | 'vni';

/** Letters only Unicode has: text holding one was never a legacy font read one byte per character. */
const beyondLatin1 =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[\u0300-\u0323]/;
const latin1High = /[\u00a1-\u00ff]/;
/** A word as the legacy fonts write it: letters, combining marks and every Latin-1 code the fonts use ("§" is Đ, "÷" is ữ). */
const wordRe = /[\p{L}\p{M}\u00a1-\u00ff]+/gu;

/** The codes one font uses and the other never does: what decides between two equally good readings. */
const tcvn3Only = new Set([...'µ¶·¸¹¨»¼½¾©ÇÐª×ÝÞß«ç¬\u00ad÷ýþ®¡¢£¤¥¦§']);
const vniOnly = new Set([...'àÛÙÚÂÀÅÃÁÄÍ']);

/**
 * How a body of text (a column, a file) reads under each interpretation: of the words holding legacy codes,
 * how many are Vietnamese syllables as they are, decoded as TCVN3, decoded as VNI; and how many codes only one
 * font uses. Words are judged one by one, so a "§" opening a word cannot shift the words after it.
 */
export interface EncodingTally {
  touched: number;
  asIs: number;
  tcvn3: number;
  vni: number;
  tcvn3Codes: number;
  vniCodes: number;
  /** Words holding letters only Unicode has. */
  unicodeWords: number;
}

export function emptyTally(): EncodingTally {
  return { touched: 0, asIs: 0, tcvn3: 0, vni: 0, tcvn3Codes: 0, vniCodes: 0, unicodeWords: 0 };
}

const readsAsVietnamese = (word: string) => isVietnameseSyllable(word);

/** Adds `text`'s words to `tally` (made fresh when omitted) and returns it. */
export function tallyText(text: string, tally: EncodingTally = emptyTally()): EncodingTally {
  for (const [word] of text.normalize('NFC').matchAll(wordRe)) {
    if (beyondLatin1.test(word)) {
      tally.unicodeWords += 1;
      continue;
    }
    if (!latin1High.test(word)) continue;
    tally.touched += 1;
    if (readsAsVietnamese(word)) tally.asIs += 1;
    if (readsAsVietnamese(decodeTcvn3(word))) tally.tcvn3 += 1;
    if (readsAsVietnamese(decodeVni(word))) tally.vni += 1;
    for (const ch of word) {
      if (tcvn3Only.has(ch)) tally.tcvn3Codes += 1;
      else if (vniOnly.has(ch)) tally.vniCodes += 1;
    }
  }
  return tally;
}

/** Below this share of words reading as Vietnamese, the text is more likely French or Latin-1 noise. */
const minimumShare = 0.6;

/**
 * The encoding a tally points to. Text that reads as Vietnamese as it is stays (a Unicode "Hoàng" is also a
 * VNI "Hồng"); otherwise the font under which more words read as syllables, and between two that read as
 * well, the one whose own codes the text holds; TCVN3, the national standard, when nothing tells them apart.
 */
export function chooseEncoding(tally: EncodingTally): TextEncoding {
  if (tally.touched === 0) return tally.unicodeWords > 0 ? 'unicode' : 'ascii';
  const best = Math.max(tally.tcvn3, tally.vni);
  if (best < tally.touched * minimumShare || tally.asIs >= best) return 'unicode';
  if (tally.tcvn3 !== tally.vni) return tally.tcvn3 > tally.vni ? 'tcvn3' : 'vni';
  return tally.vniCodes > tally.tcvn3Codes ? 'vni' : 'tcvn3';
}

/** Which encoding a text (read one byte per character) is in. Unicode Vietnamese wins outright. */
export function detectEncoding(text: string): TextEncoding {
  if (beyondLatin1.test(text.normalize('NFC'))) return 'unicode';
  return chooseEncoding(tallyText(text));
}

/**
 * `text` read as `from` (decided for its whole column or file). A text holding letters only Unicode has is
 * left as it is: a legacy font read byte by byte cannot produce them.
 */
export function decodeAs(text: string, from: TextEncoding): string {
  if ((from !== 'tcvn3' && from !== 'vni') || beyondLatin1.test(text.normalize('NFC'))) return nfc(text);
  return from === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
}

export interface Converted {
  text: string;
  from: TextEncoding;
}

/** Detects and converts to Unicode NFC; Unicode and ASCII text come back unchanged (but NFC). */
export function toUnicode(text: string): Converted {
  const from = detectEncoding(text);
  return { text: decodeAs(text, from), from };
}
