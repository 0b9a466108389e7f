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
  /** The sides to try, in order: a target in the helper panel takes the card beside the panel, not over it. */
  order: Array<Exclude<Side, 'none'>> = ['below', 'above', 'right', 'left'],
): { left: number; top: number; side: Side } {
  const corner = { left: margin, top: Math.max(margin, view.height - card.height - margin), side: 'none' as const };
  if (!target) return corner;
  const clamp = (v: number, size: number, room: number) =>
    Math.min(Math.max(v, margin), Math.max(margin, room - size - margin));
  const x = clamp(target.left, card.width, view.width);
  const y = clamp(target.top, card.height, view.height);
  const below = target.top + target.height + cardGap;
  const above = target.top - cardGap - card.height;
  const right = target.left + target.width + cardGap;
  const left = target.left - cardGap - card.width;
  const fits: Record<Exclude<Side, 'none'>, { left: number; top: number } | null> = {
    below: below + card.height + margin <= view.height ? { left: x, top: below } : null,
    above: above >= margin ? { left: x, top: above } : null,
    right: right + card.width + margin <= view.width ? { left: right, top: y } : null,
    left: left >= margin ? { left, top: y } : null,
  };
  for (const side of order) {
    const at = fits[side];
    if (at) return { ...at, side };
  }
  return corner;
}

/**
 * The card for a step's target. A target in the helper panel (`panel` given) takes the card beside the whole
 * panel, level with the target, so that it never covers the panel's buttons the trainee presses next.
 */
export function placeStepCard(
  target: Box | null,
  panel: Box | null,
  card: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number; side: Side } {
  if (!panel) return placeCard(target, card, view);
  const around = target && { left: panel.left, top: target.top, width: panel.width, height: target.height };
  return placeCard(around, card, view, ['left', 'right']);
}
