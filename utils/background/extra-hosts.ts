import { browser } from 'wxt/browser';
import { originPatternFor } from '../portals/hosts';

/** The id of the dynamically registered content script that covers officer- and policy-added hosts. */
export const extraScriptId = 'motcua-extra-hosts';
/** Where WXT writes the content script entry point (`entrypoints/content/`). */
export const contentScriptFile = 'content-scripts/content.js';
export const contentScriptCss = 'content-scripts/content.css';

/** Hosts among `hosts` for which Chrome has granted the optional host permission. */
export async function grantedHosts(hosts: readonly string[]): Promise<string[]> {
  const checks = await Promise.all(
    hosts.map(async (host) => ((await browser.permissions.contains({ origins: [originPatternFor(host)] })) ? host : null)),
  );
  return checks.filter((host): host is string => host !== null);
}

/**
 * Makes the registered content script cover exactly the granted extra hosts. Called at start-up and
 * whenever settings or permissions change, so an added portal works without a new build.
 */
export async function syncExtraHostScripts(hosts: readonly string[]): Promise<string[]> {
  const granted = await grantedHosts(hosts);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [extraScriptId] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [extraScriptId] });
  if (granted.length === 0) return [];
  await browser.scripting.registerContentScripts([
    {
      id: extraScriptId,
      matches: granted.map(originPatternFor),
      js: [contentScriptFile],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  return granted;
}
