import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

const panelOf = (page: Page | ReturnType<Page['frameLocator']>): Locator =>
  page.locator('motcua-panel').getByRole('complementary', { name: 'Trợ lý Một cửa' });

interface StatsReply {
  ok: boolean;
  data: { accepted: Record<string, number>; refused: Record<string, number> };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The panel is drawn fixed inside the viewport, where the officer sees it without scrolling. */
async function expectInViewport(page: Page) {
  const drawn = await page.locator('motcua-panel').locator('.panel, .tab').first().boundingBox();
  expect(drawn).not.toBeNull();
  expect(await page.locator('motcua-panel').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  const { width, height } = page.viewportSize()!;
  expect(drawn!.x).toBeGreaterThanOrEqual(0);
  expect(drawn!.y).toBeGreaterThanOrEqual(0);
  expect(drawn!.x + drawn!.width).toBeLessThanOrEqual(width);
  expect(drawn!.y + drawn!.height).toBeLessThanOrEqual(height);
}

async function expectNoButtonCovered(page: Page) {
  await expectInViewport(page);
  const host = await page.locator('motcua-panel').boundingBox();
  expect(host).not.toBeNull();
  // The host is sized by its content; measure what is actually drawn inside the shadow root.
  const drawn = await page.locator('motcua-panel').locator('.panel, .tab').first().boundingBox();
  const buttons = await page.locator('body button:not(motcua-panel *)').all();
  expect(buttons.length).toBeGreaterThan(0);
  for (const button of buttons) {
    const box = await button.boundingBox();
    if (!box) continue;
    expect(overlaps(drawn!, box), `panel ${JSON.stringify(drawn)} covers button "${await button.textContent()}" ${JSON.stringify(box)}`).toBe(false);
  }
}

describe('helper panel on a portal page', () => {
  it('appears on dichvucong.gov.vn and counts the fields of the page and its same-origin iframe', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    // 2 inputs + 1 select on the page, 2 inputs + 1 select + 1 textarea in the iframe; hidden inputs do not count.
    await expect
      .poll(() => panelOf(page).getByTestId('field-summary').textContent(), { timeout: 10_000 })
      .toBe('Phát hiện 7 ô nhập liệu trong 2 khung trang.');
    await expectInViewport(page);
    // The iframe's content script reported its fields but did not draw a second panel.
    expect(await page.frameLocator('#khung').locator('motcua-panel').count()).toBe(0);
    await page.close();
  });

  it('never covers the portal’s own buttons, open, collapsed or scrolled', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    await expectNoButtonCovered(page);

    await page.mouse.wheel(0, 1200);
    await page.waitForFunction(() => window.scrollY > 0);
    await page.waitForTimeout(100); // one animation frame for the panel to re-place itself
    await expectNoButtonCovered(page);

    await panelOf(page).getByRole('button', { name: 'Thu gọn' }).click();
    const tab = page.locator('motcua-panel').getByRole('button', { name: 'Mở Trợ lý Một cửa' });
    await expect.poll(() => tab.isVisible()).toBe(true);
    expect(await panelOf(page).count()).toBe(0);
    await expectNoButtonCovered(page);

    await tab.click();
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    await page.close();
  });

  it('lives in an open shadow root and leaves the page’s styles and DOM alone', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    const info = await page.evaluate(() => {
      const host = document.querySelector('motcua-panel')!;
      return { mode: host.shadowRoot?.mode, inBody: host.parentElement === document.body, forms: document.forms.length };
    });
    expect(info).toEqual({ mode: 'open', inBody: true, forms: 1 });
    await page.close();
  });

  it('is dragged to the other edge and remembers its place on the next page', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    const header = page.locator('motcua-panel').locator('header');
    const box = (await header.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(200, 420, { steps: 5 });
    await page.mouse.up();
    await page.reload();
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    await expect.poll(async () => (await page.locator('motcua-panel').locator('.panel').boundingBox())!.x).toBeLessThan(100);
    const drawn = (await page.locator('motcua-panel').locator('.panel').boundingBox())!;
    expect(drawn.y).toBeGreaterThan(300);
    await expectNoButtonCovered(page);
    // Back to the right edge for the other tests.
    const again = (await header.boundingBox())!;
    await page.mouse.move(again.x + 20, again.y + 10);
    await page.mouse.down();
    await page.mouse.move(1100, 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await page.locator('motcua-panel').locator('.panel').boundingBox())!.x).toBeGreaterThan(600);
    await page.close();
  });

  it('appears on a provincial portal dichvucong.<tỉnh>.gov.vn', async () => {
    const page = await h.openPortal('https://dichvucong.bacninh.gov.vn/');
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    await page.close();
  });

  it('appears inside a portal iframe embedded in a non-portal page', async () => {
    const page = await h.openPortal('https://example.org/nhung-cong.html');
    const frame = page.frameLocator('#to-khai');
    await expect.poll(() => panelOf(frame).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('motcua-panel').count()).toBe(0);
    await page.close();
  });

  it.each(['https://example.org/', 'https://chinhphu.gov.vn/'])('does not appear on %s', async (url) => {
    const page = await h.openPortal(url);
    await page.waitForLoadState('load');
    // Give a content script, were one injected, time to mount.
    await page.waitForTimeout(1000);
    expect(await page.locator('motcua-panel').count()).toBe(0);
    await page.close();
  });

  it('is out of reach of page scripts', async () => {
    const page = await h.openPortal(`https://dichvucong.gov.vn/kich-ban-trang.html?id=${h.extensionId}`);
    await expect.poll(() => panelOf(page).isVisible()).toBe(true);
    await expect.poll(() => panelOf(page).getByTestId('field-summary').textContent()).toBe('Phát hiện 1 ô nhập liệu trong 1 khung trang.');
    // No externally_connectable: the page world has no runtime to message any extension.
    expect(await page.locator('#ket-qua').textContent()).toBe('runtime-unavailable');

    const stats = await h.context.newPage();
    await stats.goto(h.extensionUrl('training.html'));
    const counts = await stats.evaluate(() => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<StatsReply> } } })
        .chrome.runtime;
      return runtime.sendMessage({ channel: 'motcua', type: 'diagnostics/stats', payload: {} });
    });
    // Forged postMessage/CustomEvent reports never arrived: every report came from a content script and
    // none claimed 999 fields.
    expect(counts.ok).toBe(true);
    expect(counts.data.refused).toEqual({});
    expect(await panelOf(page).getByTestId('field-summary').textContent()).not.toContain('999');
    await stats.close();
    await page.close();
  });
});
