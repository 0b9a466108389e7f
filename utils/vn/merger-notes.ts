import { cleanSpaces } from '@/utils/vn/text';
import { placeKey, stripUnitPrefix } from '@/utils/vn/place-names';

/**
 * Parses the free-text "truocsapnhap" of the 2025 merger notes into the old units each new unit took in:
 * "Phường Quán Thánh, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Kim Mã, Phường 12,
 * Phường 14 (Quận 6), Xã Tam Hiệp (huyện Phúc Thọ), Phường Yên Phụ (phần còn lại sau khi sáp nhập...)".
 */
export interface OldUnitRef {
  /** The old unit's name without its prefix, NFC. */
  name: string;
  key: string;
  /** The old district (or town/city) named to tell same-named units apart, when the note gives one. */
  districtHint: string | null;
  /** Only part of the old unit went into this new one: the old unit has other candidates too. */
  partial: boolean;
}

/** Splits on commas and " và " that are not inside parentheses. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';')) {
      parts.push(current);
      current = '';
      continue;
    }
    if (depth === 0 && text.slice(i, i + 4) === ' và ') {
      parts.push(current);
      current = '';
      i += 3;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const districtHintRe = /^(quận|huyện|thị xã|thành phố|tp\.?)\s+/i;
const partialRe = /một phần|phần còn lại/i;
/** Everything up to "của (các) phường/xã/thị trấn", which introduces a list of partially merged units. */
const leadInRe = /^.*?\bcủa\s+(?:các\s+)?(?:(phường|xã|thị trấn)\s+)?/i;
const trailingRe = /\s+sau khi s[aắ]p (?:x|X)ếp.*$/;

export function parseMergerNote(text: string, newUnitName: string): OldUnitRef[] {
  const clean = cleanSpaces(text);
  if (/^giữ nguyên/i.test(clean)) {
    const name = stripUnitPrefix(newUnitName).name;
    return [{ name, key: placeKey(name), districtHint: null, partial: false }];
  }
  const refs: OldUnitRef[] = [];
  let partialMode = false;
  for (const rawSegment of splitTopLevel(clean)) {
    let segment = rawSegment.replace(trailingRe, '').trim();
    const parens = [...segment.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim());
    segment = segment
      .replace(/\([^()]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

    if (partialRe.test(segment)) {
      partialMode = true;
      if (!/\bcủa\b/i.test(segment) && !/^phần còn lại/i.test(segment)) continue; // "một phần diện tích TN"
      segment = segment
        .replace(leadInRe, '')
        .replace(/^phần còn lại\s+(?:của\s+)?/i, '')
        .trim();
    } else if (/^quy mô dân số|^toàn bộ quy mô/i.test(segment)) {
      segment = segment.replace(leadInRe, '').trim();
    } else if (stripUnitPrefix(segment).kind !== null) {
      partialMode = false; // an explicitly prefixed unit starts a new run
    }

    const { name } = stripUnitPrefix(segment);
    // Descriptions ("khu vực bãi bồi ven biển") are not unit names: those start with a capital or a digit.
    if (!name || !/^[\p{Lu}\d]/u.test(name) || name.split(' ').length > 6) continue;

    let districtHint: string | null = null;
    let partial = partialMode;
    for (const note of parens) {
      if (districtHintRe.test(note)) districtHint = stripUnitPrefix(note).name;
      else if (partialRe.test(note)) partial = true;
    }
    refs.push({ name, key: placeKey(name), districtHint, partial });
  }
  // "Phường 12, Phường 13, Phường 14 (Quận 6)": a hint after a run of numbered wards covers the whole run.
  for (let i = refs.length - 1; i > 0; i--) {
    const hint = refs[i]!.districtHint;
    if (!hint || !/^\d+$/.test(refs[i]!.key)) continue;
    for (let j = i - 1; j >= 0 && /^\d+$/.test(refs[j]!.key) && !refs[j]!.districtHint; j--) {
      refs[j] = { ...refs[j]!, districtHint: hint };
    }
  }
  return refs;
}

/** Folded, lower-case key for district hints ("Quận 6" = "quan 6" = "6"). */
export function districtKey(name: string): string {
  return placeKey(name);
}
