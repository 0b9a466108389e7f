import { findMrzLines, type MrzParse } from '@/utils/capture/mrz';
import { parseMrz } from '@/utils/capture/passport';
import { parseDate, type VnDate } from '@/utils/vn/dates';
import { fold, cleanSpaces } from '@/utils/vn/text';

/**
 * Layout-aware reading of an ID card from OCR lines: each field is found by its printed label (Vietnamese and
 * English, as on the 2021 chip card and the 2024 card), its value on the same line after the colon or on the
 * lines below, kept within the label's column. Labels are data, so a new card design is a new entry.
 */

export interface OcrWord {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrLine {
  text: string;
  /** The words with their boxes, when the engine gives them: lets a value keep to its column. */
  words?: OcrWord[];
  /** 0–100, as tesseract reports it. */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export type CardModel = '2021' | '2024';
export type CardSide = 'front' | 'back';

export type OcrFieldName =
  | 'personalId'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'nationality'
  | 'hometown'
  | 'residence'
  | 'placeOfBirth'
  | 'issueDate'
  | 'expiry';

export interface OcrField {
  text: string;
  confidence: number;
  /** The line(s) the value came from, for a focused re-read. */
  bbox: OcrLine['bbox'];
  /** Other readings of the same value (a focused re-read), for the fusion to judge against what it knows. */
  alternatives?: string[];
  /** A second look at the value (larger, digits only, its own column) read the same (true) or not (false). */
  agreed?: boolean;
}

export interface CardReading {
  side: CardSide | null;
  model: CardModel | null;
  /**
   * What told the model: the card's own words, or only whether a QR pattern was seen in the top right corner
   * (a guess a poor crop gets wrong: a 2024 back whose code was cut off reads as a 2021 back).
   */
  modelBy?: 'text' | 'corner';
  fields: Partial<Record<OcrFieldName, OcrField>>;
  mrz: MrzParse | null;
  /** A passport (its two-line MRZ, or its title) rather than the card: no side of the card. */
  passport?: boolean;
  /** Problems, in Vietnamese. */
  warnings: string[];
}

interface LabelRule {
  field: OcrFieldName;
  /** Folded, lower-case fragments; any one marks the label. */
  labels: string[];
  /** Lines of value below the label at most. */
  below: number;
  /** The value's shape, to accept a line (or the rest of the label's line). */
  accept: (text: string) => boolean;
  /** Picks the value out of a line that also holds the label (when OCR lost the colon). */
  extract?: (text: string) => string | null;
}

/** dd/mm/yyyy as printed (dots or dashes too, spaces OCR put in), day, month and year captured. */
const date = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;
const dateIn = (t: string) => t.replace(/[Oo]/g, '0').match(date)?.[0] ?? null;
const rules: LabelRule[] = [
  {
    field: 'personalId',
    labels: ['so dinh danh', 'so / no', 'so/no', 'so /no', 'personal identification number', 'no.:'],
    below: 1,
    accept: (t) => /\d[\dOoIlB ]{10,}\d/.test(t),
  },
  {
    field: 'fullName',
    labels: ['ho va ten', 'full name', 'chu dem va ten', 'given name'],
    below: 1,
    accept: (t) => /\p{Lu}{2,}/u.test(t) && !/[:/]/.test(t),
  },
  {
    field: 'birthDate',
    labels: ['ngay sinh', 'nam sinh', 'date of birth'],
    below: 1,
    accept: (t) => date.test(t),
    extract: dateIn,
  },
  { field: 'sex', labels: ['gioi tinh', 'sex'], below: 0, accept: (t) => /\b(nam|nu)\b/i.test(fold(t)) },
  { field: 'nationality', labels: ['quoc tich', 'nationality'], below: 0, accept: (t) => /viet|nam/i.test(fold(t)) },
  { field: 'hometown', labels: ['que quan', 'place of origin'], below: 2, accept: (t) => /\p{L}{2,}/u.test(t) },
  {
    field: 'residence',
    labels: ['noi thuong tru', 'noi cu tru', 'place of residence'],
    below: 3,
    accept: (t) => /\p{L}{2,}/u.test(t),
  },
  {
    field: 'placeOfBirth',
    labels: ['noi dang ky khai sinh', 'place of birth'],
    below: 2,
    accept: (t) => /\p{L}{2,}/u.test(t),
  },
  {
    field: 'issueDate',
    labels: ['nam cap', 'date of issue', 'date, month, year', 'ngay, thang, nam /', 'ngay, thang, nam/'],
    below: 1,
    accept: (t) => date.test(t),
    extract: (t) => (!/het han|expiry/.test(folded(t)) ? dateIn(t) : null),
  },
  {
    field: 'expiry',
    labels: ['co gia tri den', 'date of expiry', 'het han'],
    below: 2,
    accept: (t) => date.test(t) || /khong thoi han/i.test(fold(t)),
    extract: (t) => dateIn(t) ?? (/khong thoi han/i.test(fold(t)) ? 'Không thời hạn' : null),
  },
];

const labelWords = rules.flatMap((r) => r.labels);
/** Fields whose value is words (places), not a number or a date. */
export const textFields = ['hometown', 'residence', 'placeOfBirth'] as const satisfies readonly OcrFieldName[];
const isTextField = (field: OcrFieldName): field is (typeof textFields)[number] =>
  (textFields as readonly OcrFieldName[]).includes(field);

/** A value's stray marks at either end ("… Thừa Thiên Huế |"): the card's edge or dust, dropped. */
export function trimMarks(text: string): string {
  return cleanSpaces(text).replace(/^[^\p{L}\d]+|[^\p{L}\d.,]+$/gu, '');
}

/** A few marks OCR read in dust or at a photo's edge, not words. */
export function specks(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  return letters < 4 && letters < text.replace(/\s/g, '').length * 0.8;
}

type Box = OcrLine['bbox'];
/** The box around boxes. */
export function enclosing(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

function folded(text: string): string {
  return fold(text).toLowerCase().replace(/\s+/g, ' ');
}

/**
 * A line that opens with a house number ("Số nhà 16 …", "Số 10 …", "25 Lê Lợi …", after a speck such as "7 ") starts
 * a street address. A hometown (quê quán) names a commune, a district and a province and never has one, so such
 * a line is the residence below whose label OCR did not read (tuning: card-2026-7 ran the two together).
 */
function opensWithHouseNumber(text: string): boolean {
  return /^\W*(\d\s+)?(so nha|so|sn)\s*\d|^\W*\d+[a-z]?(\/\d+)*\s+\p{L}/u.test(folded(text));
}

export function isLabelLine(text: string): boolean {
  const f = folded(text);
  return labelWords.some((l) => f.includes(l)) || /\/\s*[a-z]+.*:/.test(f);
}

/** What follows the label on its own line: after the last colon, or after the English part of the label. */
function restOfLabel(text: string): string {
  const colon = text.lastIndexOf(':');
  return colon >= 0 ? text.slice(colon + 1).trim() : '';
}

/**
 * The 2021 card's front has two columns: photo and expiry at the left, the fields at the right. OCR may join
 * them into one line; split each line's words at the column edge.
 */
function splitColumns(lines: readonly OcrLine[], edge: number): OcrLine[] {
  return lines.flatMap((line) => {
    const words = line.words ?? [];
    const left = words.filter((w) => w.bbox.x1 < edge);
    const right = words.filter((w) => w.bbox.x1 >= edge);
    if (!left.length || !right.length) return [line];
    return [left, right].map((ws) => ({
      text: ws.map((w) => w.text).join(' '),
      words: ws,
      confidence: line.confidence,
      bbox: enclosing(ws.map((w) => w.bbox)),
    }));
  });
}

/**
 * Where each value is printed on the upright card (fractions of its height; x limits where a column is
 * shared), for the lines whose label OCR could not read: small print blurs first, the large values survive.
 */
export type Zone = { y: [number, number]; x?: [number, number]; lines?: number };
export const zones: Record<`${CardModel}-${CardSide}`, Partial<Record<OcrFieldName, Zone>>> = {
  '2021-front': {
    personalId: { y: [0.29, 0.37] },
    fullName: { y: [0.42, 0.49] },
    birthDate: { y: [0.5, 0.56] },
    sex: { y: [0.57, 0.63], x: [0.27, 0.55] },
    nationality: { y: [0.57, 0.63], x: [0.55, 1] },
    hometown: { y: [0.68, 0.74] },
    residence: { y: [0.8, 0.96], x: [0.27, 1], lines: 2 },
    expiry: { y: [0.83, 0.9], x: [0, 0.27] },
  },
  '2024-front': {
    personalId: { y: [0.35, 0.41] },
    fullName: { y: [0.48, 0.54] },
    birthDate: { y: [0.61, 0.67] },
    sex: { y: [0.69, 0.75], x: [0.27, 0.55] },
    nationality: { y: [0.69, 0.75], x: [0.55, 1] },
  },
  '2021-back': { issueDate: { y: [0.2, 0.26] } },
  '2024-back': {
    residence: { y: [0.08, 0.19], lines: 2 },
    placeOfBirth: { y: [0.27, 0.32] },
    issueDate: { y: [0.39, 0.44], x: [0, 0.42] },
    expiry: { y: [0.39, 0.44], x: [0.42, 1] },
  },
};

export const shapes: Partial<Record<OcrFieldName, (t: string) => string | null>> = {
  personalId: (t) => personalIdOf(t),
  birthDate: dateIn,
  issueDate: dateIn,
  expiry: (t) => dateIn(t) ?? (/khong thoi han/.test(folded(t)) ? 'Không thời hạn' : null),
  sex: (t) => sexOf(t),
  nationality: (t) => (/viet/.test(folded(t)) ? 'Việt Nam' : null),
  fullName: (t) => (/\p{Lu}{2,}/u.test(t) && !/[:/\d]/.test(t) ? t : null),
};

function fromZones(
  fields: CardReading['fields'],
  lines: readonly OcrLine[],
  key: `${CardModel}-${CardSide}`,
  width: number,
  height: number,
) {
  for (const [field, zone] of Object.entries(zones[key]) as Array<[OcrFieldName, Zone]>) {
    if (fields[field]) continue;
    const inZone = lines
      .map((l) => {
        const cy = (l.bbox.y0 + l.bbox.y1) / 2 / height;
        if (cy < zone.y[0] || cy > zone.y[1]) return null;
        const [x0, x1] = zone.x ?? [0, 1];
        const words = l.words?.filter(
          (w) => (w.bbox.x0 + w.bbox.x1) / 2 / width >= x0 && (w.bbox.x0 + w.bbox.x1) / 2 / width <= x1,
        );
        const text = words ? words.map((w) => w.text).join(' ') : l.text;
        return text.trim() ? { line: l, text } : null;
      })
      .filter((x): x is { line: OcrLine; text: string } => x !== null)
      .slice(0, zone.lines ?? 1);
    if (!inZone.length) continue;
    const joined = inZone.map((z) => z.text).join(' ');
    const shape = shapes[field];
    const value = shape ? shape(joined) : cleanSpaces(joined.replace(/^[^\p{L}\d]+/u, ''));
    if (!value) continue;
    fields[field] = {
      text: value,
      confidence: (Math.min(...inZone.map((z) => z.line.confidence)) / 100) * 0.95,
      bbox: enclosing(inZone.map((z) => z.line.bbox)),
    };
  }
}

export interface ReadOptions {
  /** A QR code's pattern was seen in the top right corner: on the 2021 card's front, on the 2024 card's back. */
  qrCorner?: boolean;
}

export function readCard(
  allLines: readonly OcrLine[],
  cardWidth: number,
  cardHeight = Math.round(cardWidth / (85.6 / 53.98)),
  options: ReadOptions = {},
): CardReading {
  const warnings: string[] = [];
  const allText = folded(allLines.map((l) => l.text).join(' '));
  const twoColumns =
    /cong dan|citizen identity|place of origin|que quan/.test(allText) &&
    /ho va ten|full name|date of birth/.test(allText);
  const lines = twoColumns ? splitColumns(allLines, cardWidth * 0.27) : allLines;
  const texts = lines.map((l) => l.text);
  const all = folded(texts.join(' '));
  const mrzFound = findMrzLines(texts);
  const mrz = mrzFound ? parseMrz(texts) : null;
  const passport = mrzFound?.kind === 'td3' || /ho chieu|passport/.test(all);
  const mrzIndexes = new Set<number>();
  if (mrzFound) for (const [i, l] of lines.entries()) if (/<{2,}/.test(l.text)) mrzIndexes.add(i);

  const side: CardSide | null = passport
    ? null
    : mrzFound || /noi cu tru|dac diem nhan dang|date of issue|ngon tro|bo cong an|cuc truong/.test(all)
      ? 'back'
      : /ho va ten|full name|given name|date of birth|can cuoc|identity card|cong hoa xa hoi/.test(all)
        ? 'front'
        : null;
  const byText: CardModel | null = /cong dan|citizen identity|place of origin|nhan dang|personal identification:/.test(
    all,
  )
    ? '2021'
    : /identity card|chu dem va ten|noi cu tru|noi dang ky khai sinh|bo cong an|personal identification number/.test(
          all,
        )
      ? '2024'
      : null;
  const byCorner: CardModel | null =
    options.qrCorner === undefined || !side ? null : (side === 'front') === options.qrCorner ? '2021' : '2024';
  const model = byText ?? byCorner;

  const fields: CardReading['fields'] = {};
  const used = new Set<number>(mrzIndexes);
  for (const rule of rules) {
    const at = lines.findIndex((l, i) => !used.has(i) && rule.labels.some((label) => folded(l.text).includes(label)));
    if (at < 0) continue;
    const labelLine = lines[at]!;
    // Sex and nationality share one printed line: its label line stays available to the next rule.
    if (rule.below > 0) used.add(at);
    const inline = restOfLabel(labelLine.text);
    const picked: OcrLine[] = [];
    let text = '';
    // A value printed after the label on the same line ("Giới tính / Sex: Nam").
    const inlineValue =
      rule.field === 'sex' || rule.field === 'nationality' ? sameLineValue(labelLine.text, rule) : inline;
    const extracted = rule.extract?.(labelLine.text) ?? null;
    if (inlineValue && rule.accept(inlineValue) && !(rule.field === 'hometown' && opensWithHouseNumber(inlineValue))) {
      text = extracted ?? inlineValue;
      picked.push(labelLine);
    } else if (extracted) {
      text = extracted;
      picked.push(labelLine);
    }
    // Otherwise (or for multi-line values) the lines below, in the label's column.
    if (rule.below > 0 && (text === '' || rule.field === 'residence' || rule.field === 'hometown')) {
      for (let i = at + 1, taken = 0; i < lines.length && taken < rule.below; i++) {
        const line = lines[i]!;
        if (used.has(i)) continue;
        if (line.bbox.x1 < labelLine.bbox.x0 - cardWidth * 0.05) continue; // a line of another column
        if (line.bbox.y0 - (picked.at(-1) ?? labelLine).bbox.y1 > (labelLine.bbox.y1 - labelLine.bbox.y0) * 2.5) break;
        if (isLabelLine(line.text)) break;
        if (rule.field === 'hometown' && opensWithHouseNumber(line.text)) break;
        const value = inColumn(line, labelLine.bbox.x0 - cardWidth * 0.03);
        // Specks OCR read as a few marks between the value's lines ("” ` MAi", "ˆ . ."): not a line of the
        // value, and not its end.
        if (!rule.accept(line.text)) {
          if (taken === 0 || specks(value)) continue;
          break;
        }
        if (isTextField(rule.field) && specks(value)) continue;
        // Values are printed larger than labels: a line no taller than the label, and smaller than the value's
        // first line, is the next (garbled) label. (A label line OCR merged with its neighbours can look tall.)
        const height = (l: OcrLine) => l.bbox.y1 - l.bbox.y0;
        const firstValue = picked.find((p) => p !== labelLine);
        if (
          picked.length > 0 &&
          height(line) <= height(labelLine) * 1.05 &&
          (!firstValue || height(line) < height(firstValue) * 0.75)
        )
          break;
        text = text ? `${text} ${value}` : value;
        picked.push(line);
        used.add(i);
        taken++;
      }
    }
    if (!text) continue;
    fields[rule.field] = {
      text: cleanSpaces(text),
      confidence: Math.min(...picked.map((l) => l.confidence)) / 100,
      bbox: enclosing(picked.map((l) => l.bbox)),
    };
  }
  // Issue and expiry dates sit side by side on the 2024 back; OCR may read them as one line.
  const issue = fields.issueDate;
  if (issue && !fields.expiry) {
    const rest = issue.text.replace(date, '').trim();
    if (date.test(rest) || /khong thoi han/.test(folded(rest))) fields.expiry = { ...issue, text: rest };
  }
  if (side && model) fromZones(fields, lines, `${model}-${side}`, cardWidth, cardHeight);
  // The back's one printed date, its label unread or read after it (the value's taller line comes first): the issue
  // date (the MRZ's dates are not written with slashes; the 2024 back's expiry has its own label).
  if (side === 'back' && !fields.issueDate) {
    const dated = lines.filter(
      (l, i) => !used.has(i) && !mrzIndexes.has(i) && dateIn(l.text) && !/het han|expiry|gia tri/.test(folded(l.text)),
    );
    const dates = new Set(dated.map((l) => dateIn(l.text)));
    if (dated.length && dates.size === 1 && !fields.expiry) {
      const line = dated[0]!;
      fields.issueDate = { text: dateIn(line.text)!, confidence: (line.confidence / 100) * 0.9, bbox: line.bbox };
    }
  }
  // The number may stand alone, without its label read.
  if (!fields.personalId || !personalIdOf(fields.personalId.text)) {
    const line = lines.find((l, i) => !mrzIndexes.has(i) && personalIdOf(l.text));
    if (line) fields.personalId = { text: line.text, confidence: line.confidence / 100, bbox: line.bbox };
  }
  if (!side && !passport)
    warnings.push('Không nhận ra đây là mặt trước hay mặt sau thẻ căn cước; hãy chụp lại rõ hơn hoặc nhập tay.');
  const modelBy = byText ? ('text' as const) : byCorner ? ('corner' as const) : undefined;
  return { side, model, ...(modelBy ? { modelBy } : {}), fields, mrz, passport, warnings };
}

/** The words of a line from `x` rightwards (a value keeps to its label's column; the photo's side is another). */
function inColumn(line: OcrLine, x: number): string {
  if (!line.words?.length) return line.text;
  const words = line.words.filter((w) => w.bbox.x0 >= x);
  return words.length ? words.map((w) => w.text).join(' ') : line.text;
}

function sameLineValue(text: string, rule: LabelRule): string {
  // "Giới tính / Sex: Nam Quốc tịch / Nationality: Việt Nam": what follows this rule's last label word, up to
  // the next label (colons are often lost, so they are not relied on). Folding keeps NFC text's length.
  const f = fold(text.normalize('NFC')).toLowerCase();
  let end = -1;
  for (const label of rule.labels) {
    const at = f.lastIndexOf(label);
    if (at >= 0) end = Math.max(end, at + label.length);
  }
  if (end < 0) return '';
  let rest = text
    .normalize('NFC')
    .slice(end)
    .replace(/^[\s:;.,/|]+/, '');
  rest = rest.replace(/^\/?\s*(sex|nationality)\b[\s:;.,]*/i, '');
  const cut = rest.search(/\s(Quốc|Quoc|Giới|Gioi)\b/);
  return (cut >= 0 ? rest.slice(0, cut) : rest).trim();
}

/** Digits as OCR reads them in a number field: O → 0, I/l → 1, B → 8, S → 5, Z → 2; spaces dropped. */
export function digitsOf(text: string): string {
  return text
    .replace(/[Oo]/g, '0')
    .replace(/[Il|]/g, '1')
    .replace(/B/g, '8')
    .replace(/S/g, '5')
    .replace(/Z/g, '2')
    .replace(/[^\d]/g, '');
}

/**
 * The 12-digit number in a line, token by token (a label read as "s6/Ns" must not lend its digits): a token
 * mostly of digits and the letters OCR reads for digits, alone or joined with its neighbour.
 */
export function personalIdOf(text: string): string | null {
  const tokens = text.split(/[\s:]+/).filter(Boolean);
  const digitLike = (t: string) => [...t].filter((c) => /[\dOoIlBSZ|]/.test(c)).length >= t.length * 0.75;
  for (let i = 0; i < tokens.length; i++) {
    for (const candidate of [tokens[i]!, `${tokens[i]}${tokens[i + 1] ?? ''}`]) {
      if (!digitLike(candidate)) continue;
      const digits = digitsOf(candidate);
      if (digits.length === 12) return digits;
    }
  }
  return null;
}

/** The first date in the text (`last`: the last one, for an expiry printed after the issue date). */
export function dateOf(text: string, which: 'first' | 'last' = 'first'): VnDate | null {
  const all = [...text.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').matchAll(new RegExp(date.source, 'g'))];
  const m = which === 'first' ? all[0] : all.at(-1);
  if (!m) return null;
  const parsed = parseDate(`${m[1]}/${m[2]}/${m[3]}`);
  return parsed.ok ? parsed.date : null;
}

export function sexOf(text: string): 'Nam' | 'Nữ' | null {
  const f = folded(text);
  if (/\bnu\b/.test(f)) return 'Nữ';
  if (/\bnam\b/.test(f)) return 'Nam';
  return null;
}
