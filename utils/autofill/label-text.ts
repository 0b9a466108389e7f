import { cleanSpaces } from '@/utils/vn/text';

/**
 * A label as a person reads it: without the required marker ("Họ *", "Tên (*)", "(bắt buộc)", a star in its
 * own span), the trailing colon, the item number ("(1)", "1.", "a)") and the hint in parentheses, which is
 * kept apart ("Ngày sinh (dd/mm/yyyy)" → "Ngày sinh" + "dd/mm/yyyy").
 */
export interface CleanLabel {
  text: string;
  hints: string[];
}

const required = /\s*(\(\s*\*\s*\)|\*+|\(\s*b[ắa]t\s+bu[ộo]c\s*\)|\[\s*\*\s*\])\s*/giu;
const numbering = /^\s*(\(\s*\d{1,2}\s*\)|\d{1,2}(\.\d{1,2})*[.)]|[a-zđ][.)])\s+/iu;
const trailing = /[\s:：.;,\-–—]+$/u;

export function cleanLabel(raw: string | null | undefined): CleanLabel {
  let text = cleanSpaces(raw ?? '');
  const hints: string[] = [];
  text = text.replace(required, ' ');
  text = text.replace(/\(([^()]{1,60})\)/g, (_whole, inner: string) => {
    const hint = cleanSpaces(inner);
    if (hint) hints.push(hint);
    return ' ';
  });
  text = cleanSpaces(text).replace(numbering, '').replace(trailing, '');
  return { text: cleanSpaces(text).replace(trailing, ''), hints };
}
