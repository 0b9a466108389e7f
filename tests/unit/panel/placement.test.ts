import { describe, expect, it } from 'vitest';
import { shouldHostPanel } from '@/utils/panel/frames';
import { intersects, placePanel, type Rect } from '@/utils/panel/placement';
import { isPortalOrigin } from '@/utils/portals/hosts';

const viewport = { width: 1280, height: 800 };
const panel = { width: 300, height: 200 };

const placedRect = (p: NonNullable<ReturnType<typeof placePanel>>): Rect => ({
  top: p.top,
  left: p.edge === 'right' ? viewport.width - panel.width - 8 : 8,
  ...panel,
});

describe('placePanel', () => {
  it.each<[string, Rect[], number]>([
    ['no obstacles', [], 200],
    ['a button where the panel would go', [{ top: 250, left: 1100, width: 120, height: 40 }], 200],
    ['a fixed bottom bar of buttons', [{ top: 740, left: 900, width: 360, height: 48 }], 700],
    [
      'several buttons down the right side',
      [
        { top: 100, left: 1000, width: 200, height: 40 },
        { top: 380, left: 1000, width: 200, height: 40 },
        { top: 600, left: 1000, width: 200, height: 40 },
      ],
      200,
    ],
  ])('never covers a button: %s', (_label, obstacles, preferredTop) => {
    const placement = placePanel(viewport, panel, obstacles, preferredTop);
    expect(placement).not.toBeNull();
    for (const o of obstacles) expect(intersects(placedRect(placement!), o)).toBe(false);
  });

  it('stays where preferred when that is free', () => {
    expect(placePanel(viewport, panel, [], 200)).toEqual({ edge: 'right', top: 200 });
  });

  it('moves to the left edge when the right column is full of buttons', () => {
    const column: Rect[] = Array.from({ length: 10 }, (_, i) => ({ top: i * 80, left: 950, width: 300, height: 70 }));
    expect(placePanel(viewport, panel, column, 200)?.edge).toBe('left');
  });

  it('gives up (null) only when no gap exists on either edge', () => {
    const wall: Rect[] = [{ top: 0, left: 0, width: 1280, height: 800 }];
    expect(placePanel(viewport, panel, wall, 200)).toBeNull();
  });
});

describe('shouldHostPanel', () => {
  const portal = (origin: string) => isPortalOrigin(origin);
  it.each([
    [[], true],
    [['https://dichvucong.gov.vn'], false],
    [['https://example.org'], true],
    [['https://tokhaidientu.moj.gov.vn', 'https://example.org'], false],
  ])('ancestors %j → %s', (ancestors, expected) => {
    expect(shouldHostPanel(ancestors, portal)).toBe(expected);
  });
});
