import { z } from 'zod';
import { formRoles } from '../autofill/labels';
import { personSchema } from '../records/schema';
import { addressesSchema } from './addresses';

/**
 * Panel → content-script messages, to one frame of the officer's portal tab. The helper panel lives in the
 * extension's origin (Chrome's side panel); each frame's content script scans, fills, reads back and undoes its
 * own document on the panel's order. Validated on receipt like every other message; a content script obeys
 * only the extension's own pages (never a content script, never a page).
 */
export const reasonSchema = z.object({ code: z.string().max(40), params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional() });

export const reportItemSchema = z.object({
  label: z.string().max(300),
  role: z.enum(formRoles).nullable(),
  field: z.string().max(40).nullable(),
  status: z.enum(['filled', 'check', 'unverified', 'readonly', 'mismatch', 'failed', 'missing', 'unknown']),
  reason: reasonSchema.nullable(),
  shown: z.string().max(2000).nullable(),
  adapter: z.string().max(40),
});
export type RemoteReportItem = z.infer<typeof reportItemSchema>;

const fillPersonSchema = z.object({ person: personSchema, addresses: addressesSchema });

export const dossierRowSchema = z.object({ index: z.number().int().min(0), name: z.string().max(300), accept: z.string().max(200) });
export type DossierRowInfo = z.infer<typeof dossierRowSchema>;

export const scanResultSchema = z.object({
  /** Changes at each page load of the frame: a code seen after a navigation is a new page's. */
  docId: z.string().max(40),
  url: z.string().max(4000),
  title: z.string().max(500),
  headings: z.array(z.string().max(300)).max(200),
  roles: z.array(z.enum(formRoles)),
  /** Recognised fields and all controls seen. */
  fieldCount: z.number().int().min(0),
  controlCount: z.number().int().min(0),
  /** Dossier codes the page shows now (a confirmation, or a list of earlier dossiers). */
  dossierCodes: z.array(z.string().max(80)).max(20),
  /** This frame's own iframes, by Chrome's frame id, and whether the officer can see them. */
  childFrames: z.array(z.object({ frameId: z.number().int(), visible: z.boolean() })).max(200),
  dossierRows: z.array(dossierRowSchema).max(100),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const frameProtocol = {
  'frame/scan': { request: z.object({}), response: scanResultSchema },
  'frame/fill': {
    request: z.object({ people: z.partialRecord(z.enum(formRoles), fillPersonSchema) }),
    response: z.object({ report: z.array(reportItemSchema), docId: z.string().max(40) }),
  },
  'frame/undo': { request: z.object({}), response: z.object({ partial: z.array(z.string().max(300)), undone: z.boolean() }) },
  'frame/attach': {
    request: z.object({
      row: z.number().int().min(0),
      file: z.object({ fileName: z.string().max(300), mimeType: z.string().max(100), base64: z.string().max(40_000_000) }),
    }),
    response: z.object({ ok: z.boolean(), detail: z.string().max(500) }),
  },
} as const;

export type FrameMessageType = keyof typeof frameProtocol;
export type FrameRequest<T extends FrameMessageType> = z.input<(typeof frameProtocol)[T]['request']>;
export type FrameResponse<T extends FrameMessageType> = z.output<(typeof frameProtocol)[T]['response']>;

export const frameEnvelopeSchema = z.object({
  channel: z.literal('motcua-frame'),
  type: z.enum(Object.keys(frameProtocol) as [FrameMessageType, ...FrameMessageType[]]),
  payload: z.unknown(),
});
