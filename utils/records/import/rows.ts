import { excelSerialToDate, makeDate, parseDate, type DateResult, type VnDate } from '../../vn/dates';
import { toUnicode } from '../../vn/legacy-encodings';
import { joinName, toTitleVi } from '../../vn/names';
import { addressFromText } from '../../vn/admin-units';
import { crossCheckId, parseIdNumber } from '../../vn/personal-id';
import { parsePhone } from '../../vn/phone';
import { cleanSpaces, fold, matchKey } from '../../vn/text';
import type { PersonInput, Provenance } from '../schema';
import type { ImportField } from './columns';
import type { Cell } from './read-table';

export type PersonDraft = Omit<PersonInput, 'id' | 'createdAt' | 'updatedAt'>;

export interface RowResult {
  /** 0-based index in the file's rows. */
  index: number;
  draft: PersonDraft | null;
  /** Why the row cannot be imported, in Vietnamese. */
  errors: string[];
  /** What was repaired or should be checked (restored zeros, converted encoding, ID hints). */
  notes: string[];
}

const sexAliases: Record<string, 'Nam' | 'Nữ'> = { nam: 'Nam', m: 'Nam', male: 'Nam', trai: 'Nam', nu: 'Nữ', f: 'Nữ', female: 'Nữ', gai: 'Nữ' };

function cellText(cell: Cell | undefined, notes: string[], column: string): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return '';
  const raw = cleanSpaces(String(cell));
  const converted = toUnicode(raw);
  if (converted.from === 'tcvn3' || converted.from === 'vni') {
    notes.push(`Cột "${column}": đã chuyển từ bảng mã ${converted.from === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI'} sang Unicode.`);
  }
  return converted.text;
}

function dateFromCell(cell: Cell | undefined, text: string): DateResult | null {
  if (cell instanceof Date) return makeDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    if (cell >= 1800 && cell <= 2200 && Number.isInteger(cell)) return makeDate(cell);
    return excelSerialToDate(cell);
  }
  return text ? parseDate(text) : null;
}

/** Turns one spreadsheet row into a person draft, repairing what spreadsheets break and saying so. */
export function rowToDraft(
  cells: Cell[],
  mapping: Array<ImportField | null>,
  labels: string[],
  index: number,
  now = new Date(),
): RowResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const values = new Map<ImportField, { cell: Cell | undefined; text: string; label: string }>();
  mapping.forEach((field, c) => {
    if (!field || field === 'ignore') return;
    const label = labels[c] || `cột ${c + 1}`;
    values.set(field, { cell: cells[c], text: cellText(cells[c], notes, label), label });
  });
  const prov = (extra: string[] = []): Provenance => ({ source: 'import', confidence: 0.9, at: now.toISOString(), verifiedBy: null, verifiedAt: null, notes: extra });
  const draft: Record<string, unknown> = {};
  const get = (f: ImportField) => values.get(f)?.text ?? '';

  let name = get('fullName') || joinName({ family: get('familyName'), middle: get('middleName'), given: get('givenName') });
  if (!name) {
    if ([...values.values()].every((v) => !v.text && !(v.cell instanceof Date) && typeof v.cell !== 'number')) {
      return { index, draft: null, errors: ['Dòng trống.'], notes };
    }
    errors.push('Thiếu họ và tên.');
  } else {
    if (name === name.toLocaleUpperCase('vi') && /\p{L}/u.test(name)) name = toTitleVi(name);
    draft.fullName = { value: name, prov: prov() };
  }

  const birth = readBirthDate(values, errors);
  if (birth) draft.birthDate = { value: birth, prov: prov() };

  const sexText = get('sex');
  if (sexText) {
    const sex = sexAliases[fold(sexText).toLowerCase()];
    if (sex) draft.sex = { value: sex, prov: prov() };
    else errors.push(`Giới tính "${sexText}" không rõ (cần "Nam" hoặc "Nữ").`);
  }

  for (const field of ['personalId', 'oldId'] as const) {
    const v = values.get(field);
    if (!v || (v.cell === null || v.cell === undefined)) continue;
    const parsed = parseIdNumber(typeof v.cell === 'number' ? v.cell : v.text);
    if (!parsed.ok) {
      errors.push(`${v.label}: ${parsed.reason}`);
      continue;
    }
    notes.push(...parsed.id.notes);
    const target = parsed.id.kind === 'personal-id' ? 'personalId' : 'oldId';
    draft[target] = { value: parsed.id.value, prov: prov(parsed.id.notes) };
  }
  const pid = (draft.personalId as { value: string } | undefined)?.value;
  if (pid) {
    const sex = (draft.sex as { value: 'Nam' | 'Nữ' } | undefined)?.value;
    notes.push(...crossCheckId(pid, { ...(birth ? { birthDate: birth } : {}), ...(sex ? { sex } : {}) }).map((m) => m.message));
  }

  const issue = values.get('idIssueDate');
  if (issue && (issue.text || issue.cell instanceof Date || typeof issue.cell === 'number')) {
    const parsed = dateFromCell(issue.cell, issue.text);
    if (parsed?.ok) draft.idIssueDate = { value: parsed.date, prov: prov() };
    else if (parsed) errors.push(`Ngày cấp: ${parsed.reason}`);
  }

  const phone = values.get('phone');
  if (phone && (phone.text || typeof phone.cell === 'number')) {
    const parsed = parsePhone(typeof phone.cell === 'number' ? phone.cell : phone.text);
    if (parsed.ok) {
      notes.push(...parsed.notes);
      draft.phone = { value: parsed.value, prov: prov(parsed.notes) };
    } else {
      errors.push(parsed.reason);
    }
  }

  for (const field of ['idIssuePlace', 'ethnicity', 'religion', 'nationality', 'placeOfBirth', 'hometown', 'email'] as const) {
    const text = get(field);
    if (text) draft[field] = { value: text, prov: prov() };
  }
  for (const field of ['permanentAddress', 'currentAddress'] as const) {
    const text = get(field);
    if (!text) continue;
    draft[field] = { value: addressFromText(text), prov: prov() };
  }
  const marital = matchKey(get('maritalStatus'));
  const maritalMap: Record<string, string> = { 'chua ket hon': 'chưa kết hôn', 'doc than': 'chưa kết hôn', 'da ket hon': 'đã kết hôn', 'co vo': 'đã kết hôn', 'co chong': 'đã kết hôn', 'ly hon': 'ly hôn', goa: 'goá' };
  if (marital) {
    if (maritalMap[marital]) draft.maritalStatus = { value: maritalMap[marital], prov: prov() };
    else notes.push(`Tình trạng hôn nhân "${get('maritalStatus')}" không nhận ra, đã bỏ qua.`);
  }
  if (get('note')) draft.note = get('note');

  return { index, draft: errors.length === 0 ? (draft as PersonDraft) : null, errors, notes };
}

function readBirthDate(values: Map<ImportField, { cell: Cell | undefined; text: string; label: string }>, errors: string[]): VnDate | null {
  const full = values.get('birthDate');
  if (full && (full.text || full.cell instanceof Date || typeof full.cell === 'number')) {
    const parsed = dateFromCell(full.cell, full.text);
    if (parsed?.ok) return parsed.date;
    if (parsed) errors.push(`Ngày sinh: ${parsed.reason}`);
    return null;
  }
  const num = (f: ImportField) => {
    const v = values.get(f);
    if (!v) return undefined;
    const n = typeof v.cell === 'number' ? v.cell : Number.parseInt(v.text, 10);
    return Number.isFinite(n) ? n : undefined;
  };
  const year = num('birthYear');
  if (year === undefined) return null;
  const parsed = makeDate(year, num('birthMonth'), num('birthMonth') === undefined ? undefined : num('birthDay'));
  if (parsed.ok) return parsed.date;
  errors.push(`Ngày sinh: ${parsed.reason}`);
  return null;
}
