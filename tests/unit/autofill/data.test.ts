import { describe, expect, it } from 'vitest';
import labels from '@/utils/autofill/data/labels.json';
import { fieldForLabel, fillFields, formRoles } from '@/utils/autofill/labels';
import { labelsSchema } from '@/utils/autofill/labels.schema';
import { stripComments } from '@/utils/autofill/profiles';
import { loadProfiles } from '@/utils/autofill/profiles/schema';

/** The filler's bundled data is checked here, so the content script carries no validator for it. */
describe('the filler’s data files', () => {
  it('labels.json has the shape the filler reads, and no synonym names two fields', () => {
    const parsed = labelsSchema.safeParse(stripComments(labels));
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    const seen = new Map<string, string>();
    for (const [field, synonyms] of Object.entries(parsed.data!.fields)) {
      for (const s of synonyms ?? []) {
        expect(seen.get(s), `"${s}" is a synonym of both ${seen.get(s)} and ${field}`).toBeUndefined();
        seen.set(s, field);
      }
    }
  });

  it('every field and role has words', () => {
    const data = stripComments(labels) as { fields: Record<string, string[]>; roles: Record<string, string[]> };
    for (const field of fillFields) expect(data.fields[field]?.length, field).toBeGreaterThan(0);
    for (const role of formRoles.filter((r) => r !== 'subject'))
      expect(data.roles[role]?.length, role).toBeGreaterThan(0);
    expect(fieldForLabel('Quốc gia')).toBe('addressCountry');
  });

  it('the bundled site profiles load', () => {
    expect(loadProfiles().length).toBeGreaterThan(0);
  });
});
