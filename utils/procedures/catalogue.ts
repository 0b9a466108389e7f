import { z } from 'zod';
import { fillFields, formRoles } from '@/utils/autofill/labels';
import { documentKinds } from '@/utils/records/schema';
import { matchKey } from '@/utils/vn/text';
import data from '@/utils/procedures/catalogue.json';

/** The procedures motcua knows: papers, fee rules, processing time, the form's fields. */
const fieldPath = z.string().refine((p) => {
  const [role, field] = p.split('.');
  return (
    (formRoles as readonly string[]).includes(role ?? '') && (fillFields as readonly string[]).includes(field ?? '')
  );
}, 'không phải <vai trò>.<trường> của mô hình công dân');

export const procedureSchema = z.object({
  code: z.string().min(1).max(40),
  name: z.string().min(1),
  match: z.array(z.string().min(2)).min(1),
  legalBasis: z.string().min(1),
  handledBy: z.string().min(1),
  papers: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1),
        required: z.boolean(),
        /** The stored scan that is this paper: its kind and whose it is in the form. */
        scan: z.object({ kind: z.enum(documentKinds), of: z.enum(formRoles) }).optional(),
      }),
    )
    .min(1),
  fee: z.object({
    perCase: z.number().int().min(0).nullable().optional(),
    online: z.number().int().min(0).optional(),
    perCopy: z.number().int().min(0).optional(),
    perPage: z
      .object({
        first: z.number().int().min(0),
        firstPages: z.number().int().min(0),
        // biome-ignore lint/suspicious/noThenProperty: the fee table's own word (pages after the first), in plain data, never awaited
        then: z.number().int().min(0),
        capPerCopy: z.number().int().min(0).optional(),
      })
      .optional(),
    note: z.string().min(1),
    exemptions: z.array(z.string().min(1)),
  }),
  processing: z.object({
    workingDays: z.number().int().min(0).max(60).nullable(),
    cutoff: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .nullable(),
    extendedDays: z.number().int().min(0).max(60).optional(),
    note: z.string().optional(),
  }),
  fields: z.array(fieldPath).min(1),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const catalogueSchema = z
  .object({ procedures: z.array(procedureSchema).min(12) })
  .refine((c) => new Set(c.procedures.map((p) => p.code)).size === c.procedures.length, 'mã thủ tục trùng');

export const procedures: Procedure[] = catalogueSchema.parse(data).procedures;

export function procedureByCode(code: string | null | undefined): Procedure | null {
  return procedures.find((p) => p.code === code) ?? null;
}

/**
 * The procedure a portal page is about, from its headings, title and URL path (a heading names the form the
 * officer sees). More specific procedures are listed first in the data file.
 */
export function detectProcedure(page: { url: string; title: string; headings: string[] }): Procedure | null {
  const texts = [
    ...page.headings,
    page.title,
    decodeURIComponent(new URL(page.url).pathname).replace(/[/_.]/g, ' '),
  ].map((t) => ` ${matchKey(t.replace(/-/g, ' '))} `);
  for (const text of texts) {
    const found = procedures.find((p) => p.match.some((m) => text.includes(` ${matchKey(m.replace(/-/g, ' '))} `)));
    if (found) return found;
  }
  return null;
}

export interface FeeInput {
  pages?: number;
  copies?: number;
  online?: boolean;
  exemption?: string | null;
}

/** The fee in đồng for what the officer entered, or null when the province sets it (the note says so). */
export function feeFor(procedure: Procedure, input: FeeInput = {}): number | null {
  const { fee } = procedure;
  if (input.exemption && fee.exemptions.includes(input.exemption)) return 0;
  if (fee.perCase === null) return null;
  const copies = Math.max(1, Math.floor(input.copies ?? 1));
  let total = input.online && fee.online !== undefined ? fee.online : (fee.perCase ?? 0);
  if (fee.perCopy) total += fee.perCopy * copies;
  if (fee.perPage) {
    const pages = Math.max(1, Math.floor(input.pages ?? 1));
    const { first, firstPages, then, capPerCopy } = fee.perPage;
    const perCopy = Math.min(pages, firstPages) * first + Math.max(0, pages - firstPages) * then;
    total += (capPerCopy === undefined ? perCopy : Math.min(perCopy, capPerCopy)) * copies;
  }
  return total;
}

export function formatDong(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

/**
 * Whether a paper's name needs "(nếu có)" after it: an optional paper whose name does not already say when it
 * is needed ("… (nếu có)", "… (nếu đăng ký ở nơi khác nơi thường trú)").
 */
export function needsOptionalMark(paper: { name: string; required: boolean }): boolean {
  return !paper.required && !/\(\s*n[ếe]u\s/i.test(paper.name);
}
