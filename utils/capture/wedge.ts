import { nfc } from '@/utils/vn/text';

/**
 * A handheld QR scanner "types" the payload into the focused field as key presses. What the keyboard layout
 * or the IME does to those key presses is repaired here:
 * - UTF-8 bytes typed as Windows-1252 characters ("Nguyá»…n" for "Nguyễn"), the commonest scanner setting;
 * - the French AZERTY digit row ("&é\"'(-è_çà" for "1234567890") when the scanner assumes a US layout;
 * - NFD text, stray carriage returns and tabs.
 * Diacritics the scanner dropped cannot be put back: the name is then flagged for the officer.
 */

export interface WedgeRepair {
  text: string;
  repairs: string[];
  /** The name arrived without any diacritic while the payload looks Vietnamese: check it against the card. */
  diacriticsLost: boolean;
}

const cp1252High: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** Reads text as Windows-1252 bytes and decodes them as UTF-8; null when that is not what happened. */
export function undoMojibake(text: string): string | null {
  if (!/[\u00c0-\u00ff]/.test(text)) return null;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) bytes.push(code);
    else if (cp1252High[code] !== undefined) bytes.push(cp1252High[code]!);
    else return null;
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    return decoded === text ? null : decoded;
  } catch {
    return null;
  }
}

const azerty: Record<string, string> = {
  '&': '1',
  é: '2',
  '"': '3',
  "'": '4',
  '(': '5',
  '-': '6',
  è: '7',
  _: '8',
  ç: '9',
  à: '0',
};
const azertyField = /^[&é"'(\-è_çà]+$/;

function undoAzerty(fields: string[]): string[] | null {
  const first = fields[0] ?? '';
  if (/^\d{12}$/.test(first) || !azertyField.test(first)) return null;
  return fields.map((f) => (azertyField.test(f) ? [...f].map((c) => azerty[c] ?? c).join('') : f));
}

export function repairWedge(raw: string): WedgeRepair {
  const repairs: string[] = [];
  let text = raw.replace(/[\r\n\t]+/g, '').trim();
  const unmangled = undoMojibake(text);
  if (unmangled !== null) {
    text = unmangled;
    repairs.push('Đã sửa dấu tiếng Việt bị máy quét gõ sai bảng mã (UTF-8 đọc thành Windows-1252).');
  }
  const normalised = nfc(text);
  if (normalised !== text) repairs.push('Đã chuẩn hoá chữ có dấu về dạng dựng sẵn (NFC).');
  text = normalised;
  const fields = text.split('|');
  const digits = undoAzerty(fields);
  if (digits) {
    text = digits.join('|');
    repairs.push('Đã sửa các chữ số bị gõ theo bàn phím AZERTY (máy quét đặt sai kiểu bàn phím).');
  }
  const name = text.split('|')[2] ?? '';
  const diacriticsLost = /^\d{12}\|/.test(text) && name !== '' && /^[\x20-\x7e]+$/.test(name) && /Nam|Nu|Nữ/.test(text);
  return { text, repairs, diacriticsLost };
}
