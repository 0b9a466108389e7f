import { browser } from 'wxt/browser';
import { originPatternFor } from '@/utils/portals/hosts';

/** The id of the dynamically registered content script that covers officer- and policy-added hosts. */
export const extraScriptId = 'motcua-extra-hosts';
/** Where WXT writes the content script entry point (`entrypoints/content/`). */
export const contentScriptFile = 'content-scripts/content.js';
/** The page-world bridge for those hosts (`entrypoints/bridge-extra.ts`). */
export const bridgeScriptFile = 'bridge-extra.js';
export const extraBridgeId = 'motcua-extra-hosts-bridge';

/** Hosts among `hosts` for which Chrome has granted the optional host permission. */
export async function grantedHosts(hosts: readonly string[]): Promise<string[]> {
  const checks = await Promise.all(
    hosts.map(async (host) =>
      (await browser.permissions.contains({ origins: [originPatternFor(host)] })) ? host : null,
    ),
  );
  return checks.filter((host): host is string => host !== null);
}

/**
 * Makes the registered content script cover exactly the granted extra hosts. Called at start-up and
 * whenever settings or permissions change, so an added portal works without a new build.
 */
export async function syncExtraHostScripts(hosts: readonly string[]): Promise<string[]> {
  const granted = await grantedHosts(hosts);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [extraScriptId, extraBridgeId] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (granted.length === 0) return [];
  const matches = granted.map(originPatternFor);
  await browser.scripting.registerContentScripts([
    {
      id: extraScriptId,
      matches,
      js: [contentScriptFile],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
    {
      id: extraBridgeId,
      matches,
      js: [bridgeScriptFile],
      allFrames: true,
      runAt: 'document_idle',
      world: 'MAIN',
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}
