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

const passphrase = 'hoa sen nở giữa hồ';

/** A settings page with the records unlocked as the supervisor set up first (the session outlives the setup page). */
async function settingsPage(width = 1280, height = 800) {
  const page = await h.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(h.extensionUrl('settings.html'));
  await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Cán bộ: Trần Thị Lan');
  return page;
}

describe('the supervisor’s settings page', () => {
  it('asks for the supervisor’s unlock before the supervisor’s settings', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('setup.html'));
    await page.getByLabel('Họ và tên lãnh đạo/tổ trưởng').fill('Trần Thị Lan');
    await page.getByLabel('Cụm mật khẩu (ít nhất 10 ký tự)').fill(passphrase);
    await page.getByLabel('Nhập lại cụm mật khẩu').fill(passphrase);
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await page.waitForURL(/records\.html/);
    await page.getByRole('button', { name: /Khoá/ }).click();
    await page.goto(h.extensionUrl('settings.html'));
    await expect.poll(() => page.getByText('Mở khoá bằng tài khoản lãnh đạo/tổ trưởng').count()).toBe(1);
    expect(await page.locator('#idle').count()).toBe(0);
    await page.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(passphrase);
    await page.getByRole('button', { name: 'Mở khoá' }).click();
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Cán bộ: Trần Thị Lan');
    await page.close();
  });

  it('saves the idle lock with the Lưu beside it, and refuses 0 in Vietnamese', async () => {
    const page = await settingsPage();
    const idle = page.locator('#idle');
    const save = idle.locator('xpath=following::button[1]');
    await idle.fill('5');
    await save.click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain('Đã lưu: tự khoá sau 5 phút không thao tác.');
    await page.reload();
    await expect.poll(() => page.locator('#idle').inputValue()).toBe('5');
    await page.locator('#idle').fill('0');
    await page.locator('#idle').locator('xpath=following::button[1]').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không tắt được tự khoá');
    await page.reload();
    await expect.poll(() => page.locator('#idle').inputValue()).toBe('5');
    await page.close();
  });

  it('sets the retention period, checked', async () => {
    const page = await settingsPage();
    await page.locator('#retention').fill('0');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('từ 1 đến 36500');
    await page.locator('#retention').fill('3650');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Đã lưu.');
    await expect
      .poll(() => page.getByRole('button', { name: /Xoá ngay hồ sơ không dùng quá 3650 ngày/ }).count())
      .toBe(1);
    await page.close();
  });

  it('adds a trainer with the officers component', async () => {
    const page = await settingsPage();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Phan Văn Dạy');
    await page.getByLabel('Vai trò').selectOption({ label: 'Giảng viên' });
    await page.getByLabel('Cụm mật khẩu ban đầu (ít nhất 10 ký tự)').fill('giảng viên mới 2026');
    await page.getByLabel('Mã PIN mở nhanh (không bắt buộc)').fill('739164');
    await page.getByRole('form', { name: 'Thêm cán bộ' }).getByRole('button', { name: 'Thêm cán bộ' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Đã thêm Phan Văn Dạy.');
    await page.close();
  });

  it('edits the year’s holidays in a form: a day, a lunar day, a day in lieu, a weekend day worked', async () => {
    const page = await settingsPage();
    const year = new Date().getFullYear();
    const add = async (kind: string, when: string, name?: string) => {
      await page.getByLabel('Loại ngày').selectOption({ label: kind });
      await page.getByLabel('Ngày', { exact: true }).fill(when);
      if (name !== undefined) await page.locator('#holiday-name').fill(name);
      await page.getByRole('button', { name: 'Thêm vào lịch' }).click();
    };
    await add('Ngày nghỉ hằng năm (dương lịch)', '31/04', 'Sai');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không có ngày "31/04"');
    await add('Ngày nghỉ hằng năm (dương lịch)', '20/11', 'Ngày Nhà giáo Việt Nam');
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain('Đã thêm và áp dụng: 20/11 hằng năm: Ngày Nhà giáo Việt Nam');
    await add('Ngày nghỉ hằng năm (âm lịch)', '15/08', 'Tết Trung thu');
    await add('Ngày nghỉ bù', `29/12/${year}`, 'Quốc khánh');
    await add('Ngày đi làm bù (thứ Bảy, Chủ nhật làm việc)', `27/12/${year}`);
    const list = page.getByTestId('holiday-list');
    await expect.poll(() => list.textContent()).toContain(`20/11/${year}: Ngày Nhà giáo Việt Nam`);
    expect(await list.textContent()).toContain('Tết Trung thu');
    expect(await list.textContent()).toContain(`29/12/${year}: Nghỉ bù Quốc khánh`);
    // The last day's write may land after the list shows the first ones.
    await expect.poll(() => page.getByTestId('holiday-rules').textContent()).toContain(`27/12/${year}: đi làm bù`);
    // Kept: a reload shows the same calendar.
    await page.reload();
    await expect.poll(() => page.getByTestId('holiday-list').textContent()).toContain('Tết Trung thu');
    await page.getByRole('button', { name: 'Bỏ: 15/08 âm lịch hằng năm: Tết Trung thu' }).click();
    await expect.poll(() => page.getByTestId('holiday-list').textContent()).not.toContain('Tết Trung thu');
    await page.getByText('Dùng tệp lịch nghỉ lễ (.json)').click();
    await page.getByRole('button', { name: 'Dùng lại lịch mặc định' }).click();
    await expect.poll(() => page.getByTestId('holiday-list').textContent()).not.toContain('Nhà giáo');
    await page.close();
  });

  it('shows every supervisor setting on one page at 1366×768', async () => {
    const page = await settingsPage(1366, 768);
    for (const heading of [
      'Khoá hồ sơ và thời hạn lưu trữ',
      'Cán bộ và người đào tạo',
      'Cổng dịch vụ công',
      'Lịch nghỉ lễ (tính ngày hẹn trả)',
    ]) {
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    }
    await page.screenshot({ path: `${(await import('./harness/paths')).tmpDir}/settings-1366.png`, fullPage: true });
    await page.close();
  });
});

describe('settings page', () => {
  it('refuses a malformed portal address with a Vietnamese reason, keeping what was typed', async () => {
    const page = await settingsPage();
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

  it('takes the supervisor’s holiday file (refusing a broken one) and lists the year’s days off from it', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpDir } = await import('./harness/paths');
    const holidays = (await import('@/utils/calendar/holidays.json')).default;
    mkdirSync(tmpDir, { recursive: true });
    const page = await settingsPage();
    const year = new Date().getFullYear();
    await page.getByText('Dùng tệp lịch nghỉ lễ (.json)').click();
    // The shipped rules: Giỗ Tổ Hùng Vương computed from the lunar calendar.
    await expect.poll(() => page.getByTestId('holiday-list').textContent()).toContain('Giỗ Tổ Hùng Vương');
    const broken = join(tmpDir, 'lich-hong.json');
    writeFileSync(broken, JSON.stringify({ ...holidays, lunar: [{ month: 13, day: 1, name: 'Sai' }] }));
    await page.getByLabel('Tải tệp lịch nghỉ lễ (.json)').setInputFiles(broken);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Tệp lịch nghỉ lễ không hợp lệ, chưa áp dụng: lunar.0.month');
    const decided = join(tmpDir, 'lich-nam-nay.json');
    writeFileSync(
      decided,
      JSON.stringify({
        ...holidays,
        extraDaysOff: [{ date: `${year}-12-31`, name: 'Nghỉ theo quyết định của Thủ tướng' }],
      }),
    );
    await page.getByLabel('Tải tệp lịch nghỉ lễ (.json)').setInputFiles(decided);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã áp dụng tệp lịch nghỉ lễ.');
    expect(await page.getByTestId('holiday-list').textContent()).toContain(
      `31/12/${year}: Nghỉ theo quyết định của Thủ tướng`,
    );
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

    await page.getByLabel('Language').selectOption('vi');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cài đặt');
    await panel.close();
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
