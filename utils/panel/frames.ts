/**
 * Which frame shows the helper panel: the topmost frame that runs motcua. A frame inside a portal page
 * stays quiet (its fields are reported to the panel above it); a portal page embedded in a non-portal
 * page shows its own panel. Chrome's `location.ancestorOrigins` lists the ancestors, nearest first.
 */
export function shouldHostPanel(
  ancestorOrigins: readonly string[],
  isPortalOrigin: (origin: string) => boolean,
): boolean {
  return !ancestorOrigins.some(isPortalOrigin);
}

/** Form controls an officer could fill (hidden inputs and buttons are not fields). */
export const fillableSelector = [
  'input:not([type=hidden]):not([type=button]):not([type=submit]):not([type=reset]):not([type=image]):not([type=file])',
  'select',
  'textarea',
  '[role=combobox]',
].join(',');

/** Things the panel must never cover. */
export const portalButtonSelector = [
  'button',
  'input[type=submit]',
  'input[type=button]',
  'input[type=reset]',
  '[role=button]',
  'a.btn',
  '.btn',
].join(',');

/** Caps the DOM work per layout pass on huge pages. */
export const obstacleScanLimit = 500;
