import { describe, expect, it } from 'vitest';
import {
  dateInWords,
  excelSerialToDate,
  formatDate,
  formatIsoDate,
  formatQrDate,
  parseDate,
  parseMrzDate,
  parseQrDate,
  type DateResult,
} from '@/utils/vn/dates';
import { numberToWords } from '@/utils/vn/numbers-in-words';

const ok = (r: DateResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.date;
};

describe('parseDate', () => {
  it.each([
    ['01/01/1990', '01/01/1990'],
    ['1/1/1990', '01/01/1990'],
    ['05-09-1990', '05/09/1990'],
    ['05.09.1990', '05/09/1990'],
    ['05 09 1990', '05/09/1990'],
    ['29/02/2024', '29/02/2024'],
    ['05091990', '05/09/1990'],
    ['1990-09-05', '05/09/1990'],
    ['ngày 5 tháng 9 năm 1990', '05/09/1990'],
    ['Ngày 05 tháng 09 năm 1990', '05/09/1990'],
    ['09/1990', '09/1990'],
    ['1990', '1990'],
  ])('%s → %s', (input, expected) => {
    expect(formatDate(ok(parseDate(input)))).toBe(expected);
  });

  it.each([
    ['31/02/2020', 'Tháng 2 năm 2020 chỉ có 29 ngày'],
    ['29/02/2023', 'chỉ có 28 ngày'],
    ['31/04/2020', 'chỉ có 30 ngày'],
    ['12/13/2020', 'Tháng 13 không tồn tại'],
    ['00/01/2020', 'Ngày 0 không tồn tại'],
    ['01/01/90', 'phải viết đủ 4 chữ số'],
    ['01/01/1700', 'Năm 1700 không hợp lệ'],
    ['hôm qua', 'Không đọc được ngày'],
    ['', 'Chưa nhập ngày'],
  ])('%s is refused: %s', (input, reason) => {
    const result = parseDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('keeps the precision', () => {
    expect(ok(parseDate('1990')).precision).toBe('year');
    expect(ok(parseDate('09/1990')).precision).toBe('month');
    expect(ok(parseDate('01/09/1990')).precision).toBe('day');
  });
});

describe('QR and MRZ dates', () => {
  it('reads the QR ddmmyyyy of the VIETNAM.md example', () => {
    expect(formatDate(ok(parseQrDate('01011990')))).toBe('01/01/1990');
    expect(formatDate(ok(parseQrDate('15082021')))).toBe('15/08/2021');
    expect(parseQrDate('1508202').ok).toBe(false);
    expect(parseQrDate('31022021').ok).toBe(false);
  });

  const ref = { year: 2026, month: 11, day: 28 };
  it.each([
    ['900101', 'birth', '01/01/1990'],
    ['260101', 'birth', '01/01/2026'],
    ['261231', 'birth', '31/12/1926'],
    ['050607', 'birth', '07/06/2005'],
    ['500101', 'expiry', '01/01/2050'],
    ['310101', 'expiry', '01/01/2031'],
    ['990101', 'expiry', '01/01/2099'],
    ['760101', 'expiry', '01/01/2076'],
  ] as const)('MRZ %s (%s) → %s', (yymmdd, kind, expected) => {
    expect(formatDate(ok(parseMrzDate(yymmdd, kind, ref)))).toBe(expected);
  });

  it('refuses malformed MRZ dates', () => {
    expect(parseMrzDate('9O0101', 'birth', ref).ok).toBe(false);
    expect(parseMrzDate('901301', 'birth', ref).ok).toBe(false);
  });

  it('formats back to QR and ISO', () => {
    const d = ok(parseDate('05/09/1990'));
    expect(formatQrDate(d)).toBe('05091990');
    expect(formatIsoDate(d)).toBe('1990-09-05');
    expect(formatQrDate(ok(parseDate('1990')))).toBeNull();
  });
});

describe('excelSerialToDate', () => {
  it.each([
    [1, '01/01/1900'],
    [59, '28/02/1900'],
    [61, '01/03/1900'],
    [32874, '01/01/1990'],
    [44423, '15/08/2021'],
    [45658, '01/01/2025'],
    [32874.75, '01/01/1990'],
  ])('serial %d → %s', (serial, expected) => {
    expect(formatDate(ok(excelSerialToDate(serial)))).toBe(expected);
  });

  it('knows the 1904 system and refuses the phantom 29/02/1900', () => {
    expect(formatDate(ok(excelSerialToDate(31412, 1904)))).toBe('01/01/1990');
    expect(excelSerialToDate(60).ok).toBe(false);
    expect(excelSerialToDate(0).ok).toBe(false);
    expect(excelSerialToDate(Number.NaN).ok).toBe(false);
  });
});

describe('numbers and dates in words', () => {
  it.each([
    [0, 'không'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [30, 'ba mươi'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [1990, 'một nghìn chín trăm chín mươi'],
    [2000, 'hai nghìn'],
    [2005, 'hai nghìn không trăm linh năm'],
    [2021, 'hai nghìn không trăm hai mươi mốt'],
    [200000, 'hai trăm nghìn'],
    [1000001, 'một triệu không trăm linh một'],
  ])('%d → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it.each([
    ['15/08/2021', 'ngày mười lăm tháng tám năm hai nghìn không trăm hai mươi mốt'],
    ['01/04/2020', 'ngày mùng một tháng tư năm hai nghìn không trăm hai mươi'],
    ['10/12/1990', 'ngày mùng mười tháng mười hai năm một nghìn chín trăm chín mươi'],
    ['31/01/2005', 'ngày ba mươi mốt tháng một năm hai nghìn không trăm linh năm'],
    ['11/1990', 'tháng mười một năm một nghìn chín trăm chín mươi'],
    ['1975', 'năm một nghìn chín trăm bảy mươi lăm'],
  ])('%s → %s', (input, words) => {
    expect(dateInWords(ok(parseDate(input)))).toBe(words);
  });
});
