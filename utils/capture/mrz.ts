import { reason, type Reason } from '@/utils/i18n/reason-error';
import { parseMrzDate, type ReferenceDay, type VnDate, today } from '@/utils/vn/dates';
import { decodePersonalId, type Sex } from '@/utils/vn/personal-id';

/**
 * ICAO 9303 TD1 (3 × 30) as printed on the back of the Vietnamese ID card (shared/domain/VIETNAM.md §1):
 *
 *   IDVNM0900123450001090012345<<1   document code, state, 9-digit number + check, 12-digit ID, <<, its check
 *   9001011M5001013VNM<<<<<<<<<<<8   birth + check, sex, expiry + check, nationality, filler, composite check
 *   NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<   SURNAME<<GIVEN<NAMES, no diacritics
 *
 * OCR confuses O/0, I/1, B/8, S/5, Z/2. A numeric field is repaired only when its check digit then passes;
 * a field that still fails is reported, never silently "fixed".
 */

export interface MrzCheck {
  field: 'documentNumber' | 'personalId' | 'birthDate' | 'expiry' | 'composite';
  ok: boolean;
}

export interface MrzResult {
  /** TD1: the ID card's three lines; TD3: a passport's two. */
  format: 'td1' | 'td3';
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  /** The 12-digit personal ID from the optional field (Vietnamese layout), when present and well formed. */
  personalId: string | null;
  /**
   * The ID's own check digit could not be read, and the ID is kept because its last nine digits are the
   * document number (whose check passed) and its first three a province: no check of its own passed.
   */
  personalIdUnchecked?: boolean;
  birthDate: VnDate | null;
  sex: Sex | null;
  expiry: VnDate | null;
  nationality: string;
  surname: string;
  givenNames: string;
  /** Surname and given names as one line, the way the card's MRZ spells it (no diacritics). */
  nameAscii: string;
  checks: MrzCheck[];
  /** Every repair made, in Vietnamese, for the officer. */
  repairs: string[];
  /**
   * Lines (1, 2) read with a character too many or too few and realigned so that a checked field's digits moved
   * or changed: their check digits passed only after a search among shifts, so a pass there is weaker evidence
   * than on a line read whole. A line whose checked digits stand as read (checkedAsRead) is not listed; its
   * repair is.
   */
  realigned: number[];
  /** The lines after repair (three for TD1, two for TD3); parsed again they give the same checks. */
  lines: string[];
}

export type MrzParse = { ok: true; mrz: MrzResult } | { ok: false; reason: Reason };

const weights = [7, 3, 1];

function charValue(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return 0; // '<'
}

export function checkDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += charValue(text[i]!) * weights[i % 3]!;
  return sum % 10;
}

export const toDigit: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  B: '8',
  S: '5',
  Z: '2',
  G: '6',
};
export const toLetter: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B', '5': 'S', '2': 'Z', '6': 'G' };

/** Upper case, spaces gone, the marks OCR reads for '<' turned back into '<'. */
export function normaliseMrzLine(line: string): string {
  return line
    .toUpperCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[«‹＜≤([{]/g, '<')
    .replace(/[^A-Z0-9<]/g, '');
}

/** Finds three TD1 lines (or a passport's two TD3 lines) among OCR lines. */
export function findMrzLines(lines: readonly string[]): { kind: 'td1' | 'td3'; lines: string[] } | null {
  const cleaned = lines.map(normaliseMrzLine).filter((l) => l.length >= 4);
  const passport = cleaned.findIndex((l) => /^P[<A-Z][A-Z<]{3}/.test(l) && l.length >= 40);
  if (passport >= 0) return { kind: 'td3', lines: [cleaned[passport]!, cleaned[passport + 1] ?? ''] };
  const start = cleaned.findIndex(
    (l, i) => /^[I1][D0O<][A-Z<]{0,3}/.test(l) && l.length >= 25 && i + 1 < cleaned.length,
  );
  if (start >= 0) return { kind: 'td1', lines: [...cleaned.slice(start, start + 3), '', ''].slice(0, 3) };
  // Noise read before the document code ("I10VNM…"): the issuing state anchors the line.
  const anchored = cleaned.findIndex((l, i) => {
    const at = l.indexOf('VNM');
    return at >= 2 && at <= 6 && l.length >= 25 && i + 1 < cleaned.length && /\d{6}/.test(cleaned[i + 1]!.slice(0, 8));
  });
  if (anchored >= 0) {
    const line = cleaned[anchored]!;
    return {
      kind: 'td1',
      lines: [
        `ID${line.slice(line.indexOf('VNM'))}`,
        ...[...cleaned.slice(anchored + 1, anchored + 3), '', ''].slice(0, 2),
      ],
    };
  }
  // The header read with a letter wrong besides ("19VN8…" for "IDVNM…"): a line of 28 to 32 whose "VN" stands
  // where the issuing state does, over a line opening with six digits (the birth date). The header is the
  // card's own ("IDVNM"); the rest is as read.
  const loose = cleaned.findIndex(
    (l, i) =>
      l.length >= 28 &&
      l.length <= 32 &&
      l.slice(1, 4).includes('VN') &&
      i + 1 < cleaned.length &&
      /^\d{6}/.test(cleaned[i + 1]!.replace(/[A-Z]/g, (c) => toDigit[c] ?? c).slice(0, 8)),
  );
  if (loose < 0) return null;
  const line = cleaned[loose]!;
  return {
    kind: 'td1',
    lines: [
      `IDVNM${line.slice(line.indexOf('VN') + 3)}`,
      ...[...cleaned.slice(loose + 1, loose + 3), '', ''].slice(0, 2),
    ],
  };
}

/**
 * The Vietnamese card's fillers put back where OCR read the chevrons as letters or digits ("C<", "<C<4<4<<"): line
 * 1's two between the ID and its check digit, and line 2's eleven after the nationality (the card keeps no
 * optional data there), its last character the composite check however many were read before it. Line 1's only
 * when its last character is a digit (a check digit read as '<' stays unread). Kept only when its check digits
 * pass at least as often as the line as read.
 */
function withFillers(line: string, n: 1 | 2): string {
  if (n === 1)
    return line.length === 30 && /^\d{12}$/.test(line.slice(15, 27)) && /\d/.test(line[29]!)
      ? `${line.slice(0, 27)}<<${line[29]}`
      : line;
  return line.length >= 20 ? `${line.slice(0, 18)}${'<'.repeat(11)}${line.at(-1)}` : line;
}

/** Every character OCR reads for a digit as that digit ("O" → "0"); others as they stand. */
const asDigits = (t: string) => [...t].map((c) => toDigit[c] ?? c).join('');
const passes = (value: string, check: string | undefined) => check !== undefined && numericField(value, check).ok;
/**
 * Line 1's checks that pass, and its header kept (a shift that breaks "IDVNM" to pass a check is luck); half a
 * point more when the document number is the ID's last nine digits, as on every Vietnamese card: of two shifts
 * passing alike ("0900122345" with either "0" or "2" taken out), the one whose copies agree.
 */
function line1Score(l: string): number {
  const copies = asDigits(l.slice(5, 14)) === asDigits(l.slice(18, 27)) ? 0.5 : 0;
  return (
    Number(passes(l.slice(5, 14), l[14])) + Number(passes(l.slice(15, 27), l[29])) + Number(/^[I1]D/.test(l)) + copies
  );
}
const line1Whole = 3.5;
function line2Score(l: string): number {
  const expiry = passes(l.slice(8, 14), l[14]) || l.slice(8, 15) === '<'.repeat(7);
  return Number(passes(l.slice(0, 6), l[6])) + Number(expiry) + Number(l.slice(15, 18) === 'VNM');
}

/**
 * Line 2 of a card without expiry ("…M<<<<<<<VNM…"), its chevrons read with letters among them or one too many
 * ("5912247M<C<C<<<<<VNN…"): between the sex and the nationality nothing but chevrons and letters that are no
 * digit's misreading, most of them chevrons. Rebuilt with its fillers, the last character kept as the composite.
 */
function withoutExpiry(line: string): string | null {
  const m = line.match(/^([0-9A-Z]{7}[MF<])([<CKEX]{6,10})(V[NM][MN]|VN)/);
  if (!m || (m[2]!.match(/</g)?.length ?? 0) < m[2]!.length / 2 + 1) return null;
  return `${m[1]}${'<'.repeat(7)}VNM${'<'.repeat(11)}${/[0-9A-Z]$/.test(line) ? line.at(-1) : '<'}`;
}

/**
 * A realigned line whose checks stand as on a line read whole: its last check digit as read, and each checked
 * field with its check digit character for character in the line as read (line 2's two dates), or, on line 1, the
 * ID so, and the document number either so or the ID's last nine digits (its two copies agreeing, each checked).
 */
function checkedAsRead(n: 1 | 2, read: string, aligned: string): boolean {
  const kept = (from: number, to: number) => read.includes(aligned.slice(from, to));
  if (aligned[29] !== read.at(-1)) return false;
  if (n === 2) return kept(0, 7) && kept(8, 15);
  return kept(15, 27) && (kept(5, 15) || aligned.slice(5, 14) === aligned.slice(18, 27));
}

/**
 * A line OCR read with a character too many or too few (noise read as a letter, "<<" read as "<"): the single
 * deletion or filler insertion that makes the most check digits pass, only if it makes more pass. The line
 * counts as realigned (its checks weaker witnesses) unless its checked digits stand as read (checkedAsRead):
 * then the edit moved no digit a check passed on, or only one the number's other copy seconds.
 */
function align(line: string, score: (l: string) => number, repairs: string[], n: 1 | 2, realigned: number[]): string {
  const base = fit(line);
  if (line.length === 30) return base;
  const candidates: string[] = [];
  if (line.length > 30)
    for (let i = 0; i < line.length; i++) candidates.push(fit(line.slice(0, i) + line.slice(i + 1)));
  else for (let i = 0; i <= line.length; i++) candidates.push(fit(`${line.slice(0, i)}<${line.slice(i)}`));
  let best = base;
  let bestScore = score(base);
  for (const c of candidates) {
    const sc = score(c);
    if (sc > bestScore) {
      best = c;
      bestScore = sc;
    }
  }
  if (best !== base) {
    repairs.push(`Dòng ${n} của MRZ đọc thừa/thiếu một ký tự; đã căn lại theo chữ số kiểm tra.`);
    if (!checkedAsRead(n, line, best)) realigned.push(n);
  }
  return best;
}

/**
 * Line 1 rebuilt around its 12-digit ID, for a line OCR read with characters too many or too few in more than
 * one place ("…88376204516…<<39"): the ID where fillers follow it and one of the next two characters is its
 * passing check digit; before it, the document number, which on the Vietnamese card is the ID's last nine
 * digits, with its own check digit as read just before the ID.
 */
function aroundId(line: string): string | null {
  for (let i = line.length - 13; i >= 5; i--) {
    const id = line.slice(i, i + 12);
    if (!/^\d{12}$/.test(id) || line[i + 12] !== '<') continue;
    const check = [
      ...line
        .slice(i + 12)
        .replace(/^<+/, '')
        .slice(0, 2),
    ].find((c) => passes(id, c));
    if (check !== undefined) return `IDVNM${id.slice(3)}${line[i - 1]}${id}<<${check}`;
  }
  return null;
}

/**
 * Line 1 rebuilt around its document number read twice: once with its passing check digit, then again as the ID's
 * last nine digits ("10VNMH0913020894034091302089<C": a letter read into the header, a chevron lost). A digit
 * misread in place would have to be misread alike in both, and fail its check besides.
 */
function repeatedDocument(line: string): string | null {
  const digits = line.replace(/[OQDILBSZG]/g, (c) => toDigit[c] ?? c);
  const m = digits.match(/(\d{9})(\d)(\d{3})\1/);
  if (!m || !passes(m[1]!, m[2]!)) return null;
  const id = `${m[3]}${m[1]}`;
  const last = line.slice(m.index! + m[0].length).match(/<([0-9A-Z])<*$/)?.[1];
  const check = last !== undefined && passes(id, toDigit[last] ?? last) ? (toDigit[last] ?? last) : '<';
  return `IDVNM${m[1]}${m[2]}${id}<<${check}`;
}

/** Line 1 realigned by one character or rebuilt around its ID, whichever passes more checks. */
function bestLine1(line: string, repairs: string[], realigned: number[]): string {
  const alignedRepairs: string[] = [];
  const alignedRealigned: number[] = [];
  const aligned = align(line, line1Score, alignedRepairs, 1, alignedRealigned);
  // Around the ID only for a line of the wrong length (a digit misread in place is reported, never replaced by the
  // ID's); around the document number read twice, alike, for any.
  const rebuilt =
    line1Score(aligned) === line1Whole
      ? null
      : [line.length === 30 ? null : aroundId(line), repeatedDocument(line)].reduce(
          (best, l) => (l !== null && (best === null || line1Score(l) > line1Score(best)) ? l : best),
          null as string | null,
        );
  if (!rebuilt || line1Score(rebuilt) <= line1Score(aligned)) {
    realigned.push(...alignedRealigned);
    repairs.push(...alignedRepairs);
    return aligned;
  }
  realigned.push(1);
  repairs.push('Dòng 1 của MRZ đọc thừa/thiếu ký tự; đã dựng lại quanh số định danh theo chữ số kiểm tra.');
  return rebuilt;
}

function fit(line: string): string {
  return line.length >= 30 ? line.slice(0, 30) : line.padEnd(30, '<');
}

interface Repaired {
  value: string;
  check: string;
  ok: boolean;
  repaired: boolean;
}

/** A numeric field and its check digit: letters OCR reads for digits are mapped only if the check then passes. */
export function numericField(value: string, check: string): Repaired {
  const ok = (v: string, c: string) => /^\d$/.test(c) && checkDigit(v) === +c;
  if (ok(value, check)) return { value, check, ok: true, repaired: false };
  const v = asDigits(value);
  const c = toDigit[check] ?? check;
  if (ok(v, c)) return { value: v, check: c, ok: true, repaired: v !== value || c !== check };
  return { value, check, ok: false, repaired: false };
}

/**
 * The 12-digit ID in line 1's optional field, from the document number (checked) it must end with: the digits
 * as read, or with one digit read twice taken out (only when a single ID results). `check` is the ID's own check
 * digit when the line's last character reads as it (null when unread or different: the ID is then unchecked).
 */
function idFromDocument(
  optional: string,
  documentNumber: string,
  rawLine: string,
): { id: string; check: string | null } | null {
  const run = optional.match(/^\d+/)?.[0] ?? '';
  const candidates =
    run.length === 12 ? [run] : run.length === 13 ? [...run].map((_, i) => run.slice(0, i) + run.slice(i + 1)) : [];
  const ids = [...new Set(candidates.filter((id) => id.slice(3) === documentNumber && decodePersonalId(id)?.province))];
  if (ids.length !== 1) return null;
  const id = ids[0]!;
  const last = normaliseMrzLine(rawLine).match(/<([0-9A-Z])<*$/)?.[1];
  const check = last !== undefined ? (toDigit[last] ?? last) : null;
  return { id, check: check !== null && passes(id, check) ? check : null };
}

/** Letters OCR reads for the sex letter's two (an F's foot read as an E's, an M's strokes as an N's). */
const sexMisreads: Record<string, 'M' | 'F'> = { E: 'F', P: 'F', N: 'M', H: 'M', W: 'M' };

/** The sex letter, or a misreading of one that the ID's sex digit seconds (the ID read from this MRZ). */
function sexLetter(read: string, personalId: string | null, repairs: string[]): string {
  const meant = sexMisreads[read];
  if (!meant || !personalId) return read;
  const bySex = decodePersonalId(personalId)?.sex;
  if (bySex !== (meant === 'M' ? 'Nam' : 'Nữ')) return read;
  repairs.push(`Giới tính trong MRZ đọc là "${read}"; lấy "${meant}" vì chữ số giới tính trong số định danh cũng vậy.`);
  return meant;
}

export function parseTd1(rawLines: readonly string[], reference: ReferenceDay = today()): MrzParse {
  const found = findMrzLines(rawLines);
  if (!found) return { ok: false, reason: reason('mrz.notFound') };
  if (found.kind === 'td3') {
    // A passport's two lines: see parseMrz (passport.ts), which reads them.
    return { ok: false, reason: reason('mrz.passportPage') };
  }
  const repairs: string[] = [];
  const realigned: number[] = [];
  const first = bestLine1(found.lines[0]!, repairs, realigned);
  const second = align(found.lines[1]!, line2Score, repairs, 2, realigned);
  const fillers1 = withFillers(first, 1);
  const fillers2 = withFillers(found.lines[1]!, 2);
  const [l1, l2, l3] = [
    line1Score(fillers1) >= line1Score(first) ? fillers1 : first,
    [withoutExpiry(found.lines[1]!), fillers2, second].reduce((best, l) =>
      l !== null && (best === null || line2Score(l) > line2Score(best)) ? l : best,
    )!,
    fit(found.lines[2]!),
  ];
  if (l2 !== second && l2 === withoutExpiry(found.lines[1]!))
    repairs.push('Dòng 2 của MRZ: vùng hạn thẻ chỉ có ký tự đệm (thẻ không thời hạn), đọc lẫn chữ; đã dựng lại.');
  const checks: MrzCheck[] = [];

  const documentCode = l1.slice(0, 2).replace(/[01]/g, (d) => toLetter[d] ?? d);
  const issuingState = l1.slice(2, 5).replace(/\d/g, (d) => toLetter[d] ?? d);
  const doc = numericField(l1.slice(5, 14), l1[14]!);
  checks.push({ field: 'documentNumber', ok: doc.ok });
  if (doc.repaired)
    repairs.push(`Số giấy tờ trong MRZ đã sửa lỗi đọc nhầm chữ/số (chữ số kiểm tra khớp): ${doc.value}.`);

  // Vietnamese optional field: the 12-digit ID, '<<', then the ID's check digit at position 30.
  const optional = l1.slice(15, 30);
  let personalId: string | null = null;
  const idMatch = optional.match(/^([0-9A-Z]{12})<*([0-9A-Z<])$/);
  if (idMatch) {
    const id = numericField(idMatch[1]!, idMatch[2]!);
    checks.push({ field: 'personalId', ok: id.ok });
    if (id.ok && /^\d{12}$/.test(id.value)) {
      personalId = id.value;
      if (id.repaired)
        repairs.push(`Số định danh trong MRZ đã sửa lỗi đọc nhầm chữ/số (chữ số kiểm tra khớp): ${id.value}.`);
    } else if (/^\d{12}$/.test(id.value) && idMatch[2] === '<') {
      personalId = id.value;
    }
  }

  // The ID's check digit misread or lost ("…046083952109<C<", "…011059048814"), or a digit read twice
  // ("0420989165855"): its last nine digits are the document number, checked, and its first three name a
  // province. Its own check digit, where the line's last one can be read, settles it.
  let personalIdUnchecked = false;
  let optionalRead = optional;
  if (!checks.some((c) => c.field === 'personalId' && c.ok) && doc.ok) {
    const inferred = idFromDocument(optional, doc.value, found.lines[0]!);
    personalId = inferred?.id ?? (idMatch ? personalId : null);
    if (inferred) {
      optionalRead = `${inferred.id}<<${inferred.check ?? '<'}`;
      const at = checks.findIndex((c) => c.field === 'personalId');
      const check = { field: 'personalId' as const, ok: inferred.check !== null };
      if (at >= 0) checks[at] = check;
      else checks.push(check);
      if (inferred.check === null) personalIdUnchecked = true;
      if (inferred.id !== optional.slice(0, 12))
        repairs.push(
          inferred.check !== null
            ? `Số định danh trong MRZ đọc thừa một chữ số; đã lấy theo số giấy tờ (chữ số kiểm tra khớp): ${inferred.id}.`
            : `Số định danh trong MRZ đọc thừa một chữ số; đã lấy theo số giấy tờ, chưa kiểm được bằng chữ số kiểm tra: ${inferred.id}.`,
        );
    }
  }

  const birth = numericField(l2.slice(0, 6), l2[6]!);
  checks.push({ field: 'birthDate', ok: birth.ok });
  if (birth.repaired) repairs.push('Ngày sinh trong MRZ đã sửa lỗi đọc nhầm chữ/số (chữ số kiểm tra khớp).');
  const sexChar = sexLetter(l2[7]!, personalId, repairs);
  const expiryRaw = l2.slice(8, 14);
  const noExpiry = /^<+$/.test(expiryRaw);
  const exp = noExpiry
    ? { value: expiryRaw, check: l2[14]!, ok: true, repaired: false }
    : numericField(expiryRaw, l2[14]!);
  checks.push({ field: 'expiry', ok: exp.ok });
  if (exp.repaired) repairs.push('Ngày hết hạn trong MRZ đã sửa lỗi đọc nhầm chữ/số (chữ số kiểm tra khớp).');
  const nationality = l2.slice(15, 18).replace(/\d/g, (d) => toLetter[d] ?? d);

  // The composite covers line 1 positions 6–30 and line 2 positions 1–7, 9–15, 19–29 (as repaired).
  const line1 = `${documentCode}${issuingState}${doc.value}${doc.check}${optionalRead !== optional ? optionalRead : personalId && idMatch ? optional.replace(idMatch[1]!, personalId) : optional}`;
  const line2Head = `${birth.value}${birth.check}${sexChar}${exp.value}${exp.check}${nationality}`;
  const filler = l2.slice(18, 29);
  const compositeChar = toDigit[l2[29]!] ?? l2[29]!;
  const composite =
    checkDigit(line1.slice(5, 30) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + filler) === +compositeChar;
  checks.push({ field: 'composite', ok: /^\d$/.test(compositeChar) && composite });

  const reading = parseMrzDate(birth.value, 'birth', reference);
  const expiry = noExpiry ? null : parseMrzDate(exp.value, 'expiry', reference);

  const nameLine = l3.replace(/[0-9]/g, (d) => toLetter[d] ?? '<');
  if (nameLine !== l3)
    repairs.push('Dòng họ tên trong MRZ có chữ số (đọc nhầm), đã đổi thành chữ; hãy kiểm tra họ tên.');
  const [surnamePart = '', givenPart = ''] = nameLine.split('<<');
  const surname = surnamePart.replace(/<+/g, ' ').trim();
  const givenNames = givenPart.replace(/<+/g, ' ').trim();

  return {
    ok: true,
    mrz: {
      format: 'td1',
      documentCode,
      issuingState,
      documentNumber: doc.value,
      personalId,
      ...(personalIdUnchecked ? { personalIdUnchecked } : {}),
      birthDate: birth.ok && reading.ok ? reading.date : null,
      sex: sexChar === 'M' ? 'Nam' : sexChar === 'F' ? 'Nữ' : null,
      expiry: exp.ok && expiry?.ok ? expiry.date : null,
      nationality,
      surname,
      givenNames,
      nameAscii: [surname, givenNames].filter(Boolean).join(' '),
      checks,
      repairs,
      realigned,
      lines: [line1.slice(0, 30).padEnd(30, '<'), `${line2Head}${filler}${compositeChar}`, nameLine],
    },
  };
}

/**
 * Several readings of one card's MRZ, each line taken from the reading whose own checks on it pass most (line 1:
 * the document number and the ID; line 2: the birth date and the expiry; line 3 from the first), parsed again:
 * one reading may get line 1 right and another line 2. Null for fewer than two readings; the composite check,
 * across the lines, then says whether they belong together.
 */
export function combineTd1(readings: readonly MrzResult[], reference: ReferenceDay = today()): MrzParse | null {
  if (readings.length < 2) return null;
  const on = (r: MrzResult, fields: MrzCheck['field'][]) =>
    r.checks.filter((c) => fields.includes(c.field) && c.ok).length;
  const best = (fields: MrzCheck['field'][]) => readings.reduce((a, b) => (on(b, fields) > on(a, fields) ? b : a));
  const lines = [
    best(['documentNumber', 'personalId']).lines[0]!,
    best(['birthDate', 'expiry']).lines[1]!,
    readings[0]!.lines[2]!,
  ];
  return parseTd1(lines, reference);
}

/**
 * A reading whose sex letter is neither M nor F ("7906019W…", an M squeezed) takes it from another reading of the
 * same line 2 whose checked dates read alike: the letter between them is the same printed one. Else as it is.
 */
export function sexFromOthers(chosen: MrzResult, others: readonly MrzResult[], reference: ReferenceDay = today()) {
  if (chosen.format !== 'td1' || chosen.sex) return chosen;
  const line2 = chosen.lines[1]!;
  const same = (l: string) => l.slice(0, 7) === line2.slice(0, 7) && l.slice(8, 15) === line2.slice(8, 15);
  const other = others.find((o) => o.format === 'td1' && o.sex && same(o.lines[1]!));
  if (!other) return chosen;
  const again = parseTd1(
    [chosen.lines[0]!, `${line2.slice(0, 7)}${other.lines[1]![7]}${line2.slice(8)}`, chosen.lines[2]!],
    reference,
  );
  return again.ok ? again.mrz : chosen;
}

/** Builds the three lines for a card (test fixtures and the synthetic card generator). */
export function buildTd1(card: {
  personalId: string;
  birth: string; // YYMMDD
  sex: 'M' | 'F';
  expiry: string; // YYMMDD or '<<<<<<'
  surname: string;
  givenNames: string;
}): [string, string, string] {
  const doc = card.personalId.slice(3);
  const line1 = `IDVNM${doc}${checkDigit(doc)}${card.personalId}<<${checkDigit(card.personalId)}`;
  const expiryCheck = /^<+$/.test(card.expiry) ? '<' : String(checkDigit(card.expiry));
  const head = `${card.birth}${checkDigit(card.birth)}${card.sex}${card.expiry}${expiryCheck}VNM`;
  const filler = '<'.repeat(11);
  const composite = checkDigit(line1.slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + filler);
  const name = `${card.surname.replace(/ /g, '<')}<<${card.givenNames.replace(/ /g, '<')}`.slice(0, 30).padEnd(30, '<');
  return [line1, `${head}${filler}${composite}`, name];
}

/** Card text → MRZ letters: no diacritics, Đ → D, upper case. */
export function mrzName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .trim();
}
