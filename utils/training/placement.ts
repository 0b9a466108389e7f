/**
 * Where a tour's card goes: beside its target, pointing at it, never over it, inside the window. Below the
 * target when it fits, else above, else to its right or left; as a last resort the window's lower left corner
 * (a target taller than the window), pointing nowhere.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left' | 'none';

/** The gap between the target's ring and the card, where the card's arrow sits. */
export const cardGap = 14;
const margin = 8;

export function placeCard(
  target: Box | null,
  card: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number; side: Side } {
  const corner = { left: margin, top: Math.max(margin, view.height - card.height - margin), side: 'none' as const };
  if (!target) return corner;
  const clamp = (v: number, size: number, room: number) =>
    Math.min(Math.max(v, margin), Math.max(margin, room - size - margin));
  const x = clamp(target.left, card.width, view.width);
  const y = clamp(target.top, card.height, view.height);
  const below = target.top + target.height + cardGap;
  if (below + card.height + margin <= view.height) return { left: x, top: below, side: 'below' };
  const above = target.top - cardGap - card.height;
  if (above >= margin) return { left: x, top: above, side: 'above' };
  const right = target.left + target.width + cardGap;
  if (right + card.width + margin <= view.width) return { left: right, top: y, side: 'right' };
  const left = target.left - cardGap - card.width;
  if (left >= margin) return { left, top: y, side: 'left' };
  return corner;
}
