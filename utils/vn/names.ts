import { cleanSpaces } from '@/utils/vn/text';

/** CAPITALS as printed on the card, with the Vietnamese locale. */
export function toUpperVi(text: string): string {
  return cleanSpaces(text).toLocaleUpperCase('vi');
}

/** "NGUYỄN VĂN AN" → "Nguyễn Văn An". Each word: first letter upper, rest lower. */
export function toTitleVi(text: string): string {
  return cleanSpaces(text)
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((word) => (word ? word[0]!.toLocaleUpperCase('vi') + word.slice(1) : word))
    .join(' ');
}

export interface NameParts {
  /** Họ */
  family: string;
  /** Chữ đệm (may be empty) */
  middle: string;
  /** Tên */
  given: string;
}

/**
 * Two-word surnames that must stay together when splitting. The officer can always override the split;
 * this list only makes the first guess right more often. Compared case-insensitively.
 */
export const compoundSurnames = [
  'Âu Dương',
  'Tôn Nữ',
  'Tôn Thất',
  'Công Tằng Tôn Nữ',
  'Hoàng Phủ',
  'Tư Mã',
  'Gia Cát',
  'Thượng Quan',
  'Đoàn Mạc',
];

/**
 * Họ / chữ đệm / tên: first word (or a known compound surname) is họ, last word is tên, the rest chữ đệm.
 * A one-word name is all tên.
 */
export function splitName(fullName: string, surnames: readonly string[] = compoundSurnames): NameParts {
  const words = cleanSpaces(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  const lower = words.map((w) => w.toLocaleLowerCase('vi'));
  let familyLength = 1;
  for (const surname of surnames) {
    const parts = surname.toLocaleLowerCase('vi').split(' ');
    // The compound must leave at least the given name after it.
    if (parts.length < words.length && parts.every((p, i) => lower[i] === p)) {
      familyLength = Math.max(familyLength, parts.length);
    }
  }
  return {
    family: words.slice(0, familyLength).join(' '),
    middle: words.slice(familyLength, -1).join(' '),
    given: words[words.length - 1]!,
  };
}

export function joinName(parts: NameParts): string {
  return cleanSpaces([parts.family, parts.middle, parts.given].join(' '));
}
