import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../../utils/capture/card-fields';
import type { Quad } from '../../../utils/capture/image';
import { mrzBandTop, mrzFrame, mrzLike } from '../../../utils/capture/mrz-anchor';

const line = (text: string, x0: number, y0: number, x1: number, y1: number, words?: OcrLine['words']): OcrLine => ({
  text,
  confidence: 60,
  bbox: { x0, y0, x1, y1 },
  ...(words ? { words } : {}),
});

/** A photo of 1000 × 800 read whole (the frame is the photo, read at its own size). */
const photo: Quad = [
  [0, 0],
  [1000, 0],
  [1000, 800],
  [0, 800],
];

describe('the card framed by its MRZ', () => {
  it('tells the MRZ from other lines', () => {
    expect(mrzLike('IDVNM1978695788054197869578<<7')).toBe(true);
    expect(mrzLike('9707173F3707171VNM<<<<<<<<<<<0')).toBe(true);
    expect(mrzLike('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe(false);
    expect(mrzLike('NGÀY, THÁNG, NĂM CẤP 11/05/2026')).toBe(false);
  });

  it('puts the card about its band: the lines near its foot, running nine tenths of its width', () => {
    // The band's lines from x 300 to 660 (360 px: a card of 400 px), the first line's top at y 500.
    const quad = mrzFrame(
      [
        line('Cộng hòa xã hội chủ nghĩa', 20, 40, 400, 70),
        line('IDVNM1978695788054197869578<<7', 300, 500, 660, 520),
        line('9707173F3707171VNM<<<<<<<<<<<0', 300, 530, 660, 550),
        line('DO<<THI<THU<NGHI<<<<<<<<<<<<<<', 300, 560, 660, 580),
      ],
      photo,
      1000,
      800,
    );
    expect(quad).not.toBeNull();
    const [tl, tr, br, bl] = quad!;
    const cardW = 400;
    const cardH = cardW / (85.6 / 53.98);
    // The card's left edge a little before the band, its top about 0.72 of its height above the first line.
    expect(tl[0]).toBeLessThan(300 - 0.03 * cardW);
    expect(tl[0]).toBeGreaterThan(300 - 0.2 * cardW);
    expect(tl[1]).toBeLessThan(500 - 0.7 * cardH);
    expect(tl[1]).toBeGreaterThan(500 - 0.9 * cardH);
    // Wider than the band by the margins and the padding, upright, its foot below the last line.
    expect(tr[0] - tl[0]).toBeGreaterThan(cardW);
    expect(tr[0] - tl[0]).toBeLessThan(cardW * 1.25);
    expect(Math.abs(tr[1] - tl[1])).toBeLessThan(1);
    expect(br[1]).toBeGreaterThan(580);
    expect(bl[0]).toBeCloseTo(tl[0], 5);
  });

  it('keeps to the band when a paper beside the card is read on the same line', () => {
    const words = (mrz: string, x0: number, y0: number) => [
      { text: mrz, bbox: { x0, y0, x1: x0 + 360, y1: y0 + 20 } },
      { text: 'Cộng', bbox: { x0: x0 + 380, y0, x1: x0 + 430, y1: y0 + 20 } },
      { text: 'hòa', bbox: { x0: x0 + 440, y0, x1: x0 + 480, y1: y0 + 20 } },
    ];
    const a = mrzFrame(
      [
        line(
          '19VN81978695788054197869578<<7 Cộng hòa',
          300,
          500,
          780,
          520,
          words('19VN81978695788054197869578<<7', 300, 500),
        ),
        line(
          '9707173F3707171VNM<<<<<<<<<<<0 Cộng hòa',
          300,
          530,
          780,
          550,
          words('9707173F3707171VNM<<<<<<<<<<<0', 300, 530),
        ),
      ],
      photo,
      1000,
      800,
    );
    expect(a).not.toBeNull();
    // The card's width follows the band's 360 px, not the line's 480.
    expect(a![1][0] - a![0][0]).toBeLessThan(400 * 1.25);
  });

  it('maps the band through the frame it was read in (a frame turned half round)', () => {
    const turned: Quad = [photo[2], photo[3], photo[0], photo[1]];
    const quad = mrzFrame(
      [
        line('IDVNM1978695788054197869578<<7', 300, 500, 660, 520),
        line('9707173F3707171VNM<<<<<<<<<<<0', 300, 530, 660, 550),
      ],
      turned,
      1000,
      800,
    );
    // Read in the turned frame, the card lies the other way up in the photo: its top left is at the bottom right.
    expect(quad![0][0]).toBeGreaterThan(1000 - 300);
    expect(quad![0][1]).toBeGreaterThan(800 - 500);
  });

  it('finds no band in a page without one', () => {
    expect(mrzFrame([line('Cộng hòa xã hội chủ nghĩa Việt Nam', 0, 0, 500, 30)], photo, 1000, 800)).toBeNull();
    // One chevron line alone (a stray "<<<<" of a passport's corner) is not enough.
    expect(mrzFrame([line('ABCDEFGH<<<<<<<<<<<<<<<<<<', 0, 0, 500, 30)], photo, 1000, 800)).toBeNull();
  });
});

describe('the MRZ band cut for a second reading', () => {
  const at = (text: string, y0: number, y1: number): OcrLine => ({
    text,
    confidence: 90,
    bbox: { x0: 180, y0, x1: 480, y1 },
  });
  // Tuning back 3031-15 read as the whole photo (631 high): no MRZ line read, the first one's top at about 380.
  const back = [
    at('Đặc điểm nhân dạng / Personal identification:', 128, 146),
    at('Ngày, tháng, năm / Date, month, year: 25/08/2022', 181, 207),
    at('CỤC TRƯỞNG CỤC CẢNH SÁT', 212, 230),
    at('Nguyễn Quốc Hùng', 290, 315),
  ];

  it('starts below the last line of the card’s upper part when no MRZ line was read, above the first MRZ line', () => {
    const top = mrzBandTop(back, 631);
    expect(top).toBeGreaterThan(300);
    expect(top).toBeLessThan(380);
  });

  it('starts just above the lines read with chevrons, and two thirds down when nothing was read', () => {
    expect(mrzBandTop([...back, at('9512069M3512067VNM<<<<<<<<<<<2', 420, 445)], 631)).toBe(408);
    expect(mrzBandTop([], 631)).toBe(416);
  });
});
