import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPageBridge } from '@/utils/autofill/bridge/page-world';

/**
 * The page-world bridge on portal hosts an officer or the province's policy added: registered at run time for
 * those exact origins only (utils/background/extra-hosts.ts), so no host check is needed here.
 */
export default defineUnlistedScript(() => {
  installPageBridge(document);
});
