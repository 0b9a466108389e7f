import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel, pickInPanel } from './harness/panel';
import { setUpAndImport } from './harness/records';

/**
 * A filing as the officer follows it from the panel: which form it belongs to, what the slip printed after the
 * portal's confirmation holds, cancelling it, a code typed by hand, and a service worker stopped under a fill.
 */
let h: Harness;
let dashboard: Page;

beforeAll(async () => {
  h = await launchHarness();
  await setUpAndImport(h, 'stranger-family.csv', 6);
  dashboard = await h.context.newPage();
});
afterAll(async () => {
  await h?.close();
});

const status = (panel: Page) => panel.getByTestId('filing-status').textContent();

/** The dashboard's rows (newest last), as the supervisor reads them. */
async function dashboardRows(): Promise<string[]> {
  await dashboard.goto(h.extensionUrl('dashboard.html'));
  await dashboard.getByTestId('dash-total').waitFor();
  return dashboard.getByTestId('filing-rows').getByRole('row').allTextContents();
}

describe('a filing belongs to the form it was made on', () => {
  it('the tab going on to another form starts a new filing; the first stays a draft, as it was', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    await expect.poll(() => status(panel)).toBe('Nháp: chờ nộp trên cổng');

    // The same tab, another procedure's form (it lists the office's earlier dossiers with their codes).
    await page.goto('https://dichvucong.gov.vn/cu-tru/');
    await expect.poll(() => panel.locator('.role label').allTextContents()).toEqual(['Người kê khai']);
    await pickInPanel(panel, 'mai 12/04/1994', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor({ timeout: 15_000 });
    await expect.poll(() => status(panel)).toBe('Nháp: chờ nộp trên cổng');
    await page.close();
    await panel.close();

    const rows = await dashboardRows();
    // Newest first; each with its own person once (not the one picked for the tab's other form as well).
    expect(rows.filter((r) => r.includes('Nháp'))).toEqual([
      expect.stringContaining('Đăng ký thường trú'),
      expect.stringContaining('Đăng ký khai sinh'),
    ]);
    for (const row of rows) expect(row.match(/Nguyễn Thị Mai/g)).toHaveLength(1);
    expect(rows.join(' ')).not.toContain('Đã huỷ');
    // The residence form shows an earlier dossier's code: it is no confirmation of the birth filing.
    expect(rows.join(' ')).not.toContain('G22.99-261120-000123');
  });
});

describe('the receipt slip printed after the portal’s confirmation', () => {
  it('has the dossier code, the citizen and the papers ticked before the submission, even from a panel opened again', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    let panel = await openPanel(h, page);
    await pickInPanel(panel, 'tran bao an', 'Trần Bảo An');
    await panel.getByLabel('Tờ khai đăng ký khai sinh').check();
    await panel.getByLabel('Giấy chứng sinh (hoặc văn bản của người làm chứng)').check();
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => status(panel)).toBe('Nháp: chờ nộp trên cổng');
    // The draft is written before the form; the officer submits once the report is in.
    await panel.getByTestId('fill-summary').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/da-nop\.html/);
    const code = new URL(page.url()).searchParams.get('ma')!;
    await expect.poll(() => status(panel), { timeout: 15_000 }).toBe(`Đã nộp — mã hồ sơ: ${code}`);

    // The officer closed the panel meanwhile, and opens it again on the confirmation.
    await panel.close();
    panel = await openPanel(h, page);
    await expect.poll(() => status(panel)).toBe(`Đã nộp — mã hồ sơ: ${code}`);
    const [slip] = await Promise.all([
      h.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'In giấy tiếp nhận' }).click(),
    ]);
    await slip.getByTestId('slip').waitFor();
    // "tiếp nhận hồ sơ của": the one who filed it, the requester (the mother the records link to the child).
    expect(await slip.getByTestId('slip-citizen').textContent()).toBe('Nguyễn Thị Mai');
    expect(await slip.getByTestId('slip').textContent()).toContain(code);
    expect(await slip.locator('ol li').allTextContents()).toEqual([
      'Tờ khai đăng ký khai sinh',
      'Giấy chứng sinh (hoặc văn bản của người làm chứng)',
    ]);
    await slip.close();
    await page.close();
    await panel.close();
  });
});

describe('the officer closes a filing by hand', () => {
  it('"Huỷ hồ sơ" asks first, and "Không huỷ" keeps the draft', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => status(panel)).toBe('Nháp: chờ nộp trên cổng');
    await panel.getByRole('button', { name: 'Huỷ hồ sơ' }).click();
    const dialog = panel.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('Huỷ hồ sơ này?');
    await dialog.getByRole('button', { name: 'Không huỷ' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await status(panel)).toBe('Nháp: chờ nộp trên cổng');

    // The portal's confirmation was not recognised: the officer types the code it gave, checked first.
    await panel.getByLabel('Mã hồ sơ cổng cấp (nếu Trợ lý chưa tự ghi)').fill('chưa có');
    await panel.getByRole('button', { name: 'Ghi là đã nộp' }).click();
    expect(await panel.getByRole('alert').textContent()).toContain('ví dụ G22.99-261128-000777');
    expect(await status(panel)).toBe('Nháp: chờ nộp trên cổng');
    await panel.getByLabel('Mã hồ sơ cổng cấp (nếu Trợ lý chưa tự ghi)').fill('g22.99-261201-004321');
    await panel.getByRole('button', { name: 'Ghi là đã nộp' }).click();
    await expect.poll(() => status(panel)).toBe('Đã nộp — mã hồ sơ: G22.99-261201-004321');
    await page.close();
    await panel.close();
  });
});

describe('a service worker stopped under a fill', () => {
  it('loses no filing: recorded once, the form filled, and no English error', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    const before = (await dashboardRows()).length;
    const cdp = await h.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await panel.bringToFront();
    // Chrome stops an idle extension worker after 30 s; here it is stopped as the officer presses the button.
    await Promise.all([
      panel.getByRole('button', { name: 'Điền biểu mẫu' }).click(),
      cdp.send('ServiceWorker.stopAllWorkers'),
    ]);
    await panel.getByTestId('fill-summary').waitFor({ timeout: 15_000 });
    await expect.poll(() => status(panel)).toBe('Nháp: chờ nộp trên cổng');
    expect(await page.locator('input[name=nycHoTen]').inputValue()).toBe('Nguyễn Thị Mai');
    expect((await panel.locator('main').textContent()) ?? '').not.toMatch(/listener indicated|message channel/i);
    expect((await dashboardRows()).length).toBe(before + 1);
    await cdp.detach();
    await page.close();
    await panel.close();
  });
});
