import { z } from 'zod';
import { formRoles } from '@/utils/autofill/labels';
import { documentKinds, personSchema } from '@/utils/records/schema';
import { addressesSchema } from '@/utils/autofill/addresses';

export { addressesSchema, type MappedAddresses } from '@/utils/autofill/addresses';
import { effectiveSettingsSchema } from '@/utils/settings/schema';

/**
 * The one protocol between content scripts, extension pages and the background. Each message names who
 * may send it; the background validates the request with zod and checks the sender before any handler runs.
 */
export type SenderKind = 'content' | 'page';

interface MessageSpec {
  from: readonly SenderKind[];
  request: z.ZodType;
  response: z.ZodType;
}

const frameInfo = z.object({
  frameId: z.number().int(),
  origin: z.string(),
  fieldCount: z.number().int().min(0),
  /** When the frame last reported a change (its page loaded, its fields changed): the panel looks again. */
  changedAt: z.number(),
});

const tabId = z.number().int().min(0);

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": what the slip prints. */
export const slipSchema = z.object({
  procedureCode: z.string().max(40),
  citizenName: z.string().max(200),
  officerName: z.string().max(200),
  papers: z.array(z.string().max(300)).max(30),
  dossierCode: z.string().max(80).nullable(),
  fee: z.number().int().min(0).nullable(),
  receivedAt: z.string().max(40),
  received: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});
export type Slip = z.infer<typeof slipSchema>;

/** What the receipt slip needs that only the panel knows: kept with the filing across the portal's page loads. */
export const slipPartSchema = z.object({
  citizenName: z.string().max(200),
  papers: z.array(z.string().max(300)).max(30),
});

export const protocol = {
  /** A content script announces its frame and how many form fields it sees (0 is fine). */
  'frame/report': {
    from: ['content'],
    request: z.object({ fieldCount: z.number().int().min(0).max(100_000) }),
    response: z.object({ frames: z.array(frameInfo) }),
  },
  /** The panel asks which frames of its portal tab run motcua and what they found. */
  'frame/list': {
    from: ['page'],
    request: z.object({ tabId }),
    response: z.object({ frames: z.array(frameInfo) }),
  },
  'settings/get': {
    from: ['content', 'page'],
    request: z.object({}),
    response: effectiveSettingsSchema,
  },
  /** Whether the records are unlocked, and by whom (the panel shows the lock state). */
  'records/status': {
    from: ['page'],
    request: z.object({}),
    response: z.object({
      setUp: z.boolean(),
      unlocked: z.boolean(),
      officerName: z.string().nullable(),
      officers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
    }),
  },
  /** Search results carry nothing beyond what the officer needs to pick: name, date of birth, masked ID, address (and sex, for the gendered roles). */
  'records/search': {
    from: ['page'],
    request: z.object({ query: z.string().max(200) }),
    response: z.object({
      results: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          dob: z.string().nullable(),
          maskedId: z.string().nullable(),
          address: z.string().nullable(),
          sex: z.enum(['Nam', 'Nữ']).nullable(),
        }),
      ),
    }),
  },
  /** The people linked to one person, so picking the child proposes the father and mother. */
  'records/relatives': {
    from: ['page'],
    request: z.object({ personId: z.string().max(64) }),
    response: z.object({
      relatives: z.array(
        z.object({ id: z.string(), name: z.string(), kind: z.string(), direction: z.enum(['of', 'is']) }),
      ),
    }),
  },
  /** The one record to fill, sent only after the officer pressed "Điền biểu mẫu"; counted as a use. */
  'records/fill-data': {
    from: ['page'],
    request: z.object({ personId: z.string().max(64) }),
    response: z.object({ person: personSchema, addresses: addressesSchema }),
  },
  /** The latest stored scan of a kind for a person, to attach to the portal's dossier (bytes as base64). */
  'records/document': {
    from: ['page'],
    request: z.object({ personId: z.string().max(64), kind: z.enum(documentKinds) }),
    response: z.object({
      document: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }).nullable(),
    }),
  },
  /** A fill happened: a new filing (status nháp) in the log, or a new state of the tab's open filing. */
  'filings/record': {
    from: ['page'],
    request: z.object({
      tabId,
      portalHost: z.string().max(253),
      /** The form this filing is on (host and path): a new form starts a new filing. */
      form: z.string().max(600),
      /** Dossier codes the page already showed when it was filled: none of them is this filing's. */
      codesAtFill: z.array(z.string().max(80)).max(20),
      /** The page load it was filled on: a code is taken only after the portal moved on from it. */
      docId: z.string().max(40),
      slip: slipPartSchema,
      root: z.string().max(64).nullable(),
      procedureCode: z.string().max(40).nullable(),
      people: z.partialRecord(z.enum(formRoles), z.string().max(64)),
      fields: z.object({
        filled: z.number().int().min(0).max(10_000),
        check: z.number().int().min(0).max(10_000),
        missing: z.number().int().min(0).max(10_000),
      }),
      msToFill: z.number().min(0).max(86_400_000).nullable(),
      /** The panel's own name for this fill: the same request sent again (a stopped service worker) writes once. */
      requestId: z.string().max(40),
    }),
    response: z.object({ root: z.string(), procedure: z.object({ code: z.string(), name: z.string() }).nullable() }),
  },
  /** The officer or the portal changed the tab's filing: submitted with its dossier code, cancelled, a note. */
  'filings/update': {
    from: ['page'],
    request: z.object({
      tabId,
      root: z.string().max(64),
      status: z.enum(['draft', 'submitted', 'cancelled']).optional(),
      dossierCode: z.string().max(80).optional(),
      note: z.string().max(2000).optional(),
      procedureCode: z.string().max(40).optional(),
      slip: slipPartSchema.optional(),
    }),
    response: z.object({ status: z.enum(['draft', 'submitted', 'cancelled']), dossierCode: z.string().nullable() }),
  },
  /** The filing this tab is following to its submission (it survives the portal's page loads). */
  'filings/pending': {
    from: ['page'],
    request: z.object({ tabId }),
    response: z.object({
      pending: z
        .object({
          root: z.string(),
          procedureCode: z.string().nullable(),
          status: z.enum(['draft', 'submitted', 'cancelled']),
          form: z.string(),
          codesAtFill: z.array(z.string()),
          docId: z.string(),
          dossierCode: z.string().nullable(),
          slip: slipPartSchema,
          /** Who was in which block when the form was filled: the dossier step attaches their papers. */
          people: z.partialRecord(z.enum(formRoles), z.string().max(64)),
        })
        .nullable(),
    }),
  },
  /** The panel asks for the receipt slip: the background keeps it in session storage and opens slip.html. */
  'slip/open': {
    from: ['page'],
    request: slipSchema,
    response: z.object({ id: z.string() }),
  },
  /** Counts of what the router accepted and refused, for the settings page and the tests. */
  'diagnostics/stats': {
    from: ['page'],
    request: z.object({}),
    response: z.object({
      accepted: z.record(z.string(), z.number()),
      refused: z.record(z.string(), z.number()),
    }),
  },
} as const satisfies Record<string, MessageSpec>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['response']>;

export const envelopeSchema = z.object({
  channel: z.literal('motcua'),
  type: z.string().max(64),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export type ErrorCode = 'invalid' | 'forbidden' | 'unknown_type' | 'failed';

/** A handler's ReasonError: its catalogue key and parameters, said by the UI in its language. */
export type ReplyReason = { key: string; params?: Record<string, string | number> };

export type Reply<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; detail: string; reason?: ReplyReason } };

export const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(['invalid', 'forbidden', 'unknown_type', 'failed']),
      detail: z.string(),
      reason: z
        .object({
          key: z.string().regex(/^[\w.-]{1,80}$/),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        })
        .optional(),
    }),
  }),
]);

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(protocol, type);
}
