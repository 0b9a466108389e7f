import ReactDOM from 'react-dom/client';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HelperPanel, panelCss } from '@/components/panel/HelperPanel';
import { startFrameAgent } from '@/utils/autofill/frame-agent';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/client';
import { fillableSelector, shouldHostPanel } from '@/utils/panel/frames';
import { isPortalOrigin, portalIncludeGlobs, portalMatchPatterns } from '@/utils/portals/hosts';
import { extraHostNames } from '@/utils/settings/store';

/** Re-report the field count at most this often while the page changes. */
const reportThrottleMs = 500;

export default defineContentScript({
  matches: portalMatchPatterns,
  includeGlobs: portalIncludeGlobs,
  // Portal forms often live in iframes (the Ministry of Justice e-forms always do).
  allFrames: true,
  // Same-origin about:blank / srcdoc frames that portals build on the fly.
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const settings = await sendMessage('settings/get', {}).catch(() => null);
    if (!settings) return; // Not a frame the background accepts (its origin is not a portal).
    watchFields(ctx);
    const agent = new AbortController();
    ctx.onInvalidated(() => agent.abort());
    startFrameAgent(agent.signal);
    const extra = extraHostNames(settings);
    const ancestors = Array.from(location.ancestorOrigins ?? []);
    if (!shouldHostPanel(ancestors, (origin) => isPortalOrigin(origin, extra))) return;
    await mountPanel(ctx, settings.language);
    // Updated or reloaded under this page: WXT removes the panel; say why and what to do.
    ctx.onInvalidated(() => {
      if (!browser.runtime?.id) showReloadNotice(t(settings.language, 'panel.gone'));
    });
  },
});

/** Plain DOM (the extension's runtime is gone): a small notice where the panel was. */
function showReloadNotice(text: string) {
  const host = document.createElement('motcua-notice');
  const shadow = host.attachShadow({ mode: 'open' });
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;right:8px;top:8px;z-index:2147483646;max-width:320px;margin:0;padding:10px 12px;background:#fff;color:#8a1c14;border:1px solid #b3261e;border-left:4px solid #b3261e;border-radius:8px;font:14px/1.45 "Noto Sans","DejaVu Sans",Arial,sans-serif;box-shadow:0 4px 16px #0003';
  shadow.append(box);
  document.body.append(host);
}

function countFields(): number {
  return document.querySelectorAll(fillableSelector).length;
}

function watchFields(ctx: ContentScriptContext) {
  let last = -1;
  const report = () => {
    const count = countFields();
    if (count === last) return;
    last = count;
    void sendMessage('frame/report', { fieldCount: count }).catch(() => undefined);
  };
  report();
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

async function mountPanel(ctx: ContentScriptContext, language: 'vi' | 'en') {
  const ui = await createShadowRootUi(ctx, {
    name: 'motcua-panel',
    position: 'inline',
    anchor: 'body',
    mode: 'open',
    css: panelCss,
    isolateEvents: true,
    onMount(container, _shadow, host) {
      const root = ReactDOM.createRoot(container);
      const loadFrames = () => sendMessage('frame/list', {}).then((r) => r.frames);
      const abort = new AbortController();
      ctx.onInvalidated(() => abort.abort());
      root.render(<HelperPanel language={language} host={host} loadFrames={loadFrames} signal={abort.signal} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
}
