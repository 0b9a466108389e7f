import { parseMrzDate, type ReferenceDay, today } from '@/utils/vn/dates';
import {
  checkDigit,
  findMrzLines,
  numericField,
  parseTd1,
  toDigit,
  toLetter,
  type MrzCheck,
  type MrzParse,
} from '@/utils/capture/mrz';

/**
 * A passport's MRZ (ICAO 9303 TD3, 2 × 44), read when an officer photographs a passport instead of the card:
 *
 *   P<VNMNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<<<<<<<<<<   P, type, state, SURNAME<<GIVEN<NAMES
 *   C1234567<0VNM9001011M3001019001090012345<<12   number + check, nationality, birth + check, sex, expiry +
 *                                                   check, personal number (the 12-digit ID) + check, composite
 *
 * Repairs as on the card: a letter read for a digit is mapped only where the check digit then passes.
 */

/** The MRZ of whatever document the lines come from: a passport's two lines, or the card's three. */
export function parseMrz(lines: readonly string[], reference: ReferenceDay = today()): MrzParse {
  const found = findMrzLines(lines);
  return found?.kind === 'td3' ? parseTd3(found.lines, reference) : parseTd1(lines, reference);
}

const fit = (line: string) => (line.length >= 44 ? line.slice(0, 44) : line.padEnd(44, '<'));

export function parseTd3(rawLines: readonly string[], reference: ReferenceDay = today()): MrzParse {
  const [l1, l2] = [fit(rawLines[0] ?? ''), fit(rawLines[1] ?? '')];
  const repairs: string[] = [];
  const checks: MrzCheck[] = [];
  const field = (name: MrzCheck['field'], value: string, check: string, label: string) => {
    // A field of fillers only with a filler for its check (an empty personal number) passes as printed.
    const r =
      /^<+$/.test(value) && check === '<' ? { value, check, ok: true, repaired: false } : numericField(value, check);
    checks.push({ field: name, ok: r.ok });
    if (r.repaired) repairs.push(`${label} trong MRZ hộ chiếu đã sửa lỗi đọc nhầm chữ/số (chữ số kiểm tra khớp).`);
    return r;
  };
  const doc = field('documentNumber', l2.slice(0, 9), l2[9]!, 'Số hộ chiếu');
  const nationality = l2.slice(10, 13).replace(/\d/g, (d) => toLetter[d] ?? d);
  const birth = field('birthDate', l2.slice(13, 19), l2[19]!, 'Ngày sinh');
  const sexChar = l2[20]!;
  const exp = field('expiry', l2.slice(21, 27), l2[27]!, 'Ngày hết hạn');
  const personal = field('personalId', l2.slice(28, 42), l2[42]!, 'Số định danh');
  const compositeChar = toDigit[l2[43]!] ?? l2[43]!;
  const line2 = `${doc.value}${doc.check}${nationality}${birth.value}${birth.check}${sexChar}${exp.value}${exp.check}${personal.value}${personal.check}${compositeChar}`;
  const composite =
    /^\d$/.test(compositeChar) &&
    checkDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43)) === +compositeChar;
  checks.push({ field: 'composite', ok: composite });

  const id = personal.value.replace(/<+$/, '');
  const born = parseMrzDate(birth.value, 'birth', reference);
  const expiry = parseMrzDate(exp.value, 'expiry', reference);
  const nameLine = l1.slice(5).replace(/[0-9]/g, (d) => toLetter[d] ?? '<');
  const [surnamePart = '', givenPart = ''] = nameLine.split('<<');
  const surname = surnamePart.replace(/<+/g, ' ').trim();
  const givenNames = givenPart.replace(/<+/g, ' ').trim();
  return {
    ok: true,
    mrz: {
      format: 'td3',
      documentCode: l1.slice(0, 2),
      issuingState: l1.slice(2, 5),
      documentNumber: doc.value.replace(/<+$/, ''),
      personalId: personal.ok && /^\d{12}$/.test(id) ? id : null,
      birthDate: birth.ok && born.ok ? born.date : null,
      sex: sexChar === 'M' ? 'Nam' : sexChar === 'F' ? 'Nữ' : null,
      expiry: exp.ok && expiry.ok ? expiry.date : null,
      nationality,
      surname,
      givenNames,
      nameAscii: [surname, givenNames].filter(Boolean).join(' '),
      checks,
      repairs,
      realigned: [],
      lines: [l1, line2],
    },
  };
}

/** Builds a passport's two lines (test fixtures). */
export function buildTd3(p: {
  number: string;
  birth: string;
  sex: 'M' | 'F';
  expiry: string;
  personalId: string;
  surname: string;
  givenNames: string;
}): [string, string] {
  const name = `P<VNM${p.surname.replace(/ /g, '<')}<<${p.givenNames.replace(/ /g, '<')}`.slice(0, 44).padEnd(44, '<');
  const number = p.number.padEnd(9, '<');
  const personal = p.personalId.padEnd(14, '<');
  const body = `${number}${checkDigit(number)}VNM${p.birth}${checkDigit(p.birth)}${p.sex}${p.expiry}${checkDigit(p.expiry)}${personal}${checkDigit(personal)}`;
  return [name, `${body}${checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43))}`];
}
