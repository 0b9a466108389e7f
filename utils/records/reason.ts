import { ReasonError, reason, t, type Language, type MessageKey, type Reason } from '@/utils/i18n';

export { reason, type Reason } from '@/utils/i18n';

/** A sentence a lower layer (utils/vn) already wrote in Vietnamese, carried as it is. */
export const said = (text: string): Reason => ({ key: 'reason.said', params: { text } });

export function sayReason(r: Reason, language: Language): string {
  return t(language, r.key, r.inner ? { ...r.params, reason: sayReason(r.inner, language) } : r.params);
}

/** Why something failed: a ReasonError's own reason, or `key` with the error as its `{detail}`. */
export const failure = (key: MessageKey, error: unknown): Reason =>
  error instanceof ReasonError ? reason(error.key, error.params) : reason(key, { detail: String(error) });
