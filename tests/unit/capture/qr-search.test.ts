import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { raster } from '../../../utils/capture/image';
import { enlarge, qrRegions } from '../../../utils/capture/qr-search';

/** A light photo with lines of "text" (dark dashes along rows) and a small QR code drawn at (qx, qy). */
function photo(qx: number, qy: number, module: number) {
  const r = raster(900, 640);
  r.data.fill(235);
  const set = (x: number, y: number, v: number) => r.data.fill(v, (y * r.width + x) * 4, (y * r.width + x) * 4 + 3);
  for (let row = 60; row < 600; row += 28)
    for (let x = 40; x < 560; x++) if (x % 9 < 6) for (let y = row; y < row + 9; y++) set(x, y, 30);
  const qr = QRCode.create(
    '001090012345|123456789|Nguyễn Văn A|01011990|Nam|Số 1 phố X, Phường Y, Quận Z, Hà Nội|15082021',
    { errorCorrectionLevel: 'M' },
  );
  const n = qr.modules.size;
  for (let my = 0; my < n; my++)
    for (let mx = 0; mx < n; mx++)
      if (qr.modules.get(mx, my))
        for (let dy = 0; dy < module; dy++)
          for (let dx = 0; dx < module; dx++) set(qx + mx * module + dx, qy + my * module + dy, 10);
  return { r, size: n * module };
}

describe('qrRegions', () => {
  it('proposes the small QR code first, not the lines of text beside it', () => {
    const { r, size } = photo(700, 80, 2);
    const [best] = qrRegions(r);
    expect(best).toBeDefined();
    const cx = best!.x + best!.size / 2;
    const cy = best!.y + best!.size / 2;
    expect(Math.abs(cx - (700 + size / 2))).toBeLessThan(size);
    expect(Math.abs(cy - (80 + size / 2))).toBeLessThan(size);
  });

  it('enlarges a region with its margin to the width asked', () => {
    const { r } = photo(700, 80, 2);
    const big = enlarge(r, { x: 700, y: 80, size: 90, score: 1 }, 540);
    expect(big.width).toBe(540);
    expect(big.height).toBeGreaterThan(400);
  });
});
