import { addressFromText } from '@/utils/vn/admin-units';
import { excelSerialToDate, formatDate, makeDate, parseDate, type DateResult, type VnDate } from '@/utils/vn/dates';
import { toTitleVi } from '@/utils/vn/names';
import { decodePersonalId, parseIdNumber } from '@/utils/vn/personal-id';
import { parsePhone } from '@/utils/vn/phone';
import { cleanSpaces, fold, matchKey } from '@/utils/vn/text';
import type { Cell } from '@/utils/records/cell';
import type { FieldKind, PersonField } from '@/utils/records/fields';
import { reason, said, type Reason } from '@/utils/records/reason';
import { maritalStatuses, sexes, type Address } from '@/utils/records/schema';

/**
 * What each kind of field does with a value: show it on one line (form, export), read what an officer typed,
 * read a spreadsheet cell. Every field of utils/records/fields.ts is one of these kinds.
 */
export type KindResult =
  | {
      ok: true;
      value: unknown;
      notes: Reason[] /** The value belongs to another field (a 9-digit number in the ID column). */;
      field?: PersonField;
    }
  | { ok: false; reason: Reason };

export interface FieldKindCodec {
  show(value: unknown): string;
  typed(text: string): KindResult;
  cell(cell: Cell | undefined, text: string): KindResult;
}

const ok = (value: unknown, notes: Reason[] = [], field?: PersonField): KindResult => ({
  ok: true,
  value,
  notes,
  ...(field ? { field } : {}),
});
const no = (r: Reason): KindResult => ({ ok: false, reason: r });
const fromDate = (result: DateResult): KindResult => (result.ok ? ok(result.date) : no(said(result.reason)));
const same = (typed: (text: string) => KindResult) => (_cell: Cell | undefined, text: string) => typed(text);

function dateFromCell(cell: Cell | undefined, text: string): DateResult {
  if (cell instanceof Date) return makeDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    if (cell >= 1800 && cell <= 2200 && Number.isInteger(cell)) return makeDate(cell);
    return excelSerialToDate(cell);
  }
  return parseDate(text);
}

/** The three leading digits must be a legacy province (001–096) or a birth abroad (101–295). */
function provinceReason(id: string): Reason | null {
  const decoded = decodePersonalId(id);
  if (!decoded || decoded.province || decoded.abroad) return null;
  return reason('id.province.unknown', { code: decoded.provinceCode, id });
}

function idFromCell(cell: Cell | undefined, text: string): KindResult {
  const parsed = parseIdNumber(typeof cell === 'number' ? cell : text);
  if (!parsed.ok) return no(parsed.reason);
  const field = parsed.id.kind === 'personal-id' ? 'personalId' : 'oldId';
  const province = field === 'personalId' ? provinceReason(parsed.id.value) : null;
  if (province) return no(province);
  return ok(parsed.id.value, parsed.id.notes.map(said), field);
}

const sexAliases: Record<string, (typeof sexes)[number]> = {
  nam: 'Nam',
  m: 'Nam',
  male: 'Nam',
  trai: 'Nam',
  nu: 'Nữ',
  f: 'Nữ',
  female: 'Nữ',
  gai: 'Nữ',
};
const maritalAliases: Record<string, (typeof maritalStatuses)[number]> = {
  'chua ket hon': 'chưa kết hôn',
  'doc than': 'chưa kết hôn',
  'da ket hon': 'đã kết hôn',
  'co vo': 'đã kết hôn',
  'co chong': 'đã kết hôn',
  'ly hon': 'ly hôn',
  goa: 'goá',
};

const text: FieldKindCodec = { show: (v) => String(v), typed: (t) => ok(cleanSpaces(t)), cell: (_c, t) => ok(t) };

export const fieldKindCodecs: Record<FieldKind, FieldKindCodec> = {
  name: {
    show: (v) => String(v),
    typed: (t) => ok(cleanSpaces(t)),
    // A list typed in capitals ("NGUYỄN VĂN AN") is written the way records hold names.
    cell: (_c, t) => ok(t === t.toLocaleUpperCase('vi') && /\p{L}/u.test(t) ? toTitleVi(t) : t),
  },
  date: {
    show: (v) => formatDate(v as VnDate),
    typed: (t) => fromDate(parseDate(t)),
    cell: (c, t) => fromDate(dateFromCell(c, t)),
  },
  sex: {
    show: (v) => String(v),
    typed: (t) => ((sexes as readonly string[]).includes(t) ? ok(t) : no(reason('form.sex.invalid'))),
    cell: (_c, t) => {
      const sex = sexAliases[fold(t).toLowerCase()];
      return sex ? ok(sex) : no(reason('import.sex.unknown', { value: t }));
    },
  },
  personalId: {
    show: (v) => String(v),
    typed: (t) => {
      const id = t.replace(/[\s.]/g, '');
      if (!/^\d{12}$/.test(id)) return no(reason('form.personalId.length', { count: id.replace(/\D/g, '').length }));
      const province = provinceReason(id);
      return province ? no(province) : ok(id);
    },
    cell: idFromCell,
  },
  oldId: {
    show: (v) => String(v),
    typed: (t) => {
      const id = t.replace(/[\s.]/g, '');
      return /^\d{9}$/.test(id) ? ok(id) : no(reason('form.oldId.length'));
    },
    cell: idFromCell,
  },
  text,
  address: {
    show: (v) => (v as Address).text,
    typed: (t) => ok(addressFromText(cleanSpaces(t))),
    cell: (_c, t) => ok(addressFromText(t)),
  },
  phone: {
    show: (v) => String(v),
    typed: (t) => {
      const parsed = parsePhone(t);
      if (!parsed.ok) return no(parsed.reason);
      return parsed.restored ? no(reason('form.phone.missingZero')) : ok(parsed.value);
    },
    cell: (c, t) => {
      const parsed = parsePhone(typeof c === 'number' ? c : t);
      return parsed.ok ? ok(parsed.value, parsed.notes.map(said)) : no(parsed.reason);
    },
  },
  email: {
    show: (v) => String(v),
    typed: (t) =>
      /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cleanSpaces(t))
        ? ok(cleanSpaces(t))
        : no(reason('form.email.invalid', { value: t })),
    cell: same((t) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t) ? ok(t) : no(reason('form.email.invalid', { value: t })))),
  },
  maritalStatus: {
    show: (v) => String(v),
    typed: (t) => ((maritalStatuses as readonly string[]).includes(t) ? ok(t) : no(reason('form.marital.invalid'))),
    cell: (_c, t) => {
      const status = maritalAliases[matchKey(t)];
      return status ? ok(status) : no(reason('import.marital.unknown', { value: t }));
    },
  },
};

/** The choices a field offers (a select in the editor), when its kind has a closed list. */
export function kindChoices(kind: FieldKind): readonly string[] | null {
  if (kind === 'sex') return sexes;
  if (kind === 'maritalStatus') return maritalStatuses;
  return null;
}
