import { browser } from 'wxt/browser';

/**
 * The helper panel is Chrome's side panel: an extension page beside the portal, per tab, that the portal's
 * scripts can neither read nor press, and that never covers the form. Each portal tab gets its own panel
 * document (`sidepanel.html?tab=<id>`), so the panel always knows which tab it fills; other tabs show the
 * pages index in the same panel.
 */
export const panelPath = (tabId: number) => `sidepanel.html?tab=${tabId}`;

/** The command in the manifest: Alt+K. */
export const openPanelCommandName = 'open-panel';

/** Broadcast to the panel documents after Alt+K: the one of this tab puts the cursor where the officer works. */
export const panelFocusMessage = { channel: 'motcua-panel' as const, type: 'focus' as const };

const enabled = new Set<number>();

export async function enablePanelFor(tabId: number) {
  if (enabled.has(tabId) || !browser.sidePanel) return;
  enabled.add(tabId);
  await browser.sidePanel
    .setOptions({ tabId, path: panelPath(tabId), enabled: true })
    .catch(() => enabled.delete(tabId));
}

/**
 * Opens the tab's panel. Chrome lets `sidePanel.open` run only inside the user's gesture, so it is called at
 * once, before anything is awaited; then the panel is told to take the focus (it may already have been open).
 */
export function openPanelCommand(command: string, tabId: number | undefined) {
  if (command !== openPanelCommandName || tabId === undefined || !browser.sidePanel) return;
  const opening = browser.sidePanel.open({ tabId }).catch(() => undefined);
  void opening.then(() => browser.runtime.sendMessage({ ...panelFocusMessage, tabId }).catch(() => undefined));
}
