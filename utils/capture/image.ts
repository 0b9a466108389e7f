/**
 * Image preprocessing for capture, on plain RGBA rasters (ImageData's shape), so it runs the same in the
 * capture page and in unit tests: find the card in a photo, undo perspective and rotation, flatten uneven
 * light, upscale small text.
 */

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8ClampedArray;
}

export type Point = [number, number];
/** Top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

/** The card's shape (ISO/IEC 7810 ID-1: 85.60 × 53.98 mm). */
export const cardAspect = 85.6 / 53.98;

export function raster(width: number, height: number): Raster {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

function gray(r: Raster): Float32Array {
  const out = new Float32Array(r.width * r.height);
  for (let i = 0, o = 0; i < out.length; i++, o += 4)
    out[i] = 0.299 * r.data[o]! + 0.587 * r.data[o + 1]! + 0.114 * r.data[o + 2]!;
  return out;
}

/** Homography (row-major 3×3) taking the unit square's corners (0,0),(1,0),(1,1),(0,1) to `q`. */
export function squareToQuad(q: Quad): number[] {
  const [[x0, y0], [x1, y1], [x2, y2], [x3, y3]] = q;
  const dx1 = x1 - x2,
    dx2 = x3 - x2,
    dx3 = x0 - x1 + x2 - x3;
  const dy1 = y1 - y2,
    dy2 = y3 - y2,
    dy3 = y0 - y1 + y2 - y3;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (dx3 * dy2 - dx2 * dy3) / det;
  const h = (dx1 * dy3 - dx3 * dy1) / det;
  return [x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1];
}

/** Maps the quadrilateral `quad` of `image` onto an upright `width` × `height` raster (bilinear). */
export function warpQuad(image: Raster, quad: Quad, width: number, height: number): Raster {
  const m = squareToQuad(quad);
  const out = raster(width, height);
  const { width: sw, height: sh, data: s } = image;
  for (let y = 0; y < height; y++) {
    const v = (y + 0.5) / height;
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width;
      const wq = m[6]! * u + m[7]! * v + m[8]!;
      const sx = Math.min(sw - 1.001, Math.max(0, (m[0]! * u + m[1]! * v + m[2]!) / wq - 0.5));
      const sy = Math.min(sh - 1.001, Math.max(0, (m[3]! * u + m[4]! * v + m[5]!) / wq - 0.5));
      const x0 = sx | 0,
        y0 = sy | 0,
        fx = sx - x0,
        fy = sy - y0;
      const a = (y0 * sw + x0) * 4,
        b = a + 4,
        c = a + sw * 4,
        d = c + 4;
      const o = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) {
        out.data[o + k] =
          (s[a + k]! * (1 - fx) + s[b + k]! * fx) * (1 - fy) + (s[c + k]! * (1 - fx) + s[d + k]! * fx) * fy;
      }
      out.data[o + 3] = 255;
    }
  }
  return out;
}

/** Where a point of the unit square lands under the homography `m`. */
export function project(m: number[], u: number, v: number): Point {
  const w = m[6]! * u + m[7]! * v + m[8]!;
  return [(m[0]! * u + m[1]! * v + m[2]!) / w, (m[3]! * u + m[4]! * v + m[5]!) / w];
}

/**
 * A region of the card (fractions of the upright card) warped straight from the photo at `width` pixels:
 * sharper than cropping the already-warped card, for small print such as the QR code.
 */
export function warpRegion(
  image: Raster,
  quad: Quad,
  region: { x: number; y: number; w: number; h: number },
  width: number,
): Raster {
  const m = squareToQuad(quad);
  const sub: Quad = [
    project(m, region.x, region.y),
    project(m, region.x + region.w, region.y),
    project(m, region.x + region.w, region.y + region.h),
    project(m, region.x, region.y + region.h),
  ];
  const height = Math.round((width * region.h) / cardAspect / region.w);
  return warpQuad(image, sub, width, height);
}

/** The card's corners in reading order: the long side horizontal, the first corner top-left. */
export function orientQuad(q: Quad): Quad {
  const len = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const top = len(q[0], q[1]) + len(q[2], q[3]);
  const side = len(q[1], q[2]) + len(q[3], q[0]);
  // A card photographed in portrait: rotate the corner order so the long side runs left to right.
  return top >= side ? q : [q[3], q[0], q[1], q[2]];
}

export function rotate180(r: Raster): Raster {
  const out = raster(r.width, r.height);
  const n = r.width * r.height;
  for (let i = 0; i < n; i++) {
    const s = i * 4,
      d = (n - 1 - i) * 4;
    out.data[d] = r.data[s]!;
    out.data[d + 1] = r.data[s + 1]!;
    out.data[d + 2] = r.data[s + 2]!;
    out.data[d + 3] = 255;
  }
  return out;
}

/** Box blur by running sums (separable), radius in pixels. */
function boxBlur(values: Float32Array, w: number, h: number, radius: number): Float32Array {
  const tmp = new Float32Array(values.length);
  const out = new Float32Array(values.length);
  for (let y = 0; y < h; y++) {
    let acc = 0;
    const row = y * w;
    for (let x = -radius; x <= radius; x++) acc += values[row + Math.min(w - 1, Math.max(0, x))]!;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = acc / (2 * radius + 1);
      acc += values[row + Math.min(w - 1, x + radius + 1)]! - values[row + Math.max(0, x - radius)]!;
    }
  }
  for (let x = 0; x < w; x++) {
    let acc = 0;
    for (let y = -radius; y <= radius; y++) acc += tmp[Math.min(h - 1, Math.max(0, y)) * w + x]!;
    for (let y = 0; y < h; y++) {
      out[y * w + x] = acc / (2 * radius + 1);
      acc += tmp[Math.min(h - 1, y + radius + 1) * w + x]! - tmp[Math.max(0, y - radius) * w + x]!;
    }
  }
  return out;
}

/**
 * Grey, with uneven light and glare flattened (each pixel divided by its neighbourhood's brightness) and the
 * contrast stretched between the 1st and 99th percentiles: dark text on an even light ground for OCR.
 */
export function normaliseForOcr(r: Raster): Raster {
  const g = gray(r);
  const radius = Math.max(8, Math.round(Math.min(r.width, r.height) / 24));
  // Dilate-like background estimate: blur of the image after lifting dark text towards the ground.
  const ground = boxBlur(g, r.width, r.height, radius);
  const flat = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++) flat[i] = Math.min(1.2, g[i]! / Math.max(1, ground[i]! * 1.04));
  const sorted = Float32Array.from(flat).sort();
  const lo = sorted[Math.floor(sorted.length * 0.01)]!;
  const hi = sorted[Math.floor(sorted.length * 0.9)]!;
  const out = raster(r.width, r.height);
  for (let i = 0; i < g.length; i++) {
    const v = Math.max(0, Math.min(255, ((flat[i]! - lo) / Math.max(1e-3, hi - lo)) * 255));
    const o = i * 4;
    out.data[o] = out.data[o + 1] = out.data[o + 2] = v;
    out.data[o + 3] = 255;
  }
  return out;
}

/** A region of a raster, as fractions of its width and height. */
export function crop(r: Raster, region: { x: number; y: number; w: number; h: number }): Raster {
  const x0 = Math.max(0, Math.round(region.x * r.width));
  const y0 = Math.max(0, Math.round(region.y * r.height));
  const w = Math.min(r.width - x0, Math.round(region.w * r.width));
  const h = Math.min(r.height - y0, Math.round(region.h * r.height));
  const out = raster(w, h);
  for (let y = 0; y < h; y++)
    out.data.set(r.data.subarray(((y0 + y) * r.width + x0) * 4, ((y0 + y) * r.width + x0 + w) * 4), y * w * 4);
  return out;
}

/** A raster scaled by `factor` (bilinear), to give OCR taller letters. */
export function upscale(r: Raster, factor: number): Raster {
  return warpQuad(
    r,
    [
      [0, 0],
      [r.width, 0],
      [r.width, r.height],
      [0, r.height],
    ],
    Math.round(r.width * factor),
    Math.round(r.height * factor),
  );
}

/**
 * Share of horizontal neighbours differing by more than `step` in a region (fractions): high over a QR code's
 * modules, low over a plain chip or an empty box. Tells the card models apart where their text cannot.
 */
export function edgeDensity(r: Raster, region: { x: number; y: number; w: number; h: number }, step = 60): number {
  const c = crop(r, region);
  let edges = 0;
  let total = 0;
  for (let y = 0; y < c.height; y++) {
    for (let x = 0; x + 1 < c.width; x++) {
      const o = (y * c.width + x) * 4;
      total++;
      if (Math.abs(c.data[o]! - c.data[o + 4]!) > step) edges++;
    }
  }
  return total ? edges / total : 0;
}
