import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAgent, startAgent } from '@/utils/content/agent';
import { portalSettings, reportFields } from '@/utils/content/background';
import { findDossierCodes, pageText } from '@/utils/filings/dossier';
import { fillableSelector } from '@/utils/panel/frames';
import { isPortalOrigin, portalIncludeGlobs, portalMatchPatterns } from '@/utils/portals/hosts';

/** Re-report the field count at most this often while the page changes. */
const reportThrottleMs = 500;
/** How often the script checks that the extension it belongs to is still there. */
const invalidationCheckMs = 2000;

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
    const settings = await portalSettings();
    if (!settings || !isPortalOrigin(self.origin, settings.extraHosts)) return;
    const agent = new AbortController();
    ctx.onInvalidated(() => agent.abort());
    startAgent(createAgent(document), agent.signal);
    watchFields(ctx);
    // Updated or reloaded under this page: Chrome does not give open pages the new content script, and the panel
    // can no longer reach this one. Say so where the officer looks (plain text, nothing of the records).
    // Chrome says nothing to a cut-off content script: it finds out by looking (WXT's isValid reads runtime.id).
    ctx.setInterval(() => undefined, invalidationCheckMs);
    ctx.onInvalidated(() => {
      if (window.top === window && document.querySelector(fillableSelector))
        showReloadNotice(settings.language === 'en' ? reloadText.en : reloadText.vi);
    });
  },
});

const reloadText = {
  vi: 'Trợ lý Một cửa vừa được cập nhật hoặc tải lại. Hãy tải lại trang này (F5) để dùng tiếp; những gì đã điền trên trang vẫn giữ nguyên.',
  en: 'The counter assistant was just updated or reloaded. Reload this page (F5) to go on; what is filled on the page stays.',
};

function showReloadNotice(text: string) {
  const box = document.createElement('motcua-notice');
  box.setAttribute('role', 'alert');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;right:8px;top:8px;z-index:2147483646;max-width:320px;margin:0;padding:10px 12px;background:#fff;color:#8a1c14;border:1px solid #b3261e;border-left:4px solid #b3261e;border-radius:8px;font:14px/1.45 "Noto Sans","DejaVu Sans",Arial,sans-serif;box-shadow:0 4px 16px #0003';
  document.body.append(box);
}

function watchFields(ctx: ContentScriptContext) {
  let last = '';
  let lastHref = location.href;
  const report = (force = false) => {
    const count = document.querySelectorAll(fillableSelector).length;
    // A confirmation that shows its dossier code a moment after the page loaded changes no field: it is news too.
    const seen = `${count}|${findDossierCodes(pageText(document)).join(',')}`;
    // A single-page portal that moves to another step (history.pushState) is a page load to Chrome's tab, which
    // makes the background forget this frame: the frame says it is here again, even with as many fields.
    const moved = location.href !== lastHref;
    if (seen === last && !force && !moved) return;
    last = seen;
    lastHref = location.href;
    void reportFields(count);
  };
  report(true);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  // Reported at once and again a moment later: Chrome's "loading" for the same step may reach the background after.
  const onNavigated = () => {
    report(true);
    setTimeout(() => report(true), 1000);
  };
  navigation?.addEventListener('navigatesuccess', onNavigated);
  ctx.onInvalidated(() => navigation?.removeEventListener('navigatesuccess', onNavigated));
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
