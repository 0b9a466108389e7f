import type { MessageKey } from '@/utils/i18n/messages';

/** A message's parameters: `{name}` in the text takes `params.name`. */
export type Params = Record<string, string | number>;

/**
 * Why something was refused or changed, as a catalogue key with its parameters: domain code returns it, the UI
 * says it in its language (`sayReason`). Like ReasonError, it needs no catalogue.
 */
export interface Reason {
  key: MessageKey;
  params?: Params;
  /** A reason inside this one, said as its `{reason}` parameter ("Cột "Ngày sinh": <why>"). */
  inner?: Reason;
}

export const reason = (key: MessageKey, params?: Params, inner?: Reason): Reason => ({
  key,
  ...(params ? { params } : {}),
  ...(inner ? { inner } : {}),
});

/**
 * An error domain code throws for a person to see: a catalogue key and its parameters, said in the UI's
 * language (`sayError`), never a sentence written here. It imports no catalogue, so the content script may throw
 * and read it without carrying one. The message (for logs) is the key and the parameters.
 */
export class ReasonError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    message = Object.keys(params).length ? `${key} ${JSON.stringify(params)}` : key,
  ) {
    super(message);
    this.name = 'ReasonError';
  }
}
