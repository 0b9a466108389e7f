import { describe, expect, it } from 'vitest';
import {
  crop,
  edgeDensity,
  normaliseForOcr,
  raster,
  rotate180,
  warpQuad,
  type Raster,
} from '../../../utils/capture/image';

/** Mean brightness of a region (fractions), 0–255. */
function meanBrightness(r: Raster, region: { x: number; y: number; w: number; h: number }): number {
  const c = crop(r, region);
  let sum = 0;
  for (let i = 0; i < c.data.length; i += 4)
    sum += c.data[i]! * 0.299 + c.data[i + 1]! * 0.587 + c.data[i + 2]! * 0.114;
  return sum / Math.max(1, c.data.length / 4);
}

describe('warp and orientation', () => {
  it('warps a quadrilateral to an upright raster, keeping what was at the top left there', () => {
    const r = raster(100, 100);
    for (let y = 0; y < 100; y++)
      for (let x = 0; x < 100; x++)
        r.data.set(x < 50 && y < 50 ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * 100 + x) * 4);
    const out = warpQuad(
      r,
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      40,
      40,
    );
    expect(meanBrightness(out, { x: 0, y: 0, w: 0.4, h: 0.4 })).toBeLessThan(20);
    expect(meanBrightness(out, { x: 0.6, y: 0.6, w: 0.4, h: 0.4 })).toBeGreaterThan(235);
    const turned = rotate180(out);
    expect(meanBrightness(turned, { x: 0.6, y: 0.6, w: 0.4, h: 0.4 })).toBeLessThan(20);
  });

  it('flattens uneven light: the same ink reads the same in the shade and in the light', () => {
    const r = raster(200, 100);
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 200; x++) {
        const light = 120 + x * 0.6; // a gradient across the card
        const ink = x % 40 < 4 ? 0.35 : 1;
        const v = light * ink;
        r.data.set([v, v, v, 255], (y * 200 + x) * 4);
      }
    }
    const out = normaliseForOcr(r);
    const ground = (x: number) => out.data[(50 * 200 + x) * 4]!;
    expect(Math.abs(ground(20) - ground(180))).toBeLessThan(30);
    expect(out.data[(50 * 200 + 161) * 4]!).toBeLessThan(ground(180) - 100);
  });
});

describe('edgeDensity', () => {
  it('is high over a checker of modules and nil over a plain patch', () => {
    const r = raster(80, 40);
    for (let y = 0; y < 40; y++)
      for (let x = 0; x < 80; x++) {
        const v = x < 40 ? (((x >> 2) + (y >> 2)) % 2 ? 0 : 255) : 200;
        r.data.set([v, v, v, 255], (y * 80 + x) * 4);
      }
    expect(edgeDensity(r, { x: 0, y: 0, w: 0.5, h: 1 })).toBeGreaterThan(0.2);
    expect(edgeDensity(r, { x: 0.5, y: 0, w: 0.5, h: 1 })).toBe(0);
  });
});
