import { ReasonError, t, type Language, type MessageKey, type Params } from '../i18n';

/** Why something was refused or changed, as a catalogue key with its parameters: the UI says it in its language. */
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

/** A sentence a lower layer (utils/vn) already wrote in Vietnamese, carried as it is. */
export const said = (text: string): Reason => ({ key: 'reason.said', params: { text } });

export function sayReason(r: Reason, language: Language): string {
  return t(language, r.key, r.inner ? { ...r.params, reason: sayReason(r.inner, language) } : r.params);
}

/** Why something failed: a ReasonError's own reason, or `key` with the error as its `{detail}`. */
export const failure = (key: MessageKey, error: unknown): Reason =>
  error instanceof ReasonError ? reason(error.key, error.params) : reason(key, { detail: String(error) });
