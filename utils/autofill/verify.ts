import { matchKey, nfc } from '@/utils/vn/text';
import { readDate } from '@/utils/autofill/adapters/shared';
import type { Choice, ReadBack, Want } from '@/utils/autofill/control';
import { sameChoice } from '@/utils/autofill/options';
import { keyFor } from '@/utils/autofill/adapters/open-list';
import { placeKey } from '@/utils/vn/place-names';

/**
 * Verify: does what the page holds now say what the record meant? Text after NFC and spacing (and case: a
 * portal may keep names in capitals); a choice by the option written (its code, or its text when the widget
 * keeps none); a date by its day, month and year at the record's precision.
 */
const norm = (t: string) => nfc(t).replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
const digits = (t: string) => t.replace(/\D/g, '');

/** Nothing chosen or typed: an empty box, or a dropdown showing its placeholder ("-- Chọn dân tộc --"). */
export function isEmpty(read: ReadBack): boolean {
  return read.ok && !read.choice && (!read.text.trim() || /^-*\s*ch[oọ]n\b/i.test(read.text.trim()));
}

export function holds(
  read: ReadBack,
  want: Want,
  wrote: Choice | string | null,
  view: Window = globalThis as unknown as Window,
): boolean {
  if (!read.ok) return false;
  if (want.kind === 'text') {
    if (norm(read.text) === norm(want.text)) return true;
    // A phone or ID number a mask spaced out ("0912 345 678").
    return (
      /^\+?[\d\s.-]{6,}$/.test(want.text) && digits(read.text) === digits(want.text) && digits(want.text).length >= 6
    );
  }
  if (want.kind === 'choice') {
    const shown: Choice | null = read.choice ?? (read.text ? { value: '', text: read.text } : null);
    if (!shown) return false;
    if (wrote && typeof wrote === 'object')
      return sameChoice(shown, wrote, keyFor(want)) || (!shown.value && matchKey(shown.text) === matchKey(wrote.text));
    const key = keyFor(want);
    return want.values.some((v) => key(v) === key(shown.text) || v === shown.value);
  }
  if (want.kind === 'path') {
    // A cascader shows its path's labels joined ("Thành phố Hà Nội / Phường Ba Đình"): every step must be there.
    const parts = read.text.split(/\s+\/\s+/).map((p) => p.trim());
    if (parts.length !== want.steps.length) return false;
    return want.steps.every((spellings, i) => spellings.some((v) => placeKey(v) === placeKey(parts[i]!)));
  }
  // A date is read back as a date: echoing what was written proves nothing when the format lost a part of it.
  const date = readDate(read.text, view);
  if (!date) return false;
  const w = want.date;
  if (date.year !== w.year) return false;
  if (w.precision === 'year') return true;
  if (date.month !== w.month) return false;
  return w.precision === 'month' || date.day === w.day;
}
