import type { Locator, Page } from 'playwright-core';
import type { Harness } from './browser';

/**
 * The helper panel is Chrome's side panel: an extension page, `sidepanel.html?tab=<tab id>`, which Chrome opens
 * beside the portal tab. Tests (and any other check) open that same page for the portal's tab and drive it as
 * an officer does, by its accessible names.
 */
export async function tabIdOf(h: Harness, portal: Page): Promise<number> {
  await portal.bringToFront();
  const worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
  type Chrome = {
    tabs: {
      query(q: object): Promise<Array<{ id?: number; active?: boolean }>>;
      sendMessage(id: number, m: unknown, o: object): Promise<{ url?: string } | undefined>;
    };
  };
  // The tab whose own content script says it shows this page (robust when many tabs came and went); for a page
  // without motcua (not a portal), the active tab of the focused window.
  for (let attempt = 0; attempt < 20; attempt++) {
    const id = await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const front = (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
      const showing: Array<{ id: number; active: boolean }> = [];
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const scan = await chrome.tabs
          .sendMessage(tab.id, { channel: 'motcua-frame', type: 'frame/scan', payload: {} }, { frameId: 0 })
          .catch(() => undefined);
        if (scan?.url === url) showing.push({ id: tab.id, active: tab.id === front });
      }
      // Another tab left open on the same address (a test that failed before closing it): the one in front.
      return (showing.find((t) => t.active) ?? showing[0])?.id ?? -1;
    }, portal.url());
    if (id >= 0) return id;
    if (attempt >= 4) break;
    await portal.waitForTimeout(250);
  }
  const active = await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1;
  });
  if (active < 0) throw new Error('no active tab');
  return active;
}

/** Opens the panel for a portal tab, waits until it shows the unlocked officer (or the lock). */
export async function openPanel(h: Harness, portal: Page, { waitUnlocked = true } = {}): Promise<Page> {
  const tabId = await tabIdOf(h, portal);
  // Chrome shows the side panel beside the portal, which stays the window's shown tab: rendered, its animations
  // running. A tab of its own in the same window would push the portal into the background, where Chrome stops
  // drawing it and widgets that wait for their open animation (Element Plus) stall; so a window of its own.
  const url = h.extensionUrl(`sidepanel.html?tab=${tabId}`);
  const opened = h.context.waitForEvent('page', { predicate: (p) => p.url() === url });
  const worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
  await worker.evaluate(async (address) => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } };
    await chrome.windows.create({ url: address, type: 'normal', width: 420, height: 800 });
  }, url);
  const panel = await opened;
  await panel.waitForLoadState('domcontentloaded');
  if (waitUnlocked) await panel.getByTestId('panel-officer').waitFor();
  return panel;
}

/** What an officer does in the helper panel: search, then pick the result named with the citizen's full name. */
export async function pickInPanel(panel: Page | Locator, query: string, name: string) {
  await panel.getByLabel('Tìm công dân').fill(query);
  await panel.getByRole('button', { name, exact: true }).click();
}

/** A replica page's own state (its framework model), as the page keeps it. */
export function pageModel<T = Record<string, string>>(page: { evaluate<R>(fn: () => R): Promise<R> }): Promise<T> {
  return page.evaluate(() => (window as unknown as { formModel: T }).formModel);
}

/** Opens a portal page and its panel, picks each person, presses "Điền biểu mẫu"; returns both. */
export async function openAndFill(h: Harness, url: string, picks: Array<[query: string, name: string]>) {
  const page = await h.openPortal(url);
  const panel = await openPanel(h, page);
  for (const [query, name] of picks) await pickInPanel(panel, query, name);
  await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
  return { page, panel };
}
