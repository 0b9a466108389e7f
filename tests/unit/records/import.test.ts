import { describe, expect, it } from 'vitest';
import { fieldForHeader } from '@/utils/records/import/columns';
import { guessHeader } from '@/utils/records/import/header';
import { buildPreview } from '@/utils/records/import/preview';
import { decodeText, ImportFileError, readTable } from '@/utils/records/import/read-table';
import { sayReason, type Reason } from '@/utils/records/reason';

const say = (reasons: Reason[]) => reasons.map((r) => sayReason(r, 'vi')).join(' ');
import { lookupById } from './helpers';
import {
  messyTwoRowXlsx,
  serialDatesXlsx,
  tcvn3Csv,
  utf16TabCsv,
  utf8BomCsv,
  vniCsv,
} from '../../fixtures/spreadsheets/make';

async function preview(
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  existing: (pid: string) => string | undefined = () => undefined,
) {
  const table = await readTable(name, bytes);
  const header = guessHeader(table);
  expect(header).not.toBeNull();
  return { table, header: header!, preview: await buildPreview(table, header!, lookupById(existing)) };
}

describe('header synonyms', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['HỌ TÊN', 'fullName'],
    ['Họ, chữ đệm và tên', 'fullName'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Năm sinh', 'birthYear'],
    ['Số CCCD/CMND', 'personalId'],
    ['Số định danh cá nhân', 'personalId'],
    ['Số CMND', 'oldId'],
    ['Ngày cấp CCCD', 'idIssueDate'],
    ['SĐT', 'phone'],
    ['Số điện thoại liên hệ', 'phone'],
    ['Địa chỉ thường trú', 'permanentAddress'],
    ['Nơi ở hiện tại', 'currentAddress'],
    ['Quê quán', 'hometown'],
    ['STT', 'ignore'],
    ['Tên', 'givenName'],
    ['Cột lạ', null],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe('reading files', () => {
  it.each([
    ['BOM UTF-8', utf8BomCsv, 'utf-8'],
    ['UTF-16 with BOM, tabs', utf16TabCsv, 'utf-16le'],
    ['TCVN3 bytes, semicolons', tcvn3Csv, 'windows-1252'],
    ['VNI bytes, commas', vniCsv, 'windows-1252'],
  ])('%s: every encoding and delimiter yields the same people', async (_label, make, encoding) => {
    const { table, preview: p } = await preview('x.csv', make());
    expect(table.encoding).toBe(encoding);
    const names = p.rows.filter((r) => r.draft).map((r) => r.draft!.fullName.value);
    expect(names).toEqual(['Bùi Thị Lan', 'Ngô Văn Khải']);
    expect(
      p.rows.find((r) => r.draft?.fullName.value === 'Ngô Văn Khải')!.draft!.permanentAddress!.value,
    ).toMatchObject({
      text: 'Thôn 3, Xã Tam Hiệp, Huyện Phúc Thọ, Hà Nội',
      legacy: { ward: 'Xã Tam Hiệp', district: 'Huyện Phúc Thọ', province: 'Hà Nội' },
    });
    const invalid = p.rows.find((r) => r.status === 'invalid')!;
    expect(say(invalid.errors)).toContain('Tháng 2 năm 1999 chỉ có 28 ngày');
    if (encoding === 'windows-1252') expect(say(p.notices)).toMatch(/TCVN3|VNI/);
  });

  it('reads a messy two-row-header XLSX with title rows and numbers for IDs', async () => {
    const { header, preview: p } = await preview('ds.xlsx', await messyTwoRowXlsx());
    expect(header.headerRows).toBe(2);
    expect(header.mapping.slice(0, 9)).toEqual([
      'ignore',
      'fullName',
      'birthDay',
      'birthMonth',
      'birthYear',
      'sex',
      'personalId',
      'permanentAddress',
      'currentAddress',
    ]);
    expect(p.counts).toEqual({ valid: 3, invalid: 1, 'duplicate-in-file': 1, 'duplicate-existing': 0 });
    const an = p.rows[0]!;
    expect(an.draft).toMatchObject({
      fullName: { value: 'Nguyễn Văn An' },
      birthDate: { value: { day: 1, month: 1, year: 1990, precision: 'day' } },
      personalId: {
        value: '001090012345',
        prov: { source: 'import', notes: [expect.stringContaining('Đã thêm số 0')] },
      },
    });
    expect(p.rows[1]!.draft!.fullName.value).toBe('Trần Thị Bích'); // NFD in the file, NFC here
    expect(p.rows[2]).toMatchObject({ status: 'invalid', name: 'Lê Văn Cường' });
    expect(say(p.rows[2]!.errors)).toContain('1980 chỉ có 29 ngày');
    expect(p.rows[3]).toMatchObject({ status: 'duplicate-in-file', duplicateOfRow: an.index });
    expect(p.rows[4]!.draft!.birthDate!.value).toEqual({ year: 1955, precision: 'year' });
  });

  it('reads Excel dates, serial numbers and numeric phones', async () => {
    const { preview: p } = await preview('serial.xlsx', await serialDatesXlsx(), (pid) =>
      pid === '001201000333' ? 'existing-1' : undefined,
    );
    const [em, giang, huy] = p.rows;
    expect(em!.draft).toMatchObject({
      birthDate: { value: { day: 20, month: 5, year: 1985 } },
      personalId: { value: '079085000111' },
      phone: { value: '0912345678' },
    });
    expect(giang!.draft).toMatchObject({
      birthDate: { value: { day: 1, month: 1, year: 1990 } },
      personalId: { value: '001190000222' },
      phone: { value: '0387654321' },
    });
    expect(say(giang!.notes)).toContain('Đã thêm số 0');
    expect(huy).toMatchObject({ status: 'duplicate-existing', existingId: 'existing-1' });
    expect(huy!.draft!.phone!.value).toBe('0987654321');
  });

  it('says what is wrong with a bad file, in Vietnamese', async () => {
    const refused = (name: string, bytes: Uint8Array<ArrayBuffer>) =>
      readTable(name, bytes).then(
        () => 'read',
        (e: unknown) => (e instanceof ImportFileError ? sayReason(e.reason, 'vi') : String(e)),
      );
    expect(await refused('trong.csv', new Uint8Array(0))).toContain('rỗng');
    expect(await refused('hong.xlsx', new Uint8Array([1, 2, 3]))).toContain('không phải tệp Excel hợp lệ');
    expect(await refused('hong.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 5]))).toContain('bị hỏng');
    expect(await refused('cu.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toContain('.xls');
    expect(
      guessHeader(await readTable('x.csv', new TextEncoder().encode('a,b\n1,2') as Uint8Array<ArrayBuffer>)),
    ).toBeNull();
  });

  it('detects UTF-16 without a BOM', () => {
    const text = 'Họ tên\tSố CCCD';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});
