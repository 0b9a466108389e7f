import { browser } from 'wxt/browser';
import { protocol, replySchema, type MessageType, type RequestOf, type ResponseOf } from '@/utils/messaging/protocol';
import type { MessageKey } from '@/utils/i18n/messages';
import { ReasonError, type Params } from '@/utils/i18n/reason-error';

/**
 * A message refused or failed. A handler's ReasonError comes back as its key and parameters, said in the UI's
 * language; any other failure as its detail.
 */
export class MessageError extends ReasonError {
  constructor(
    readonly code: string,
    detail: string,
    reason?: { key: MessageKey; params?: Params },
  ) {
    super(reason?.key ?? 'reason.said', reason ? (reason.params ?? {}) : { text: detail }, detail);
    this.name = 'MessageError';
  }
}

/** Chrome's words when the service worker stopped while answering, or was not running yet. */
const closedChannel = /message channel closed|Receiving end does not exist|Could not establish connection/i;
/**
 * Messages asked again once when the channel closed under them: those that change nothing, and a filing's record,
 * which carries its own request id so that the background writes it once however often it is asked.
 */
const retried = new Set<MessageType>([
  'frame/list',
  'settings/get',
  'records/status',
  'records/search',
  'records/relatives',
  'records/fill-data',
  'records/document',
  'filings/pending',
  'diagnostics/stats',
  'filings/record',
]);
const retryAfterMs = 250;

async function post(type: MessageType, payload: unknown): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage({ channel: 'motcua', type, payload });
  } catch (error) {
    const closed = error instanceof Error && closedChannel.test(error.message);
    if (!closed) throw error;
    if (!retried.has(type))
      throw new MessageError('closed', 'the background restarted while answering', { key: 'error.restarted' });
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
    return browser.runtime.sendMessage({ channel: 'motcua', type, payload });
  }
}

/** Sends one protocol message to the background and returns its validated answer, or throws MessageError. */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const raw: unknown = await post(type, payload);
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new MessageError('invalid', 'no valid reply from the background');
  if (!reply.data.ok) {
    const { code, detail, reason } = reply.data.error;
    throw new MessageError(code, detail, reason && { key: reason.key as MessageKey, params: reason.params });
  }
  return protocol[type].response.parse(reply.data.data) as ResponseOf<T>;
}
