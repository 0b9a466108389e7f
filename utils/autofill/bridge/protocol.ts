/**
 * The page-world bridge's protocol. Some portal frameworks keep form state off the DOM (SurveyJS: dropdowns
 * and dates accept values only through the survey model), so a small script in the page's own world writes
 * through the model. The two worlds talk by DOM events on the document carrying JSON strings; page scripts
 * can see and send these events too, so:
 * - the bridge answers only these operations, on questions the page already shows, and returns nothing but
 *   the question's current value and, for choice questions, the choices the page itself lists;
 * - it exposes no global, keeps no data, and validates every request (shape, sizes, ISO dates, choices);
 * - a forged answer can only mislead motcua about the page's own form, which the page controls anyway.
 */
export const requestEvent = 'motcua-bridge:request';
export const responseEvent = 'motcua-bridge:response';

export type Framework = 'survey';
export type ModelValue = string | null;

export type BridgeRequest =
  | { id: string; op: 'ping' }
  | { id: string; op: 'get'; framework: Framework; name: string }
  | { id: string; op: 'set'; framework: Framework; name: string; value: ModelValue }
  | { id: string; op: 'choices'; framework: Framework; name: string; timeoutMs: number };

export interface Choice {
  value: string;
  text: string;
}

export type BridgeError = 'invalid' | 'no-model' | 'no-question' | 'readonly' | 'not-a-choice' | 'bad-date' | 'timeout';

export type BridgeResponse =
  | { id: string; ok: true; value?: ModelValue; readOnly?: boolean; hasChoices?: boolean; choices?: Choice[] }
  | { id: string; ok: false; error: BridgeError };

const maxName = 200;
const maxValue = 4000;
const namePattern = /^[\p{L}\p{N}_$.\- ]+$/u;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= maxName && namePattern.test(v);
const isValue = (v: unknown): v is ModelValue => v === null || (typeof v === 'string' && v.length <= maxValue);

function parse(json: unknown): unknown {
  if (typeof json !== 'string' || json.length > maxValue * 2) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** A request as the bridge accepts it, or null: anything else on the channel is ignored. */
export function parseRequest(json: unknown): BridgeRequest | null {
  const r = parse(json);
  if (!isObject(r) || !isId(r.id)) return null;
  if (r.op === 'ping') return { id: r.id, op: 'ping' };
  if (r.framework !== 'survey' || !isName(r.name)) return null;
  if (r.op === 'get') return { id: r.id, op: 'get', framework: r.framework, name: r.name };
  if (r.op === 'set' && isValue(r.value)) return { id: r.id, op: 'set', framework: r.framework, name: r.name, value: r.value };
  if (r.op === 'choices' && typeof r.timeoutMs === 'number' && r.timeoutMs >= 0 && r.timeoutMs <= 10_000) {
    return { id: r.id, op: 'choices', framework: r.framework, name: r.name, timeoutMs: r.timeoutMs };
  }
  return null;
}

const errors: BridgeError[] = ['invalid', 'no-model', 'no-question', 'readonly', 'not-a-choice', 'bad-date', 'timeout'];

/** An answer as motcua accepts it, or null. */
export function parseResponse(json: unknown): BridgeResponse | null {
  const r = parse(json);
  if (!isObject(r) || !isId(r.id)) return null;
  if (r.ok === false) return errors.includes(r.error as BridgeError) ? { id: r.id, ok: false, error: r.error as BridgeError } : null;
  if (r.ok !== true) return null;
  const out: BridgeResponse = { id: r.id, ok: true };
  if ('value' in r) {
    if (!isValue(r.value)) return null;
    out.value = r.value;
  }
  if (typeof r.readOnly === 'boolean') out.readOnly = r.readOnly;
  if (typeof r.hasChoices === 'boolean') out.hasChoices = r.hasChoices;
  if (Array.isArray(r.choices)) {
    const choices = r.choices.filter((c): c is Choice => isObject(c) && typeof c.value === 'string' && typeof c.text === 'string');
    out.choices = choices.slice(0, 5000);
  }
  return out;
}
