import { describe, expect, it } from 'vitest';
import { emblemFrames } from '../../../utils/capture/emblem';
import type { Raster } from '../../../utils/capture/image';

/** A grey desk with a pale card: the red disc with its yellow star at the top left, a red title, text lines. */
function card(turned: boolean): Raster {
  const width = 800;
  const height = 600;
  const data = new Uint8ClampedArray(width * height * 4);
  const paint = (x: number, y: number, rgb: [number, number, number]) => {
    // A card lying the other way up: every point turned half round about the photo's centre.
    const [px, py] = turned ? [width - 1 - x, height - 1 - y] : [x, y];
    data.set([...rgb, 255], (py * width + px) * 4);
  };
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) paint(x, y, [90, 80, 70]);
  // The card: 500 × 315 from (150, 140).
  for (let y = 140; y < 455; y++) for (let x = 150; x < 650; x++) paint(x, y, [225, 225, 220]);
  const disc = { x: 150 + 0.095 * 500, y: 140 + 0.18 * 315, r: 25 };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - disc.x, y - disc.y);
      if (d < 8) paint(x, y, [250, 215, 0]);
      else if (d < disc.r) paint(x, y, [200, 20, 30]);
    }
  for (let x = 300; x < 520; x += 6)
    for (let y = 190; y < 204; y++) for (let k = 0; k < 3; k++) paint(x + k, y, [200, 30, 40]);
  for (const row of [240, 270, 300, 330, 360, 390])
    for (let x = 230; x < 600; x += 5) for (let y = row; y < row + 10; y++) paint(x, y, [30, 30, 30]);
  return { width, height, data };
}

describe('the card found from its emblem', () => {
  it('frames the card upright around it, the disc at the top left, either way the card lies', () => {
    for (const turned of [false, true]) {
      const frames = emblemFrames(card(turned));
      expect(frames.length, String(turned)).toBeGreaterThan(0);
      // Each frame's first corner is the card's top left: up and left of the disc as the card lies.
      const [tl, tr] = frames[0]!;
      const disc = turned ? [800 - 1 - 197.5, 600 - 1 - 196.7] : [197.5, 196.7];
      if (!turned) {
        expect(tl[0]).toBeLessThan(disc[0]!);
        expect(tl[1]).toBeLessThan(disc[1]!);
        expect(tr[0]).toBeGreaterThan(600);
      } else {
        expect(tl[0]).toBeGreaterThan(disc[0]!);
        expect(tl[1]).toBeGreaterThan(disc[1]!);
        expect(tr[0]).toBeLessThan(200);
      }
      // Along the text: the top edge runs level.
      expect(Math.abs(tr[1] - tl[1])).toBeLessThan(20);
    }
  });

  it('proposes nothing on a photo without the emblem', () => {
    const plain = card(false);
    for (let i = 0; i < plain.data.length; i += 4)
      if (plain.data[i]! > plain.data[i + 1]! * 1.5) plain.data.set([225, 225, 220], i);
    expect(emblemFrames(plain)).toEqual([]);
  });
});
