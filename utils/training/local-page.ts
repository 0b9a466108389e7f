import { createAgent, type Agent } from '@/utils/content/agent';
import { frameProtocol } from '@/utils/messaging/frame-protocol';
import type { PageTransport } from '@/utils/panel/transport';

/**
 * Training's page: the replica portal runs in a frame of the training page itself (an extension page, where
 * no content script runs), so the panel's orders go straight to an agent on that frame's document — the same
 * agent a portal frame runs. A new page in the frame gets a new agent.
 */
export function localPage(frame: () => HTMLIFrameElement | null): PageTransport {
  let agent: { doc: Document; agent: Agent; changedAt: number } | null = null;
  const current = () => {
    const doc = frame()?.contentDocument;
    if (!doc?.body) return null;
    if (agent?.doc !== doc) agent = { doc, agent: createAgent(doc), changedAt: Date.now() };
    return agent;
  };
  // The replica rebuilding itself (a relation that rebuilds the blocks) is a change the panel should see.
  let observed: Document | null = null;
  const watch = (doc: Document) => {
    if (observed === doc) return;
    observed = doc;
    new MutationObserver(() => {
      if (agent?.doc === doc) agent.changedAt = Date.now();
    }).observe(doc.documentElement, { childList: true, subtree: true });
  };
  return {
    async frames() {
      const a = current();
      if (!a) return [];
      watch(a.doc);
      return [
        {
          frameId: 0,
          origin: location.origin,
          fieldCount: a.doc.querySelectorAll('input,select,textarea').length,
          changedAt: a.changedAt,
        },
      ];
    },
    async send(frameId, type, payload) {
      const a = frameId === 0 ? current() : null;
      if (!a) return null;
      const request = frameProtocol[type].request.parse(payload);
      return a.agent.handle(type, request as never);
    },
  };
}
