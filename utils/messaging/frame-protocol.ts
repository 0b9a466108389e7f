import { z } from 'zod/mini';
import { formRoles } from '@/utils/autofill/labels';

/**
 * Panel → content-script messages, to one frame of the officer's portal tab. The helper panel lives in the
 * extension's origin (Chrome's side panel); each frame's content script scans, fills, reads back and undoes its
 * own document on the panel's order. Validated on receipt like every other message; a content script obeys
 * only the extension's own pages (never a content script, never a page). Written with `zod/mini`: the content
 * script carries this protocol and little else.
 */
const text = (max: number) => z.string().check(z.maxLength(max));
const count = z.int().check(z.minimum(0));

export const reasonSchema = z.object({
  code: text(40),
  params: z.optional(z.record(z.string(), z.union([text(2000), z.number()]))),
});

export const reportItemSchema = z.object({
  label: text(300),
  role: z.nullable(z.enum(formRoles)),
  field: z.nullable(text(40)),
  status: z.enum(['filled', 'check', 'unverified', 'readonly', 'mismatch', 'failed', 'missing', 'unknown']),
  reason: z.nullable(reasonSchema),
  shown: z.nullable(text(2000)),
  adapter: text(40),
});
export type RemoteReportItem = z.infer<typeof reportItemSchema>;

/**
 * The people to fill, as the panel sends them: the records the background validated (utils/records/schema) and
 * their addresses mapped to 2025 units. Checked here for the parts the filler relies on; the rest passes as sent
 * by the extension's own page.
 */
const candidate = z.object({
  provinceCode: text(10),
  provinceName: text(200),
  wardCode: text(10),
  wardName: text(200),
  partial: z.boolean(),
});
const mapped = z.nullable(
  z.object({
    candidates: z.array(candidate).check(z.maxLength(50)),
    detail: text(500),
    reason: z.nullable(reasonSchema),
  }),
);
const fillPersonSchema = z.object({
  person: z.looseObject({ id: text(64), fullName: z.looseObject({ value: text(200) }) }),
  addresses: z.object({ permanentAddress: mapped, currentAddress: mapped }),
  parents: z.optional(z.object({ father: z.optional(text(64)), mother: z.optional(text(64)) })),
});

export const dossierRowSchema = z.object({ index: count, name: text(300), accept: text(200) });
export type DossierRowInfo = z.infer<typeof dossierRowSchema>;

export const scanResultSchema = z.object({
  /** Changes at each page load of the frame: a code seen after a navigation is a new page's. */
  docId: text(40),
  url: text(4000),
  title: text(500),
  headings: z.array(text(300)).check(z.maxLength(200)),
  roles: z.array(z.enum(formRoles)),
  /** Recognised fields and all controls seen. */
  fieldCount: count,
  controlCount: count,
  /** Dossier codes the page shows now (a confirmation, or a list of earlier dossiers). */
  dossierCodes: z.array(text(80)).check(z.maxLength(20)),
  /** This frame's own iframes, by the origin they load, and whether the officer can see them. */
  childFrames: z.array(z.object({ origin: text(300), visible: z.boolean() })).check(z.maxLength(200)),
  dossierRows: z.array(dossierRowSchema).check(z.maxLength(100)),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const frameProtocol = {
  'frame/scan': { request: z.object({}), response: scanResultSchema },
  'frame/fill': {
    request: z.object({ people: z.partialRecord(z.enum(formRoles), fillPersonSchema) }),
    response: z.object({ report: z.array(reportItemSchema), docId: text(40) }),
  },
  'frame/undo': { request: z.object({}), response: z.object({ partial: z.array(text(300)), undone: z.boolean() }) },
  'frame/attach': {
    request: z.object({
      row: count,
      file: z.object({ fileName: text(300), mimeType: text(100), base64: text(40_000_000) }),
    }),
    response: z.object({ ok: z.boolean(), reason: z.nullable(reasonSchema) }),
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
