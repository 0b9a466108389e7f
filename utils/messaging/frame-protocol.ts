import { z } from 'zod';
import { formRoles } from '../autofill/labels';
import { personSchema } from '../records/schema';
import { addressesSchema } from './addresses';

/**
 * Background → content-script messages, for forms in cross-origin frames (the Ministry of Justice e-forms
 * run in one): the panel in the top frame cannot reach them, their own content script fills them.
 * Validated on receipt like every other message; only the extension's background may send them.
 */
export const reportItemSchema = z.object({
  label: z.string(),
  role: z.enum(formRoles).nullable(),
  status: z.enum(['filled', 'check', 'missing', 'unknown', 'readonly', 'failed']),
  detail: z.string(),
});
export type RemoteReportItem = z.infer<typeof reportItemSchema>;

export const frameProtocol = {
  'frame/scan': {
    request: z.object({}),
    response: z.object({ roles: z.array(z.enum(formRoles)), fieldCount: z.number().int() }),
  },
  'frame/fill': {
    request: z.object({ people: z.partialRecord(z.enum(formRoles), z.object({ person: personSchema, addresses: addressesSchema })) }),
    response: z.object({ report: z.array(reportItemSchema) }),
  },
  'frame/undo': {
    request: z.object({}),
    response: z.object({ partial: z.array(z.string()) }),
  },
} as const;

export type FrameMessageType = keyof typeof frameProtocol;

export const frameEnvelopeSchema = z.object({
  channel: z.literal('motcua-frame'),
  type: z.enum(Object.keys(frameProtocol) as [FrameMessageType, ...FrameMessageType[]]),
  payload: z.unknown(),
});
