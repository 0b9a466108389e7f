import type { FillField, FormRole } from '@/utils/autofill/labels';
import dichvucongSurvey from '@/utils/autofill/profiles/dichvucong-survey.json';
import lienthong from '@/utils/autofill/profiles/lienthong.json';
import mojEforms from '@/utils/autofill/profiles/moj-eforms.json';

/**
 * Declarative site profiles: per portal form, which control is which canonical field of whose block. They
 * win over the label heuristics; a control they do not name, or one whose widget no longer matches (the
 * portal changed its page), falls back to the heuristics. Names are compared without the SurveyJS version
 * suffix (`__21`) and without the split-date part suffix (`-day`), which gives the part.
 */
export const widgetKinds = ['text', 'date', 'select', 'radio', 'combobox', 'textarea', 'model'] as const;

export interface ProfileRule {
  names?: string[];
  selector?: string;
  field: FillField;
  role?: FormRole;
  part?: 'day' | 'month' | 'year';
  /** text/date: how the value is written (dd/mm/yyyy or ISO); model: through the page-world bridge; others must match the control. */
  widget?: (typeof widgetKinds)[number];
}

export interface SiteProfile {
  id: string;
  portal: string;
  urlPatterns: string[];
  fields: ProfileRule[];
}

/** The bundled files: bundled data, validated by `loadProfiles` in the unit tests (the content script trusts it). */
export const bundledFiles = { 'dichvucong-survey': dichvucongSurvey, lienthong, 'moj-eforms': mojEforms } as const;

export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !k.startsWith('$'))
        .map(([k, v]) => [k, stripComments(v)]),
    );
  return value;
}

let bundled: SiteProfile[] | null = null;
const bundledProfiles = () =>
  (bundled ??= Object.values(bundledFiles).flatMap((f) => stripComments(f) as SiteProfile[]));

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** The profiles whose URL patterns match this page, most specific (longest pattern) first. */
export function profilesFor(url: string, profiles = bundledProfiles()): SiteProfile[] {
  const scored = profiles
    .map((p) => ({
      p,
      best: Math.max(...p.urlPatterns.filter((g) => globToRegExp(g).test(url)).map((g) => g.length), -1),
    }))
    .filter((s) => s.best >= 0);
  return scored.sort((a, b) => b.best - a.best).map((s) => s.p);
}

/** A control's developer name without the SurveyJS version suffix and the split-date part. */
export function baseName(name: string): { base: string; part: 'day' | 'month' | 'year' | null } {
  const noVersion = name.replace(/__\d+$/, '');
  const part = noVersion.match(/-(day|month|year)$/i)?.[1]?.toLowerCase() as 'day' | 'month' | 'year' | undefined;
  return { base: part ? noVersion.slice(0, -part.length - 1) : noVersion, part: part ?? null };
}

export interface ProfileMatch {
  rule: ProfileRule;
  profile: string;
  part: 'day' | 'month' | 'year' | null;
}

/** The first rule of the first matching profile that names this control and fits its widget. */
export function ruleFor(
  control: { element: Element; names: string[]; kind: string; model?: unknown },
  profiles: SiteProfile[],
): ProfileMatch | null {
  for (const profile of profiles) {
    for (const rule of profile.fields) {
      let part: ProfileMatch['part'] = null;
      let named = false;
      if (rule.names) {
        for (const name of control.names) {
          const b = baseName(name);
          if (rule.names.includes(b.base)) {
            named = true;
            part = b.part;
            break;
          }
        }
      }
      const selected = !named && rule.selector ? safeMatches(control.element, rule.selector) : false;
      if (!named && !selected) continue;
      if (!fits(rule.widget, control)) continue;
      return { rule, profile: profile.id, part: rule.part ?? part };
    }
  }
  return null;
}

function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector) || el.closest(selector) !== null;
  } catch {
    return false;
  }
}

/** A rule's widget must still be what the page shows; text/date only say how to write the value. */
function fits(widget: ProfileRule['widget'], control: { kind: string; model?: unknown }): boolean {
  if (!widget || widget === 'text' || widget === 'date') return true;
  if (widget === 'model') return Boolean(control.model);
  return control.kind === widget;
}

export type { FillField, FormRole };
