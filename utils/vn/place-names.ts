import { cleanSpaces, fold, matchKey } from '@/utils/vn/text';

export type UnitKind = 'province' | 'city' | 'district' | 'town' | 'township' | 'ward' | 'commune' | 'special';

/** Full-word prefixes, longest first so "thành phố" wins over shorter ones. */
const wordPrefixes: ReadonlyArray<readonly [string, UnitKind]> = [
  ['thành phố', 'city'],
  ['thị trấn', 'township'],
  ['thị xã', 'town'],
  ['đặc khu', 'special'],
  ['tỉnh', 'province'],
  ['quận', 'district'],
  ['huyện', 'district'],
  ['phường', 'ward'],
  ['xã', 'commune'],
];

/** Abbreviations, as written on forms and cards ("TP.", "Tp", "TT.", "Q.", "P.12"). */
const abbreviations: ReadonlyArray<readonly [string, UnitKind]> = [
  ['tp', 'city'],
  ['tx', 'town'],
  ['tt', 'township'],
  ['q', 'district'],
  ['h', 'district'],
  ['p', 'ward'],
  ['x', 'commune'],
];

export interface PlaceName {
  /** The name without its prefix, NFC, original case. */
  name: string;
  kind: UnitKind | null;
}

/**
 * "Phường Bạch Mai" → Bạch Mai (ward); "P.12" → 12 (ward); "TP. Hồ Chí Minh" → Hồ Chí Minh (city);
 * "Q 1" → 1. Prefixes are compared with their diacritics ("Tình Cương" is not "Tỉnh Cương"); text typed
 * without any diacritics ("Phuong Bach Mai") is compared folded.
 */
export function stripUnitPrefix(raw: string): PlaceName {
  const text = cleanSpaces(raw);
  const lower = text.toLocaleLowerCase('vi');
  const ascii = fold(text) === text;
  for (const [prefix, kind] of wordPrefixes) {
    const candidates = ascii ? [prefix, fold(prefix)] : [prefix];
    for (const candidate of candidates) {
      if (!lower.startsWith(candidate)) continue;
      const m = text.slice(candidate.length).match(/^(\.\s*|\s+)(\S.*)$/);
      if (m) return { name: m[2]!.trim(), kind };
    }
  }
  for (const [prefix, kind] of abbreviations) {
    if (!lower.startsWith(prefix)) continue;
    // Needs a dot, or a space then a capital or digit, or a digit straight after ("P12", "Q.1").
    const m = text.slice(prefix.length).match(/^(?:\.\s*(\S.*)|\s+([\p{Lu}\d].*)|(\d.*))$/u);
    const name = m?.[1] ?? m?.[2] ?? m?.[3];
    if (name) return { name: name.trim(), kind };
  }
  return { name: text, kind: null };
}

/** The matching key of a place name: prefix stripped, `matchKey`, leading zeros of numbers dropped ("P.05" = "Phường 5"). */
export function placeKey(raw: string): string {
  return matchKey(stripUnitPrefix(raw).name).replace(/\b0+(\d)/g, '$1');
}
