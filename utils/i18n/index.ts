import { catalogue, type Language, type MessageKey } from '@/utils/i18n/messages';
import { ReasonError, type Params } from '@/utils/i18n/reason-error';

export { languages, type Language, type MessageKey } from '@/utils/i18n/messages';
export { ReasonError, reason, type Params, type Reason } from '@/utils/i18n/reason-error';

/** The text for `key` in `language`, placeholders `{name}` replaced; unknown placeholders stay visible. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  const template = catalogue[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Binds a language once, for components. */
export function translator(language: Language) {
  return (key: MessageKey, params?: Params) => t(language, key, params);
}

/** Whether the catalogue has a text for `key` (a key built from data, such as a role code). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue.vi, key);
}

/** A translator bound to a language, as components pass it down. */
export type Translate = ReturnType<typeof translator>;

/** An error as a person reads it: a ReasonError in `language`, any other error as its message. */
export function sayError(language: Language, error: unknown): string {
  // A key from another context (a reply) is said only when this catalogue has it.
  if (error instanceof ReasonError && Object.hasOwn(catalogue[language], error.key))
    return t(language, error.key, error.params);
  return error instanceof Error ? error.message : String(error);
}
