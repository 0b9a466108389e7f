import { ReasonError } from '@/utils/i18n/reason-error';
import {
  envelopeSchema,
  isMessageType,
  protocol,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '@/utils/messaging/protocol';
import {
  classifySender,
  senderAllowed,
  type SenderContext,
  type SenderLike,
  type SenderPolicy,
} from '@/utils/messaging/sender';

/** The sender a handler can count on: the router has already refused every kind the protocol does not allow. */
export type ContextFor<T extends MessageType> = Extract<SenderContext, { kind: (typeof protocol)[T]['from'][number] }>;

export type Handlers = {
  [T in MessageType]: (
    payload: Exclude<RequestOf<T>, undefined>,
    context: ContextFor<T>,
  ) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

export interface RouterStats {
  accepted: Record<string, number>;
  refused: Record<string, number>;
}

/**
 * One entry point for every message the background receives: envelope, sender, payload, handler,
 * response, in that order. Anything refused is counted and answered with a reason, never thrown.
 */
export function createRouter(handlers: Handlers, policy: () => SenderPolicy | Promise<SenderPolicy>) {
  const stats: RouterStats = { accepted: {}, refused: {} };
  const refuse = (key: string, code: 'invalid' | 'forbidden' | 'unknown_type', detail: string): Reply<never> => {
    stats.refused[key] = (stats.refused[key] ?? 0) + 1;
    return { ok: false, error: { code, detail } };
  };

  async function route(message: unknown, sender: SenderLike): Promise<Reply<unknown>> {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return refuse('(envelope)', 'invalid', 'not a motcua message');
    const { type, payload } = envelope.data;
    if (!isMessageType(type)) return refuse(type, 'unknown_type', `unknown message type ${type}`);

    const context = classifySender(sender, await policy());
    const spec = protocol[type];
    if (!context || !senderAllowed(context, spec.from)) return refuse(type, 'forbidden', 'sender not allowed');

    const request = spec.request.safeParse(payload ?? {});
    if (!request.success) return refuse(type, 'invalid', request.error.message);

    try {
      const handler = handlers[type] as (p: unknown, c: SenderContext) => unknown;
      const data = spec.response.parse(await handler(request.data, context));
      stats.accepted[type] = (stats.accepted[type] ?? 0) + 1;
      return { ok: true, data };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const reason = error instanceof ReasonError ? { key: error.key, params: error.params } : undefined;
      return { ok: false, error: { code: 'failed', detail, ...(reason && { reason }) } };
    }
  }

  return { route, stats };
}
