import { z } from 'zod';
import { matchKey } from '../../vn/text';
import { formFieldLabels } from '../form';
import { personFields } from '../schema';
import synonymsData from './header-synonyms.json';

/** Every person field, plus the pieces spreadsheets split them into, plus "ignore this column". */
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
] as const;
export type ImportField = (typeof importFields)[number];

/** What the mapping dropdown shows for each field. */
export const importFieldLabels: Record<ImportField, string> = {
  ...formFieldLabels,
  ignore: '— Bỏ qua cột này —',
  familyName: 'Họ',
  middleName: 'Chữ đệm',
  givenName: 'Tên',
  birthDay: 'Ngày sinh (ngày)',
  birthMonth: 'Ngày sinh (tháng)',
  birthYear: 'Năm sinh',
};

const synonymsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const synonyms: Array<[ImportField, string]> = Object.entries(synonymsSchema.parse(synonymsData))
  .filter(([field]) => !field.startsWith('$'))
  .flatMap(([field, list]) => (list as string[]).map((s) => [field as ImportField, matchKey(s)] as [ImportField, string]))
  // Longer synonyms first: "so dien thoai" before "dt", "nam sinh" before "ten".
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
