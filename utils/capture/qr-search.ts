import { warpQuad, type Raster } from '@/utils/capture/image';

/**
 * Where a QR code may be in a photo, before any decoding: a QR code is a square of dense black-and-white steps
 * in both directions (text steps mostly along its lines). The densest squares at a few sizes are proposed, each
 * to be cut out and enlarged: a code of two pixels a module in a phone photo is too small for the decoder as
 * taken, and readable at three times the size.
 */

export interface Region {
  x: number;
  y: number;
  size: number;
  score: number;
}

const cell = 8;

/** Per cell of 8×8 pixels: the share of steps across rows times the share across columns. */
function stepMap(image: Raster): { map: Float32Array; cw: number; ch: number } {
  const cw = Math.floor(image.width / cell);
  const ch = Math.floor(image.height / cell);
  const map = new Float32Array(cw * ch);
  const lum = (x: number, y: number) => {
    const o = (y * image.width + x) * 4;
    return 0.299 * image.data[o]! + 0.587 * image.data[o + 1]! + 0.114 * image.data[o + 2]!;
  };
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let across = 0;
      let down = 0;
      for (let k = 0; k < cell; k++) {
        for (let j = 0; j + 1 < cell; j++) {
          if (Math.abs(lum(cx * cell + j, cy * cell + k) - lum(cx * cell + j + 1, cy * cell + k)) > 45) across++;
          if (Math.abs(lum(cx * cell + k, cy * cell + j) - lum(cx * cell + k, cy * cell + j + 1)) > 45) down++;
        }
      }
      const n = cell * (cell - 1);
      map[cy * cw + cx] = (across / n) * (down / n);
    }
  }
  return { map, cw, ch };
}

/** The densest squares (in the photo's pixels), best first, not overlapping one another. */
export function qrRegions(image: Raster, count = 3): Region[] {
  const { map, cw, ch } = stepMap(image);
  const sum = new Float64Array((cw + 1) * (ch + 1));
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++)
      sum[(y + 1) * (cw + 1) + x + 1] =
        map[y * cw + x]! + sum[y * (cw + 1) + x + 1]! + sum[(y + 1) * (cw + 1) + x]! - sum[y * (cw + 1) + x]!;
  const box = (x: number, y: number, s: number) =>
    sum[(y + s) * (cw + 1) + x + s]! -
    sum[y * (cw + 1) + x + s]! -
    sum[(y + s) * (cw + 1) + x]! +
    sum[y * (cw + 1) + x]!;
  const found: Region[] = [];
  const side = Math.min(cw, ch);
  for (const share of [0.06, 0.09, 0.12, 0.16, 0.2, 0.26]) {
    const s = Math.max(3, Math.round(side * share));
    for (let y = 0; y + s <= ch; y += Math.max(1, s >> 2)) {
      for (let x = 0; x + s <= cw; x += Math.max(1, s >> 2)) {
        const mean = box(x, y, s) / (s * s);
        if (mean > 0.02) found.push({ x: x * cell, y: y * cell, size: s * cell, score: mean });
      }
    }
  }
  found.sort((a, b) => b.score - a.score);
  const kept: Region[] = [];
  // The densest square is often inside the code: grow it to the largest square about it nearly as dense.
  const grown = (r: Region) => {
    const cx = r.x + r.size / 2;
    const cy = r.y + r.size / 2;
    return found
      .filter(
        (o) =>
          o.size >= r.size &&
          o.score >= r.score * 0.55 &&
          cx > o.x &&
          cx < o.x + o.size &&
          cy > o.y &&
          cy < o.y + o.size,
      )
      .reduce((a, b) => (b.size > a.size || (b.size === a.size && b.score > a.score) ? b : a), r);
  };
  for (const seed of found) {
    if (kept.length >= count) break;
    const r = grown(seed);
    const overlaps = kept.some(
      (k) =>
        Math.abs(k.x + k.size / 2 - (r.x + r.size / 2)) < (k.size + r.size) / 2 &&
        Math.abs(k.y + k.size / 2 - (r.y + r.size / 2)) < (k.size + r.size) / 2,
    );
    if (!overlaps) kept.push(r);
  }
  return kept;
}

/** Black or white by each pixel's neighbourhood (box means from a summed table): blurred modules made sharp. */
export function binarise(r: Raster): Raster {
  const w = r.width;
  const h = r.height;
  const sum = new Float64Array((w + 1) * (h + 1));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const v = 0.299 * r.data[o]! + 0.587 * r.data[o + 1]! + 0.114 * r.data[o + 2]!;
      sum[(y + 1) * (w + 1) + x + 1] =
        v + sum[y * (w + 1) + x + 1]! + sum[(y + 1) * (w + 1) + x]! - sum[y * (w + 1) + x]!;
    }
  }
  const k = Math.max(2, Math.round(w / 30));
  const out = { width: w, height: h, data: new Uint8ClampedArray(r.data.length) };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - k),
        x1 = Math.min(w, x + k + 1),
        y0 = Math.max(0, y - k),
        y1 = Math.min(h, y + k + 1);
      const mean =
        (sum[y1 * (w + 1) + x1]! - sum[y0 * (w + 1) + x1]! - sum[y1 * (w + 1) + x0]! + sum[y0 * (w + 1) + x0]!) /
        ((x1 - x0) * (y1 - y0));
      const o = (y * w + x) * 4;
      const v = 0.299 * r.data[o]! + 0.587 * r.data[o + 1]! + 0.114 * r.data[o + 2]! < mean - 4 ? 0 : 255;
      out.data[o] = out.data[o + 1] = out.data[o + 2] = v;
      out.data[o + 3] = 255;
    }
  }
  return out;
}

/** The region with a margin, enlarged to `width` pixels (bilinear): what the decoder is given. */
export function enlarge(image: Raster, r: Region, width = 540): Raster {
  const m = r.size * 0.35;
  const x0 = Math.max(0, r.x - m);
  const y0 = Math.max(0, r.y - m);
  const x1 = Math.min(image.width, r.x + r.size + m);
  const y1 = Math.min(image.height, r.y + r.size + m);
  const h = Math.round((width * (y1 - y0)) / Math.max(1, x1 - x0));
  return warpQuad(
    image,
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
    width,
    Math.max(1, h),
  );
}
