import { numberToWords } from '@/utils/vn/numbers-in-words';
import { cleanSpaces, fold } from '@/utils/vn/text';

/** A date as citizens' papers give it: often full, sometimes only month/year or year ("Năm sinh"). */
export type DatePrecision = 'day' | 'month' | 'year';

export interface VnDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

export type DateResult = { ok: true; date: VnDate } | { ok: false; reason: string };

/** Years outside this range are typing or OCR mistakes for anyone alive or being registered. */
export const minYear = 1850;
export const maxYear = 2200;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const fail = (reason: string): DateResult => ({ ok: false, reason });

/** Checks the parts and says, in Vietnamese, why an impossible date is impossible (31/02, tháng 13). */
export function makeDate(year: number, month?: number, day?: number): DateResult {
  if (!Number.isInteger(year) || year < minYear || year > maxYear) {
    return fail(`Năm ${year} không hợp lệ (phải từ ${minYear} đến ${maxYear}).`);
  }
  if (month === undefined) return { ok: true, date: { year, precision: 'year' } };
  if (!Number.isInteger(month) || month < 1 || month > 12)
    return fail(`Tháng ${month} không tồn tại (chỉ có tháng 1 đến 12).`);
  if (day === undefined) return { ok: true, date: { year, month, precision: 'month' } };
  const last = daysInMonth(year, month);
  if (!Number.isInteger(day) || day < 1) return fail(`Ngày ${day} không tồn tại.`);
  if (day > last) return fail(`Tháng ${month} năm ${year} chỉ có ${last} ngày, không có ngày ${day}.`);
  return { ok: true, date: { year, month, day, precision: 'day' } };
}

/**
 * Reads what officers, portals and spreadsheets write: dd/mm/yyyy (also d/m/yyyy, with - . or spaces),
 * ddmmyyyy, mm/yyyy, yyyy, ISO yyyy-mm-dd, and "ngày 5 tháng 6 năm 2020". Two-digit years are refused:
 * a person's century cannot be guessed safely.
 */
export function parseDate(input: string): DateResult {
  const text = cleanSpaces(input);
  if (!text) return fail('Chưa nhập ngày.');
  const folded = fold(text).toLowerCase();

  const words = folded.match(/^(?:ngay\s+)?(\d{1,2})\s*,?\s*thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})$/);
  if (words) return makeDate(+words[3]!, +words[2]!, +words[1]!);

  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) return makeDate(+iso[1]!, +iso[2]!, +iso[3]!);

  const full = text.match(/^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2,4})$/);
  if (full) {
    if (full[3]!.length !== 4) return fail(`Năm "${full[3]}" phải viết đủ 4 chữ số.`);
    return makeDate(+full[3]!, +full[2]!, +full[1]!);
  }
  if (/^\d{8}$/.test(text)) return parseQrDate(text);

  const monthYear = text.match(/^(\d{1,2})\s*[/.-]\s*(\d{4})$/);
  if (monthYear) return makeDate(+monthYear[2]!, +monthYear[1]!);

  if (/^\d{4}$/.test(text)) return makeDate(+text);
  return fail(`Không đọc được ngày "${text}". Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/09/1990.`);
}

/** The QR code's ddmmyyyy. */
export function parseQrDate(text: string): DateResult {
  const m = text.trim().match(/^(\d{2})(\d{2})(\d{4})$/);
  if (!m) return fail(`Ngày "${text}" trong mã QR phải có dạng ngày tháng năm liền nhau (8 chữ số).`);
  return makeDate(+m[3]!, +m[2]!, +m[1]!);
}

export interface ReferenceDay {
  year: number;
  month: number;
  day: number;
}

export function today(now = new Date()): ReferenceDay {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/**
 * MRZ YYMMDD. A birth date is never in the future, so a year after today's falls in the previous century.
 * An expiry lies within the next century from 50 years ago (cards are valid for decades, never a century).
 */
export function parseMrzDate(yymmdd: string, kind: 'birth' | 'expiry', reference: ReferenceDay = today()): DateResult {
  const m = yymmdd.match(/^(\d{2})(\d{2})(\d{2})$/);
  if (!m) return fail(`Ngày "${yymmdd}" trong MRZ phải có 6 chữ số (năm tháng ngày).`);
  const yy = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const centuryBase = Math.floor(reference.year / 100) * 100;
  let year = centuryBase + yy;
  if (kind === 'birth') {
    if (compareParts(year, month, day, reference) > 0) year -= 100;
  } else if (year < reference.year - 50) {
    year += 100;
  }
  return makeDate(year, month, day);
}

function compareParts(year: number, month: number, day: number, ref: ReferenceDay): number {
  return year - ref.year || month - ref.month || day - ref.day;
}

/** Excel's day 1 is 1900-01-01; it also counts the non-existent 1900-02-29 (serial 60), a Lotus bug kept for compatibility. */
export function excelSerialToDate(serial: number, system: 1900 | 1904 = 1900): DateResult {
  if (!Number.isFinite(serial) || serial < 1) return fail(`Số ${serial} không phải ngày Excel hợp lệ.`);
  const whole = Math.floor(serial);
  if (system === 1900 && whole === 60) return fail('Ngày 29/02/1900 không tồn tại (lỗi cũ của Excel).');
  const offset = system === 1904 ? whole + 1461 : whole > 60 ? whole - 1 : whole;
  const utc = new Date(Date.UTC(1899, 11, 31) + offset * 86_400_000);
  return makeDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy, mm/yyyy or yyyy by precision: what portals expect (ISO is rejected there). */
export function formatDate(date: VnDate): string {
  if (date.precision === 'year' || date.month === undefined) return String(date.year);
  if (date.precision === 'month' || date.day === undefined) return `${pad(date.month)}/${date.year}`;
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

export function formatIsoDate(date: VnDate): string | null {
  if (date.precision !== 'day' || date.month === undefined || date.day === undefined) return null;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatQrDate(date: VnDate): string | null {
  if (date.precision !== 'day' || date.month === undefined || date.day === undefined) return null;
  return `${pad(date.day)}${pad(date.month)}${date.year}`;
}

const monthWords = ['một', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai'];

/**
 * The date in words as civil-status papers write it: "ngày mười lăm tháng tám năm hai nghìn không trăm
 * hai mươi mốt"; days 1–10 take "mùng" ("ngày mùng một"), April is "tháng tư".
 */
export function dateInWords(date: VnDate): string {
  const parts: string[] = [];
  if (date.precision === 'day' && date.day !== undefined) {
    parts.push(`ngày ${date.day <= 10 ? 'mùng ' : ''}${numberToWords(date.day)}`);
  }
  if (date.precision !== 'year' && date.month !== undefined) parts.push(`tháng ${monthWords[date.month - 1]}`);
  parts.push(`năm ${numberToWords(date.year)}`);
  return parts.join(' ');
}

export function sameDate(a: VnDate, b: VnDate): boolean {
  return a.precision === b.precision && a.year === b.year && a.month === b.month && a.day === b.day;
}
