import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel, tabIdOf } from './harness/panel';
import { setUpAndImport } from './harness/records';

/**
 * The helper panel is Chrome's side panel: an extension page per portal tab, beside the page (it never covers
 * the form), that the page's scripts can neither read nor press. The page keeps only inert outlines.
 */
let h: Harness;
let records: Page;

interface Worker {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}
const worker = () => h.context.serviceWorkers()[0] as unknown as Worker;

beforeAll(async () => {
  h = await launchHarness();
  records = await setUpAndImport(h, 'stranger-family.csv', 6);
});
afterAll(async () => {
  await h?.close();
});

describe('the helper panel beside a portal tab', () => {
  it('is the side panel of each portal tab: Chrome is told the tab’s own panel page when the portal loads', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const tabId = await tabIdOf(h, page);
    await expect
      .poll(() =>
        worker().evaluate(async (id: number) => {
          const { chrome } = globalThis as unknown as {
            chrome: { sidePanel: { getOptions(o: object): Promise<{ path?: string; enabled?: boolean }> } };
          };
          return chrome.sidePanel.getOptions({ tabId: id });
        }, tabId),
      )
      .toMatchObject({ path: `sidepanel.html?tab=${tabId}`, enabled: true });
    // Alt+K opens it (and the toolbar button): the manifest asks Chrome for both.
    const manifest = await worker().evaluate(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }
        ).chrome.runtime.getManifest(),
      null,
    );
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.commands).toMatchObject({ 'open-panel': { suggested_key: { default: 'Alt+K' } } });
    await page.close();
  });

  it('leaves nothing of itself in the page but outlines: no element, no shadow root, no stylesheet request', async () => {
    const failed: string[] = [];
    const page = await h.context.newPage();
    page.on('requestfailed', (r) => failed.push(r.url()));
    await page.goto('https://dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await expect.poll(() => panel.locator('.role label').count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(
        () =>
          [...document.querySelectorAll('*')].filter((el) => el.tagName.startsWith('MOTCUA') || el.shadowRoot).length,
      ),
    ).toBe(0);
    // The first version asked for a content.css that was never built (chrome-extension://invalid/ on every page).
    expect(failed.filter((u) => u.startsWith('chrome-extension://'))).toEqual([]);
    await page.close();
    await panel.close();
  });

  it('puts the cursor in "Tìm công dân" when it opens, and again when Alt+K asks for it', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const tabId = await tabIdOf(h, page);
    const panel = await openPanel(h, page);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('motcua-search');
    await panel.getByRole('button', { name: 'Quét lại biểu mẫu' }).focus();
    // What the background broadcasts after Alt+K has opened the tab's panel.
    await records.evaluate(async (id) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      await chrome.runtime.sendMessage({ channel: 'motcua-panel', type: 'focus', tabId: id }).catch(() => undefined);
    }, tabId);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('motcua-search');
    await page.close();
    await panel.close();
  });

  it('opened for a tab that is no portal, it says so and fills nothing', async () => {
    const page = await h.openPortal('https://example.org/');
    const panel = await openPanel(h, page);
    await expect.poll(() => panel.locator('.role label').count()).toBe(0);
    expect(await panel.getByText('Chưa thấy biểu mẫu nào trên trang này.').count()).toBe(1);
    await page.close();
    await panel.close();
  });

  it.each(['https://example.org/', 'https://chinhphu.gov.vn/'])(
    'the content script stays silent on %s',
    async (url) => {
      const page = await h.openPortal(url);
      await page.waitForLoadState('load');
      const tabId = await tabIdOf(h, page);
      await page.waitForTimeout(1000);
      const frames = await records.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { frames: unknown[] } }> } };
        };
        return (await chrome.runtime.sendMessage({ channel: 'motcua', type: 'frame/list', payload: { tabId: id } }))
          .data.frames;
      }, tabId);
      expect(frames).toEqual([]);
      await page.close();
    },
  );

  it('counts the fields of the page and of its same-origin iframe', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    const panel = await openPanel(h, page);
    // Fields are classified across the page and its same-origin iframe: both are scanned by the top frame.
    await expect.poll(() => panel.locator('.role label').allTextContents()).not.toEqual([]);
    await page.close();
    await panel.close();
  });
});
