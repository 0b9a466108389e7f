import type { ReportItem } from '@/utils/autofill/run';

/**
 * Outlines on the page, one colour per mark, on the element the officer sees; one style element of ours per
 * document touched. Inert: attributes and a style, nothing a page script could use.
 */
const styleId = 'motcua-outline-style';
const css = `
[data-motcua-fill="filled"]{outline:2px solid #1d6b2f !important;outline-offset:1px}
[data-motcua-fill="check"],[data-motcua-fill="readonly"],[data-motcua-fill="unverified"]{outline:2px solid #c77700 !important;outline-offset:1px}
[data-motcua-fill="failed"],[data-motcua-fill="unknown"],[data-motcua-fill="missing"],[data-motcua-fill="mismatch"]{outline:2px dashed #b3261e !important;outline-offset:1px}
`;

export function outline(report: ReportItem[]) {
  for (const item of report) {
    const doc = item.element.ownerDocument;
    if (!doc.getElementById(styleId)) {
      const style = doc.createElement('style');
      style.id = styleId;
      style.textContent = css;
      (doc.head ?? doc.documentElement).append(style);
    }
    item.element.setAttribute('data-motcua-fill', item.status);
  }
}

export function clearOutline(report: Array<Pick<ReportItem, 'element'>>) {
  for (const item of report) item.element.removeAttribute('data-motcua-fill');
}
