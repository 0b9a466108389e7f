import type { Point, Quad } from './image';

/**
 * A card's print as evidence of where the card is, for the photos its outline does not tell: a pale card on a
 * scanner's bed or a white desk has no edge worth the name, and the straight lines inside it (the chip, the MRZ
 * band) make quadrilaterals that cut the card. Its ink does not lie: the text, the emblem and the codes sit in
 * one cluster, and a crop that cuts the card leaves print just outside its border.
 */

/**
 * Dark strokes: pixels darker by a clear step than the pixels `reach` away on both sides, across or down (a
 * letter's stroke, not the dark ground beside a card's edge, nor a shadow or glare).
 */
export function inkMap(g: Float32Array, w: number, h: number, reach = 3, step = 18): Uint8Array {
  const ink = new Uint8Array(w * h);
  for (let y = reach; y < h - reach; y++) {
    for (let x = reach; x < w - reach; x++) {
      const i = y * w + x;
      const v = g[i]! + step;
      if ((v < g[i - reach]! && v < g[i + reach]!) || (v < g[i - reach * w]! && v < g[i + reach * w]!)) ink[i] = 1;
    }
  }
  return ink;
}

/** Ink pixels grown by `r` (a square), so a text line's letters and a block's lines join. */
function grow(bits: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    // Two passes per row: the nearest ink to the left and to the right within r.
    let last = -Infinity;
    for (let x = 0; x < w; x++) {
      if (bits[y * w + x]) last = x;
      if (x - last <= r) across[y * w + x] = 1;
    }
    last = Infinity;
    for (let x = w - 1; x >= 0; x--) {
      if (bits[y * w + x]) last = x;
      if (last - x <= r) across[y * w + x] = 1;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let last = -Infinity;
    for (let y = 0; y < h; y++) {
      if (across[y * w + x]) last = y;
      if (y - last <= r) out[y * w + x] = 1;
    }
    last = Infinity;
    for (let y = h - 1; y >= 0; y--) {
      if (across[y * w + x]) last = y;
      if (last - y <= r) out[y * w + x] = 1;
    }
  }
  return out;
}

/**
 * The ink of the card's print: the grown ink's cluster holding the most ink, joined by the clusters near it (a
 * card's blocks of text stand apart by a line or two: the back's signature above its MRZ band), a few rounds;
 * null when it is too little to be a card.
 */
function mainCluster(ink: Uint8Array, grown: Uint8Array, w: number, h: number): Point[] | null {
  const label = new Int32Array(w * h);
  const clusters: Array<{ ink: number; members: number[]; box: [number, number, number, number] }> = [];
  const stack: number[] = [];
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || label[start]) continue;
    const members: number[] = [];
    let inked = 0;
    const box: [number, number, number, number] = [w, h, 0, 0];
    label[start] = clusters.length + 1;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      inked += ink[i]!;
      const x = i % w;
      const y = (i / w) | 0;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
      for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w])
        if (j >= 0 && j < grown.length && grown[j] && !label[j]) {
          label[j] = clusters.length + 1;
          stack.push(j);
        }
    }
    clusters.push({ ink: inked, members, box });
  }
  if (!clusters.length) return null;
  clusters.sort((a, b) => b.ink - a.ink);
  const taken = new Set([clusters[0]!]);
  const union = [...clusters[0]!.box];
  for (let round = 0; round < 6; round++) {
    const reach = 0.2 * Math.max(union[2]! - union[0]!, union[3]! - union[1]!);
    let added = false;
    for (const c of clusters) {
      if (taken.has(c) || c.ink < 6) continue;
      const near =
        c.box[0] <= union[2]! + reach &&
        c.box[2] >= union[0]! - reach &&
        c.box[1] <= union[3]! + reach &&
        c.box[3] >= union[1]! - reach;
      if (!near) continue;
      taken.add(c);
      added = true;
      union[0] = Math.min(union[0]!, c.box[0]);
      union[1] = Math.min(union[1]!, c.box[1]);
      union[2] = Math.max(union[2]!, c.box[2]);
      union[3] = Math.max(union[3]!, c.box[3]);
    }
    if (!added) break;
  }
  const members = [...taken].flatMap((c) => c.members);
  if (members.length < w * h * 0.03) return null;
  return members.filter((i) => ink[i]).map((i): Point => [i % w, (i / w) | 0]);
}

function hull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: Point[]) => {
    const out: Point[] = [];
    for (const q of pts) {
      while (out.length >= 2 && cross(out.at(-2)!, out.at(-1)!, q) <= 0) out.pop();
      out.push(q);
    }
    return out.slice(0, -1);
  };
  return [...half(p), ...half([...p].reverse())];
}

/**
 * The card's print content spans nearly the whole card: about 3 % of the long side and 4 % of the short side
 * are bare at each edge (the 2021 front's emblem to its QR code, the back's MRZ band; VIETNAM.md's layouts).
 */
const bareLong = 0.035;
const bareShort = 0.045;

/**
 * The card as the smallest rectangle about its ink's main cluster, widened by the card's bare margins; null when
 * the cluster's shape is no card's (a paper's column of text, a single line). In the map's own pixels, corners
 * in no particular order of orientation (the caller orients them).
 */
export function inkQuad(ink: Uint8Array, w: number, h: number): Quad | null {
  const cluster = mainCluster(ink, grow(ink, w, h, Math.max(2, Math.round(Math.max(w, h) / 90))), w, h);
  if (!cluster) return null;
  // Print running to the photo's edges is a paper's or a desk's as much as the card's (a scan cropped to the card
  // is the whole photo's proposal).
  // (inkMap marks nothing within its reach of the edge.)
  const edge = Math.max(6, Math.round(Math.min(w, h) / 50));
  const touches = [
    cluster.some(([x]) => x < edge),
    cluster.some(([x]) => x >= w - edge),
    cluster.some(([, y]) => y < edge),
    cluster.some(([, y]) => y >= h - edge),
  ].filter(Boolean).length;
  if (touches >= 2) return null;
  const hl = hull(cluster);
  if (hl.length < 3) return null;
  let best: { area: number; angle: number; box: [number, number, number, number] } | null = null;
  for (let i = 0; i < hl.length; i++) {
    const a = hl[i]!;
    const b = hl[(i + 1) % hl.length]!;
    const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    let u0 = Infinity;
    let u1 = -Infinity;
    let v0 = Infinity;
    let v1 = -Infinity;
    for (const [x, y] of hl) {
      const u = x * c + y * s;
      const v = -x * s + y * c;
      u0 = Math.min(u0, u);
      u1 = Math.max(u1, u);
      v0 = Math.min(v0, v);
      v1 = Math.max(v1, v);
    }
    const area = (u1 - u0) * (v1 - v0);
    if (!best || area < best.area) best = { area, angle, box: [u0, u1, v0, v1] };
  }
  if (!best) return null;
  let [u0, u1, v0, v1] = best.box;
  const du = u1 - u0;
  const dv = v1 - v0;
  const ratio = Math.max(du, dv) / Math.max(1, Math.min(du, dv));
  if (ratio < 1.25 || ratio > 2.1) return null;
  const longU = du >= dv;
  const padU = ((longU ? bareLong : bareShort) / (1 - 2 * (longU ? bareLong : bareShort))) * du;
  const padV = ((longU ? bareShort : bareLong) / (1 - 2 * (longU ? bareShort : bareLong))) * dv;
  u0 -= padU;
  u1 += padU;
  v0 -= padV;
  v1 += padV;
  const c = Math.cos(best.angle);
  const s = Math.sin(best.angle);
  const at = (u: number, v: number): Point => [u * c - v * s, u * s + v * c];
  const quad: Quad = [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)];
  return quad.some(([x, y]) => x < -w * 0.05 || y < -h * 0.05 || x > w * 1.05 || y > h * 1.05) ? null : quad;
}

/**
 * Whether a crop cuts through the card's print: on its most inked side, the ink in a band just inside its border
 * and in a band just outside it (each about a twentieth of its size), the lesser of the two, against the ink
 * inside. A card's own border has bare margins within it, so a right crop scores near 0 however cluttered the
 * ground; a crop through the card's text has print on both sides of its border and scores near 1 or more.
 */
export function inkOutside(ink: Uint8Array, w: number, h: number, quad: Quad): number {
  const cx = quad.reduce((s, p) => s + p[0], 0) / 4;
  const cy = quad.reduce((s, p) => s + p[1], 0) / 4;
  const about = (f: number) => quad.map(([x, y]): Point => [cx + (x - cx) * f, cy + (y - cy) * f]) as Quad;
  const inner = about(0.95);
  const outer = about(1.05);
  const side = (a: Point, b: Point, x: number, y: number) => (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
  const sign = Math.sign(side(quad[0], quad[1], cx, cy));
  /** -1 inside `q`, otherwise the index of the side it lies beyond. */
  const beyond = (q: Quad, x: number, y: number) => {
    for (let i = 0; i < 4; i++) if (Math.sign(side(q[i]!, q[(i + 1) % 4]!, x, y)) === -sign) return i;
    return -1;
  };
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  let inN = 0;
  let inInk = 0;
  const bands = [0, 1].map(() => Array.from({ length: 4 }, () => ({ n: 0, ink: 0 })));
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y < Math.min(h, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x < Math.min(w, Math.ceil(Math.max(...xs))); x++) {
      if (beyond(outer, x, y) >= 0) continue;
      const v = ink[y * w + x]!;
      const out = beyond(quad, x, y);
      if (out >= 0) {
        bands[1]![out]!.n++;
        bands[1]![out]!.ink += v;
        continue;
      }
      inN++;
      inInk += v;
      const edge = beyond(inner, x, y);
      if (edge >= 0) {
        bands[0]![edge]!.n++;
        bands[0]![edge]!.ink += v;
      }
    }
  }
  // No print inside: nothing to tell a cut by.
  if (!inN || !inInk) return 0;
  const inside = inInk / inN;
  const share = (b: { n: number; ink: number }) => (b.n >= 10 ? b.ink / b.n / inside : 0);
  // A side whose outer band lies outside the photo is not cut (a card filling the frame).
  return Math.max(...[0, 1, 2, 3].map((k) => Math.min(share(bands[0]![k]!), share(bands[1]![k]!))));
}
