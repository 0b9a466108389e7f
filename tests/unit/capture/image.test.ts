import { describe, expect, it } from 'vitest';
import { crop, edgeDensity, extractCard, locateCard, normaliseForOcr, raster, rotate180, warpQuad, type Quad, type Raster } from '../../../utils/capture/image';

/** Mean brightness of a region (fractions), 0–255. */
function meanBrightness(r: Raster, region: { x: number; y: number; w: number; h: number }): number {
  const c = crop(r, region);
  let sum = 0;
  for (let i = 0; i < c.data.length; i += 4) sum += c.data[i]! * 0.299 + c.data[i + 1]! * 0.587 + c.data[i + 2]! * 0.114;
  return sum / Math.max(1, c.data.length / 4);
}

/** A dark desk with a light card drawn as the quadrilateral `q`, and a dark mark in the card's top-left area. */
function photo(width: number, height: number, q: Quad): Raster {
  const r = raster(width, height);
  const inside = (x: number, y: number) => {
    let sign = 0;
    for (let i = 0; i < 4; i++) {
      const [ax, ay] = q[i]!;
      const [bx, by] = q[(i + 1) % 4]!;
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (cross === 0) continue;
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
    return true;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const v = inside(x, y) ? 235 : 70;
      r.data[o] = v;
      r.data[o + 1] = inside(x, y) ? 230 : 55;
      r.data[o + 2] = inside(x, y) ? 220 : 40;
      r.data[o + 3] = 255;
    }
  }
  return r;
}

describe('locateCard', () => {
  it('finds the four corners of a tilted card on a desk', () => {
    const q: Quad = [[60, 80], [540, 40], [570, 340], [90, 390]];
    const found = locateCard(photo(640, 440, q))!;
    expect(found).not.toBeNull();
    found.forEach((p, i) => {
      expect(Math.abs(p[0] - q[i]![0])).toBeLessThan(8);
      expect(Math.abs(p[1] - q[i]![1])).toBeLessThan(8);
    });
  });

  it('takes an image that is all card (a flatbed scan) as the card itself', () => {
    const r = raster(300, 190);
    r.data.fill(230);
    expect(locateCard(r)).toBeNull();
    expect(extractCard(r, 200).quad).toBeNull();
  });
});

describe('warp and orientation', () => {
  it('warps a quadrilateral to an upright raster, keeping what was at the top left there', () => {
    const r = raster(100, 100);
    for (let y = 0; y < 100; y++) for (let x = 0; x < 100; x++) r.data.set(x < 50 && y < 50 ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * 100 + x) * 4);
    const out = warpQuad(r, [[0, 0], [100, 0], [100, 100], [0, 100]], 40, 40);
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
    for (let y = 0; y < 40; y++) for (let x = 0; x < 80; x++) {
      const v = x < 40 ? ((x >> 2) + (y >> 2)) % 2 ? 0 : 255 : 200;
      r.data.set([v, v, v, 255], (y * 80 + x) * 4);
    }
    expect(edgeDensity(r, { x: 0, y: 0, w: 0.5, h: 1 })).toBeGreaterThan(0.2);
    expect(edgeDensity(r, { x: 0.5, y: 0, w: 0.5, h: 1 })).toBe(0);
  });
});
