import { describe, expect, it } from 'vitest';
import type { Point, Quad } from '../../../utils/capture/image';
import { inkMap, inkOutside, inkQuad } from '../../../utils/capture/ink';

/**
 * A pale card (no edge to speak of) on a pale bed, seen square on at `left, top`, `width` wide: its print is
 * rows of short dark strokes from 4 % to 96 % of its width, a header near its top and an MRZ-like band at its foot.
 */
function paleCard(w: number, h: number, left: number, top: number, width: number) {
  const height = width / 1.58;
  const g = new Float32Array(w * h).fill(236);
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) g[y * w + x] = 240;
  const rows = [0.08, 0.16, 0.3, 0.42, 0.7, 0.8, 0.9];
  for (const r of rows) {
    const y = Math.round(top + r * height);
    for (let x = Math.round(left + 0.04 * width); x < left + 0.96 * width; x++) {
      // Letters: two dark pixels in three, a line of text two pixels high.
      if (x % 3 === 2) continue;
      g[y * w + x] = 60;
      g[(y + 1) * w + x] = 60;
    }
  }
  return {
    g,
    quad: [
      [left, top],
      [left + width, top],
      [left + width, top + height],
      [left, top + height],
    ] as Quad,
  };
}

const near = (a: readonly Point[], b: readonly Point[], tolerance: number) =>
  a.every((p) => b.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < tolerance));

describe('the card told by its print', () => {
  it('the smallest rectangle about the print, widened by the bare margins, is the card', () => {
    const { g, quad } = paleCard(320, 220, 60, 40, 200);
    const found = inkQuad(inkMap(g, 320, 220), 320, 220);
    expect(found).not.toBeNull();
    expect(near(found!, quad, 8)).toBe(true);
  });

  it('a crop through the print scores as cut; the card itself, or a crop with ground about it, does not', () => {
    const { g, quad } = paleCard(320, 220, 60, 40, 200);
    const ink = inkMap(g, 320, 220);
    // The MRZ band's box: an inner line of the card taken for its sides, its left and right cutting the text rows.
    const band: Quad = [
      [110, 120],
      [210, 120],
      [210, 160],
      [110, 160],
    ];
    expect(inkOutside(ink, 320, 220, band)).toBeGreaterThan(0.5);
    expect(inkOutside(ink, 320, 220, quad)).toBeLessThan(0.1);
    expect(
      inkOutside(ink, 320, 220, [
        [40, 25],
        [280, 25],
        [280, 185],
        [40, 185],
      ]),
    ).toBeLessThan(0.1);
  });

  it('a lone line of print is no card (too long for its height), nor is print running to the photo’s edges', () => {
    const w = 320;
    const h = 220;
    const g = new Float32Array(w * h).fill(236);
    for (let x = 40; x < 280; x++) if (x % 3 !== 2) g[100 * w + x] = g[101 * w + x] = 60;
    expect(inkQuad(inkMap(g, w, h), w, h)).toBeNull();
    for (let y = 0; y < h; y += 8) for (let x = 0; x < w; x++) if (x % 3 !== 2) g[y * w + x] = 60;
    expect(inkQuad(inkMap(g, w, h), w, h)).toBeNull();
  });
});
