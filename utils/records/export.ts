import Papa from 'papaparse';
import { neutraliseFormula } from '@/utils/security/formula';
import { fieldKindCodecs } from '@/utils/records/field-kinds';
import { citizenFields, noteField } from '@/utils/records/fields';
import type { Person } from '@/utils/records/schema';

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

/** XLSX with every cell a string in the text format, so leading zeros (IDs, phones, codes) survive the round trip. */
export async function tableXlsx(rows: string[][], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  // write-excel-file (with fflate) rather than exceljs: a sheet of strings, written in a tenth of the size.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const data = inert(rows).map((row, index) =>
    row.map((value) => ({ value, type: String, format: '@', ...(index === 0 ? { fontWeight: 'bold' as const } : {}) })),
  );
  // A reduce, not Math.max(...rows): a spread of 200,000 rows overflows the call stack.
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const blob = await writeXlsxFile(data, {
    sheet: sheetName,
    columns: Array.from({ length: width }, () => ({ width: 18 })),
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
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
