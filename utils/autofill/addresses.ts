import { z } from 'zod';

export const mappedAddressSchema = z
  .object({
    candidates: z.array(
      z.object({
        provinceCode: z.string(),
        provinceName: z.string(),
        wardCode: z.string(),
        wardName: z.string(),
        partial: z.boolean(),
      }),
    ),
    detail: z.string(),
    /** Why nothing was found (utils/background/address-mapping `MappedReason`), said as `fill.reason.<code>`. */
    reason: z
      .object({
        code: z.enum(['addressNotSplit', 'provinceUnknown', 'wardNotFound']),
        params: z.record(z.string(), z.string()),
      })
      .nullable(),
  })
  .nullable();

/** The person's addresses mapped to 2025 units (cascading Tỉnh → Xã/Phường fields need them). */
export const addressesSchema = z.object({ permanentAddress: mappedAddressSchema, currentAddress: mappedAddressSchema });
export type MappedAddresses = z.infer<typeof addressesSchema>;
