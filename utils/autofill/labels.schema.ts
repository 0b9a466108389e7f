import { z } from 'zod';
import { fillFields, formRoles } from '@/utils/autofill/labels';

/** The shape of data/labels.json, checked by the unit tests (tests/unit/autofill/data.test.ts). */
const list = z.array(z.string().min(1));
export const labelsSchema = z.object({
  fields: z.partialRecord(z.enum(fillFields), list),
  roles: z.partialRecord(z.enum(formRoles), list),
  dateParts: z.object({ day: list, month: list, year: list }),
  relationValues: z.object({ father: list, mother: list, self: list, other: list }),
  dateFormats: z.object({ day: list, month: list, year: list }),
  addressKinds: z.object({ permanentAddress: list, currentAddress: list, requested: list, none: list }),
  scopeValues: z.object({ domestic: list }),
});
