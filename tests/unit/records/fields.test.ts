import { describe, expect, it } from 'vitest';
import { fillFields } from '@/utils/autofill/labels';
import { catalogue } from '@/utils/i18n/messages';
import { fieldKindCodecs } from '@/utils/records/field-kinds';
import { citizenFields, personFields } from '@/utils/records/fields';
import { emptyForm, formFieldLabels, personToForm } from '@/utils/records/form';
import { fieldForHeader, importFields } from '@/utils/records/import/columns';
import { guessHeader } from '@/utils/records/import/header';
import { buildPreview } from '@/utils/records/import/preview';
import { readTable } from '@/utils/records/import/read-table';
import { peopleTable } from '@/utils/records/export';
import { personSchema, type Person } from '@/utils/records/schema';
import { lookupById, typed } from './helpers';

/** One value of each kind, as a record holds it. */
const sampleValues: Record<(typeof citizenFields)[number]['kind'], unknown> = {
  name: 'Nguyễn Văn An',
  date: { day: 2, month: 3, year: 1990, precision: 'day' },
  sex: 'Nam',
  personalId: '001090012345',
  oldId: '012345678',
  text: 'Giáo viên',
  address: { text: 'Số 1, Phường Quán Thánh, Quận Ba Đình, Hà Nội', detail: 'Số 1' },
  phone: '0912345678',
  email: 'an@example.vn',
  maritalStatus: 'đã kết hôn',
};

/** A person with every field of the table filled. */
function everyField(): Person {
  const fields = Object.fromEntries(citizenFields.map((f) => [f.key, { value: sampleValues[f.kind], prov: typed }]));
  return personSchema.parse({ id: 'p1', createdAt: 'x', updatedAt: 'x', note: 'ghi chú', ...fields });
}

describe('the one table of citizen fields', () => {
  it('gives every field a label in both languages, an export header and a kind that can read and show it', () => {
    for (const f of citizenFields) {
      expect(catalogue.vi[f.label], f.key).toBeTruthy();
      expect(catalogue.en[f.label], f.key).toBeTruthy();
      expect(f.exportHeader.trim(), f.key).not.toBe('');
      expect(fieldKindCodecs[f.kind], f.key).toBeDefined();
    }
    expect(new Set(citizenFields.map((f) => f.key)).size).toBe(citizenFields.length);
  });

  it('reaches the schema, the form, the import mapping and the export, for every field', () => {
    const person = everyField();
    const form = personToForm(person);
    const header = peopleTable([person])[0]!;
    for (const key of personFields) {
      const spec = citizenFields.find((f) => f.key === key)!;
      expect(personSchema.shape, key).toHaveProperty(key);
      expect(emptyForm(), key).toHaveProperty(key);
      expect(formFieldLabels[key], key).toBeTruthy();
      expect(form[key], `${key} in the form`).not.toBe('');
      expect(importFields, key).toContain(key);
      expect(header, key).toContain(spec.exportHeader);
      // The import takes its own export back: each header names its own field.
      expect(fieldForHeader(spec.exportHeader), spec.exportHeader).toBe(key);
      for (const synonym of spec.synonyms) expect(fieldForHeader(synonym), synonym).toBe(key);
    }
  });

  it('round-trips every field through an export and an import', async () => {
    const person = everyField();
    const csv = peopleTable([person])
      .map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))
      .join('\r\n');
    const table = await readTable('x.csv', new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>);
    const preview = await buildPreview(table, guessHeader(table)!, lookupById());
    const draft = preview.rows[0]!.draft as unknown as Record<string, { value: unknown }>;
    for (const f of citizenFields) {
      expect(fieldKindCodecs[f.kind].show(draft[f.key]?.value), f.key).toBe(
        fieldKindCodecs[f.kind].show((person[f.key] as { value: unknown }).value),
      );
    }
  });

  it('names, for every field, the autofill field it fills', () => {
    const missing = citizenFields
      .filter((f) => f.autofill && !(fillFields as readonly string[]).includes(f.autofill))
      .map((f) => f.key);
    expect(missing).toEqual([]);
    // And every person field the autofill fills is in the table.
    const personNamed = fillFields.filter((f) => (personFields as readonly string[]).includes(f));
    expect(personNamed.every((f) => citizenFields.some((c) => c.autofill === f))).toBe(true);
  });
});

describe('Nghề nghiệp, added as one entry', () => {
  it('flows from an import to the record, the editor form and the export', async () => {
    const csv = ['Họ và tên,Ngày sinh,Nghề nghiệp', 'Đỗ Thị Hạnh,01/02/1985,Kế toán'].join('\r\n');
    const table = await readTable('x.csv', new TextEncoder().encode(csv) as Uint8Array<ArrayBuffer>);
    const header = guessHeader(table)!;
    expect(header.mapping).toEqual(['fullName', 'birthDate', 'occupation']);
    const preview = await buildPreview(table, header, lookupById());
    const person = personSchema.parse({ ...preview.rows[0]!.draft, id: 'p', createdAt: 'x', updatedAt: 'x' });
    expect(person.occupation?.value).toBe('Kế toán');
    expect(personToForm(person).occupation).toBe('Kế toán');
    const [head, row] = peopleTable([person]);
    expect(row![head!.indexOf('Nghề nghiệp')]).toBe('Kế toán');
  });
});
