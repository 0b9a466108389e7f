import type { Point, Quad, Raster } from '@/utils/capture/image';
import { cardAspect } from '@/utils/capture/image';

/**
 * The card found from its emblem, where its edges are lost among papers of its colour: both card models print
 * the national emblem — a red disc with a yellow star — at the front's top left, and nothing else on a desk is
 * likely to look like it. The disc gives the card's place and size; the text lines beside it (the card's own,
 * nearest the emblem) give its turn; the text lies to the emblem's right. The card's frame follows from where the
 * emblem sits on the card, at a few sizes, since card makers draw the emblem a little larger or smaller.
 */

const work = 480;
/** The red disc's diameter as a share of the card's width, as card photos show it (0.09–0.13). */
const discShares = [0.1, 0.125];
/** The disc's centre on the upright card (fractions of its width and height): the 2021 front, the 2024 front. */
const discAt: Point[] = [
  [0.095, 0.18],
  [0.09, 0.27],
];
/** Room on each side of the computed frame (a share of it), for the size and place not being quite the card's. */
const pad = 0.06;

interface Disc {
  cx: number;
  cy: number;
  d: number;
}

/** By hue more than by brightness: in a shadow the disc is (95, 10, 22) and the star (127, 103, 33). */
const isRed = (r: number, g: number, b: number) => r > 60 && r > g * 1.8 && r > b * 1.8 && r - Math.max(g, b) > 40;
/** The red title's thin strokes, blurred into the card's ground, are paler than the disc. */
const isReddish = (r: number, g: number, b: number) => r - Math.max(g, b) > 30 && r > Math.max(g, b) * 1.3;
const isYellow = (r: number, g: number, b: number) => r > 90 && g > r * 0.55 && b < g * 0.6 && r - b > 50;

/** Red blobs about as wide as tall, fairly full, with yellow inside: the emblem's disc and star. */
export function discs(rgb: Uint8ClampedArray, w: number, h: number): Disc[] {
  const red = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) red[i] = isRed(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!) ? 1 : 0;
  const seen = new Uint8Array(w * h);
  const found: Array<Disc & { score: number }> = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!red[start] || seen[start]) continue;
    let area = 0;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      area++;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (const j of [i - 1, i + 1, i - w, i + w]) {
        if (j < 0 || j >= w * h || seen[j] || !red[j]) continue;
        if ((j === i - 1 && x === 0) || (j === i + 1 && x === w - 1)) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (area < 40 || bw / bh < 0.55 || bw / bh > 1.8) continue;
    const fill = area / (bw * bh);
    if (fill < 0.4 || fill > 0.92) continue;
    let yellow = 0;
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const i = y * w + x;
        if (isYellow(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!)) yellow++;
      }
    const share = yellow / (bw * bh);
    if (share < 0.02) continue;
    found.push({ cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, d: Math.max(bw, bh), score: area * Math.min(1, share * 10) });
  }
  return found.sort((a, b) => b.score - a.score).slice(0, 2);
}

/** Dark pixels (ink) near the disc, outside it: the card's text, whose lines tell the card's turn. */
function inkAround(g: Float32Array, w: number, h: number, disc: Disc): Point[] {
  const reach = disc.d * 6;
  const x0 = Math.max(0, Math.floor(disc.cx - reach));
  const x1 = Math.min(w - 1, Math.ceil(disc.cx + reach));
  const y0 = Math.max(0, Math.floor(disc.cy - reach));
  const y1 = Math.min(h - 1, Math.ceil(disc.cy + reach));
  const values: number[] = [];
  for (let y = y0; y <= y1; y += 2) for (let x = x0; x <= x1; x += 2) values.push(g[y * w + x]!);
  values.sort((a, b) => a - b);
  const ground = values[Math.floor(values.length * 0.7)] ?? 255;
  const ink: Point[] = [];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const dx = x - disc.cx;
      const dy = y - disc.cy;
      const r = Math.hypot(dx, dy);
      if (r < disc.d * 0.9 || r > reach) continue;
      if (g[y * w + x]! < ground * 0.6) ink.push([x, y]);
    }
  return ink;
}

/**
 * The way the card's text runs from the disc: towards the red title beside it ("CĂN CƯỚC CÔNG DÂN", "CĂN CƯỚC",
 * printed to the emblem's right at about its height on both fronts), as the centre of the red ink near the disc
 * but not in it. Null when there is no such ink.
 */
function towardsTitle(rgb: Uint8ClampedArray, w: number, h: number, disc: Disc): Point | null {
  const reach = disc.d * 8;
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = Math.max(0, Math.floor(disc.cy - reach)); y < Math.min(h, disc.cy + reach); y++)
    for (let x = Math.max(0, Math.floor(disc.cx - reach)); x < Math.min(w, disc.cx + reach); x++) {
      const r = Math.hypot(x - disc.cx, y - disc.cy);
      if (r < disc.d * 1.2 || r > reach) continue;
      const i = y * w + x;
      if (!isReddish(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!)) continue;
      sx += x - disc.cx;
      sy += y - disc.cy;
      n++;
    }
  const len = Math.hypot(sx, sy);
  return n >= 12 && len > 0 ? [sx / len, sy / len] : null;
}

/**
 * The direction (a unit vector) along which the ink ahead of the disc lines up in rows, within 15° of the way
 * to the title: the text's own direction, the title being a little above or below the disc's centre.
 */
function alongLines(ink: Point[], disc: Disc, toward: Point): Point {
  const ahead = ink.filter(([x, y]) => (x - disc.cx) * toward[0] + (y - disc.cy) * toward[1] > disc.d);
  const base = Math.atan2(toward[1], toward[0]);
  const bin = Math.max(1, disc.d / 8);
  let best = base;
  let bestScore = -1;
  for (let deg = -15; deg <= 15; deg += 1) {
    const a = base + (deg * Math.PI) / 180;
    const nx = -Math.sin(a);
    const ny = Math.cos(a);
    const rows = new Map<number, number>();
    for (const [x, y] of ahead) {
      const k = Math.round((x * nx + y * ny) / bin);
      rows.set(k, (rows.get(k) ?? 0) + 1);
    }
    let score = 0;
    for (const n of rows.values()) score += n * n;
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return [Math.cos(best), Math.sin(best)];
}

/** The card's frames (corners in the photo's pixels, upright, top-left first) proposed from its emblem. */
export function emblemFrames(image: Raster): Quad[] {
  const factor = Math.max(1, Math.max(image.width, image.height) / work);
  const w = Math.max(1, Math.round(image.width / factor));
  const h = Math.max(1, Math.round(image.height / factor));
  const rgb = new Uint8ClampedArray(w * h * 3);
  const g = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(image.height - 1, Math.floor((y + 0.5) * factor));
    for (let x = 0; x < w; x++) {
      const s = (sy * image.width + Math.min(image.width - 1, Math.floor((x + 0.5) * factor))) * 4;
      const i = y * w + x;
      rgb.set([image.data[s]!, image.data[s + 1]!, image.data[s + 2]!], i * 3);
      g[i] = 0.299 * image.data[s]! + 0.587 * image.data[s + 1]! + 0.114 * image.data[s + 2]!;
    }
  }
  const frames: Quad[] = [];
  for (const disc of discs(rgb, w, h)) {
    const toward = towardsTitle(rgb, w, h, disc);
    if (!toward) continue;
    const ink = inkAround(g, w, h, disc);
    const u = ink.length >= 50 ? alongLines(ink, disc, toward) : toward;
    // Down the card: a quarter turn clockwise from along it (the photo's y grows downwards).
    const v: Point = [-u[1], u[0]];
    for (const [ex, ey, share] of discAt.flatMap(([x, y]) => discShares.map((k) => [x!, y!, k] as const))) {
      const cw = disc.d / share;
      const ch = cw / cardAspect;
      const at = (fx: number, fy: number): Point => {
        const x = disc.cx + (fx - ex) * cw * u[0] + (fy - ey) * ch * v[0];
        const y = disc.cy + (fx - ex) * cw * u[1] + (fy - ey) * ch * v[1];
        return [x * factor, y * factor];
      };
      frames.push([at(-pad, -pad), at(1 + pad, -pad), at(1 + pad, 1 + pad), at(-pad, 1 + pad)]);
    }
  }
  return frames;
}
