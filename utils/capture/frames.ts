import type { Quad } from '@/utils/capture/image';

/** A crop of the photo to read as the card: its corners (upright, top-left first) and who proposed it. */
export interface Frame {
  quad: Quad;
  foundBy: string;
  upsideDown: boolean;
}

const turned = (q: Quad): Quad => [q[2], q[3], q[0], q[1]];

/**
 * The crops to read, in order, when the first reads as no side of the card: the detectors' runner-up and the
 * crop turned round (unless the QR code already told where and which way up the card is), the frames the front's
 * emblem gives, then the whole photo,
 * as a scan cropped to the card is, both ways up (a scanner's lid closed on a card laid upside down, a pale card
 * no detector told from the lid). The officer's own crop is never traded for the photo.
 */
export function otherFrames(
  photo: { width: number; height: number },
  first: { quad: Quad; upsideDown: boolean },
  guess: { by: string; alternatives?: Quad[]; anchored?: Quad[] },
  { qrRead, officer }: { qrRead: boolean; officer: boolean },
): Frame[] {
  const frames: Frame[] = [];
  if (!qrRead) {
    for (const quad of guess.alternatives ?? [])
      frames.push({ quad, foundBy: 'runner-up', upsideDown: first.upsideDown });
    frames.push({ quad: turned(first.quad), foundBy: guess.by, upsideDown: !first.upsideDown });
  }
  // The frames the front's emblem gives: placed and turned by the card's own print, not by its edges.
  if (!officer) for (const quad of guess.anchored ?? []) frames.push({ quad, foundBy: 'emblem', upsideDown: false });
  if (guess.by !== 'photo' && !officer) {
    const whole: Quad = [
      [0, 0],
      [photo.width, 0],
      [photo.width, photo.height],
      [0, photo.height],
    ];
    frames.push({ quad: whole, foundBy: 'photo', upsideDown: false });
    if (!qrRead) frames.push({ quad: turned(whole), foundBy: 'photo', upsideDown: true });
  }
  return frames;
}
