import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the extension is reloaded while a portal tab is open', () => {
  it('the old panel says so instead of failing silently, and the page keeps what was typed', async () => {
    const portal = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    await portal.locator('#nop-ho-so').waitFor();
    await expect.poll(() => portal.locator('motcua-panel').getByTestId('field-summary').isVisible()).toBe(true);
    await portal.getByLabel('Số định danh cá nhân').fill('001090012345');

    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('training.html'));
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);

    await portal.bringToFront();
    // Depending on when the old copy notices, the panel itself or a notice where it was says it.
    const alerts = () => portal.locator('motcua-panel [role=alert], motcua-notice [role=alert]').allTextContents();
    await expect.poll(async () => (await alerts()).join(' '), { timeout: 20_000 }).toContain('Hãy tải lại trang này (F5)');
    expect(await portal.getByLabel('Số định danh cá nhân').inputValue()).toBe('001090012345');
  });
});
