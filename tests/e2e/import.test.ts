import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigSheetXlsx, writeFixtures, zipBombXlsx } from '../fixtures/spreadsheets/make';
import { launchHarness, type Harness } from './harness/browser';
import { tmpDir } from './harness/paths';

/** The import cases of issue 16, through the records page of the production build. */
const files = join(tmpDir, 'spreadsheets');
const passphrase = 'hoa sen nở giữa hồ';
let h: Harness;
let page: Page;

beforeAll(async () => {
  mkdirSync(files, { recursive: true });
  await writeFixtures(files);
  writeFileSync(join(files, 'big-20000.xlsx'), bigSheetXlsx(20_000));
  writeFileSync(join(files, 'zip-bomb.xlsx'), zipBombXlsx());
  const resume = [
    'Họ và tên,Ngày sinh,Số CCCD',
    ...Array.from(
      { length: 6000 },
      (_, i) => `Người Nối Tiếp ${i},01/01/1990,001090${String(500_000 + i).padStart(6, '0')}`,
    ),
  ];
  writeFileSync(join(files, 'resume-6000.csv'), `\ufeff${resume.join('\r\n')}`);
  h = await launchHarness();
  page = await h.context.newPage();
  await page.goto(h.extensionUrl('setup.html'));
  await page.getByLabel('Họ và tên lãnh đạo/tổ trưởng').fill('Trần Thị Lan');
  await page.getByLabel('Cụm mật khẩu (ít nhất 10 ký tự)').fill(passphrase);
  await page.getByLabel('Nhập lại cụm mật khẩu').fill(passphrase);
  await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
  await page.waitForURL(/records\.html/);
});
afterAll(async () => {
  await h?.close();
});

const statuses = (p: Page = page) => p.getByRole('status').allTextContents();

async function choose(name: string, p: Page = page) {
  await p.getByRole('tab', { name: 'Nhập tệp' }).click();
  await p.getByLabel('Nhập tệp').setInputFiles(join(files, name));
}

describe('importing what wards really have', () => {
  it('disables "Ghi vào hồ sơ" for a header-only file and says why', async () => {
    await choose('header-only.csv');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('0 hợp lệ · 0 lỗi · 0 trùng trong tệp · 0 trùng với hồ sơ đã có');
    expect(await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('import-blocker').textContent()).toContain('không có dòng dữ liệu nào');
  });

  it('keeps a row with a bad phone, leaving the phone out with a warning', async () => {
    await choose('bad-phone.csv');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('2 hợp lệ · 0 lỗi · 0 trùng trong tệp · 0 trùng với hồ sơ đã có');
    expect(await page.locator('tr[data-row="2"]').textContent()).toContain('đã bỏ giá trị "12345"');
    await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await expect.poll(statuses).toContainEqual(expect.stringContaining('Đã nhập 2 người.'));
  });

  it('refuses an ID whose first digits are no province, naming the row', async () => {
    await choose('bad-province.xlsx');
    const row = page.locator('tr[data-row="3"]');
    await expect.poll(() => row.textContent()).toContain('Lý Thị Hằng');
    expect(await row.textContent()).toContain('098 của số định danh 098195000111 không phải mã tỉnh nào');
  });

  it('refuses a zip bomb with the reason, and the page goes on working', async () => {
    await choose('zip-bomb.xlsx');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('khi giải nén lên tới 1260 MB');
    await choose('header-only.csv');
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('0 hợp lệ');
  });

  it('reads 20,000 rows off the page’s thread with progress, and the preview holds every row', async () => {
    // Every progress line the page shows, as it shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await choose('big-20000.xlsx');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 60_000 })
      .toBe('20000 hợp lệ · 0 lỗi · 0 trùng trong tệp · 0 trùng với hồ sơ đã có');
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress.some((p) => /^ ?Đang kiểm tra từng dòng: \d+\/20000$/.test(p.trim()))).toBe(true);
    expect(progress.some((p) => /Đang (giải nén|đọc trang tính)/.test(p))).toBe(true);
    expect(await page.locator('.preview tbody tr[data-row]').count()).toBeLessThan(200);
    await page.getByTestId('import-preview').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator('tr[data-row="20001"]').textContent()).toContain('Dòng 20001');
    expect(await page.getByText(/dòng nữa/).count()).toBe(0);
  });

  it('links the parents a row names (stranger-family.csv): Trần Bảo An has father and mother', async () => {
    await choose('stranger-family.csv');
    await expect.poll(() => page.locator('tr[data-row="4"]').textContent()).toContain('Cha: Trần Văn Bình (dòng 3)');
    await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await expect.poll(statuses).toContainEqual(expect.stringContaining('Đã nhập 6 người.'));
    await page.getByRole('tab', { name: 'Công dân' }).click();
    await page.getByLabel('Tìm công dân', { exact: true }).fill('Trần Bảo An');
    await expect.poll(() => page.locator('#people-list .row .name').allTextContents()).toEqual(['Trần Bảo An']);
    await page.getByLabel('Tìm công dân', { exact: true }).press('Enter');
    const relations = page.locator('form.editor ul').first();
    await expect.poll(() => relations.textContent()).toContain('Trần Văn Bình là cha của Trần Bảo An');
    expect(await relations.textContent()).toContain('Nguyễn Thị Mai là mẹ của Trần Bảo An');
  });

  it('does not add the newborn again when the same list comes back saved anew', async () => {
    await choose('stranger-family-resaved.csv');
    await expect
      .poll(() => page.getByTestId('import-summary').textContent())
      .toBe('0 hợp lệ · 0 lỗi · 0 trùng trong tệp · 6 trùng với hồ sơ đã có');
  });

  it('runs two tabs’ imports one after the other, both written', async () => {
    const second = await h.context.newPage();
    await second.goto(h.extensionUrl('records.html'));
    await choose('messy-two-row.xlsx');
    await choose('tcvn3.csv', second);
    await expect.poll(() => second.getByTestId('import-summary').textContent()).toBeTruthy();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBeTruthy();
    await Promise.all([
      page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click(),
      second.getByRole('button', { name: 'Ghi vào hồ sơ' }).click(),
    ]);
    await expect.poll(() => statuses(page)).toContainEqual(expect.stringContaining('Đã nhập 3 người.'));
    await expect.poll(() => statuses(second)).toContainEqual(expect.stringContaining('Đã nhập 2 người.'));
    await second.close();
  });

  it('resumes an import interrupted by closing the tab, writing every row once', async () => {
    const everyone = async () => {
      await page.getByRole('tab', { name: 'Công dân' }).click();
      await page.getByLabel('Tìm công dân', { exact: true }).fill('');
      await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^\d+ công dân$/);
      return Number((await page.getByTestId('result-count').textContent())!.match(/\d+/)![0]);
    };
    const before = await everyone();
    const first = await h.context.newPage();
    await first.goto(h.extensionUrl('records.html'));
    await choose('resume-6000.csv', first);
    await expect.poll(() => first.getByTestId('import-summary').textContent()).toContain('6000 hợp lệ');
    await first.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await expect
      .poll(() => statuses(first), { interval: 20 })
      .toContainEqual(expect.stringMatching(/Đã ghi (2000|4000)\/6000/));
    await first.close();
    await page.reload();
    await choose('resume-6000.csv');
    await expect
      .poll(() => page.locator('.warn').first().textContent())
      .toMatch(/Tệp này đã nhập dở (2000|4000)\/6000 dòng/);
    await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await expect
      .poll(statuses, { timeout: 60_000 })
      .toContainEqual(
        expect.stringMatching(/^Đã nhập (4000 người\. 2000|2000 người\. 4000) dòng đã ghi ở lần nhập trước/),
      );
    expect(await everyone()).toBe(before + 6000);
  });
});
