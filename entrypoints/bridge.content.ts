import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageBridge } from '@/utils/autofill/bridge/page-world';
import { isBuiltInPortalHost, portalIncludeGlobs, portalMatchPatterns } from '@/utils/portals/hosts';

/**
 * The page-world bridge (utils/autofill/bridge/protocol.ts): writes form values through the portal's own
 * framework model (SurveyJS, Form.io, flatpickr). No extension API, no data of ours: it only answers the
 * isolated content script. Silent on any host that is not exactly a built-in portal (officer-added hosts get
 * `bridge-extra.js`, registered for their exact origins only).
 */
export default defineContentScript({
  matches: portalMatchPatterns,
  includeGlobs: portalIncludeGlobs,
  allFrames: true,
  world: 'MAIN',
  // No global variable in the page's world: the bundle runs as an anonymous function.
  globalName: false,
  runAt: 'document_idle',
  main() {
    if (location.protocol !== 'https:' || !isBuiltInPortalHost(location.hostname)) return;
    installPageBridge(document);
  },
});
