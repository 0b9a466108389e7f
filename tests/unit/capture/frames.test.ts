import { describe, expect, it } from 'vitest';
import { otherFrames } from '../../../utils/capture/frames';
import type { Quad } from '../../../utils/capture/image';

const photo = { width: 1000, height: 700 };
const whole: Quad = [
  [0, 0],
  [1000, 0],
  [1000, 700],
  [0, 700],
];
const crop: Quad = [
  [100, 100],
  [800, 120],
  [790, 560],
  [110, 540],
];
const runnerUp: Quad = [
  [300, 200],
  [600, 200],
  [600, 400],
  [300, 400],
];
const turned = (q: Quad): Quad => [q[2], q[3], q[0], q[1]];

describe('the frames read when the first crop reads as no card', () => {
  it('the runner-up, the crop turned, then the whole photo both ways up (a scan upside down)', () => {
    const frames = otherFrames(
      photo,
      { quad: crop, upsideDown: false },
      { by: 'edges', alternatives: [runnerUp] },
      {
        qrRead: false,
        officer: false,
      },
    );
    expect(frames).toEqual([
      { quad: runnerUp, foundBy: 'runner-up', upsideDown: false },
      { quad: turned(crop), foundBy: 'edges', upsideDown: true },
      { quad: whole, foundBy: 'photo', upsideDown: false },
      { quad: turned(whole), foundBy: 'photo', upsideDown: true },
    ]);
  });

  it('with the QR code read the card stands as found (only the whole photo, as taken); the officer’s crop is kept', () => {
    const read = otherFrames(
      photo,
      { quad: crop, upsideDown: false },
      { by: 'edges' },
      { qrRead: true, officer: false },
    );
    expect(read).toEqual([{ quad: whole, foundBy: 'photo', upsideDown: false }]);
    const officer = otherFrames(
      photo,
      { quad: crop, upsideDown: false },
      { by: 'officer' },
      { qrRead: false, officer: true },
    );
    expect(officer).toEqual([{ quad: turned(crop), foundBy: 'officer', upsideDown: true }]);
  });

  it('a photo taken for the card itself is turned once, not twice', () => {
    const frames = otherFrames(
      photo,
      { quad: whole, upsideDown: false },
      { by: 'photo' },
      { qrRead: false, officer: false },
    );
    expect(frames).toEqual([{ quad: turned(whole), foundBy: 'photo', upsideDown: true }]);
  });
});
