import Papa from 'papaparse';
import { neutraliseFormula } from '../security/formula';
import { fieldKindCodecs } from './field-kinds';
import { citizenFields, noteField } from './fields';
import type { Person } from './schema';

/** Columns of a people export: every field of the table under its export header (the import recognises them again), then the note. */
const columns: Array<[string, (p: Person) => string]> = [
  ...citizenFields.map((spec): [string, (p: Person) => string] => [
    spec.exportHeader,
    (p) => {
      const held = p[spec.key] as { value: unknown } | undefined;
      return held ? fieldKindCodecs[spec.kind].show(held.value) : '';
    },
  ]),
  [noteField.exportHeader, (p) => p.note],
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
  return new TextEncoder().encode(
    JSON.stringify({ format: 'motcua.people.v1', people }, null, 2),
  ) as Uint8Array<ArrayBuffer>;
}
