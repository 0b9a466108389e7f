import { dateOf, enclosing, isLabelLine, readCard, personalIdOf, specks, textFields, trimMarks, type CardReading, type OcrField, type OcrLine } from '../card-fields';
import { formatDate } from '../../vn/dates';
import { decodePersonalId } from '../../vn/personal-id';
import { crop, edgeDensity, extractCard, normaliseForOcr, project, rotate180, squareToQuad, upscale, warpRegion, type Raster } from '../image';
import { classifyQr, type QrPayload } from '../qr-payload';
import { cleanSpaces, fold } from '../../vn/text';
import { parseTd1 } from '../mrz';
import { decodeQr, prepareBundledZxing } from './qr';
import { recognise, type OcrPaths } from './ocr';
import { toCanvas } from './load';

/**
 * One image in, everything it says out: the QR code (decoded on the straightened card first, then on the
 * photo as taken), the card found and turned upright, and its fields read by OCR, the MRZ re-read with its
 * own alphabet when the first reading fails its check digits.
 */

export interface CaptureAssets {
  ocr: OcrPaths;
  zxingWasm: string;
  pdfWorker: string;
}

export interface ScanResult {
  qr: QrPayload | null;
  reading: CardReading | null;
  /** The card, upright and flattened, to show beside the review (null for a QR close-up). */
  card: Raster | null;
  ocrText: string;
  upsideDown: boolean;
  timings: { qrMs: number; prepMs: number; ocrMs: number; totalMs: number };
  warnings: string[];
}

export const cardWidth = 1000;
/**
 * Where both card models print their QR code (2021: front, 2024: back), and the edge share that means one:
 * measured on the synthetic set, QR corners give 0.04–0.26, a chip or an empty corner 0.000–0.001.
 */
const qrCornerRegion = { x: 0.84, y: 0.04, w: 0.14, h: 0.2 };
const qrCornerEdges = 0.02;
/** A larger reading of the name this sure settles its marks (the page's marks on capitals are often wrong). */
const nameReadConfident = 0.85;
/** Two lines of a card's value text, as a share of the card's width (about 60 px at 1000). */
const lineAllowance = 0.06;
const mrzAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

export async function scanCard(image: Raster, assets: CaptureAssets, options: { ocr?: boolean } = {}): Promise<ScanResult> {
  prepareBundledZxing(assets.zxingWasm);
  const started = performance.now();
  const warnings: string[] = [];
  let t = performance.now();
  const extracted = extractCard(image, cardWidth);
  let card = extracted.card;
  const prepMs = performance.now() - t;

  t = performance.now();
  let hit = extracted.quad ? await decodeQr(card) : null;
  // The raster the code was found in, to tell a close-up of the code from a card that carries one.
  let frame: Raster | null = hit ? card : null;
  let upsideDown = false;
  if (hit) {
    const cx = hit.corners.reduce((s, p) => s + p[0], 0) / 4 / card.width;
    const cy = hit.corners.reduce((s, p) => s + p[1], 0) / 4 / card.height;
    // On both card models the QR code sits in the top right corner.
    if (cx < 0.5 && cy > 0.5) {
      card = rotate180(card);
      upsideDown = true;
    }
  } else {
    // The code is small in a photo of the whole card: warp its corner straight from the photo, larger.
    for (const [region, turned] of [[{ x: 0.76, y: 0, w: 0.24, h: 0.34 }, false], [{ x: 0, y: 0.66, w: 0.24, h: 0.34 }, true]] as const) {
      if (!extracted.quad) break;
      hit = await decodeQr(warpRegion(image, extracted.used, region, 480));
      if (hit) {
        if (turned) {
          card = rotate180(card);
          upsideDown = true;
        }
        break;
      }
    }
    if (!hit) {
      hit = await decodeQr(image);
      frame = hit ? image : null;
    }
  }
  const qrMs = performance.now() - t;
  const qr = hit ? classifyQr(hit.text) : null;

  // A close-up of the QR code alone (or a screen showing it): nothing else to read. Judged in the photo as
  // taken: a card's own code is a few percent of the photo, a close-up a fifth or more.
  const inPhoto = hit && frame === card ? hit.corners.map(([x, y]) => project(squareToQuad(extracted.used), x / card.width, y / card.height)) : hit?.corners;
  const qrOnly = qr !== null && frame !== null && inPhoto !== undefined && qrCovers(inPhoto, image);
  if (options.ocr === false || qrOnly) {
    return { qr, reading: null, card: qrOnly ? null : card, ocrText: '', upsideDown, timings: { qrMs, prepMs, ocrMs: 0, totalMs: performance.now() - started }, warnings };
  }

  t = performance.now();
  let side = await readSide(card, assets);
  if (!side.reading.side && !upsideDown) {
    // Perhaps upside down: read it turned round, keep the reading that recognises a side.
    const turned = rotate180(card);
    const second = await readSide(turned, assets);
    if (second.reading.side) {
      side = second;
      card = turned;
      upsideDown = true;
    }
  }
  if (upsideDown) warnings.push('Ảnh chụp thẻ bị lộn ngược; đã tự xoay lại.');
  await refine(side, assets);
  const { reading, text } = side;
  const ocrMs = performance.now() - t;
  // "Which side is this?" matters not when the card's QR code was read.
  if (qr?.kind !== 'citizen-id') warnings.push(...reading.warnings);
  return { qr, reading, card, ocrText: text, upsideDown, timings: { qrMs, prepMs, ocrMs, totalMs: performance.now() - started }, warnings };
}

function qrCovers(corners: Array<[number, number]>, image: Raster): boolean {
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)) > image.width * image.height * 0.1;
}

async function readSide(card: Raster, assets: CaptureAssets) {
  const normalised = normaliseForOcr(card);
  const canvas = toCanvas(normalised);
  const page = await recognise(assets.ocr, canvas, { mode: 'page' });
  const qrCorner = edgeDensity(normalised, qrCornerRegion) > qrCornerEdges;
  return { reading: readCard(page.lines, card.width, card.height, { qrCorner }), text: page.text, lines: page.lines, normalised, canvas, qrCorner };
}

/**
 * Second looks where the first reading is doubtful: the name larger, the number and the issue date with
 * digits only, places in their own column, the MRZ with its alphabet.
 */
async function refine(side: Awaited<ReturnType<typeof readSide>>, assets: CaptureAssets) {
  const { reading, lines, normalised, canvas, qrCorner } = side;
  // The name, in capitals with stacked marks: read again at twice the size, as one line.
  const name = reading.fields.fullName;
  if (name) {
    const b = pad(name.bbox, normalised, 8);
    const line = upscale(crop(normalised, { x: b.left / normalised.width, y: b.top / normalised.height, w: b.width / normalised.width, h: b.height / normalised.height }), 2);
    const again = await recognise(assets.ocr, toCanvas(line), { mode: 'line' });
    const text = again.lines.map((l) => l.text).join(' ').trim();
    // Only a reading of the same letters counts: the larger read settles diacritics, not words. The page's
    // confidence says little about a mark ("HIẾN" for "HIỀN" at 96), so a confident larger read wins.
    const skeleton = (t: string) => fold(t).toUpperCase().replace(/[^A-Z]/g, '');
    const confidence = again.confidence / 100;
    if (text && skeleton(text) === skeleton(name.text) && (confidence >= nameReadConfident || confidence > name.confidence)) reading.fields.fullName = { ...name, text, confidence };
  }
  // Only a value's own words, for a second look: the label's "Số" must not be read as digits.
  const digitBox = (field: OcrField, kind: 'number' | 'date') => {
    const line = lines.find((l) => l.bbox.y0 === field.bbox.y0 && l.bbox.x0 <= field.bbox.x0 + 1) ?? null;
    // A date's words are digits and separators only (a garbled label's "D29" is not one of them).
    let words = line?.words?.filter((w) => (kind === 'date' ? /^[\dOo/.-]{2,}[.,]?$/ : /\d{2,}/).test(w.text)) ?? [];
    // The 2024 back prints the expiry beside the issue date: only the words of the first date.
    const end = kind === 'date' ? words.findIndex((_, i) => dateOf(words.slice(0, i + 1).map((w) => w.text).join(''))) : -1;
    if (end >= 0) words = words.slice(0, end + 1);
    return words.length ? { ...enclosing(words.map((w) => w.bbox)), y0: field.bbox.y0, y1: field.bbox.y1 } : field.bbox;
  };
  // The issue date, read again with digits and slashes only; a disagreement lowers confidence.
  const issue = reading.fields.issueDate;
  if (issue && reading.side === 'back') {
    const again = await recognise(assets.ocr, canvas, { mode: 'line', whitelist: '0123456789/', rectangle: pad(digitBox(issue, 'date'), normalised, 6) });
    const text = again.lines.map((l) => l.text).join(' ');
    // The card prints dd/mm/yyyy: a reading with a digit lost or run into the next date is no second look.
    const printed = text.match(/(?<!\d)\d{2}\/\d{2}\/\d{4}(?!\d)/)?.[0];
    const second = printed ? dateOf(printed) : null;
    const first = dateOf(issue.text);
    if (second) reading.fields.issueDate = { ...issue, text, confidence: first && formatDate(first) !== formatDate(second) ? Math.min(0.7, again.confidence / 100) : Math.max(issue.confidence, again.confidence / 100) };
  }
  // The number, read again with digits only: the digits-only reading wins; a disagreement lowers confidence.
  const id = reading.fields.personalId;
  if (id && reading.side === 'front') {
    const again = await recognise(assets.ocr, canvas, { mode: 'line', whitelist: '0123456789', rectangle: pad(digitBox(id, 'number'), normalised, 6) });
    const digits = again.lines.map((l) => l.text).join('').replace(/\D/g, '');
    const second = digits.length >= 12 ? digits.slice(-12) : null;
    const first = personalIdOf(id.text);
    // Two readings that differ: the one the number's own structure and the date of birth agree with.
    const birth = reading.fields.birthDate ? dateOf(reading.fields.birthDate.text) : null;
    const plausible = (n: string | null) => {
      const d = n ? decodePersonalId(n) : null;
      return d ? Number(Boolean(d.province || d.abroad)) + (birth && d.birthYear === birth.year ? 2 : 0) : -1;
    };
    const best = first && first !== second && plausible(first) > plausible(second) ? first : second;
    if (best) reading.fields.personalId = { ...id, text: best, confidence: first && first !== second ? Math.min(0.7, again.confidence / 100) : Math.max(id.confidence, again.confidence / 100) };
  }
  // Places, read again as one block kept to the value's own column: the page reading may take in the expiry
  // column, the photo's edge or the QR code beside it. The fusion keeps the reading its place names explain.
  // Down to the next label or value (a last line the page reading missed is read), at most two lines more.
  for (const name of textFields) {
    const field = reading.fields[name];
    if (!field) continue;
    const besideQr = qrCorner && field.bbox.y0 < (qrCornerRegion.y + qrCornerRegion.h) * normalised.height;
    const right = besideQr ? qrCornerRegion.x * normalised.width - 16 : normalised.width;
    const below = [...lines.filter((l) => isLabelLine(l.text)).map((l) => l.bbox), ...Object.values(reading.fields).map((f) => f.bbox)].filter((b) => b.y0 > field.bbox.y1 - 4 && b.x1 > field.bbox.x0).map((b) => b.y0);
    const bottom = Math.min(field.bbox.y1 + lineAllowance * normalised.width, ...below) - 8;
    const again = await recognise(assets.ocr, canvas, { mode: 'block', rectangle: pad({ ...field.bbox, x1: right, y1: Math.max(field.bbox.y1, bottom) }, normalised, 8) });
    // Values are printed larger than labels: the small lines are the labels above and below. (A value line
    // without marks or descenders, "An", stands about 0.7 of one with both; a label line about 0.55.)
    const tallest = Math.max(0, ...again.lines.map((l) => l.bbox.y1 - l.bbox.y0));
    const kept = again.lines.filter((l) => !specks(l.text) && l.bbox.y1 - l.bbox.y0 >= tallest * 0.62);
    const text = cleanSpaces(kept.map((l) => trimMarks(l.text)).join(' '));
    if (text && text !== field.text) reading.fields[name] = { ...field, alternatives: [text] };
  }
  const mrzOk = reading.mrz?.ok && reading.mrz.mrz.checks.every((c) => c.ok);
  if (reading.side === 'back' && !mrzOk) {
    const mrzLines = lines.filter((l) => /<{2,}/.test(l.text));
    const top = mrzLines.length ? Math.min(...mrzLines.map((l) => l.bbox.y0)) - 12 : Math.round(normalised.height * 0.66);
    const band = crop(normalised, { x: 0, y: top / normalised.height, w: 1, h: 1 - top / normalised.height });
    const again = await recognise(assets.ocr, toCanvas(band), { mode: 'block', whitelist: mrzAlphabet });
    const parsed = parseTd1(again.lines.map((l) => l.text));
    const passing = (p: typeof parsed) => (p.ok ? p.mrz.checks.filter((c) => c.ok).length : -1);
    if (passing(parsed) > passing(reading.mrz ?? { ok: false, reason: '' })) reading.mrz = parsed;
  }
}

function pad(b: OcrLine['bbox'], r: Raster, margin: number) {
  const left = Math.max(0, b.x0 - margin);
  const top = Math.max(0, b.y0 - margin);
  return { left, top, width: Math.min(r.width - left, b.x1 - b.x0 + margin * 2), height: Math.min(r.height - top, b.y1 - b.y0 + margin * 2) };
}

/** Any paper (birth notice, death notice, an old household book): its text, page by page. */
export async function readDocument(image: Raster, assets: CaptureAssets): Promise<{ text: string; confidence: number; ms: number }> {
  const started = performance.now();
  const normalised = normaliseForOcr(image);
  const page = await recognise(assets.ocr, toCanvas(normalised), { mode: 'page' });
  return { text: page.text.trim(), confidence: page.confidence, ms: performance.now() - started };
}
