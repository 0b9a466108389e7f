import { z } from 'zod';
import legacyData from '@/utils/vn/data/legacy-provinces.json';
import type { VnDate } from '@/utils/vn/dates';
import { reason, type Reason } from '@/utils/i18n/reason-error';

/**
 * The 12-digit personal ID number, PPP G YY RRRRRR (shared/domain/VIETNAM.md §2). The structure's circular
 * expired in 2024: what it decodes (province, century, sex) are hints to cross-check, never grounds to refuse.
 */

const legacySchema = z.object({
  abroadRange: z.object({ from: z.number(), to: z.number() }),
  provinces: z.array(
    z.object({ code: z.string().regex(/^\d{3}$/), name: z.string(), newProvinceCode: z.string().regex(/^\d{2}$/) }),
  ),
});
const legacy = legacySchema.parse(legacyData);

export type LegacyProvince = (typeof legacy.provinces)[number];
const byCode = new Map(legacy.provinces.map((p) => [p.code, p]));

export function legacyProvince(code: string): LegacyProvince | undefined {
  return byCode.get(code);
}

export function legacyProvinces(): readonly LegacyProvince[] {
  return legacy.provinces;
}

export type Sex = 'Nam' | 'Nữ';

export interface DecodedId {
  /** The three leading digits as written. */
  provinceCode: string;
  /** Legacy (pre-2025) province of birth registration, when the code is one. */
  province: LegacyProvince | null;
  /** Born abroad (codes 101–295). */
  abroad: boolean;
  sex: Sex;
  birthYear: number;
}

export type IdKind = 'personal-id' | 'old-id';

export interface IdNumber {
  kind: IdKind;
  /** 12 digits (personal ID) or 9 digits (old CMND). */
  value: string;
  /** Leading zeros were put back (the spreadsheet stored the number as a number). */
  restored: boolean;
  /** What the officer should know, in Vietnamese. */
  notes: string[];
}

export type IdResult = { ok: true; id: IdNumber } | { ok: false; reason: Reason };

/**
 * Reads an ID number as typed, scanned or imported: strips spaces and dots, puts back the leading zeros
 * a spreadsheet dropped (a 10–11 digit number is a personal ID, an 8-digit one an old CMND) and says so.
 */
export function parseIdNumber(raw: string | number): IdResult {
  const text = typeof raw === 'number' ? numberToDigits(raw) : raw.trim().replace(/[\s.-]/g, '');
  if (text === null) return { ok: false, reason: reason('id.parse.rounded') };
  if (/e\+?\d+$/i.test(text)) {
    return {
      ok: false,
      reason: reason('id.parse.exponent', { text }),
    };
  }
  if (!/^\d+$/.test(text)) return { ok: false, reason: reason('id.parse.notDigits', { text }) };
  switch (text.length) {
    case 12:
      return { ok: true, id: { kind: 'personal-id', value: text, restored: false, notes: [] } };
    case 9:
      return { ok: true, id: { kind: 'old-id', value: text, restored: false, notes: [] } };
    case 10:
    case 11: {
      const value = text.padStart(12, '0');
      return { ok: true, id: { kind: 'personal-id', value, restored: true, notes: [restoredNote(text, value)] } };
    }
    case 8: {
      const value = text.padStart(9, '0');
      return { ok: true, id: { kind: 'old-id', value, restored: true, notes: [restoredNote(text, value)] } };
    }
    default:
      return {
        ok: false,
        reason: reason('id.parse.length', { text, count: text.length }),
      };
  }
}

function restoredNote(from: string, to: string): string {
  return `Đã thêm số 0 ở đầu bị bảng tính làm mất: ${from} → ${to}. Hãy đối chiếu với giấy tờ.`;
}

function numberToDigits(n: number): string | null {
  if (!Number.isSafeInteger(n) || n < 0) return null;
  return String(n);
}

/** PPP G YY: legacy province, century-and-sex digit, two-digit year. Null when not 12 digits. */
export function decodePersonalId(id: string): DecodedId | null {
  const m = id.match(/^(\d{3})(\d)(\d{2})\d{6}$/);
  if (!m) return null;
  const code = m[1]!;
  const g = +m[2]!;
  const numericCode = +code;
  return {
    provinceCode: code,
    province: byCode.get(code) ?? null,
    abroad: numericCode >= legacy.abroadRange.from && numericCode <= legacy.abroadRange.to,
    sex: g % 2 === 0 ? 'Nam' : 'Nữ',
    birthYear: (Math.floor(g / 2) + 19) * 100 + +m[3]!,
  };
}

export interface IdMismatch {
  field: 'birthYear' | 'sex' | 'province';
  message: Reason;
}

/**
 * Compares what the number suggests with the person's own data. Mismatches are hints for the officer
 * ("hãy kiểm tra lại"), since the law no longer guarantees the structure.
 */
export function crossCheckId(id: string, person: { birthDate?: VnDate; sex?: Sex }): IdMismatch[] {
  const decoded = decodePersonalId(id);
  if (!decoded) return [];
  const issues: IdMismatch[] = [];
  if (!decoded.province && !decoded.abroad) {
    issues.push({
      field: 'province',
      message: reason('id.mismatch.province', { code: decoded.provinceCode }),
    });
  }
  if (person.birthDate && person.birthDate.year !== decoded.birthYear) {
    issues.push({
      field: 'birthYear',
      message: reason('id.mismatch.birthYear', { suggested: decoded.birthYear, written: person.birthDate.year }),
    });
  }
  if (person.sex && person.sex !== decoded.sex) {
    issues.push({
      field: 'sex',
      message: reason('id.mismatch.sex', { suggested: decoded.sex, written: person.sex }),
    });
  }
  return issues;
}

/** "001090012345" → "0010•••••345": enough for the officer to recognise, too little to misuse. */
export function maskId(id: string): string {
  if (id.length <= 7) return '•'.repeat(id.length);
  return `${id.slice(0, 4)}${'•'.repeat(id.length - 7)}${id.slice(-3)}`;
}
