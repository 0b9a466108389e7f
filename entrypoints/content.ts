import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAgent, startAgent } from '@/utils/content/agent';
import { sendMessage } from '@/utils/messaging/client';
import { fillableSelector } from '@/utils/panel/frames';
import { isPortalOrigin, portalIncludeGlobs, portalMatchPatterns } from '@/utils/portals/hosts';
import { extraHostNames } from '@/utils/settings/store';

/** Re-report the field count at most this often while the page changes. */
const reportThrottleMs = 500;

/**
 * The part of motcua inside a portal page: inert. It counts the form's fields for the panel, and on the panel's
 * order (from the extension's own origin, on the officer's click there) scans, fills, reads back, outlines and
 * undoes its own frame. The helper panel itself is in Chrome's side panel, out of the page's reach.
 */
export default defineContentScript({
  matches: portalMatchPatterns,
  includeGlobs: portalIncludeGlobs,
  // Portal forms often live in iframes (the Ministry of Justice e-forms always do).
  allFrames: true,
  // Same-origin about:blank / srcdoc frames that portals build on the fly.
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  async main(ctx) {
    // Match patterns and globs can match a portal's name inside another host ("dichvucong.gov.vn.evil.gov.vn",
    // "evil.gov.vn/x.dichvucong.gov.vn/"): the exact host decides, and elsewhere motcua stays silent.
    const settings = await sendMessage('settings/get', {}).catch(() => null);
    if (!settings || !isPortalOrigin(self.origin, extraHostNames(settings))) return;
    const agent = new AbortController();
    ctx.onInvalidated(() => agent.abort());
    // Chrome's id of each iframe element, so the panel fills only frames the officer can see.
    const frameIdOf = (frame: HTMLIFrameElement) => (browser.runtime as unknown as { getFrameId(target: Element): number }).getFrameId(frame);
    startAgent(createAgent(document, frameIdOf), agent.signal);
    watchFields(ctx);
  },
});

function watchFields(ctx: ContentScriptContext) {
  let last = -1;
  const report = (force = false) => {
    const count = document.querySelectorAll(fillableSelector).length;
    if (count === last && !force) return;
    last = count;
    void sendMessage('frame/report', { fieldCount: count }).catch(() => undefined);
  };
  report(true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      report();
    }, reportThrottleMs);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
}
