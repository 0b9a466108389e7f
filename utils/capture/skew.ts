import { project, squareToQuad, warpQuad, type Point, type Quad, type Raster } from '@/utils/capture/image';

/**
 * How far a crop's text lines lean, by their projection profile: ink summed along rows of a frame turned by each
 * angle is most peaked (lines and the gaps between them apart) when the frame lies along the lines. A crop the
 * card finder got wrong (a paper of the card's colour taken in, the whole photo) leaves the card's text leaning:
 * turned along its lines, the crop reads.
 */

/** Widest lean looked for, in degrees, and the coarse step before refining. */
const widest = 25;
const coarseStep = 1;
/** The profile is taken on a crop shrunk to this width (text lines of a card stay several pixels tall). */
const sampleWidth = 360;
/** The share of the crop left out on each side. */
const margin = 0.15;

interface Ink {
  xs: Float32Array;
  ys: Float32Array;
  height: number;
}

/** Dark pixels against their neighbourhood's mean (text, not the photo box's flat grey), centred on the crop. */
function inkOf(r: Raster): Ink {
  const f = Math.max(1, Math.floor(r.width / sampleWidth));
  const w = Math.floor(r.width / f);
  const h = Math.floor(r.height / f);
  const gray = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * f * r.width + x * f) * 4;
      gray[y * w + x] = 0.299 * r.data[o]! + 0.587 * r.data[o + 1]! + 0.114 * r.data[o + 2]!;
    }
  // Local mean over a square of 7: ink is a pixel clearly darker than its surround.
  const rad = 3;
  const integral = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += gray[y * w + x]!;
      integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1]! + row;
    }
  }
  const xs: number[] = [];
  const ys: number[] = [];
  // The crop's middle only: a crop too large takes in papers at its edges, whose lines lean their own way.
  const mx = Math.round(w * margin);
  const my = Math.round(h * margin);
  for (let y = Math.max(rad, my); y < h - Math.max(rad, my); y++)
    for (let x = Math.max(rad, mx); x < w - Math.max(rad, mx); x++) {
      const x0 = x - rad;
      const y0 = y - rad;
      const x1 = x + rad + 1;
      const y1 = y + rad + 1;
      const sum =
        integral[y1 * (w + 1) + x1]! -
        integral[y0 * (w + 1) + x1]! -
        integral[y1 * (w + 1) + x0]! +
        integral[y0 * (w + 1) + x0]!;
      const mean = sum / ((2 * rad + 1) * (2 * rad + 1));
      if (gray[y * w + x]! < mean - 18) {
        xs.push(x - w / 2);
        ys.push(y - h / 2);
      }
    }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys), height: Math.hypot(w, h) };
}

/** How peaked the rows' ink is with the frame turned by `degrees` (sum of squared row counts). */
function peakedness(ink: Ink, degrees: number): number {
  const t = (degrees * Math.PI) / 180;
  const sin = Math.sin(t);
  const cos = Math.cos(t);
  const rows = Math.ceil(ink.height) + 2;
  const counts = new Float32Array(rows);
  const half = rows / 2;
  for (let i = 0; i < ink.xs.length; i++) {
    const row = Math.floor(-ink.xs[i]! * sin + ink.ys[i]! * cos + half);
    if (row >= 0 && row < rows) counts[row]!++;
  }
  let sum = 0;
  for (const c of counts) sum += c * c;
  return sum;
}

/**
 * The lean of the crop's text lines in degrees (positive: the lines fall to the right, image y downwards), or 0
 * when the crop has too little ink to tell.
 */
export function textSkew(r: Raster): number {
  const ink = inkOf(r);
  if (ink.xs.length < 200) return 0;
  let best = 0;
  let bestScore = peakedness(ink, 0);
  for (let a = -widest; a <= widest; a += coarseStep) {
    const s = peakedness(ink, a);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  for (let a = best - coarseStep; a <= best + coarseStep; a += 0.25) {
    const s = peakedness(ink, a);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  return best;
}

/**
 * The crop's frame turned by `degrees` about its centre, in the crop's own pixels (`width` × `height`), as
 * corners in the photo: warped, the lines that leant by `degrees` lie level. Grown by `grow` so the card's
 * corners the turn would cut stay in.
 */
export function turnFrame(quad: Quad, width: number, height: number, degrees: number, grow = 1): Quad {
  const m = squareToQuad(quad);
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const corner = ([u, v]: Point): Point => {
    const x = (u - 0.5) * width * grow;
    const y = (v - 0.5) * height * grow;
    return project(m, (x * cos - y * sin) / width + 0.5, (x * sin + y * cos) / height + 0.5);
  };
  return [corner([0, 0]), corner([1, 0]), corner([1, 1]), corner([0, 1])];
}

/** A lean below this is left as it is (tesseract reads a line leaning less across a card's width). */
const bandLean = 0.5;

/**
 * The image's band from `top` down, turned so its lines lie level. The MRZ's lines leaning two degrees across a
 * card not flattened (the whole photo read) drift a full line's height from end to end and read as nothing; level,
 * they read whole (tuning back 3031-15).
 */
export function levelledBand(image: Raster, top: number): Raster {
  const height = Math.max(1, image.height - top);
  const quad: Quad = [
    [0, top],
    [image.width, top],
    [image.width, image.height],
    [0, image.height],
  ];
  const band = warpQuad(image, quad, image.width, height);
  const lean = textSkew(band);
  return Math.abs(lean) < bandLean
    ? band
    : warpQuad(image, turnFrame(quad, image.width, height, lean), image.width, height);
}
