import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtures } from '../fixtures/spreadsheets/make';
import { launchHarness, type Harness } from './harness/browser';
import { tmpDir } from './harness/paths';

const files = join(tmpDir, 'spreadsheets');
const passphrase = 'hoa sen nở giữa hồ';
const clerkPassphrase = 'mùa thu lá vàng rơi';
let h: Harness;
let page: Page;

beforeAll(async () => {
  mkdirSync(files, { recursive: true });
  await writeFixtures(files);
  h = await launchHarness();
  page = await h.context.newPage();
});
afterAll(async () => {
  await h?.close();
});

const status = () => page.getByRole('status').allTextContents();
const resultNames = () => page.locator('#people-list .row .name').allTextContents();

async function search(query: string) {
  await page.getByRole('tab', { name: 'Công dân' }).click();
  await page.getByLabel('Tìm công dân', { exact: true }).fill(query);
}

async function importFile(name: string) {
  await page.getByRole('tab', { name: 'Nhập tệp' }).click();
  await page.getByLabel('Nhập tệp').setInputFiles(join(files, name));
  await expect.poll(() => page.getByTestId('import-summary').textContent()).toBeTruthy();
}

describe('citizen records in the browser', () => {
  it('sets up the first supervisor and opens the records', async () => {
    await page.goto(h.extensionUrl('setup.html'));
    await page.getByLabel('Họ và tên lãnh đạo/tổ trưởng').fill('Trần Thị Lan');
    await page.getByLabel('Cụm mật khẩu (ít nhất 10 ký tự)').fill(passphrase);
    await page.getByLabel('Nhập lại cụm mật khẩu').fill('khác hẳn rồi nhé');
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Hai lần nhập cụm mật khẩu không khớp.');
    await page.getByLabel('Nhập lại cụm mật khẩu').fill(passphrase);
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await page.waitForURL(/records\.html/);
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Cán bộ: Trần Thị Lan');
  });

  it('adds an officer with a passphrase and a quick-unlock PIN, refusing a weak PIN', async () => {
    await page.getByRole('tab', { name: 'Cán bộ và bảo mật' }).click();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Lê Văn Minh');
    await page.getByLabel('Cụm mật khẩu ban đầu (ít nhất 10 ký tự)').fill(clerkPassphrase);
    await page.getByLabel('Mã PIN mở nhanh (không bắt buộc)').fill('123456');
    await page.getByRole('form', { name: 'Thêm cán bộ' }).getByRole('button', { name: 'Thêm cán bộ' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('dễ đoán');
    await page.getByLabel('Mã PIN mở nhanh (không bắt buộc)').fill('482915');
    await page.getByRole('form', { name: 'Thêm cán bộ' }).getByRole('button', { name: 'Thêm cán bộ' }).click();
    await expect.poll(status).toContain('Đã thêm Lê Văn Minh.');
  });

  it('says how to start on the first run, the three ways in view at 1366×768', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('tab', { name: 'Công dân' }).click();
    const start = page.getByTestId('first-run');
    await expect.poll(() => start.isVisible()).toBe(true);
    expect(await page.getByTestId('result-count').count()).toBe(0);
    for (const name of ['Nhập tệp', 'Quét giấy tờ', 'Thêm công dân']) {
      const box = await start.getByRole(name === 'Quét giấy tờ' ? 'link' : 'button', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(768);
    }
    await page.screenshot({ path: join(tmpDir, 'records-first-run-1366.png') });
    await start.getByRole('button', { name: 'Nhập tệp' }).click();
    await expect.poll(() => page.getByLabel('Nhập tệp').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('imports a messy XLSX: preview first, then writes only the valid rows', async () => {
    await importFile('messy-two-row.xlsx');
    expect(await page.getByTestId('import-summary').textContent()).toBe(
      '3 hợp lệ · 1 lỗi · 1 trùng trong tệp · 0 trùng với hồ sơ đã có',
    );
    expect(await page.locator('tr[data-row="8"]').textContent()).toContain('chỉ có 29 ngày');
    await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await expect.poll(status).toContain('Đã nhập 3 người.');
  });

  it('imports a TCVN3 CSV, converting the old font encoding', async () => {
    await importFile('tcvn3.csv');
    expect(await page.getByTestId('import-summary').textContent()).toBe(
      '2 hợp lệ · 1 lỗi · 0 trùng trong tệp · 0 trùng với hồ sơ đã có',
    );
    expect(await page.locator('.preview').textContent()).toContain('Bùi Thị Lan');
    await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
    await expect.poll(status).toContain('Đã nhập 2 người.');
  });

  it('finds people with and without diacritics, by ID prefix and by date of birth', async () => {
    await search('nguyen van an');
    await expect.poll(resultNames).toEqual(['Nguyễn Văn An']);
    expect(await page.locator('#people-list .row .meta').first().textContent()).toContain('0010•••••345');
    await search('Bùi Thị Lan');
    await expect.poll(resultNames).toEqual(['Bùi Thị Lan']);
    await search('00117');
    await expect.poll(resultNames).toEqual(['Bùi Thị Lan']);
    await search('15/08/1992');
    await expect.poll(resultNames).toEqual(['Trần Thị Bích']);
    await search('khong co ai');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('Không tìm thấy công dân nào.');
  });

  it('edits with the keyboard, validating inline in Vietnamese', async () => {
    await search('nguyen van an');
    await expect.poll(resultNames).toEqual(['Nguyễn Văn An']);
    await page.getByLabel('Tìm công dân', { exact: true }).press('Enter');
    const phone = page.getByLabel('Số điện thoại');
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Văn An');
    // A field added to the table (Nghề nghiệp) is in the editor with nothing else to write.
    await page.getByLabel('Nghề nghiệp').fill('Thợ mộc');
    await phone.fill('12345');
    await phone.press('Tab');
    await expect.poll(() => page.locator('#f-phone-error').textContent()).toContain('không đúng dạng');
    await phone.fill('0912 345 678');
    await phone.press('Control+s');
    await expect.poll(status).toContain('Đã lưu.');
    await page.keyboard.press('Escape');
    await search('0912345678');
    await expect.poll(resultNames).toEqual(['Nguyễn Văn An']);
  });

  it('exports everyone as CSV that keeps leading zeros', async () => {
    await page.getByRole('tab', { name: 'Công dân' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất CSV' }).click(),
    ]);
    const text = readFileSync(await file.path(), 'utf8');
    expect(text.startsWith('\ufeff"Họ và tên"')).toBe(true);
    expect(text).toContain('"Nguyễn Văn An","01/01/1990","Nam","001090012345"');
    expect(text.split('\r\n')).toHaveLength(6);
    expect(text.split('\r\n')[0]).toContain('"Nghề nghiệp"');
  });

  it('never says nobody was found while the list is still being read', async () => {
    const watcher = await h.context.newPage();
    // Every text the count line ever shows, from the page's first paint on.
    await watcher.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { countTexts: string[] }).countTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="result-count"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await watcher.goto(h.extensionUrl('records.html'));
    await watcher.getByRole('tab', { name: 'Công dân' }).click();
    await expect.poll(() => watcher.getByTestId('result-count').textContent()).toBe('5 công dân');
    const seen = await watcher.evaluate(() => (window as unknown as { countTexts: string[] }).countTexts);
    expect(seen.at(-1)).toBe('5 công dân');
    expect(seen).not.toContain('Không tìm thấy công dân nào.');
    await watcher.close();
  });

  it('erases one person completely', async () => {
    await search('ngo van khai');
    await expect.poll(resultNames).toEqual(['Ngô Văn Khải']);
    await page.getByLabel('Tìm công dân', { exact: true }).press('Enter');
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Ngô Văn Khải');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Xoá hẳn người này' }).click();
    await search('ngo van khai');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('Không tìm thấy công dân nào.');
  });

  it('leaves no plaintext name, ID number, address or phone in the raw IndexedDB', async () => {
    const dump = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('motcua');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const text: string[] = [];
      const asText = (value: unknown): string => {
        if (value instanceof ArrayBuffer)
          return new TextDecoder('latin1').decode(value) + new TextDecoder().decode(value);
        if (ArrayBuffer.isView(value))
          return asText(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
        if (value && typeof value === 'object') return Object.values(value).map(asText).join('|');
        return String(value);
      };
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
        });
        text.push(...rows.map(asText));
      }
      db.close();
      return text.join('\n');
    });
    expect(dump.length).toBeGreaterThan(1000);
    for (const plain of [
      'Nguyễn Văn An',
      'Nguyen Van An',
      'NGUYỄN',
      'Trần Thị Bích',
      'Bùi Thị Lan',
      'Bui Thi Lan',
      '001090012345',
      '1090012345',
      '001170000444',
      '0912345678',
      '912345678',
      'Quán Thánh',
      'Quan Thanh',
      'Thụy Khuê',
      'Tam Hiệp',
      'Cầu Giấy',
    ]) {
      expect(dump, plain).not.toContain(plain);
    }
  });

  it('locks; another officer’s PIN works only after their passphrase in this browser session', async () => {
    const secret = () => page.getByLabel('Mã PIN hoặc cụm mật khẩu');
    const unlock = () => page.getByRole('button', { name: 'Mở khoá' }).click();
    await page.getByRole('button', { name: /Khoá/ }).click();
    await page.getByLabel('Cán bộ').selectOption({ label: 'Lê Văn Minh — Cán bộ một cửa' });
    await expect.poll(() => page.getByTestId('unlock-hint').textContent()).toContain('lần đầu hãy nhập cụm mật khẩu');
    await secret().fill('482915');
    await unlock();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Mã PIN chỉ dùng được sau khi đã mở khoá bằng cụm mật khẩu');
    await secret().fill('không phải mật khẩu');
    await unlock();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Còn 3 lần thử');
    // The next try must wait a little: the officer tries again until it is accepted ("Vui lòng chờ … giây").
    const signedIn = () => page.getByTestId('signed-in').count();
    // An answer coming back empties the field; a click then finds the button disabled, and that try is given up
    // (on a slow machine a try can still be deriving the key when the next one starts).
    await expect
      .poll(
        async () => {
          if ((await signedIn()) === 0 && (await secret().count()) === 1) {
            await secret().fill(clerkPassphrase);
            await page
              .getByRole('button', { name: 'Mở khoá' })
              .click({ timeout: 1000 })
              .catch(() => {});
          }
          return signedIn();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Cán bộ: Lê Văn Minh');
    // The session survives a reload (storage.session), without asking again.
    await page.reload();
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Cán bộ: Lê Văn Minh');
    await search('bich');
    await expect.poll(resultNames).toEqual(['Trần Thị Bích']);
    // Locked again: now the PIN is the quick unlock.
    await page.getByRole('button', { name: /Khoá/ }).click();
    await page.getByLabel('Cán bộ').selectOption({ label: 'Lê Văn Minh — Cán bộ một cửa' });
    await expect.poll(() => page.getByTestId('unlock-hint').textContent()).toBe('Nhập mã PIN (hoặc cụm mật khẩu).');
    await secret().fill('482915');
    await unlock();
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toBe('Cán bộ: Lê Văn Minh');
  });
});
