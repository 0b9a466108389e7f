import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeFixtures } from '../../fixtures/spreadsheets/make';
import type { Harness } from './browser';
import { tmpDir } from './paths';

export const supervisorPassphrase = 'hoa sen nở giữa hồ';
export const spreadsheetsDir = join(tmpDir, 'spreadsheets');

/** First-run setup as a supervisor would do it, then an import of `file` through the records page. */
export async function setUpAndImport(h: Harness, file: string, expectImported: number): Promise<Page> {
  mkdirSync(spreadsheetsDir, { recursive: true });
  await writeFixtures(spreadsheetsDir);
  const page = await h.context.newPage();
  await page.goto(h.extensionUrl('setup.html'));
  await page.getByLabel('Họ và tên lãnh đạo/tổ trưởng').fill('Trần Thị Lan');
  await page.getByLabel('Cụm mật khẩu (ít nhất 10 ký tự)').fill(supervisorPassphrase);
  await page.getByLabel('Nhập lại cụm mật khẩu').fill(supervisorPassphrase);
  await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
  await page.waitForURL(/records\.html/);
  await page.getByRole('tab', { name: 'Nhập tệp' }).click();
  await page.getByLabel('Nhập tệp').setInputFiles(join(spreadsheetsDir, file));
  await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
  await page.getByText(`Đã nhập ${expectImported} người.`).waitFor();
  return page;
}
