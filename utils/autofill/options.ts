import { matchKey } from '@/utils/vn/text';
import type { Choice } from '@/utils/autofill/control';

/**
 * Picking one of a page's options for what the record says. The record's spellings (a name and its aliases,
 * a code) are tried in order; an option is taken on its visible text first, because portals number their lists
 * differently and a code alone can name another option on another portal. A loose match (whole words inside a
 * longer option: "Mông" in "Mông (H'Mông)") is taken only when exactly one option fits: "Hán" once matched
 * "Kháng", "Lào Cai" is not Laos.
 */
export type KeyOf = (text: string) => string;

export interface Pick {
  index: number;
  /** The spelling of the record that matched. */
  value: string;
  loose: boolean;
}

/** Hyphens, spaces and apostrophes all dropped: "HMông" = "H'Mông" = "H Mông", "Êđê" = "Ê-đê". */
const compact = (keyOf: KeyOf) => (text: string) => keyOf(text).replace(/\s+/g, '');

/** "-- Chọn --", "Chọn dân tộc", an empty first option: no choice. Widgets that keep no codes give '' for every option. */
const isPlaceholder = (c: Choice) => !c.text.trim() || /^-+\s*ch[oọ]n|^--|^ch[oọ]n\b|^select\b/i.test(c.text.trim());

export function pickChoice(options: Choice[], wanted: string[], keyOf: KeyOf = matchKey): Pick | null {
  const real = options.map((o, index) => ({ o, index })).filter(({ o }) => !isPlaceholder(o));
  const tight = compact(keyOf);
  for (const value of wanted) {
    const key = tight(value);
    if (!key) continue;
    const hit = real.find(({ o }) => tight(o.text) === key);
    if (hit) return { index: hit.index, value, loose: false };
  }
  for (const value of wanted) {
    // A code: the option that carries it, unless its text says it is something else.
    const hit = real.find(({ o }) => o.value === value);
    if (
      hit &&
      (!hit.o.text.trim() ||
        tight(hit.o.text) === tight(hit.o.value) ||
        wanted.some((w) => w !== value && looseFits(keyOf(hit.o.text), keyOf(w))))
    ) {
      return { index: hit.index, value, loose: false };
    }
  }
  for (const value of wanted) {
    const key = keyOf(value);
    if (!key || /^\d+$/.test(key)) continue;
    const fits = real.filter(({ o }) => looseFits(keyOf(o.text), key));
    if (fits.length === 1) return { index: fits[0]!.index, value, loose: true };
  }
  return null;
}

/**
 * The record's words, whole, inside a longer option ("mong" in "mong h mong"). Never the other way round: an
 * option's short name inside the record's longer one is how "Lào Cai" became Laos.
 */
function looseFits(optionKey: string, wantedKey: string): boolean {
  if (!optionKey || !wantedKey) return false;
  return ` ${optionKey} `.includes(` ${wantedKey} `);
}

/** The "Khác" (other) option of a list, when it has exactly one. */
export function otherOption(options: Choice[], keyOf: KeyOf = matchKey): number | null {
  const hits = options
    .map((o, i) => ({ k: keyOf(o.text), i }))
    .filter(({ k }) => k === 'khac' || k.startsWith('khac '));
  return hits.length === 1 ? hits[0]!.i : null;
}

/** Whether what the page shows as chosen is this option (by its code, or its text when it keeps no code). */
export function sameChoice(shown: Choice | null | undefined, chosen: Choice, keyOf: KeyOf = matchKey): boolean {
  if (!shown) return false;
  if (shown.value && chosen.value) return shown.value === chosen.value;
  return keyOf(shown.text) === keyOf(chosen.text) && keyOf(shown.text) !== '';
}
