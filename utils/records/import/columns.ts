import { z } from 'zod';
import { t, type Language, type MessageKey } from '@/utils/i18n';
import { matchKey } from '@/utils/vn/text';
import { citizenFields, noteField, personFields, type PersonField } from '@/utils/records/fields';
import type { RelationKind } from '@/utils/records/schema';
import synonymsData from '@/utils/records/import/header-synonyms.json';

/** The relatives a row may name in its own columns, and what each column says of them. */
export const relativeKinds = ['father', 'mother', 'spouse', 'householdHead'] as const satisfies readonly RelationKind[];
export type RelativeKind = (typeof relativeKinds)[number];
export const relativeParts = ['Name', 'Birth', 'Id'] as const;
type RelativeColumn = `${RelativeKind}${(typeof relativeParts)[number]}`;
const relativeColumns = relativeKinds.flatMap((k) => relativeParts.map((p) => `${k}${p}` as RelativeColumn));

/** Every person field, the pieces spreadsheets split them into, the relatives' columns, and "ignore this column". */
export const importFields = [
  'ignore',
  ...personFields,
  'familyName',
  'middleName',
  'givenName',
  'birthDay',
  'birthMonth',
  'birthYear',
  'note',
  ...relativeColumns,
  'relationToHead',
] as const as readonly ImportField[];
export type ImportField =
  | PersonField
  | 'ignore'
  | 'familyName'
  | 'middleName'
  | 'givenName'
  | 'birthDay'
  | 'birthMonth'
  | 'birthYear'
  | 'note'
  | RelativeColumn
  | 'relationToHead';

const partLabels: Record<Exclude<ImportField, PersonField | 'note'>, MessageKey> = {
  ignore: 'import.field.ignore',
  familyName: 'import.field.familyName',
  middleName: 'import.field.middleName',
  givenName: 'import.field.givenName',
  birthDay: 'import.field.birthDay',
  birthMonth: 'import.field.birthMonth',
  birthYear: 'import.field.birthYear',
  fatherName: 'import.field.fatherName',
  fatherBirth: 'import.field.fatherBirth',
  fatherId: 'import.field.fatherId',
  motherName: 'import.field.motherName',
  motherBirth: 'import.field.motherBirth',
  motherId: 'import.field.motherId',
  spouseName: 'import.field.spouseName',
  spouseBirth: 'import.field.spouseBirth',
  spouseId: 'import.field.spouseId',
  householdHeadName: 'import.field.householdHeadName',
  householdHeadBirth: 'import.field.householdHeadBirth',
  householdHeadId: 'import.field.householdHeadId',
  relationToHead: 'import.field.relationToHead',
};

const labelKeys = new Map<ImportField, MessageKey>([
  ...citizenFields.map((f) => [f.key, f.label] as [ImportField, MessageKey]),
  ['note', noteField.label],
  ...(Object.entries(partLabels) as Array<[ImportField, MessageKey]>),
]);

/** What the mapping dropdown shows for a field. */
export function importFieldLabel(field: ImportField, language: Language): string {
  return t(language, labelKeys.get(field)!);
}

const synonymsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const fileSynonyms = Object.entries(synonymsSchema.parse(synonymsData))
  .filter(([field]) => !field.startsWith('$'))
  .flatMap(([field, list]) => (list as string[]).map((s): [ImportField, string] => [field as ImportField, s]));
const tableSynonyms = [...citizenFields, noteField].flatMap((f) =>
  [f.exportHeader, ...f.synonyms].map((s): [ImportField, string] => [f.key, s]),
);

const synonyms: Array<[ImportField, string]> = [...tableSynonyms, ...fileSynonyms]
  .map(([field, s]): [ImportField, string] => [field, matchKey(s)])
  // Longer synonyms first: "so dien thoai" before "dt", "ho ten cha" before "ho ten".
  .sort((a, b) => b[1].length - a[1].length);

/** The field a header names, or null. Exact match first, then the longest synonym found as whole words. */
export function fieldForHeader(header: string): ImportField | null {
  const key = matchKey(header);
  if (!key) return null;
  for (const [field, synonym] of synonyms) if (key === synonym) return field;
  const padded = ` ${key} `;
  for (const [field, synonym] of synonyms) {
    if (synonym.length >= 3 && padded.includes(` ${synonym} `)) return field;
  }
  return null;
}

/**
 * A two-row header: "Ngày sinh" merged over "Ngày | Tháng | Năm", "Địa chỉ" over "Thường trú | Tạm trú".
 * The lower label decides when it names a field on its own; date parts need the upper label's context.
 */
export function fieldForTwoRowHeader(top: string, bottom: string): ImportField | null {
  const upper = fieldForHeader(top);
  const lowerKey = matchKey(bottom);
  if (upper === 'birthDate' || upper === 'birthYear') {
    if (lowerKey === 'ngay') return 'birthDay';
    if (lowerKey === 'thang') return 'birthMonth';
    if (lowerKey === 'nam') return 'birthYear';
  }
  if (!bottom.trim() || matchKey(top) === lowerKey) return upper;
  return fieldForHeader(bottom) ?? upper;
}

export function isPersonField(field: ImportField | null): field is PersonField {
  return field !== null && (personFields as readonly string[]).includes(field);
}
