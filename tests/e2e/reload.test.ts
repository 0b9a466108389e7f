import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel } from './harness/panel';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the extension is reloaded while a portal tab is open', () => {
  it('the page says so instead of failing silently, and keeps what was typed', async () => {
    const portal = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    await portal.locator('#nop-ho-so').waitFor();
    const panel = await openPanel(h, portal, { waitUnlocked: false });
    await expect.poll(() => panel.getByText('Chưa thiết lập motcua trên máy này.', { exact: false }).count()).toBe(1);
    await portal.getByLabel('Số định danh cá nhân').fill('001090012345');

    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('training.html'));
    await page
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => undefined);

    await portal.bringToFront();
    // The old content script knows it was cut off, and says so in the page where the officer looks.
    const alerts = () => portal.locator('motcua-notice[role=alert]').allTextContents();
    await expect
      .poll(async () => (await alerts()).join(' '), { timeout: 20_000 })
      .toContain('Hãy tải lại trang này (F5)');
    expect(await portal.getByLabel('Số định danh cá nhân').inputValue()).toBe('001090012345');
  });
});
