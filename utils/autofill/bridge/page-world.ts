import { handleFlatpickr } from '@/utils/autofill/bridge/flatpickr';
import { handleFormio } from '@/utils/autofill/bridge/formio';
import {
  parseRequest,
  requestEvent,
  responseEvent,
  type BridgeRequest,
  type BridgeResponse,
} from '@/utils/autofill/bridge/protocol';
import { handleSurvey } from '@/utils/autofill/bridge/survey';

/**
 * Runs in the page's world (see protocol.ts for what it may do). Installs one listener and nothing else: no
 * global, no stored data. Answers inside the request's own dispatch when it can, so motcua's undo runs in one go.
 */
const handlers = { survey: handleSurvey, formio: handleFormio, flatpickr: handleFlatpickr } as const;

function elementFor(doc: Document, request: Exclude<BridgeRequest, { op: 'ping' }>): Element | null {
  return doc.querySelector(`[data-motcua-ref="${request.ref}"]`);
}

export function installPageBridge(doc: Document) {
  const answer = (response: BridgeResponse) => {
    doc.dispatchEvent(new CustomEvent(responseEvent, { detail: JSON.stringify(response) }));
  };
  doc.addEventListener(requestEvent, (event) => {
    const request = parseRequest((event as CustomEvent).detail);
    if (!request) return;
    if (request.op === 'ping') {
      answer({ id: request.id, ok: true });
      return;
    }
    const el = elementFor(doc, request);
    if (!el) {
      answer({ id: request.id, ok: false, error: 'no-question' });
      return;
    }
    let result: BridgeResponse | Promise<BridgeResponse>;
    try {
      result = handlers[request.framework](el, request);
    } catch {
      result = { id: request.id, ok: false, error: 'invalid' };
    }
    if (result instanceof Promise) result.then(answer, () => answer({ id: request.id, ok: false, error: 'invalid' }));
    else answer(result);
  });
}
