import { z } from 'zod';
import { personSchema, type Person, type Provenance } from '@/utils/records/schema';
import { addressFromText } from '@/utils/vn/admin-units';
import familiesData from '@/utils/training/data/families.json';

/**
 * Synthetic citizens for training: families (father, mother, newborn) with Vietnamese names of their own sex,
 * 12-digit IDs consistent with birth year, sex and a province of birth, and addresses written both the pre-2025
 * way and the 2025 way. Generated once, seeded, by scripts/training-families.ts into data/families.json, so the
 * product ships the data and not the generator. The first family is the one the guided tours name.
 */
export const demoFamily = { mother: 'Phạm Thị Thu Hà', father: 'Đỗ Minh Quân', child: 'Đỗ Minh Khôi' } as const;

const generatedPerson = z.object({
  name: z.string().min(1),
  sex: z.enum(['Nam', 'Nữ']),
  birth: z.object({ day: z.number().int(), month: z.number().int(), year: z.number().int() }),
  personalId: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  placeOfBirth: z.string().optional(),
});
const familiesSchema = z.object({
  families: z.array(z.object({ father: generatedPerson, mother: generatedPerson, child: generatedPerson })),
});

const prov: Provenance = {
  source: 'import',
  confidence: 1,
  at: '2026-01-01T00:00:00.000Z',
  verifiedBy: null,
  verifiedAt: null,
  notes: ['Dữ liệu mẫu để đào tạo'],
};
const f = <T>(value: T) => ({ value, prov });

function person(p: z.infer<typeof generatedPerson>): Person {
  return personSchema.parse({
    id: crypto.randomUUID(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    fullName: f(p.name),
    birthDate: f({ ...p.birth, precision: 'day' }),
    sex: f(p.sex),
    ...(p.personalId ? { personalId: f(p.personalId) } : {}),
    ethnicity: f('Kinh'),
    nationality: f('Việt Nam'),
    ...(p.address ? { permanentAddress: f(addressFromText(p.address)) } : {}),
    ...(p.phone ? { phone: f(p.phone) } : {}),
    ...(p.placeOfBirth ? { placeOfBirth: f(p.placeOfBirth) } : {}),
    note: '',
  });
}

export interface Family {
  father: Person;
  mother: Person;
  child: Person;
}

/** The training families, each person with a fresh id (the sandbox is rebuilt from them). */
export function trainingFamilies(): Family[] {
  return familiesSchema.parse(familiesData).families.map((family) => ({
    father: person(family.father),
    mother: person(family.mother),
    child: person(family.child),
  }));
}
