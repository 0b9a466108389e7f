import { matchKey } from '@/utils/vn/text';
import labelsData from '@/utils/autofill/data/labels.json';

/** What a form field is about, in the canonical person model (plus name parts and year-only dates). */
export const fillFields = [
  'fullName',
  'familyName',
  'middleName',
  'givenName',
  'birthDate',
  'birthYear',
  'sex',
  'personalId',
  'oldId',
  'idIssueDate',
  'idIssuePlace',
  'ethnicity',
  'religion',
  'nationality',
  'placeOfBirth',
  'hometown',
  'permanentAddress',
  'currentAddress',
  'phone',
  'email',
  'maritalStatus',
  'occupation',
  'province',
  'ward',
  'addressDetail',
  // The country of an address block ("Quốc gia"), and the kind of residence it is ("Loại cư trú": thường trú…).
  'addressCountry',
  'residenceType',
  // Driver: "Quan hệ với người được khai sinh" rebuilds the blocks below it, so it is filled first.
  'relation',
  // "Định dạng ngày sinh": full date, month/year or year only; set before the date it formats.
  'dateFormat',
] as const;
export type FillField = (typeof fillFields)[number];

/** Whose data a block of the form holds. `subject` is the one person of a single-person form. */
export const formRoles = [
  'subject',
  'requester',
  'declarant',
  'child',
  'father',
  'mother',
  'groom',
  'bride',
  'deceased',
  'householdHead',
  'householdMember',
] as const;
export type FormRole = (typeof formRoles)[number];

export const roleLabels: Record<FormRole, string> = {
  subject: 'Công dân',
  requester: 'Người yêu cầu',
  child: 'Người được khai sinh',
  father: 'Cha',
  mother: 'Mẹ',
  groom: 'Bên nam',
  bride: 'Bên nữ',
  deceased: 'Người chết',
  householdHead: 'Chủ hộ',
  declarant: 'Người kê khai',
  householdMember: 'Thành viên hộ gia đình',
};

/**
 * The vocabulary file's shape. The file is bundled data: `labels.schema.ts` validates it in the unit tests, so the
 * content script does not carry a validator for it.
 */
export interface LabelsData {
  fields: Partial<Record<FillField, string[]>>;
  roles: Partial<Record<FormRole, string[]>>;
  dateParts: Record<'day' | 'month' | 'year', string[]>;
  relationValues: Record<'father' | 'mother' | 'self' | 'other', string[]>;
  dateFormats: Record<'day' | 'month' | 'year', string[]>;
  addressKinds: Record<AddressKind, string[]>;
  scopeValues: { domestic: string[] };
}

/** How a date-format option may be written, per precision of the date it formats. */
export const dateFormatValues = () => data.dateFormats;

/** How a relation option may be written, per relation of the requester to the form's subject. */
export const relationValues = () => data.relationValues;
const withoutComments = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => !k.startsWith('$'))
          .map(([k, v]) => [k, withoutComments(v)]),
      )
    : value;
const data = withoutComments(labelsData) as LabelsData;

/** The choice that opens a Vietnamese address block ("Trong nước"). */
export const domesticScopeValues = () => data.scopeValues.domestic;

function table<K extends string>(map: Partial<Record<K, string[]>>): Array<[K, string]> {
  return (Object.entries(map) as Array<[K, string[]]>)
    .flatMap(([key, list]) => list.map((s) => [key, matchKey(s)] as [K, string]))
    .sort((a, b) => b[1].length - a[1].length);
}
const fieldTable = table<FillField>(data.fields);
const roleTable = table<FormRole>(data.roles);
export type AddressKind = 'permanentAddress' | 'currentAddress' | 'requested' | 'none';
const addressTable = table<AddressKind>(data.addressKinds);

/**
 * Exact match first; then a synonym found as whole words inside the label. Short one-word synonyms ("họ",
 * "tên", "mẹ") only match a whole label: "Mã hồ sơ nội bộ" holds the word "hồ"/"ho" but is no surname.
 */
function lookup<K extends string>(entries: Array<[K, string]>, text: string, minSingleWord: number): K | null {
  const key = matchKey(text);
  if (!key) return null;
  for (const [k, synonym] of entries) if (key === synonym) return k;
  const padded = ` ${key} `;
  for (const [k, synonym] of entries) {
    if (!synonym.includes(' ') && synonym.length < minSingleWord) continue;
    if (padded.includes(` ${synonym} `)) return k;
  }
  return null;
}

/** The field a label names ("(1) Họ, chữ đệm, tên:" → fullName), or null. */
export function fieldForLabel(label: string): FillField | null {
  return lookup(fieldTable, label, 4);
}

/** The person a block heading is about ("THÔNG TIN NGƯỜI CHA" → father), or null. */
export function roleForHeading(heading: string): FormRole | null {
  // Headings are short; a long paragraph that merely mentions "cha" is not one. A long heading names its person
  // in words enough to be sure ("… cho người có tên dưới đây"): only synonyms of three words or more.
  const words = matchKey(heading).split(' ').length;
  if (words > 18) return null;
  if (words > 8)
    return lookup(
      roleTable.filter(([, s]) => s.split(' ').length >= 3),
      heading,
      3,
    );
  return lookup(roleTable, heading, 3);
}

/** Whose address an address group asks for ("Nơi ở hiện tại" → currentAddress; "Nơi đề nghị đăng ký" → none). */
export function addressKindFor(text: string): AddressKind | null {
  if (matchKey(text).split(' ').length > 12) return null;
  return lookup(addressTable, text, 4);
}

/**
 * Every person a heading or label names, in reading order: longer names first, so "người mẹ của người được
 * khai sinh" yields mother then child, and "Thông tin cha, mẹ" yields both.
 */
export function rolesMentioned(text: string): FormRole[] {
  let padded = ` ${matchKey(text)} `;
  const hits: Array<{ at: number; role: FormRole }> = [];
  for (const [role, synonym] of roleTable) {
    for (let at = padded.indexOf(` ${synonym} `); at >= 0; at = padded.indexOf(` ${synonym} `)) {
      hits.push({ at, role });
      padded = `${padded.slice(0, at + 1)}${'#'.repeat(synonym.length)}${padded.slice(at + 1 + synonym.length)}`;
    }
  }
  return [...new Set(hits.sort((a, b) => a.at - b.at).map((h) => h.role))];
}

/** The person a label names besides its field ("Họ và tên mẹ" → mother), or null. */
export function roleInLabel(label: string): FormRole | null {
  return lookup(
    roleTable.filter(([, s]) => s.includes(' ') || s.length >= 2),
    label,
    2,
  );
}

/** "Ngày" / "Tháng" / "Năm" (placeholders, sub-labels, name suffixes) of a date split in three. */
export function datePartFor(text: string): 'day' | 'month' | 'year' | null {
  const key = matchKey(text);
  for (const part of ['day', 'month', 'year'] as const) if (data.dateParts[part].includes(key)) return part;
  return null;
}
