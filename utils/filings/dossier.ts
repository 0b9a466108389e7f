/**
 * The dossier code (mã hồ sơ) a portal shows once a filing is submitted: "Mã hồ sơ: G22.99-261128-000123",
 * "Mã hồ sơ của bạn là 000.00.12.H29-261128-0001". Read from the page's text, never guessed.
 */
const pattern =
  /m[ãa]\s+h[ồo]\s+s[ơo](?:\s+c[ủu]a\s+(?:b[ạa]n|[ôo]ng\/b[àa]))?(?:\s+l[àa])?\s*[:：]?\s*([A-Z0-9][A-Z0-9.\-_/]{5,40}[A-Z0-9])/iu;

/** A code the officer typed from the portal's confirmation: the shape the pattern takes, with digits in it. */
export function isDossierCode(code: string): boolean {
  return /^[A-Z0-9][A-Z0-9.\-_/]{5,40}[A-Z0-9]$/i.test(code) && /\d{3}/.test(code);
}

export function findDossierCode(text: string): string | null {
  return findDossierCodes(text)[0] ?? null;
}

/** Every dossier code the text shows (a confirmation, or a list of earlier dossiers), in order. A code has
 * digits: "Mã hồ sơ: Chưa có" is no code. */
export function findDossierCodes(text: string): string[] {
  const all = new RegExp(pattern.source, 'giu');
  const codes: string[] = [];
  for (const match of text.normalize('NFC').matchAll(all)) {
    const code = match[1]!;
    if (/\d{3}/.test(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** The page's visible text with a space between text nodes (textContent glues "000123" to the next paragraph). */
export function pageText(doc: Document): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('script,style,noscript,template')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return parts.join(' ');
}
