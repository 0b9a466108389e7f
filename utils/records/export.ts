import Papa from 'papaparse';
import { neutraliseFormula } from '../security/formula';
import { formatDate } from '../vn/dates';
import type { Person } from './schema';

/** Columns of a people export, Vietnamese headers the import recognises again. */
const columns: Array<[string, (p: Person) => string]> = [
  ['Họ và tên', (p) => p.fullName.value],
  ['Ngày sinh', (p) => (p.birthDate ? formatDate(p.birthDate.value) : '')],
  ['Giới tính', (p) => p.sex?.value ?? ''],
  ['Số định danh cá nhân', (p) => p.personalId?.value ?? ''],
  ['Số CMND', (p) => p.oldId?.value ?? ''],
  ['Ngày cấp', (p) => (p.idIssueDate ? formatDate(p.idIssueDate.value) : '')],
  ['Nơi cấp', (p) => p.idIssuePlace?.value ?? ''],
  ['Dân tộc', (p) => p.ethnicity?.value ?? ''],
  ['Tôn giáo', (p) => p.religion?.value ?? ''],
  ['Quốc tịch', (p) => p.nationality?.value ?? ''],
  ['Nơi sinh', (p) => p.placeOfBirth?.value ?? ''],
  ['Quê quán', (p) => p.hometown?.value ?? ''],
  ['Nơi thường trú', (p) => p.permanentAddress?.value.text ?? ''],
  ['Nơi ở hiện tại', (p) => p.currentAddress?.value.text ?? ''],
  ['Số điện thoại', (p) => p.phone?.value ?? ''],
  ['Email', (p) => p.email?.value ?? ''],
  ['Tình trạng hôn nhân', (p) => p.maritalStatus?.value ?? ''],
  ['Ghi chú', (p) => p.note],
];

export function peopleTable(people: Person[]): string[][] {
  return [columns.map(([h]) => h), ...people.map((p) => columns.map(([, get]) => get(p)))];
}

/** Cells as a spreadsheet may take them: none begins a formula (utils/security/formula). */
const inert = (rows: string[][]) => rows.map((row) => row.map(neutraliseFormula));

/** UTF-8 with BOM (so Excel opens Vietnamese correctly); IDs stay text because every cell is quoted text. */
export function tableCsv(rows: string[][]): Uint8Array<ArrayBuffer> {
  const body = Papa.unparse(inert(rows), { quotes: true, newline: '\r\n' });
  return new TextEncoder().encode(`\ufeff${body}`) as Uint8Array<ArrayBuffer>;
}

/** XLSX with every column typed as text, so leading zeros (IDs, phones, codes) survive the round trip. */
export async function tableXlsx(rows: string[][], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRows(inert(rows));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((column) => {
    column.numFmt = '@';
    column.width = 18;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function peopleCsv(people: Person[]): Uint8Array<ArrayBuffer> {
  return tableCsv(peopleTable(people));
}

export function peopleXlsx(people: Person[]): Promise<Uint8Array<ArrayBuffer>> {
  return tableXlsx(peopleTable(people), 'Công dân');
}

export function peopleJson(people: Person[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ format: 'motcua.people.v1', people }, null, 2)) as Uint8Array<ArrayBuffer>;
}
