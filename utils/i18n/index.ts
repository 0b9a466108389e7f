import { catalogue, type Language, type MessageKey } from './messages';

export { languages, type Language, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

/** The text for `key` in `language`, placeholders `{name}` replaced; unknown placeholders stay visible. */
export function t(language: Language, key: MessageKey, params: Params = {}): string {
  const template = catalogue[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Binds a language once, for components. */
export function translator(language: Language) {
  return (key: MessageKey, params?: Params) => t(language, key, params);
}
