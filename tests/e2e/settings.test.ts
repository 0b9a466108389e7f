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

describe('settings page', () => {
  it('refuses a malformed portal address with a Vietnamese reason, keeping what was typed', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('settings.html'));
    const input = page.getByLabel('Địa chỉ cổng (ví dụ dichvucong.example.gov.vn)');
    await input.fill('cổng dịch vụ công');
    await page.getByRole('button', { name: 'Thêm cổng dịch vụ công' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không phải tên máy chủ hợp lệ');
    expect(await input.inputValue()).toBe('cổng dịch vụ công');

    await input.fill('https://dichvucong.bacninh.gov.vn/');
    await page.getByRole('button', { name: 'Thêm cổng dịch vụ công' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('đã có sẵn');
    await page.close();
  });

  it('remembers the centre’s ward picked from the 2025 units', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('settings.html'));
    await page.locator('#province').selectOption('01');
    await page.locator('#ward').selectOption({ label: 'Phường Ba Đình' });
    await page.reload();
    await expect.poll(() => page.locator('#ward').inputValue()).toBe('00004');
    expect(await page.locator('#province').inputValue()).toBe('01');
    await page.close();
  });

  it('shows the retention period read-only: supervisors set it in the records', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('settings.html'));
    await expect.poll(() => page.getByTestId('retention').textContent()).toBe('Không tự xoá.');
    expect(await page.locator('#retention').count()).toBe(0);
    await page.close();
  });

  it('takes the supervisor’s holiday file (refusing a broken one) and lists the year’s days off from it', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpDir } = await import('./harness/paths');
    const holidays = (await import('@/utils/calendar/holidays.json')).default;
    mkdirSync(tmpDir, { recursive: true });
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('settings.html'));
    const year = new Date().getFullYear();
    await page.getByText(`Các ngày nghỉ năm ${year}`).click();
    // The shipped rules: Giỗ Tổ Hùng Vương computed from the lunar calendar.
    await expect.poll(() => page.getByTestId('holiday-list').textContent()).toContain('Giỗ Tổ Hùng Vương');
    const broken = join(tmpDir, 'lich-hong.json');
    writeFileSync(broken, JSON.stringify({ ...holidays, lunar: [{ month: 13, day: 1, name: 'Sai' }] }));
    await page.getByLabel('Tải tệp lịch nghỉ lễ (.json)').setInputFiles(broken);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tệp lịch nghỉ lễ không hợp lệ, chưa áp dụng: lunar.0.month');
    const decided = join(tmpDir, 'lich-nam-nay.json');
    writeFileSync(decided, JSON.stringify({ ...holidays, extraDaysOff: [{ date: `${year}-12-31`, name: 'Nghỉ theo quyết định của Thủ tướng' }] }));
    await page.getByLabel('Tải tệp lịch nghỉ lễ (.json)').setInputFiles(decided);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã áp dụng tệp lịch nghỉ lễ.');
    expect(await page.getByTestId('holiday-list').textContent()).toContain(`31/12/${year}: Nghỉ theo quyết định của Thủ tướng`);
    await page.getByRole('button', { name: 'Dùng lại lịch mặc định' }).click();
    await expect.poll(() => page.getByTestId('holiday-list').textContent()).not.toContain('Thủ tướng');
    await page.close();
  });

  it('switches the whole interface to English, the portal panel included', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('settings.html'));
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Settings');

    const portal = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/');
    const panel = await openPanel(h, portal, { waitUnlocked: false });
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBe('Counter assistant');
    await panel.close();

    await page.getByLabel('Language').selectOption('vi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cài đặt');
    await portal.close();
    await page.close();
  });
});

describe('pages index', () => {
  it('lists the extension’s pages and links to the settings', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('pages.html'));
    expect(await page.locator('h1').textContent()).toBe('Các trang của Trợ lý Một cửa');
    const items = await page.locator('ul.pages li').allTextContents();
    expect(items.length).toBe(7);
    await page.locator('li', { hasText: 'Cài đặt' }).getByRole('link', { name: 'Mở' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cài đặt');
    await page.goBack();
    await page.locator('li', { hasText: 'Hồ sơ công dân' }).getByRole('link', { name: 'Mở' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hồ sơ công dân');
    await page.close();
  });
});
