import { t, type Language } from '@/utils/i18n';
import { crossCheckId } from '@/utils/vn/personal-id';
import { cleanSpaces } from '@/utils/vn/text';
import { fieldKindCodecs } from '@/utils/records/field-kinds';
import { citizenFields, noteField, type PersonField } from '@/utils/records/fields';
import { sayReason } from '@/utils/records/reason';
import type { Person, Provenance } from '@/utils/records/schema';

/** The edit form's values: one string per field, exactly as the officer sees and types them. */
export type FormValues = Record<PersonField | 'note', string>;

/** Each field's Vietnamese label (the capture review shows them); the editor takes them from the catalogue. */
export const formFieldLabels = Object.fromEntries(
  [...citizenFields, noteField].map((f) => [f.key, t('vi', f.label)]),
) as Record<PersonField | 'note', string>;

export function emptyForm(): FormValues {
  return Object.fromEntries([...citizenFields, noteField].map((f) => [f.key, ''])) as FormValues;
}

export function personToForm(person: Person): FormValues {
  const form = emptyForm();
  for (const spec of citizenFields) {
    const held = person[spec.key] as { value: unknown } | undefined;
    if (held) form[spec.key] = fieldKindCodecs[spec.kind].show(held.value);
  }
  form.note = person.note;
  return form;
}

export interface FormCheck {
  /** The record to save, when there are no errors. */
  person: Omit<Person, 'id' | 'createdAt' | 'updatedAt'> | null;
  errors: Partial<Record<PersonField | 'note', string>>;
  warnings: string[];
}

/**
 * Validates the form inline (each message beside its field, in `language`) and builds the record. Fields the
 * officer changed get typed provenance, verified by them now; unchanged fields keep where they came from.
 */
export function checkForm(
  values: FormValues,
  original: Person | null,
  officerId: string,
  now = new Date(),
  language: Language = 'vi',
): FormCheck {
  const errors: FormCheck['errors'] = {};
  const before = original ? personToForm(original) : emptyForm();
  const at = now.toISOString();
  const typedProv: Provenance = {
    source: 'typed',
    confidence: 1,
    at,
    verifiedBy: officerId,
    verifiedAt: at,
    notes: [],
  };
  const out: Record<string, unknown> = { note: cleanSpaces(values.note) };
  for (const spec of citizenFields) {
    const text = cleanSpaces(values[spec.key]);
    if (!text) {
      if ('required' in spec) errors[spec.key] = t(language, 'form.required');
      continue;
    }
    const unchanged = original && cleanSpaces(before[spec.key]) === text && original[spec.key];
    if (unchanged) {
      out[spec.key] = original[spec.key];
      continue;
    }
    const result = fieldKindCodecs[spec.kind].typed(text);
    if (result.ok) out[spec.key] = { value: result.value, prov: typedProv };
    else errors[spec.key] = sayReason(result.reason, language);
  }
  const hasErrors = Object.keys(errors).length > 0;
  const person = hasErrors ? null : (out as FormCheck['person']);
  return { person, errors, warnings: person ? idWarnings(person, language) : [] };
}

/** What the ID number suggests against the birth year and sex: hints, since the law no longer fixes its structure. */
function idWarnings(person: NonNullable<FormCheck['person']>, language: Language): string[] {
  const pid = person.personalId?.value;
  if (!pid) return [];
  const birthDate = person.birthDate?.value;
  const sex = person.sex?.value;
  return crossCheckId(pid, { ...(birthDate ? { birthDate } : {}), ...(sex ? { sex } : {}) })
    .filter((m) => m.field !== 'province')
    .map((m) => sayReason(m.message, language));
}

/** A stored field as one line of text (merge dialogs compare and show fields this way). */
export function showFieldValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const v = (value as { value: unknown }).value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: string }).text);
  if (v && typeof v === 'object' && 'year' in v) {
    const d = v as { day?: number; month?: number; year: number };
    return [d.day, d.month, d.year]
      .filter((x) => x !== undefined)
      .map((x) => String(x).padStart(2, '0'))
      .join('/');
  }
  return JSON.stringify(v);
}
