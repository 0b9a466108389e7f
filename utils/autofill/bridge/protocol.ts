/**
 * The page-world bridge's protocol. Some portal frameworks keep form state off the DOM: SurveyJS dropdowns and
 * dates accept values only through the survey model, Form.io components through their own API, a flatpickr
 * input only through its instance. A small script in the page's own world (entrypoints/bridge.content.ts)
 * writes through them. The two worlds talk by DOM events on the document carrying JSON strings.
 *
 * How the bridge finds a model, by the libraries' own globals and DOM markers:
 * - SurveyJS, whatever renders it: the model is the object with `getQuestionByName` reachable from the
 *   question's element or its ancestors through the renderer's own DOM markers — React's `__reactFiber$…` /
 *   `__reactProps$…` (survey-react-ui), Preact's `__k` vnode on the render root (the plain `survey-js-ui`),
 *   Vue 3's `_vnode` on the mount root and `__vueParentComponent` (survey-vue3-ui), Knockout's `ko.dataFor`
 *   (the older builds), Angular's `ng.getComponent` in development builds (survey-angular-ui). Angular's
 *   production builds keep no reachable marker: there the question is filled through its DOM, as a person
 *   does, and read back from what it shows; the report says so.
 * - Form.io: every component's element carries `element.component` (the component instance), and the
 *   library registers its forms in `Formio.forms`.
 * - flatpickr: the input carries `_flatpickr`, its instance.
 * The element is named by a `data-motcua-ref` attribute the content script puts on it.
 *
 * Page scripts can see and send these events too, so:
 * - the bridge answers only these operations, on elements the page already shows, and returns nothing but the
 *   field's current value and, for choice fields, the choices the page itself lists;
 * - it exposes no global, keeps no data, and validates every request (shape, sizes, ISO dates, choices);
 * - a forged answer can only mislead motcua about the page's own form, which the page controls anyway, and
 *   every write is read back.
 */
export const requestEvent = 'motcua-bridge:request';
export const responseEvent = 'motcua-bridge:response';

export type Framework = 'survey' | 'formio' | 'flatpickr';
export type ModelValue = string | null;

export type BridgeRequest =
  | { id: string; op: 'ping' }
  | { id: string; op: 'get'; framework: Framework; ref: string; name: string }
  | { id: string; op: 'set'; framework: Framework; ref: string; name: string; value: ModelValue }
  | { id: string; op: 'choices'; framework: Framework; ref: string; name: string; timeoutMs: number };

export interface Choice {
  value: string;
  text: string;
}

export type BridgeError = 'invalid' | 'no-model' | 'no-question' | 'readonly' | 'not-a-choice' | 'bad-date' | 'timeout';

export interface ModelState {
  value: ModelValue;
  /** The chosen option's text, for choice fields. */
  text?: string;
  readOnly?: boolean;
  hasChoices?: boolean;
  /** The field's kind in the framework ("dropdown", "datetime", "text"…). */
  type?: string;
  /** How the framework found it ("react", "preact", "vue", "knockout", "formio"…), for the report. */
  via?: string;
}

export type BridgeResponse =
  | ({ id: string; ok: true; choices?: Choice[] } & Partial<ModelState>)
  | { id: string; ok: false; error: BridgeError };

const maxName = 200;
const maxValue = 4000;
const namePattern = /^[\p{L}\p{N}_$.\-[\] ]+$/u;
const frameworks: Framework[] = ['survey', 'formio', 'flatpickr'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,40}$/.test(v);
const isRef = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9]{4,24}$/.test(v);
const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= maxName && (v === '' || namePattern.test(v));
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
  if (!frameworks.includes(r.framework as Framework) || !isRef(r.ref) || !isName(r.name)) return null;
  const base = { id: r.id, framework: r.framework as Framework, ref: r.ref, name: r.name };
  if (r.op === 'get') return { ...base, op: 'get' };
  if (r.op === 'set' && isValue(r.value)) return { ...base, op: 'set', value: r.value };
  if (r.op === 'choices' && typeof r.timeoutMs === 'number' && r.timeoutMs >= 0 && r.timeoutMs <= 10_000)
    return { ...base, op: 'choices', timeoutMs: r.timeoutMs };
  return null;
}

const errors: BridgeError[] = ['invalid', 'no-model', 'no-question', 'readonly', 'not-a-choice', 'bad-date', 'timeout'];

/** An answer as motcua accepts it, or null. */
export function parseResponse(json: unknown): BridgeResponse | null {
  const r = parse(json);
  if (!isObject(r) || !isId(r.id)) return null;
  if (r.ok === false)
    return errors.includes(r.error as BridgeError) ? { id: r.id, ok: false, error: r.error as BridgeError } : null;
  if (r.ok !== true) return null;
  const out: Extract<BridgeResponse, { ok: true }> = { id: r.id, ok: true };
  if ('value' in r) {
    if (!isValue(r.value)) return null;
    out.value = r.value;
  }
  if (typeof r.text === 'string' && r.text.length <= maxValue) out.text = r.text;
  if (typeof r.readOnly === 'boolean') out.readOnly = r.readOnly;
  if (typeof r.hasChoices === 'boolean') out.hasChoices = r.hasChoices;
  if (typeof r.type === 'string' && r.type.length <= 40) out.type = r.type;
  if (typeof r.via === 'string' && r.via.length <= 40) out.via = r.via;
  if (Array.isArray(r.choices)) {
    out.choices = r.choices
      .filter((c): c is Choice => isObject(c) && typeof c.value === 'string' && typeof c.text === 'string')
      .slice(0, 5000);
  }
  return out;
}
