import { describe, expect, it } from 'vitest';
import { boldPart, plausibleId } from '../../../utils/capture/engines/rescue';
import { raster } from '../../../utils/capture/image';

/** A zone as a blurred photo gives it: a small grey label, a wide gap, then a bold black value. */
function zone() {
  const r = raster(300, 40);
  for (let y = 0; y < 40; y++)
    for (let x = 0; x < 300; x++) {
      const label = x >= 10 && x < 110 && y >= 18 && y < 26 && x % 4 !== 0;
      const value = x >= 160 && x < 260 && y >= 8 && y < 32 && x % 6 < 4;
      const v = value ? 10 : label ? 100 : 235;
      r.data.set([v, v, v, 255], (y * 300 + x) * 4);
    }
  return r;
}

describe('a rescued zone keeps its value, not its label', () => {
  it('cuts the zone at the wide gap and keeps the piece with the most ink', () => {
    const part = boldPart(zone());
    // The value (160–260) with a margin, without the label (10–110).
    expect(part.width).toBeGreaterThan(100);
    expect(part.width).toBeLessThan(140);
  });

  it('a zone of bare ground is left whole', () => {
    const r = raster(120, 30);
    r.data.fill(230);
    expect(boldPart(r).width).toBe(120);
  });
});

describe('a rescued personal ID', () => {
  it('is twelve digits whose first three name a province, or nothing', () => {
    expect(plausibleId('001209482831')).toBe('001209482831');
    expect(plausibleId('Số 0 01209 482831')).toBe('001209482831');
    expect(plausibleId('333377070720')).toBeNull();
    expect(plausibleId('0012094828')).toBeNull();
  });
});
