import { browser } from 'wxt/browser';
import { protocol, replySchema, type MessageType, type RequestOf, type ResponseOf } from './protocol';

export class MessageError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'MessageError';
  }
}

/** Sends one protocol message to the background and returns its validated answer, or throws MessageError. */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage({ channel: 'motcua', type, payload });
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new MessageError('invalid', 'no valid reply from the background');
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.detail);
  return protocol[type].response.parse(reply.data.data) as ResponseOf<T>;
}
