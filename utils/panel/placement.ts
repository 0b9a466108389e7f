/**
 * Where the helper panel may sit so that it never covers the portal's own buttons: a free vertical gap
 * at the right edge (or, failing that, the left edge) of the viewport. Pure, so it is tested without a DOM.
 */
export interface Rect {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  edge: 'right' | 'left';
  top: number;
}

/** Space kept between the panel, the viewport edge and any button. */
export const panelMarginPx = 8;

export function placePanel(
  viewport: Size,
  panel: Size,
  obstacles: readonly Rect[],
  preferredTop: number,
  margin = panelMarginPx,
  preferredEdge: 'right' | 'left' = 'right',
): Placement | null {
  const edges = preferredEdge === 'right' ? (['right', 'left'] as const) : (['left', 'right'] as const);
  for (const edge of edges) {
    const left = edge === 'right' ? viewport.width - panel.width - margin : margin;
    const top = freeTop(viewport, panel, left, obstacles, preferredTop, margin);
    if (top !== null) return { edge, top };
  }
  return null;
}

function freeTop(
  viewport: Size,
  panel: Size,
  left: number,
  obstacles: readonly Rect[],
  preferredTop: number,
  margin: number,
): number | null {
  const right = left + panel.width;
  // Vertical spans blocked by obstacles that overlap the panel's column (padded by the margin).
  const blocked = obstacles
    .filter((o) => o.width > 0 && o.height > 0)
    .filter((o) => o.left < right + margin && o.left + o.width > left - margin)
    .map((o) => [o.top - margin, o.top + o.height + margin] as const)
    .sort((a, b) => a[0] - b[0]);

  const gaps: Array<[number, number]> = [];
  let cursor = margin;
  const bottom = viewport.height - margin;
  for (const [start, end] of blocked) {
    if (start > cursor) gaps.push([cursor, Math.min(start, bottom)]);
    cursor = Math.max(cursor, end);
    if (cursor >= bottom) break;
  }
  if (cursor < bottom) gaps.push([cursor, bottom]);

  let best: number | null = null;
  for (const [start, end] of gaps) {
    if (end - start < panel.height) continue;
    const top = Math.min(Math.max(preferredTop, start), end - panel.height);
    if (best === null || Math.abs(top - preferredTop) < Math.abs(best - preferredTop)) best = top;
  }
  return best;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}
