import { describe, expect, it } from 'vitest';
import { raster, warpQuad, type Quad, type Raster } from '@/utils/capture/image';
import { levelledBand, textSkew, turnFrame } from '@/utils/capture/skew';

/**
 * A page of "words" (dark dashes on lines 26 px apart) whose lines lean by `degrees` (positive: falling to the
 * right, image y downwards).
 */
function leaningText(width: number, height: number, degrees: number): Raster {
  const r = raster(width, height);
  const t = (degrees * Math.PI) / 180;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // The point in the text's own frame (turned back by the lean about the centre).
      const dx = x - width / 2;
      const dy = y - height / 2;
      const u = dx * Math.cos(t) + dy * Math.sin(t) + 5000;
      const v = -dx * Math.sin(t) + dy * Math.cos(t) + 5000;
      const ink = v % 26 < 9 && u % 47 < 38;
      const o = (y * width + x) * 4;
      const value = ink ? 40 : 235;
      r.data[o] = value;
      r.data[o + 1] = value;
      r.data[o + 2] = value;
      r.data[o + 3] = 255;
    }
  return r;
}

describe('text lean', () => {
  it.each([-17, -8, 0, 6, 12])('measures lines leaning %d° to within a degree', (degrees) => {
    expect(Math.abs(textSkew(leaningText(640, 400, degrees)) - degrees)).toBeLessThanOrEqual(1);
  });

  it('says 0 for a crop with no text', () => {
    const blank = raster(400, 250);
    blank.data.fill(200);
    expect(textSkew(blank)).toBe(0);
  });

  it('turns the frame so that the leaning lines come out level', () => {
    const page = leaningText(640, 400, 9);
    const whole: Quad = [
      [0, 0],
      [640, 0],
      [640, 400],
      [0, 400],
    ];
    const lean = textSkew(page);
    const level = warpQuad(page, turnFrame(whole, 640, 400, lean), 640, 400);
    expect(Math.abs(textSkew(level))).toBeLessThanOrEqual(1);
    // Turned the other way, the lines lean twice as much: the direction matters.
    const worse = warpQuad(page, turnFrame(whole, 640, 400, -lean), 640, 400);
    expect(Math.abs(textSkew(worse))).toBeGreaterThan(12);
  });

  it('keeps the frame the same for no lean, and grows it about its centre', () => {
    const quad: Quad = [
      [100, 50],
      [500, 80],
      [480, 330],
      [90, 300],
    ];
    const same = turnFrame(quad, 1000, 630, 0);
    same.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(quad[i]![0], 6);
      expect(p[1]).toBeCloseTo(quad[i]![1], 6);
    });
    const grown = turnFrame(
      [
        [0, 0],
        [100, 0],
        [100, 60],
        [0, 60],
      ],
      100,
      60,
      0,
      1.2,
    );
    expect(grown[0][0]).toBeCloseTo(-10, 6);
    expect(grown[2][1]).toBeCloseTo(66, 6);
  });
});

describe('the MRZ band levelled', () => {
  it('turns a band whose lines lean two degrees level, and leaves a level band as cut', () => {
    const leaning = leaningText(640, 400, 2);
    expect(Math.abs(textSkew(leaning) - 2)).toBeLessThanOrEqual(0.5);
    const band = levelledBand(leaning, 150);
    expect(band.height).toBe(250);
    expect(Math.abs(textSkew(band))).toBeLessThanOrEqual(0.25);
    const level = leaningText(640, 400, 0);
    expect(levelledBand(level, 150).data).toEqual(
      warpQuad(
        level,
        [
          [0, 150],
          [640, 150],
          [640, 400],
          [0, 400],
        ],
        640,
        250,
      ).data,
    );
  });
});
