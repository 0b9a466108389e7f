import { describe, expect, it } from 'vitest';
import { cardGap, placeCard, placeStepCard } from '@/utils/training/placement';

const view = { width: 1366, height: 768 };
const card = { width: 360, height: 200 };
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('a tour card beside its target', () => {
  it.each([
    ['a field high on the page', { left: 400, top: 100, width: 300, height: 30 }, 'below'],
    ['the button at the bottom', { left: 600, top: 700, width: 120, height: 36 }, 'above'],
    ['a tall panel on the left', { left: 0, top: 0, width: 420, height: 768 }, 'right'],
    ['a tall panel on the right', { left: 1000, top: 0, width: 366, height: 768 }, 'left'],
  ] as const)('%s: %s', (_name, target, side) => {
    const placed = placeCard(target, card, view);
    expect(placed.side).toBe(side);
    const box = { left: placed.left, top: placed.top, ...card };
    expect(overlaps(box, target)).toBe(false);
    // Inside the window, and next to the target (the arrow's gap), not across the screen.
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(view.width);
    expect(box.top + box.height).toBeLessThanOrEqual(view.height);
    const gap = Math.max(
      box.left - (target.left + target.width),
      target.left - (box.left + box.width),
      box.top - (target.top + target.height),
      target.top - (box.top + box.height),
    );
    expect(gap).toBe(cardGap);
  });

  it('no target, or one filling the window: the lower left corner, pointing nowhere', () => {
    expect(placeCard(null, card, view)).toEqual({ left: 8, top: 560, side: 'none' });
    expect(placeCard({ left: 0, top: 0, width: 1366, height: 768 }, card, view).side).toBe('none');
  });
});

describe('a tour card for a target in the helper panel', () => {
  it('goes beside the panel, level with the target, never over the panel below it', () => {
    const panelRow = { left: 946, top: 120, width: 420, height: 36 };
    const placed = placeCard(panelRow, card, view, ['left', 'right']);
    expect(placed).toMatchObject({ side: 'left', left: 946 - cardGap - 360 });
    expect(placed.left + card.width).toBeLessThanOrEqual(946);
  });
});

describe('placeStepCard', () => {
  const panel = { left: 946, top: 0, width: 420, height: 768 };
  const search = { left: 960, top: 120, width: 380, height: 36 };

  it('puts the card of a panel target beside the panel, level with the target', () => {
    const placed = placeStepCard(search, panel, card, view);
    expect(placed.side).toBe('left');
    expect(placed.left + card.width).toBeLessThanOrEqual(panel.left);
    expect(placed).toEqual(
      placeCard({ ...search, left: panel.left, width: panel.width }, card, view, ['left', 'right']),
    );
  });

  it('places any other target as placeCard does, and no target in the corner', () => {
    expect(placeStepCard(search, null, card, view)).toEqual(placeCard(search, card, view));
    expect(placeStepCard(null, panel, card, view).side).toBe('none');
  });
});
