/** Whether the page renders the element (not display:none, not visibility:hidden). */
export function isShown(el: HTMLElement): boolean {
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}
