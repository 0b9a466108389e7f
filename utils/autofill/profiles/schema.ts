import { z } from 'zod';
import { fillFields, formRoles } from '@/utils/autofill/labels';
import { bundledFiles, stripComments, widgetKinds, type SiteProfile } from '@/utils/autofill/profiles/index';
import { ReasonError } from '@/utils/i18n/reason-error';

/**
 * The site profiles' shape, and their loading with Vietnamese reasons. The bundled files are checked by the unit
 * tests; a trainer's or a province's file would be loaded through here too.
 */
const fieldRule = z
  .object({
    names: z
      .array(z.string().regex(/^[\w$.-]+$/))
      .min(1)
      .optional(),
    selector: z.string().min(1).optional(),
    field: z.enum(fillFields),
    role: z.enum(formRoles).optional(),
    part: z.enum(['day', 'month', 'year']).optional(),
    widget: z.enum(widgetKinds).optional(),
  })
  .refine((r) => r.names || r.selector, 'Mỗi mục cần "names" hoặc "selector".');

export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  portal: z.string().min(1),
  urlPatterns: z.array(z.string().regex(/^https:\/\/[^/*]+\//, 'Mẫu địa chỉ phải là https://<tên miền>/…')).min(1),
  fields: z.array(fieldRule).min(1),
});

export function loadProfiles(sources: Record<string, unknown> = bundledFiles): SiteProfile[] {
  return Object.entries(sources).flatMap(([file, content]) => {
    const parsed = z.array(profileSchema).safeParse(stripComments(content));
    if (!parsed.success)
      throw new ReasonError('error.profile.invalid', {
        file,
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    return parsed.data as SiteProfile[];
  });
}
