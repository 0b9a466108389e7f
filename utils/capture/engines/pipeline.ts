import {
  dateOf,
  enclosing,
  isLabelLine,
  readCard,
  personalIdOf,
  specks,
  textFields,
  trimMarks,
  type CardReading,
  type OcrField,
  type OcrLine,
} from '@/utils/capture/card-fields';
import { formatDate } from '@/utils/vn/dates';
import { decodePersonalId } from '@/utils/vn/personal-id';
import {
  cardAspect,
  crop,
  edgeDensity,
  normaliseForOcr,
  project,
  rotate180,
  squareToQuad,
  upscale,
  warpQuad,
  warpRegion,
  type Point,
  type Quad,
  type Raster,
} from '@/utils/capture/image';
import { findCard, type CardGuess } from '@/utils/capture/find-card';
import { otherFrames, type Frame } from '@/utils/capture/frames';
import { mrzBandTop, mrzFrame } from '@/utils/capture/mrz-anchor';
import { levelledBand, textSkew, turnFrame } from '@/utils/capture/skew';
import { binarise, enlarge, qrRegions } from '@/utils/capture/qr-search';
import { classifyQr, type QrPayload } from '@/utils/capture/qr-payload';
import { cleanSpaces, fold } from '@/utils/vn/text';
import { parseMrz } from '@/utils/capture/passport';
import { combineTd1, sexFromOthers, type MrzParse } from '@/utils/capture/mrz';
import { decodeQr, prepareBundledZxing, type QrHit } from '@/utils/capture/engines/qr';
import { recognise, type OcrPaths } from '@/utils/capture/engines/ocr';
import { rescueZones } from '@/utils/capture/engines/rescue';
import { toCanvas } from '@/utils/capture/engines/load';

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
  /** The card's corners in the photo, upright (top-left first): the crop shown to the officer, who may move them. */
  quad: Quad;
  /** Which detector's crop won ('region…', 'edges', 'photo'; 'officer' when the handles set it). */
  foundBy: string;
  /** The image is one colour (a blank page, a lens cap): nothing was read. */
  blank?: boolean;
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
/** The width the photo's densest square is enlarged to for a second try at its QR code. */
const qrLargerWidth = 900;

/** What a scan is doing, for the page's progress: finding the card, its QR code, reading it, second looks. */
export type ScanStage = 'card' | 'qr' | 'ocr' | 'reread';

export interface ScanOptions {
  ocr?: boolean;
  onStage?: (stage: ScanStage) => void;
  /** The card's corners in the photo as the officer set them (the four handles): no search. */
  quad?: Quad;
}

export async function scanCard(image: Raster, assets: CaptureAssets, options: ScanOptions = {}): Promise<ScanResult> {
  prepareBundledZxing(assets.zxingWasm);
  const started = performance.now();
  const warnings: string[] = [];
  const stage = options.onStage ?? (() => undefined);
  if (isBlank(image)) {
    const whole: Quad = [
      [0, 0],
      [image.width, 0],
      [image.width, image.height],
      [0, image.height],
    ];
    return {
      qr: null,
      reading: null,
      card: null,
      ocrText: '',
      upsideDown: false,
      quad: whole,
      foundBy: 'photo',
      blank: true,
      timings: { qrMs: 0, prepMs: 0, ocrMs: 0, totalMs: performance.now() - started },
      warnings,
    };
  }
  stage('card');
  let t = performance.now();
  const guess: CardGuess = options.quad
    ? { quad: options.quad, by: 'officer', score: 1, turned: false }
    : findCard(image);
  const used = guess.quad;
  let quad = used;
  let card = warpQuad(image, used, cardWidth, Math.round(cardWidth / cardAspect));
  let upsideDown = guess.turned;
  let foundBy = guess.by;
  const prepMs = performance.now() - t;

  stage('qr');
  t = performance.now();
  const found = await findQr(image, card, used);
  const hit = found?.hit ?? null;
  // The raster the code was found in, to tell a close-up of the code from a card that carries one.
  if (found?.turned) {
    card = rotate180(card);
    quad = turnQuad(quad);
    upsideDown = !upsideDown;
  }
  const qrMs = performance.now() - t;
  const qr = hit ? classifyQr(hit.text) : null;

  // A close-up of the QR code alone (or a screen showing it): nothing else to read. Judged in the photo as
  // taken (see qrCovers).
  const qrOnly = qr !== null && found !== null && qrCovers(found.inPhoto, image);
  if (options.ocr === false || qrOnly) {
    return {
      qr,
      reading: null,
      card: qrOnly ? null : card,
      ocrText: '',
      upsideDown,
      quad,
      foundBy,
      timings: { qrMs, prepMs, ocrMs: 0, totalMs: performance.now() - started },
      warnings,
    };
  }

  stage('ocr');
  t = performance.now();
  const framed = await readOtherwise(
    image,
    { side: await readSide(card, assets), card, quad, upsideDown, foundBy },
    guess,
    Boolean(hit),
    assets,
    Boolean(options.quad),
  );
  const side = framed.side;
  ({ card, quad, upsideDown, foundBy } = framed);
  // Only a card recognised was turned for a reason worth telling.
  if (upsideDown && side.reading.side) warnings.push('Ảnh chụp thẻ bị lộn ngược; đã tự xoay lại.');
  stage('reread');
  await refine(side, assets);
  // After the second looks: a rescued value must not be seconded by a second read of its own zone.
  await rescueZones(side, assets.ocr);
  const { reading, text } = side;
  const ocrMs = performance.now() - t;
  // "Which side is this?" matters not when the card's QR code was read.
  if (qr?.kind !== 'citizen-id') warnings.push(...reading.warnings);
  return {
    qr,
    reading,
    card,
    ocrText: text,
    upsideDown,
    quad,
    foundBy,
    timings: { qrMs, prepMs, ocrMs, totalMs: performance.now() - started },
    warnings,
  };
}

/**
 * The QR code, before any OCR: on the found card; its corner warped larger straight from the photo (top right,
 * where both models print it, or bottom left for a card the other way round); then the photo as taken.
 */
async function findQr(
  image: Raster,
  card: Raster,
  quad: Quad,
): Promise<{ hit: QrHit; frame: 'card' | 'corner' | 'photo'; turned: boolean; inPhoto: Point[] } | null> {
  const m = squareToQuad(quad);
  const onCard = await decodeQr(card);
  if (onCard) {
    const cx = onCard.corners.reduce((s, p) => s + p[0], 0) / 4 / card.width;
    const cy = onCard.corners.reduce((s, p) => s + p[1], 0) / 4 / card.height;
    // On both card models the QR code sits in the top right corner.
    const inPhoto = onCard.corners.map(([x, y]) => project(m, x / card.width, y / card.height));
    return { hit: onCard, frame: 'card', turned: cx < 0.5 && cy > 0.5, inPhoto };
  }
  for (const [region, turned] of [
    [{ x: 0.74, y: 0, w: 0.26, h: 0.36 }, false],
    [{ x: 0, y: 0.64, w: 0.26, h: 0.36 }, true],
  ] as const) {
    const warped = warpRegion(image, quad, region, 640);
    const hit = await decodeQr(warped, true);
    if (hit)
      return {
        hit,
        frame: 'corner',
        turned,
        inPhoto: hit.corners.map(([x, y]) =>
          project(m, region.x + (x / warped.width) * region.w, region.y + (y / warped.height) * region.h),
        ),
      };
  }
  // Wherever the card is: the photo's densest squares, enlarged (the densest also binarised by its local mean).
  for (const [k, region] of qrRegions(image).entries()) {
    let big = enlarge(image, region);
    let hit = (await decodeQr(big, true)) ?? (k === 0 ? await decodeQr(binarise(big), true) : null);
    // The densest larger still: a code of two pixels a module blurred by JPEG reads at 900 px where it did not
    // at 540 (tuning photos 008 and 014).
    if (!hit && k === 0) {
      big = enlarge(image, region, qrLargerWidth);
      hit = await decodeQr(big, true);
    }
    if (!hit) continue;
    const margin = region.size * 0.35;
    const x0 = Math.max(0, region.x - margin);
    const y0 = Math.max(0, region.y - margin);
    const scale = (Math.min(image.width, region.x + region.size + margin) - x0) / big.width;
    const inPhoto = hit.corners.map(([x, y]): Point => [x0 + x * scale, y0 + y * scale]);
    // Nearer the card's bottom left than its top right: the card lies the other way round.
    const cx = inPhoto.reduce((a, p) => a + p[0], 0) / 4;
    const cy = inPhoto.reduce((a, p) => a + p[1], 0) / 4;
    const turned = Math.hypot(cx - quad[3][0], cy - quad[3][1]) < Math.hypot(cx - quad[1][0], cy - quad[1][1]);
    return { hit, frame: 'photo', turned, inPhoto };
  }
  const whole = await decodeQr(image);
  return whole ? { hit: whole, frame: 'photo', turned: false, inPhoto: whole.corners } : null;
}

/** Nearly one colour all over: the brightness of a sparse sample hardly varies. */
export function isBlank(image: Raster): boolean {
  const step = Math.max(1, Math.floor((image.width * image.height) / 40_000));
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < image.width * image.height; i += step) {
    const o = i * 4;
    const v = 0.299 * image.data[o]! + 0.587 * image.data[o + 1]! + 0.114 * image.data[o + 2]!;
    sum += v;
    squares += v * v;
    n++;
  }
  const mean = sum / n;
  return Math.sqrt(Math.max(0, squares / n - mean * mean)) < 4;
}

function qrCovers(corners: Point[], image: Raster): boolean {
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  // A card's own code covers at most about 2 % of a photo of the card (15 % of its width), a close-up 10 % or more.
  return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys)) > image.width * image.height * 0.05;
}

interface Framed {
  side: Side;
  card: Raster;
  quad: Quad;
  upsideDown: boolean;
  foundBy: string;
}

/**
 * A reading settles the photo only if it says clearly what it is: a side of the card with its MRZ read or most of
 * its values (four of a front's five or eight, three of a back's; one label read on a stray crop, "Full name" on
 * a passport's corner, is no card, and a crop cut inside the card by its guilloche lines reads a name and a
 * stray line), or a passport's MRZ. Otherwise every frame is read and the one with most values kept.
 */
const settles = (s: Side) =>
  s.reading.passport
    ? s.reading.mrz?.ok === true
    : s.reading.side !== null &&
      (s.reading.mrz?.ok === true || Object.keys(s.reading.fields).length >= (s.reading.side === 'front' ? 4 : 3));
/** How much a reading says about what the photo is (an MRZ, a passport's, then words). */
const says = (s: Side) =>
  (s.reading.mrz ? 1000 : 0) + (s.reading.passport ? 500 : 0) + (s.text.match(/\p{L}{2,}/gu) ?? []).length;
const turnQuad = (q: Quad): Quad => [q[2], q[3], q[0], q[1]];

/**
 * The first crop read no side of the card (nor a passport's MRZ): the detectors' runner-up, the crop turned
 * round, then the whole photo, as a scan cropped to the card is. With nothing settled, the reading that says
 * more (a passport's page cropped short of its MRZ is still a passport).
 */
async function readOtherwise(
  image: Raster,
  first: Framed,
  guess: CardGuess,
  qrRead: boolean,
  assets: CaptureAssets,
  officer: boolean,
): Promise<Framed> {
  if (settles(first.side)) return first;
  const height = Math.round(cardWidth / cardAspect);
  let best = first;
  const level = officer ? null : levelled(image, first, height);
  const frames = [...(level ? [level] : []), ...otherFrames(image, first, guess, { qrRead, officer })];
  const read = async (frame: Frame): Promise<Framed> => {
    const card = warpQuad(image, frame.quad, cardWidth, height);
    return { side: await readSide(card, assets), card, ...frame };
  };
  let anchored = officer;
  for (let framed: Framed | null = first; framed; ) {
    if (framed !== first && settles(framed.side)) return framed;
    // Only the whole photo may stand for the photo without settling it (a stray crop's words are no better),
    // or a side read with more of its values than the best so far.
    if (framed.foundBy === 'photo' && says(framed.side) > says(best.side)) best = framed;
    else if (framed.side.reading.passport && says(framed.side) > says(best.side)) best = framed;
    else if (framed.side.reading.side && valuesOf(framed.side) > valuesOf(best.side)) best = framed;
    // A back's MRZ read where the card was not: the card framed by it, read next.
    const band = anchored ? null : mrzFrame(framed.side.lines, framed.quad, cardWidth, height);
    if (band) {
      anchored = true;
      framed = await read({ quad: band, foundBy: 'mrz', upsideDown: framed.upsideDown });
      continue;
    }
    // A frame the card's own print placed (the MRZ, the front's emblem) may still lean (its turn read from lines
    // a glare half hid): levelled along its lines.
    const again = framed.foundBy === 'mrz' || framed.foundBy === 'emblem' ? levelled(image, framed, height) : null;
    if (again) frames.unshift(again);
    const next = frames.shift();
    framed = next ? await read(next) : null;
  }
  return best;
}

/** How many of its values a side's reading holds (an MRZ passing its checks counts for the four it encodes). */
const valuesOf = (s: Side) =>
  s.reading.side ? Object.keys(s.reading.fields).length + (s.reading.mrz?.ok ? 4 : 0) : -1;

/** Text that leans this much in a crop is read again along its lines. */
const leanRead = 2;

/**
 * The first crop turned along its text lines, when they lean (a crop that took in a paper of the card's colour,
 * or the whole photo): the lean measured, then measured again on the turned crop and added. Grown so the card's
 * corners stay in.
 */
function levelled(image: Raster, first: Framed, height: number): Frame | null {
  let lean = textSkew(first.side.normalised);
  if (Math.abs(lean) < leanRead) return null;
  const frameFor = (degrees: number) =>
    turnFrame(first.quad, cardWidth, height, degrees, 1 + Math.abs(Math.sin((degrees * Math.PI) / 180)));
  const preview = warpQuad(image, frameFor(lean), cardWidth / 2, Math.round(height / 2));
  const rest = textSkew(normaliseForOcr(preview));
  if (Math.abs(rest) >= 1) lean += rest;
  return { quad: frameFor(lean), foundBy: `${first.foundBy}-level`, upsideDown: first.upsideDown };
}

async function readSide(card: Raster, assets: CaptureAssets) {
  const normalised = normaliseForOcr(card);
  const canvas = toCanvas(normalised);
  const page = await recognise(assets.ocr, canvas, { mode: 'page' });
  const qrCorner = edgeDensity(normalised, qrCornerRegion) > qrCornerEdges;
  return {
    reading: readCard(page.lines, card.width, card.height, { qrCorner }),
    text: page.text,
    lines: page.lines,
    normalised,
    canvas,
    qrCorner,
  };
}

type Side = Awaited<ReturnType<typeof readSide>>;

/**
 * Second looks at every value: the name larger, the number and the dates with digits only, places in their own
 * column, the MRZ with its alphabet. Each says whether it read the same (the fusion's second witness).
 */
async function refine(side: Side, assets: CaptureAssets) {
  await rereadName(side, assets);
  for (const name of ['birthDate', 'issueDate', 'expiry'] as const) await rereadDate(side, assets, name);
  await rereadId(side, assets);
  for (const name of textFields) await rereadPlace(side, assets, name);
  await rereadMrz(side, assets);
}

/** The name, in capitals with stacked marks: read again at twice the size, as one line. */
async function rereadName({ reading, normalised }: Side, assets: CaptureAssets) {
  const name = reading.fields.fullName;
  if (!name) return;
  const b = pad(name.bbox, normalised, 8);
  const line = upscale(
    crop(normalised, {
      x: b.left / normalised.width,
      y: b.top / normalised.height,
      w: b.width / normalised.width,
      h: b.height / normalised.height,
    }),
    2,
  );
  const again = await recognise(assets.ocr, toCanvas(line), { mode: 'line' });
  const text = again.lines
    .map((l) => l.text)
    .join(' ')
    .trim();
  // Only a reading of the same letters counts: the larger read settles diacritics, not words. The page's
  // confidence says little about a mark ("HIẾN" for "HIỀN" at 96), so a confident larger read wins.
  const skeleton = (t: string) =>
    fold(t)
      .toUpperCase()
      .replace(/[^A-Z]/g, '');
  const confidence = again.confidence / 100;
  const agreed = cleanSpaces(text) === cleanSpaces(name.text);
  if (
    text &&
    skeleton(text) === skeleton(name.text) &&
    (confidence >= nameReadConfident || confidence > name.confidence)
  )
    reading.fields.fullName = { ...name, text, confidence, agreed };
  else reading.fields.fullName = { ...name, agreed };
}

/** Only a value's own words, for a second look: the label's "Số" must not be read as digits. */
function digitBox(lines: readonly OcrLine[], field: OcrField, kind: 'number' | 'date' | 'last date') {
  const line = lines.find((l) => l.bbox.y0 === field.bbox.y0 && l.bbox.x0 <= field.bbox.x0 + 1) ?? null;
  // A date's words are digits and separators only (a garbled label's "D29" is not one of them).
  let words = line?.words?.filter((w) => (kind === 'number' ? /\d{2,}/ : /^[\dOo/.-]{2,}[.,]?$/).test(w.text)) ?? [];
  // The 2024 back prints the expiry beside the issue date: only the words of the first date (or the last).
  if (kind === 'last date') words = words.reverse();
  const joined = (ws: typeof words) => (kind === 'last date' ? [...ws].reverse() : ws).map((w) => w.text).join('');
  const end = kind !== 'number' ? words.findIndex((_, i) => dateOf(joined(words.slice(0, i + 1)))) : -1;
  if (end >= 0) words = words.slice(0, end + 1);
  return words.length ? { ...enclosing(words.map((w) => w.bbox)), y0: field.bbox.y0, y1: field.bbox.y1 } : field.bbox;
}

/** A date read again with digits and slashes only; a disagreement lowers confidence. */
async function rereadDate(
  { reading, lines, normalised, canvas }: Side,
  assets: CaptureAssets,
  name: 'birthDate' | 'issueDate' | 'expiry',
) {
  const field = reading.fields[name];
  if (!field || !dateOf(field.text)) return;
  const again = await recognise(assets.ocr, canvas, {
    mode: 'line',
    whitelist: '0123456789/',
    rectangle: pad(digitBox(lines, field, name === 'expiry' ? 'last date' : 'date'), normalised, 6),
  });
  const text = again.lines.map((l) => l.text).join(' ');
  // The card prints dd/mm/yyyy: a reading with a digit lost or run into the next date is no second look.
  const printed = text.match(/(?<!\d)\d{2}\/\d{2}\/\d{4}(?!\d)/)?.[0];
  const second = printed ? dateOf(printed) : null;
  const first = dateOf(field.text, name === 'expiry' ? 'last' : 'first');
  if (!second) {
    reading.fields[name] = { ...field, agreed: false };
    return;
  }
  const agreed = first !== null && formatDate(first) === formatDate(second);
  // The issue date's second look wins (its first reading often runs into the label); the others keep the page's.
  const text2 = name === 'issueDate' || !first ? text : field.text;
  reading.fields[name] = {
    ...field,
    text: text2,
    agreed,
    alternatives: agreed ? field.alternatives : [formatDate(second)],
    confidence: agreed ? Math.max(field.confidence, again.confidence / 100) : Math.min(0.7, again.confidence / 100),
  };
}

/** The number, read again with digits only: the one the number's structure and the birth date agree with. */
async function rereadId({ reading, lines, normalised, canvas }: Side, assets: CaptureAssets) {
  const id = reading.fields.personalId;
  if (!id || reading.side !== 'front') return;
  const again = await recognise(assets.ocr, canvas, {
    mode: 'line',
    whitelist: '0123456789',
    rectangle: pad(digitBox(lines, id, 'number'), normalised, 6),
  });
  const digits = again.lines
    .map((l) => l.text)
    .join('')
    .replace(/\D/g, '');
  const second = digits.length >= 12 ? digits.slice(-12) : null;
  const first = personalIdOf(id.text);
  const birth = reading.fields.birthDate ? dateOf(reading.fields.birthDate.text) : null;
  const plausible = (n: string | null) => {
    const d = n ? decodePersonalId(n) : null;
    return d ? Number(Boolean(d.province || d.abroad)) + (birth && d.birthYear === birth.year ? 2 : 0) : -1;
  };
  const best = first && first !== second && plausible(first) > plausible(second) ? first : second;
  const agreed = first !== null && first === second;
  if (best)
    reading.fields.personalId = {
      ...id,
      text: best,
      agreed,
      confidence: agreed ? Math.max(id.confidence, again.confidence / 100) : Math.min(0.7, again.confidence / 100),
    };
  else reading.fields.personalId = { ...id, agreed: false };
}

/**
 * A place, read again as one block kept to the value's own column: the page reading may take in the expiry
 * column, the photo's edge or the QR code beside it. The fusion keeps the reading its place names explain.
 * Down to the next label or value (a last line the page reading missed is read), at most two lines more.
 */
async function rereadPlace(
  { reading, lines, normalised, canvas, qrCorner }: Side,
  assets: CaptureAssets,
  name: (typeof textFields)[number],
) {
  const field = reading.fields[name];
  if (!field) return;
  const besideQr = qrCorner && field.bbox.y0 < (qrCornerRegion.y + qrCornerRegion.h) * normalised.height;
  const right = besideQr ? qrCornerRegion.x * normalised.width - 16 : normalised.width;
  const below = [
    ...lines.filter((l) => isLabelLine(l.text)).map((l) => l.bbox),
    ...Object.values(reading.fields).map((f) => f.bbox),
  ]
    .filter((b) => b.y0 > field.bbox.y1 - 4 && b.x1 > field.bbox.x0)
    .map((b) => b.y0);
  const bottom = Math.min(field.bbox.y1 + lineAllowance * normalised.width, ...below) - 8;
  const again = await recognise(assets.ocr, canvas, {
    mode: 'block',
    rectangle: pad({ ...field.bbox, x1: right, y1: Math.max(field.bbox.y1, bottom) }, normalised, 8),
  });
  // Values are printed larger than labels: the small lines are the labels above and below. (A value line
  // without marks or descenders, "An", stands about 0.7 of one with both; a label line about 0.55.)
  const tallest = Math.max(0, ...again.lines.map((l) => l.bbox.y1 - l.bbox.y0));
  const kept = again.lines.filter((l) => !specks(l.text) && l.bbox.y1 - l.bbox.y0 >= tallest * 0.62);
  const text = cleanSpaces(kept.map((l) => trimMarks(l.text)).join(' '));
  const agreed = text === trimMarks(field.text);
  reading.fields[name] = text && !agreed ? { ...field, alternatives: [text], agreed } : { ...field, agreed };
}

/**
 * Squeezed across to these shares of its width, the band is read again: the MRZ's characters stand far apart,
 * and tesseract reads a wide gap as room for one more ("0793922048 0538…"); at about normal letter spacing it
 * reads each once (tuning backs: 4 of 20 more with every check passing).
 */
const mrzSqueezes = [0.8, 0.65];

/**
 * The MRZ band (a card's back, a passport's page), read again with its own alphabet when its check digits fail:
 * as cut, then squeezed across; each line is taken from the reading whose checks on that line pass.
 */
async function rereadMrz({ reading, lines, normalised }: Side, assets: CaptureAssets) {
  const allPass = (p: MrzParse | null | undefined) => p?.ok === true && p.mrz.checks.every((c) => c.ok);
  if ((reading.side !== 'back' && !reading.passport) || allPass(reading.mrz)) return;
  const top = mrzBandTop(lines, normalised.height);
  const band = levelledBand(normalised, top);
  const passing = (p: MrzParse | null | undefined) => (p?.ok ? p.mrz.checks.filter((c) => c.ok).length : -1);
  // The readings as read (a combination of them is kept, not combined again).
  const readings: MrzParse[] = reading.mrz ? [reading.mrz] : [];
  const keep = (p: MrzParse) => {
    if (passing(p) > passing(reading.mrz)) reading.mrz = p;
  };
  for (const share of [1, ...mrzSqueezes]) {
    const image =
      share === 1
        ? band
        : warpQuad(
            band,
            [
              [0, 0],
              [band.width, 0],
              [band.width, band.height],
              [0, band.height],
            ],
            Math.round(band.width * share),
            band.height,
          );
    const again = await recognise(assets.ocr, toCanvas(image), { mode: 'block', whitelist: mrzAlphabet });
    const parsed = parseMrz(again.lines.map((l) => l.text));
    readings.push(parsed);
    keep(parsed);
    const combined = combineTd1(readings.flatMap((p) => (p.ok && p.mrz.format === 'td1' ? [p.mrz] : [])));
    if (combined) keep(combined);
    if (allPass(reading.mrz)) break;
  }
  const kept = reading.mrz;
  if (kept?.ok)
    reading.mrz = {
      ok: true,
      mrz: sexFromOthers(
        kept.mrz,
        readings.flatMap((p) => (p.ok ? [p.mrz] : [])),
      ),
    };
}

function pad(b: OcrLine['bbox'], r: Raster, margin: number) {
  const left = Math.max(0, b.x0 - margin);
  const top = Math.max(0, b.y0 - margin);
  // Never outside the raster, never empty: tesseract reports a box outside its image as an error.
  return {
    left: Math.min(left, r.width - 1),
    top: Math.min(top, r.height - 1),
    width: Math.max(1, Math.min(r.width - left, b.x1 - b.x0 + margin * 2)),
    height: Math.max(1, Math.min(r.height - top, b.y1 - b.y0 + margin * 2)),
  };
}

/** Any paper (birth notice, death notice, an old household book): its text, page by page. */
export async function readDocument(
  image: Raster,
  assets: CaptureAssets,
): Promise<{ text: string; confidence: number; ms: number }> {
  const started = performance.now();
  const normalised = normaliseForOcr(image);
  const page = await recognise(assets.ocr, toCanvas(normalised), { mode: 'page' });
  return { text: page.text.trim(), confidence: page.confidence, ms: performance.now() - started };
}
