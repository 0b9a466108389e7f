import { enclosing, type OcrLine } from '@/utils/capture/card-fields';
import { cardAspect, project, squareToQuad, type Point, type Quad } from '@/utils/capture/image';

/**
 * The card found from its MRZ, where its edges are lost among papers: a back read as no card (the crop took in
 * the papers, or the whole photo was read) may still show the MRZ's long lines of capitals, digits and chevrons,
 * which nothing else on a desk prints. Their place gives the card's: on an ID-1 card (ICAO 9303 TD1) the lines
 * run over about nine tenths of its width from about a twentieth in, the first line's top about 0.72 of the way
 * down. Card makers and photos vary this a little: the frame is padded, and a lean left in it is measured after.
 */

const lineShare = 0.9;
const leftShare = 0.045;
const topShare = 0.72;
const pad = 0.06;

/** A line of the MRZ as OCR reads it: 18 or more of its alphabet, with the chevrons' run or the TD1's opening. */
export function mrzLike(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length >= 18 && inAlphabet(t) && (/<{2,}/.test(t) || /^I[DO]VNM/.test(t));
}

/** Four in five of its characters the MRZ's (OCR reads a chevron or two as something else). */
const inAlphabet = (t: string) => t.length > 0 && [...t].filter((c) => /[A-Z0-9<]/.test(c)).length / t.length >= 0.8;

/**
 * The MRZ part of a line read across the photo: its run of words in the MRZ's alphabet (a paper beside the card
 * read on the same line, "…VNM<<<<0 ¡|", "…578<<7 „ á hội chà," is left out), with their box.
 */
function mrzPart(line: OcrLine): { text: string; bbox: OcrLine['bbox'] } | null {
  const words = line.words?.length ? line.words : [{ text: line.text, bbox: line.bbox }];
  let best: { text: string; bbox: OcrLine['bbox'] } | null = null;
  let run: typeof words = [];
  const close = () => {
    const text = run.map((w) => w.text).join('');
    if (mrzLike(text) && text.length > (best?.text.length ?? 0))
      best = { text, bbox: enclosing(run.map((w) => w.bbox)) };
    run = [];
  };
  for (const word of words) {
    const t = word.text.replace(/\s+/g, '');
    if (t.length >= 4 && inAlphabet(t)) run.push(word);
    else close();
  }
  close();
  return best;
}

/**
 * The card's corners in the photo (upright, top-left first), from the MRZ lines of a frame read upright, or null
 * when the frame shows no MRZ band (two such lines, or the first line's opening).
 * `frame` is the photo quadrilateral the lines were read in, warped to `width` × `height`.
 */
export function mrzFrame(lines: readonly OcrLine[], frame: Quad, width: number, height: number): Quad | null {
  const band = lines.map(mrzPart).filter((b) => b !== null);
  const opening = band.some((b) => /^I[DO]VNM/.test(b.text));
  if (band.length < 2 && !opening) return null;
  const { x0, x1, y0 } = enclosing(band.map((b) => b.bbox));
  if (x1 - x0 < width * 0.1) return null;
  const m = squareToQuad(frame);
  const left = project(m, x0 / width, y0 / height);
  const right = project(m, x1 / width, y0 / height);
  const length = Math.hypot(right[0] - left[0], right[1] - left[1]);
  const u: Point = [(right[0] - left[0]) / length, (right[1] - left[1]) / length];
  // Down the card, square to its lines.
  const n: Point = [-u[1], u[0]];
  const w = length / lineShare;
  const h = w / cardAspect;
  const at = (a: number, b: number): Point => [
    left[0] + u[0] * (a - leftShare) * w + n[0] * (b - topShare) * h,
    left[1] + u[1] * (a - leftShare) * w + n[1] * (b - topShare) * h,
  ];
  return [at(-pad, -pad), at(1 + pad, -pad), at(1 + pad, 1 + pad), at(-pad, 1 + pad)];
}

/**
 * Where to cut the MRZ band for a second reading, in pixels from the top of a card `height` high: just above the
 * lines read with chevrons; when none were, below the last line read in the card's upper part (the signature's
 * name on a 2021 back), and never lower than two thirds down. A card not flattened (the whole photo read) shows its
 * MRZ higher than a cropped card would: two thirds alone cut its first line off (tuning back 3031-15).
 */
export function mrzBandTop(lines: readonly OcrLine[], height: number): number {
  const chevrons = lines.filter((l) => /<{2,}/.test(l.text));
  if (chevrons.length) return Math.max(0, Math.min(...chevrons.map((l) => l.bbox.y0)) - 12);
  const upper = lines.filter((l) => l.bbox.y1 < height * 0.62 && l.text.trim());
  const twoThirds = Math.round(height * 0.66);
  return upper.length ? Math.min(twoThirds, Math.max(...upper.map((l) => l.bbox.y1)) + 4) : twoThirds;
}
