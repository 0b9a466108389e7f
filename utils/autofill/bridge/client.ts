import {
  parseResponse,
  requestEvent,
  responseEvent,
  type BridgeRequest,
  type BridgeResponse,
  type Choice,
  type Framework,
  type ModelValue,
} from '@/utils/autofill/bridge/protocol';

/**
 * motcua's side of the page-world bridge: sends a request as a DOM event and takes the answer, which comes
 * inside the same dispatch for get/set (see page-world.ts) and later only while a choice list loads.
 */
type Body = BridgeRequest extends infer R ? (R extends BridgeRequest ? Omit<R, 'id'> : never) : never;

let counter = 0;
const nextId = () => `m${Date.now().toString(36)}-${(counter++).toString(36)}`;

function send(doc: Document, body: Body, onAnswer: (r: BridgeResponse) => void): () => void {
  const id = nextId();
  const listener = (event: Event) => {
    const response = parseResponse((event as CustomEvent).detail);
    if (response?.id !== id) return;
    stop();
    onAnswer(response);
  };
  const stop = () => doc.removeEventListener(responseEvent, listener);
  doc.addEventListener(responseEvent, listener);
  const view = doc.defaultView ?? window;
  doc.dispatchEvent(new view.CustomEvent(requestEvent, { detail: JSON.stringify({ ...body, id }) }));
  return stop;
}

/** The answer given inside the dispatch, or null (no bridge in this page, or the operation is asynchronous). */
export function callNow(doc: Document, body: Body): BridgeResponse | null {
  let answer: BridgeResponse | null = null;
  const stop = send(doc, body, (r) => (answer = r));
  stop();
  return answer;
}

/** The answer, waiting up to `timeoutMs` (null when none came). */
export function call(doc: Document, body: Body, timeoutMs: number): Promise<BridgeResponse | null> {
  return new Promise((resolve) => {
    const view = doc.defaultView ?? window;
    let timer = 0;
    const stop = send(doc, body, (r) => {
      view.clearTimeout(timer);
      resolve(r);
    });
    timer = view.setTimeout(() => {
      stop();
      resolve(null);
    }, timeoutMs);
  });
}

/** A field whose value lives in a framework: which one, the element's `data-motcua-ref`, the field's name. */
export interface ModelRef {
  framework: Framework;
  ref: string;
  name: string;
}

/** Names an element for the bridge (once; the attribute survives re-renders that keep the element). */
export function refFor(el: Element): string {
  const existing = el.getAttribute('data-motcua-ref');
  if (existing) return existing;
  const ref = Math.random().toString(36).slice(2, 12).padEnd(6, '0');
  el.setAttribute('data-motcua-ref', ref);
  return ref;
}

export function hasBridge(doc: Document): boolean {
  return callNow(doc, { op: 'ping' })?.ok === true;
}

export type ModelGet = {
  value: ModelValue;
  text: string | null;
  readOnly: boolean;
  hasChoices: boolean;
  type: string | null;
  via: string | null;
};

export function modelGet(doc: Document, ref: ModelRef): ModelGet | { error: string } | null {
  const r = callNow(doc, { op: 'get', ...ref });
  if (!r) return null;
  if (!r.ok) return { error: r.error };
  return {
    value: r.value ?? null,
    text: r.text ?? null,
    readOnly: r.readOnly ?? false,
    hasChoices: r.hasChoices ?? false,
    type: r.type ?? null,
    via: r.via ?? null,
  };
}

export function modelSet(doc: Document, ref: ModelRef, value: ModelValue): BridgeResponse | null {
  return callNow(doc, { op: 'set', ...ref, value });
}

export async function modelChoices(
  doc: Document,
  ref: ModelRef,
  timeoutMs: number,
): Promise<Choice[] | 'timeout' | null> {
  const r = await call(doc, { op: 'choices', ...ref, timeoutMs }, timeoutMs + 500);
  if (!r) return null;
  if (!r.ok) return r.error === 'timeout' ? 'timeout' : null;
  return r.choices ?? [];
}
