import { emblemFrames } from '@/utils/capture/emblem';
import { cardAspect, orientQuad, warpQuad, type Point, type Quad, type Raster } from '@/utils/capture/image';

/**
 * Finds the card in a photo by voting: several detectors each propose a quadrilateral — the region unlike the
 * photo's border (at three thresholds, and opened so a paper touching the card comes off), the strongest
 * straight edges taken two pairs at a time, and the whole photo — and each proposal is judged by what a card is: its shape (area against its hull, sides in the card's
 * proportion seen in perspective), the edge along its border, and the card's own marks once it is warped
 * upright (the emblem at the front's top left, the MRZ band at the back's foot, a QR code in the top right
 * corner). The winner is also turned the right way round (0° or 180°; quarter turns are undone by the corner
 * order), so OCR reads it once.
 */

export interface CardGuess {
  /** The card's corners in the photo, top-left first, upright. */
  quad: Quad;
  /** Which detector proposed it ('region', 'region-opened', 'photo'). */
  by: string;
  score: number;
  /** The proposal was turned half round by the card's marks. */
  turned: boolean;
  /** The runner-up (another place), for a second try when the winner reads as no card. */
  alternatives?: Quad[];
  /** Frames that follow from the front's emblem (emblem.ts), upright, for a try when the winner reads as no card. */
  anchored?: Quad[];
}

const work = 320;
/**
 * Straight edges taken and their quadrilaterals kept for the vote: on a cluttered desk the papers' edges and text
 * outrank a card's side against a paper of nearly its colour, and its quadrilateral ranks below the papers' by
 * shape and edge alone; the card's marks, judged in the vote, tell it (tuning photos: 18 and 6 missed 4 cards).
 */
const strongLineCount = 24;
const edgeQuadsKept = 16;
/**
 * A pale card on a scanner's bed or a white desk differs from it by a few RGB units, and its text sets the
 * region's threshold (Otsu) far above that: the smoothed distance above this marks it (tuning: an upside-down
 * scan no other detector found).
 */
const faintDistance = 8;
const faintBlurRadius = 2;

function shrinkToGray(
  image: Raster,
  side: number,
): { g: Float32Array; rgb: Uint8ClampedArray; w: number; h: number; factor: number } {
  const factor = Math.max(1, Math.max(image.width, image.height) / side);
  const w = Math.max(1, Math.round(image.width / factor));
  const h = Math.max(1, Math.round(image.height / factor));
  const g = new Float32Array(w * h);
  const rgb = new Uint8ClampedArray(w * h * 3);
  for (let y = 0; y < h; y++) {
    const sy = Math.min(image.height - 1, Math.floor((y + 0.5) * factor));
    for (let x = 0; x < w; x++) {
      const sx = Math.min(image.width - 1, Math.floor((x + 0.5) * factor));
      const s = (sy * image.width + sx) * 4;
      const i = y * w + x;
      rgb[i * 3] = image.data[s]!;
      rgb[i * 3 + 1] = image.data[s + 1]!;
      rgb[i * 3 + 2] = image.data[s + 2]!;
      g[i] = 0.299 * image.data[s]! + 0.587 * image.data[s + 1]! + 0.114 * image.data[s + 2]!;
    }
  }
  return { g, rgb, w, h, factor };
}

/** Pixels unlike the border's median colour, above `threshold` (a distance in RGB). */
function unlikeBorder(rgb: Uint8ClampedArray, w: number, h: number): Float32Array {
  const border: number[][] = [[], [], []];
  const take = (x: number, y: number) => {
    for (let c = 0; c < 3; c++) border[c]!.push(rgb[(y * w + x) * 3 + c]!);
  };
  for (let x = 0; x < w; x++) for (const y of [0, 1, h - 2, h - 1]) take(x, y);
  for (let y = 0; y < h; y++) for (const x of [0, 1, w - 2, w - 1]) take(x, y);
  const bg = border.map((v) => v.sort((a, b) => a - b)[v.length >> 1]!);
  const d = new Float32Array(w * h);
  for (let i = 0; i < d.length; i++)
    d[i] = Math.hypot(rgb[i * 3]! - bg[0]!, rgb[i * 3 + 1]! - bg[1]!, rgb[i * 3 + 2]! - bg[2]!);
  return d;
}

/** The mean over a square of side 2r + 1 about each pixel. */
function boxBlur(v: Float32Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          s += v[yy * w + xx]!;
          n++;
        }
      out[y * w + x] = s / n;
    }
  return out;
}

function otsu(values: Float32Array, max: number): number {
  const bins = 256;
  const hist = new Float64Array(bins);
  for (const v of values) hist[Math.min(bins - 1, Math.floor((v / max) * (bins - 1)))]!++;
  let sum = 0;
  for (let i = 0; i < bins; i++) sum += i * hist[i]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 0;
  for (let i = 0; i < bins; i++) {
    wB += hist[i]!;
    if (wB === 0) continue;
    const wF = values.length - wB;
    if (wF === 0) break;
    sumB += i * hist[i]!;
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) {
      best = between;
      threshold = i;
    }
  }
  return ((threshold + 0.5) / (bins - 1)) * max;
}

/** Erosion then dilation by a square of `r` pixels: cuts thin joins (a paper touching the card). */
function open(bits: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const pass = (src: Uint8Array, keep: 0 | 1) => {
    const out = new Uint8Array(src.length);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let v = keep;
        for (let dy = -r; dy <= r && v === keep; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= h) continue;
          for (let dx = -r; dx <= r; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= w) continue;
            if (src[yy * w + xx] !== keep) {
              v = keep === 1 ? 0 : 1;
              break;
            }
          }
        }
        out[y * w + x] = v;
      }
    }
    return out;
  };
  return pass(pass(bits, 1), 0);
}

/** The largest 4-connected component's pixels (indexes), or null when none is card-sized. */
function largest(bits: Uint8Array, w: number, h: number): number[] | null {
  const label = new Int32Array(w * h);
  let best: number[] = [];
  let next = 1;
  const stack: number[] = [];
  for (let start = 0; start < bits.length; start++) {
    if (!bits[start] || label[start]) continue;
    const members: number[] = [];
    label[start] = next;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % w;
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
        if (j >= 0 && j < bits.length && bits[j] && !label[j]) {
          label[j] = next;
          stack.push(j);
        }
      }
    }
    if (members.length > best.length) best = members;
    next++;
  }
  return best.length >= w * h * 0.08 && best.length <= w * h * 0.97 ? best : null;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Convex hull (monotone chain) of a component's row ends. */
export function hullOf(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (const q of p.reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

function area(q: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < q.length; i++) {
    const [x0, y0] = q[i]!;
    const [x1, y1] = q[(i + 1) % q.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

/** The largest quadrilateral on the hull's vertices: the card's corners when the region is the card. */
export function largestQuad(hull: Point[]): Quad | null {
  const step = Math.max(1, Math.ceil(hull.length / 48));
  const h = hull.filter((_, i) => i % step === 0);
  if (h.length < 4) return null;
  let best: Quad | null = null;
  let bestArea = -1;
  const n = h.length;
  for (let i = 0; i < n; i++) {
    for (let k = i + 2; k < n; k++) {
      // The best third and fourth corners on each side of the diagonal i–k.
      let left = -1;
      let leftArea = -1;
      for (let j = i + 1; j < k; j++) {
        const a = Math.abs(cross(h[i]!, h[j]!, h[k]!));
        if (a > leftArea) {
          leftArea = a;
          left = j;
        }
      }
      let right = -1;
      let rightArea = -1;
      for (let l = k + 1; l < n + i; l++) {
        const a = Math.abs(cross(h[i]!, h[k]!, h[l % n]!));
        if (a > rightArea) {
          rightArea = a;
          right = l % n;
        }
      }
      if (left < 0 || right < 0) continue;
      const total = leftArea + rightArea;
      if (total > bestArea) {
        bestArea = total;
        best = [h[i]!, h[left]!, h[k]!, h[right]!];
      }
    }
  }
  return best ? clockwiseFromTopLeft(best) : null;
}

function clockwiseFromTopLeft(q: Point[]): Quad {
  const cx = q.reduce((s, p) => s + p[0], 0) / q.length;
  const cy = q.reduce((s, p) => s + p[1], 0) / q.length;
  const sorted = [...q].sort((a, b) => Math.atan2(a[1] - cy, a[0] - cx) - Math.atan2(b[1] - cy, b[0] - cx));
  const first = sorted.reduce((bi, p, i) => (p[0] + p[1] < sorted[bi]![0] + sorted[bi]![1] ? i : bi), 0);
  return [0, 1, 2, 3].map((k) => sorted[(first + k) % 4]!) as Quad;
}

function regionQuad(members: number[], w: number): { quad: Quad; fill: number } | null {
  const rows = new Map<number, [number, number]>();
  for (const i of members) {
    const x = i % w;
    const y = (i / w) | 0;
    const r = rows.get(y);
    if (!r) rows.set(y, [x, x]);
    else if (x < r[0]) r[0] = x;
    else if (x > r[1]) r[1] = x;
  }
  const ends: Point[] = [];
  for (const [y, [a, b]] of rows) ends.push([a, y], [b + 1, y], [a, y + 1], [b + 1, y + 1]);
  const quad = largestQuad(hullOf(ends));
  if (!quad) return null;
  return { quad, fill: members.length / Math.max(1, area(quad)) };
}

/** Sides in the card's proportion, allowing perspective: 1 for a card seen square on, falling off beyond. */
function shapeScore(q: Quad): number {
  const len = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const top = len(q[0], q[1]);
  const bottom = len(q[3], q[2]);
  const left = len(q[0], q[3]);
  const right = len(q[1], q[2]);
  const long = Math.max(top + bottom, left + right) / 2;
  const short = Math.min(top + bottom, left + right) / 2;
  const ratio = long / Math.max(1, short);
  const aspect = Math.exp(-(((Math.log(ratio) - Math.log(cardAspect)) / 0.22) ** 2));
  const opposite =
    (Math.min(top, bottom) / Math.max(top, bottom, 1)) * (Math.min(left, right) / Math.max(left, right, 1));
  return aspect * Math.min(1, opposite / 0.6);
}

/** The mean brightness step across the quad's border, sampled on its four sides. */
function edgeScore(g: Float32Array, w: number, h: number, q: Quad): number {
  let sum = 0;
  let n = 0;
  const cx = (q[0][0] + q[1][0] + q[2][0] + q[3][0]) / 4;
  const cy = (q[0][1] + q[1][1] + q[2][1] + q[3][1]) / 4;
  const at = (x: number, y: number) =>
    g[Math.min(h - 1, Math.max(0, Math.round(y))) * w + Math.min(w - 1, Math.max(0, Math.round(x)))]!;
  for (let s = 0; s < 4; s++) {
    const a = q[s]!;
    const b = q[(s + 1) % 4]!;
    for (let t = 0.1; t < 0.9; t += 0.04) {
      const x = a[0] + (b[0] - a[0]) * t;
      const y = a[1] + (b[1] - a[1]) * t;
      const dx = x - cx;
      const dy = y - cy;
      const d = Math.hypot(dx, dy) || 1;
      sum += Math.abs(at(x + (dx / d) * 2, y + (dy / d) * 2) - at(x - (dx / d) * 2, y - (dy / d) * 2));
      n++;
    }
  }
  return n ? Math.min(1, sum / n / 40) : 0;
}

/** Red-and-yellow pixels in a region of an upright card (the national emblem at the front's top left). */
function emblem(card: Raster, x0: number, y0: number, x1: number, y1: number): number {
  let red = 0;
  let n = 0;
  for (let y = Math.round(y0 * card.height); y < y1 * card.height; y++) {
    for (let x = Math.round(x0 * card.width); x < x1 * card.width; x++) {
      const o = (y * card.width + x) * 4;
      const r = card.data[o]!;
      const gr = card.data[o + 1]!;
      const b = card.data[o + 2]!;
      if (r > 110 && r > gr * 1.6 && r > b * 1.6) red++;
      n++;
    }
  }
  return n ? red / n : 0;
}

/** Dark-light steps per pixel in a band (the MRZ's tall monospace characters, a QR code's modules). */
function texture(card: Raster, x0: number, y0: number, x1: number, y1: number): number {
  let steps = 0;
  let n = 0;
  for (let y = Math.round(y0 * card.height); y < y1 * card.height; y += 2) {
    for (let x = Math.round(x0 * card.width); x + 1 < x1 * card.width; x++) {
      const o = (y * card.width + x) * 4;
      if (Math.abs(card.data[o]! - card.data[o + 4]!) > 50) steps++;
      n++;
    }
  }
  return n ? steps / n : 0;
}

/** How much an upright warp looks like a card the right way up (its marks where the card prints them). */
export function marksScore(card: Raster): number {
  const front = emblem(card, 0.02, 0.03, 0.2, 0.3);
  const back = Math.max(0, texture(card, 0.02, 0.7, 0.98, 0.97) - texture(card, 0.02, 0.03, 0.98, 0.3));
  const qr = texture(card, 0.82, 0.02, 0.99, 0.27);
  return Math.min(1, front * 8) + Math.min(1, back * 6) + Math.min(0.5, qr * 2);
}

interface Line {
  theta: number;
  rho: number;
  votes: number;
}

/**
 * The photo's strongest straight edges (a Hough transform of the brightness gradient, each pixel voting only
 * near its own gradient's direction): a card's sides, even where it lies on a paper of nearly its colour.
 */
function strongLines(g: Float32Array, w: number, h: number, count = strongLineCount): Line[] {
  const thetaStep = Math.PI / 120;
  const rhoMax = Math.hypot(w, h);
  const rhoBins = Math.ceil((2 * rhoMax) / 1.5);
  const votes = new Float32Array(120 * rhoBins);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const gx = g[i - w + 1]! + 2 * g[i + 1]! + g[i + w + 1]! - g[i - w - 1]! - 2 * g[i - 1]! - g[i + w - 1]!;
      const gy = g[i + w - 1]! + 2 * g[i + w]! + g[i + w + 1]! - g[i - w - 1]! - 2 * g[i - w]! - g[i - w + 1]!;
      const m = Math.hypot(gx, gy);
      if (m < 24) continue;
      let angle = Math.atan2(gy, gx);
      if (angle < 0) angle += Math.PI;
      const centre = Math.round(angle / thetaStep);
      for (let k = centre - 4; k <= centre + 4; k++) {
        const t = ((k % 120) + 120) % 120;
        const theta = t * thetaStep;
        const rho = x * Math.cos(theta) + y * Math.sin(theta);
        votes[t * rhoBins + Math.round((rho + rhoMax) / 1.5)]! += Math.min(m, 200);
      }
    }
  }
  const lines: Line[] = [];
  const taken = new Uint8Array(votes.length);
  const order = Array.from(votes.keys())
    .filter((i) => votes[i]! > 0)
    .sort((a, b) => votes[b]! - votes[a]!);
  for (const i of order) {
    if (lines.length >= count) break;
    if (taken[i]) continue;
    const t = Math.floor(i / rhoBins);
    const r = i % rhoBins;
    lines.push({ theta: t * thetaStep, rho: r * 1.5 - rhoMax, votes: votes[i]! });
    // Suppress the neighbourhood (±9°, ±15 px): one edge gives one line, not its smear over nearby angles.
    for (let dt = -6; dt <= 6; dt++) {
      const tt = (((t + dt) % 120) + 120) % 120;
      for (let dr = -10; dr <= 10; dr++) if (r + dr >= 0 && r + dr < rhoBins) taken[tt * rhoBins + r + dr] = 1;
    }
  }
  return lines;
}

function meet(a: Line, b: Line): Point | null {
  const det = Math.cos(a.theta) * Math.sin(b.theta) - Math.sin(a.theta) * Math.cos(b.theta);
  if (Math.abs(det) < 1e-6) return null;
  return [
    (a.rho * Math.sin(b.theta) - b.rho * Math.sin(a.theta)) / det,
    (b.rho * Math.cos(a.theta) - a.rho * Math.cos(b.theta)) / det,
  ];
}

/** Quadrilaterals of two near-parallel pairs of strong lines, the pairs across each other, best first. */
function lineQuads(g: Float32Array, w: number, h: number): Array<{ quad: Quad; support: number }> {
  const lines = strongLines(g, w, h);
  const strongest = lines[0]?.votes ?? 1;
  const angle = (a: Line, b: Line) => {
    const d = Math.abs(a.theta - b.theta) % Math.PI;
    return Math.min(d, Math.PI - d);
  };
  const pairs: Array<[Line, Line]> = [];
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++)
      if (
        angle(lines[i]!, lines[j]!) < 0.4 &&
        Math.abs(Math.abs(lines[i]!.rho) - Math.abs(lines[j]!.rho)) > Math.min(w, h) * 0.15
      )
        pairs.push([lines[i]!, lines[j]!]);
  const quads: Array<{ quad: Quad; score: number; support: number }> = [];
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a, b] = pairs[i]!;
      const [c, d] = pairs[j]!;
      if (angle(a, c) < 1.0) continue;
      const corners = [meet(a, c), meet(c, b), meet(b, d), meet(d, a)];
      if (corners.some((p) => !p || p[0] < -w * 0.05 || p[1] < -h * 0.05 || p[0] > w * 1.05 || p[1] > h * 1.05))
        continue;
      const quad = clockwiseFromTopLeft(corners as Point[]);
      if (area(quad) < w * h * 0.08) continue;
      // A side drawn on a weak line (a smear of a strong one, a stroke of text) is little evidence of a card.
      const support = Math.min(a.votes, b.votes, c.votes, d.votes) / strongest;
      quads.push({
        quad,
        support,
        score: shapeScore(quad) + edgeScore(g, w, h, quad) + support + 0.3 * Math.sqrt(area(quad) / (w * h)),
      });
    }
  }
  return quads.sort((x, y) => y.score - x.score).slice(0, edgeQuadsKept);
}

function scaled(q: Quad, f: number): Quad {
  return q.map(([x, y]) => [x * f, y * f]) as Quad;
}

const turn = (q: Quad): Quad => [q[2], q[3], q[0], q[1]];

/** The card's quadrilateral in the photo, upright, by the detectors' vote; the whole photo when none wins. */
export function findCard(image: Raster): CardGuess {
  const { g, rgb, w, h, factor } = shrinkToGray(image, work);
  const distance = unlikeBorder(rgb, w, h);
  const base = Math.max(40, otsu(distance, 442));
  const proposals: Array<{ quad: Quad; by: string; fill: number }> = [];
  // Smoothed, the faint step from a pale ground to a pale card stands above the ground's noise.
  const smooth = boxBlur(distance, w, h, faintBlurRadius);
  for (const [by, threshold, radius] of [
    ['region', base, 0],
    ['region-low', base * 0.7, 0],
    ['region-high', base * 1.35, 0],
    ['region-opened', base, Math.max(2, Math.round(w / 60))],
    ['region-faint', faintDistance, 0],
  ] as const) {
    let bits: Uint8Array = new Uint8Array(w * h);
    const src = by === 'region-faint' ? smooth : distance;
    for (let i = 0; i < bits.length; i++) bits[i] = src[i]! > threshold ? 1 : 0;
    if (radius) bits = open(bits, w, h, radius);
    const members = largest(bits, w, h);
    const found = members ? regionQuad(members, w) : null;
    if (found) proposals.push({ quad: orientQuad(found.quad), by, fill: found.fill });
  }
  for (const { quad, support } of lineQuads(g, w, h))
    proposals.push({ quad: orientQuad(quad), by: 'edges', fill: 0.85 * Math.min(1, 0.4 + support) });
  const photo: Quad = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  let best: CardGuess = { quad: scaled(photo, factor), by: 'photo', score: 0.35, turned: false };
  const preview = Math.round(work * 0.7);
  const diagonal = Math.hypot(w, h);
  const agree = (a: Quad, b: Quad) => a.every((p, i) => Math.hypot(p[0] - b[i]![0], p[1] - b[i]![1]) < diagonal * 0.05);
  const ranked: CardGuess[] = [];
  for (const p of proposals) {
    // Detectors of another kind that propose the same card vote for it; where a region agrees with the edges,
    // its corners (from the region's own pixels) are the ones kept.
    const others = proposals.filter(
      (o) => o !== p && (o.by === 'edges') !== (p.by === 'edges') && agree(o.quad, p.quad),
    );
    if (p.by === 'edges' && others.length) continue;
    const shape =
      shapeScore(p.quad) * Math.min(1, p.fill / 0.85) + edgeScore(g, w, h, p.quad) + (others.length ? 0.4 : 0);
    const smallQuad = scaled(p.quad, factor);
    const ways = (
      [
        [smallQuad, false],
        [turn(smallQuad), true],
      ] as const
    ).map(([quad, turned]) => {
      const card = warpQuad(image, quad, preview, Math.round(preview / cardAspect));
      return { quad, by: p.by, turned, score: shape + marksScore(card) + 0.3 * Math.sqrt(area(p.quad) / (w * h)) };
    });
    ranked.push(ways[0]!.score >= ways[1]!.score ? ways[0]! : ways[1]!);
  }
  ranked.sort((a, b) => b.score - a.score);
  if (ranked[0] && ranked[0].score > best.score) best = ranked[0];
  const distinct: Quad[] = [];
  for (const r of ranked) {
    if (r === best || distinct.length >= 1) continue;
    const small = scaled(r.quad, 1 / factor);
    if (
      ![best, ...distinct.map((quad) => ({ quad }))].some(
        (d) => agree(scaled(d.quad, 1 / factor), small) || agree(scaled(d.quad, 1 / factor), turn(small)),
      )
    )
      distinct.push(r.quad);
  }
  best = { ...best, alternatives: distinct, anchored: emblemFrames(image) };
  if (best.by === 'photo') {
    // The photo is the card (a scan cropped to it): only which way round is in question.
    const card = warpQuad(image, best.quad, preview, Math.round(preview / cardAspect));
    const flipped = warpQuad(image, turn(best.quad), preview, Math.round(preview / cardAspect));
    if (marksScore(flipped) > marksScore(card) + 0.2) best = { ...best, quad: turn(best.quad), turned: true };
  }
  return best;
}
