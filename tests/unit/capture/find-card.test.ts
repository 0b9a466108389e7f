import { describe, expect, it } from 'vitest';
import { findCard, hullOf, largestQuad } from '../../../utils/capture/find-card';
import { raster, type Point, type Quad, type Raster } from '../../../utils/capture/image';

/** Whether (x, y) lies inside the convex quadrilateral `q`. */
function inside(q: Quad, x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = q[i]!;
    const [bx, by] = q[(i + 1) % 4]!;
    const c = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (c === 0) continue;
    if (sign === 0) sign = Math.sign(c);
    else if (Math.sign(c) !== sign) return false;
  }
  return true;
}

/** Maps a point of the upright card (fractions) into the quad (bilinear: enough for these tests). */
function onCard(q: Quad, u: number, v: number): Point {
  const top = [q[0][0] + (q[1][0] - q[0][0]) * u, q[0][1] + (q[1][1] - q[0][1]) * u];
  const bottom = [q[3][0] + (q[2][0] - q[3][0]) * u, q[3][1] + (q[2][1] - q[3][1]) * u];
  return [top[0]! + (bottom[0]! - top[0]!) * v, top[1]! + (bottom[1]! - top[1]!) * v];
}

/** A dark desk; light papers (quads) under a light card whose national emblem (a red disc) sits at its top left. */
function desk(width: number, height: number, card: Quad, papers: Quad[] = []): Raster {
  const r = raster(width, height);
  const [ex, ey] = onCard(card, 0.095, 0.15);
  const er = Math.hypot(card[1][0] - card[0][0], card[1][1] - card[0][1]) * 0.06;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let c = [70, 55, 40];
      if (papers.some((p) => inside(p, x, y))) c = [245, 245, 240];
      if (inside(card, x, y)) c = Math.hypot(x - ex, y - ey) < er ? [200, 16, 46] : [233, 236, 226];
      r.data.set([...c, 255], (y * width + x) * 4);
    }
  }
  return r;
}

const near = (a: Quad, b: Quad, tolerance: number) =>
  a.every((p, i) => Math.hypot(p[0] - b[i]![0], p[1] - b[i]![1]) < tolerance);

describe('findCard', () => {
  it('finds the four corners of a tilted card on a desk, the right way up', () => {
    const q: Quad = [
      [60, 80],
      [540, 40],
      [570, 340],
      [90, 390],
    ];
    const guess = findCard(desk(640, 440, q));
    expect(guess.by).not.toBe('photo');
    expect(near(guess.quad, q, 10)).toBe(true);
    expect(guess.turned).toBe(false);
  });

  it('turns a card photographed upside down, by its emblem', () => {
    const q: Quad = [
      [570, 340],
      [90, 390],
      [60, 80],
      [540, 40],
    ];
    const guess = findCard(desk(640, 440, q));
    expect(near(guess.quad, q, 10)).toBe(true);
    expect(guess.turned).toBe(true);
  });

  it('keeps to the card when a paper touches its corner (the region alone would take both)', () => {
    const q: Quad = [
      [150, 120],
      [520, 100],
      [540, 330],
      [165, 350],
    ];
    const paper: Quad = [
      [20, 340],
      [172, 340],
      [172, 470],
      [20, 470],
    ];
    const guess = findCard(desk(640, 480, q, [paper]));
    expect(near(guess.quad, q, 14)).toBe(true);
  });

  it('keeps to the card among papers that lie under two of its sides and about it (a cluttered desk)', () => {
    const q: Quad = [
      [120, 110],
      [470, 160],
      [450, 380],
      [95, 330],
    ];
    const papers: Quad[] = [
      [
        [380, 10],
        [630, 40],
        [610, 250],
        [360, 220],
      ],
      [
        [10, 10],
        [200, 20],
        [190, 150],
        [5, 140],
      ],
      [
        [20, 300],
        [160, 290],
        [170, 430],
        [30, 435],
      ],
      [
        [230, 380],
        [400, 395],
        [395, 438],
        [225, 436],
      ],
    ];
    const guess = findCard(desk(640, 440, q, papers));
    expect(near(guess.quad, q, 14)).toBe(true);
  });

  it('finds a pale card on a pale scanner bed, its text no help to a threshold', () => {
    const q: Quad = [
      [90, 70],
      [560, 60],
      [570, 360],
      [100, 370],
    ];
    const r = raster(640, 440);
    let seed = 7;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed / 2147483648 - 0.5) * 8;
    };
    for (let y = 0; y < 440; y++) {
      for (let x = 0; x < 640; x++) {
        let c = [226, 226, 222];
        if (inside(q, x, y)) {
          const [, v] = [(x - 90) / 470, (y - 70) / 300];
          // The back's MRZ: three dark lines of print on a white band across the foot of the card.
          const band = v > 0.66 && v < 0.95 && x > 100 && x < 560;
          const mrz = band && [0.72, 0.8, 0.88].some((l) => Math.abs(v - l) < 0.025) && x % 14 < 9;
          c = mrz ? [30, 30, 30] : band ? [252, 252, 252] : [232, 234, 231];
        }
        r.data.set([...c.map((k) => Math.max(0, Math.min(255, k + noise()))), 255], (y * 640 + x) * 4);
      }
    }
    const guess = findCard(r);
    expect(near(guess.quad, q, 14) || near(guess.quad, [q[2], q[3], q[0], q[1]], 14)).toBe(true);
  });

  it('a card photographed in portrait (a quarter turn) comes out with its long side across', () => {
    const q: Quad = [
      [300, 40],
      [300, 560],
      [60, 560],
      [60, 40],
    ];
    const guess = findCard(desk(400, 600, q));
    const [a, b, c] = guess.quad;
    expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeGreaterThan(Math.hypot(c[0] - b[0], c[1] - b[1]));
  });

  it('takes an image that is all card (a flatbed scan cropped to it) as the card itself', () => {
    const r = raster(300, 190);
    r.data.fill(230);
    const guess = findCard(r);
    expect(guess.by).toBe('photo');
    expect(guess.quad).toEqual([
      [0, 0],
      [300, 0],
      [300, 190],
      [0, 190],
    ]);
  });
});

describe('hull and quadrilateral', () => {
  it('the largest quadrilateral on a hull is its four corners', () => {
    const points: Point[] = [];
    for (let i = 0; i <= 20; i++) points.push([i * 10, 0], [i * 10, 100], [0, i * 5], [200, i * 5], [100, 50]);
    expect(largestQuad(hullOf(points))).toEqual([
      [0, 0],
      [200, 0],
      [200, 100],
      [0, 100],
    ]);
  });
});
