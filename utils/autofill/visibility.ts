/**
 * Fill only what the officer sees. A hostile page can plant inputs the officer never sees (off-screen,
 * `opacity: 0`, 0×0, clipped, `scale(0)`, behind `visibility: hidden`) and read what a filler writes into
 * them; so a control is filled only when it is rendered with a size, an opacity a person can see, not clipped
 * away, and inside the document's scrollable area. A widget whose real control is hidden by design (select2's
 * select, a styled radio's input) is judged by the part the widget shows instead (its adapter decides).
 */

/** Below this a box is not something a person can see or click (px). */
export const minVisibleSidePx = 4;
/** Below this the accumulated opacity of the element and its ancestors is invisible. */
export const minOpacity = 0.2;
/** How many ancestors are checked for clipping and opacity (deep pages: the cost stays bounded). */
const ancestorLimit = 40;

export function isVisibleToOfficer(el: Element | null | undefined): boolean {
  if (!el?.isConnected) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const checker = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (checker && !checker.call(el, { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true }))
    return false;
  const rect = el.getBoundingClientRect();
  if (rect.width < minVisibleSidePx || rect.height < minVisibleSidePx) return false;
  if (!insideScrollableArea(rect, el.ownerDocument, view)) return false;
  let opacity = 1;
  let node: Element | null = el;
  for (let depth = 0; node && depth < ancestorLimit; depth++, node = parentOf(node)) {
    const style = view.getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    opacity *= Number.parseFloat(style.opacity || '1');
    if (opacity < minOpacity) return false;
    if (style.clipPath && style.clipPath !== 'none') return false;
    if (style.position === 'absolute' || style.position === 'fixed') {
      if (style.clip && style.clip !== 'auto' && /rect\(\s*0/.test(style.clip)) return false;
    }
    if (node !== el && clipsAway(node, style, rect)) return false;
  }
  return true;
}

function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Reachable by scrolling: not placed at negative coordinates nor beyond the document's far edges. */
function insideScrollableArea(rect: DOMRect, doc: Document, view: Window): boolean {
  const left = rect.left + view.scrollX;
  const top = rect.top + view.scrollY;
  if (left + rect.width <= 1 || top + rect.height <= 1) return false;
  const width = Math.max(doc.documentElement.scrollWidth, view.innerWidth);
  const height = Math.max(doc.documentElement.scrollHeight, view.innerHeight);
  return left < width - 1 && top < height - 1;
}

/** An ancestor that cuts its content off (overflow other than visible) and leaves less than half of the box. */
function clipsAway(node: Element, style: CSSStyleDeclaration, rect: DOMRect): boolean {
  if (style.overflowX === 'visible' && style.overflowY === 'visible') return false;
  // A scrolling container shows its content by scrolling: only a box that cannot scroll clips for good.
  const scrolls =
    /auto|scroll/.test(style.overflowX + style.overflowY) &&
    (node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth);
  if (scrolls) return false;
  const box = node.getBoundingClientRect();
  const w = Math.max(0, Math.min(rect.right, box.right) - Math.max(rect.left, box.left));
  const h = Math.max(0, Math.min(rect.bottom, box.bottom) - Math.max(rect.top, box.top));
  return w * h < (rect.width * rect.height) / 2;
}
