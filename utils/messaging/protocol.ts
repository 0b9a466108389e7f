import { z } from 'zod';
import { effectiveSettingsSchema } from '../settings/schema';

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
});

export const protocol = {
  /** A content script announces its frame and how many form fields it sees (0 is fine). */
  'frame/report': {
    from: ['content'],
    request: z.object({ fieldCount: z.number().int().min(0).max(100_000) }),
    response: z.object({ frames: z.array(frameInfo) }),
  },
  /** The panel asks which frames of its tab run motcua and what they found. */
  'frame/list': {
    from: ['content'],
    request: z.object({}),
    response: z.object({ frames: z.array(frameInfo) }),
  },
  'settings/get': {
    from: ['content', 'page'],
    request: z.object({}),
    response: effectiveSettingsSchema,
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

export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; detail: string } };

export const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(['invalid', 'forbidden', 'unknown_type', 'failed']), detail: z.string() }),
  }),
]);

export function isMessageType(type: string): type is MessageType {
  return Object.hasOwn(protocol, type);
}
