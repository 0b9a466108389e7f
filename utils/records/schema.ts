import { z } from 'zod';
import { citizenFields, type CitizenField, type FieldKind } from '@/utils/records/fields';

/**
 * The canonical domain model (shared/DESIGN.md): zod schemas are the single source; types derive from them.
 * Every field value carries its provenance.
 */

export const sources = ['typed', 'qr', 'mrz', 'ocr', 'rule', 'import'] as const;
export const provenanceSchema = z.object({
  source: z.enum(sources),
  /** 0–1; typed and verified values are 1. */
  confidence: z.number().min(0).max(1),
  /** ISO time the value was captured. */
  at: z.string(),
  verifiedBy: z.string().nullable().default(null),
  verifiedAt: z.string().nullable().default(null),
  /** What the officer should know about how the value was obtained ("đã thêm số 0 ở đầu"). */
  notes: z.array(z.string()).default([]),
});
export type Provenance = z.infer<typeof provenanceSchema>;

const field = <T extends z.ZodType>(value: T) => z.object({ value, prov: provenanceSchema });

export const vnDateSchema = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  precision: z.enum(['day', 'month', 'year']),
});

export const addressSchema = z.object({
  /** As written (card, QR, spreadsheet), NFC. */
  text: z.string(),
  /** House number, street, hamlet: what remains below the commune. */
  detail: z.string().default(''),
  /** 2025 units once known (mapped or picked). */
  provinceCode: z.string().optional(),
  wardCode: z.string().optional(),
  /** The pre-2025 three-level units the text named, when it did. */
  legacy: z.object({ ward: z.string(), district: z.string().optional(), province: z.string() }).optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const sexes = ['Nam', 'Nữ'] as const;
export const maritalStatuses = ['chưa kết hôn', 'đã kết hôn', 'ly hôn', 'goá'] as const;

/** The value each kind of field holds (utils/records/fields.ts names the kind of every field). */
export const kindSchemas = {
  name: z.string().min(1),
  date: vnDateSchema,
  sex: z.enum(sexes),
  personalId: z.string().regex(/^\d{12}$/),
  oldId: z.string().regex(/^\d{9}$/),
  text: z.string(),
  address: addressSchema,
  phone: z.string(),
  email: z.string(),
  maritalStatus: z.enum(maritalStatuses),
} as const satisfies Record<FieldKind, z.ZodType>;

type FieldSchema<S extends CitizenField> = z.ZodObject<{
  value: (typeof kindSchemas)[S['kind']];
  prov: typeof provenanceSchema;
}>;
type FieldsShape = {
  [S in CitizenField as S['key']]: S extends { required: true } ? FieldSchema<S> : z.ZodOptional<FieldSchema<S>>;
};

const fieldsShape = Object.fromEntries(
  citizenFields.map((spec) => {
    const schema = field(kindSchemas[spec.kind]);
    return [spec.key, 'required' in spec ? schema : schema.optional()];
  }),
) as FieldsShape;

export const personSchema = z.object({
  id: z.string(),
  ...fieldsShape,
  note: z.string().default(''),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;
export type PersonInput = z.input<typeof personSchema>;

export { personFields, type PersonField } from '@/utils/records/fields';

export const relationKinds = ['father', 'mother', 'spouse', 'child', 'householdHead'] as const;
export type RelationKind = (typeof relationKinds)[number];
export const relationSchema = z.object({
  id: z.string(),
  /** `fromId`'s `kind` is `toId`: (child, father, dad) reads "dad is the child's father". */
  fromId: z.string(),
  kind: z.enum(relationKinds),
  toId: z.string(),
});
export type Relation = z.infer<typeof relationSchema>;

export const documentKinds = [
  'id-front',
  'id-back',
  'birth-certificate',
  'death-notice',
  'household-book',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentMetaSchema = z.object({
  kind: z.enum(documentKinds),
  fileName: z.string(),
  mimeType: z.string(),
  ocrText: z.string().default(''),
  extracted: z.record(z.string(), z.string()).default({}),
  capturedAt: z.string(),
});
export type DocumentMeta = z.infer<typeof documentMetaSchema>;
