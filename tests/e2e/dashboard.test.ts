import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel, pickInPanel } from './harness/panel';
import { setUpAndImport } from './harness/records';
import { tmpDir } from './harness/paths';

/**
 * The supervisor's side of the filing log: a filing made on a replica portal, submitted, seen with its dossier
 * code on the dashboard; filters, exports, the print view, the integrity check; a second counter's bundle.
 */
const bundlePassphrase = 'quay-hai-2026';
let h: Harness;
let dashboard: Page;
let code = '';

/** Waits (no sleeps) until the panel's filing status reads exactly `text`; usable in hooks, unlike expect.poll. */
function statusReads(page: Page, text: string, timeout = 15_000) {
  const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.getByTestId('filing-status').filter({ hasText: exact }).waitFor({ timeout });
}

/** Fills the plain birth form as an officer would and submits it; returns the dossier code the portal gave. */
async function fileBirth(harness: Harness, submit: boolean): Promise<string> {
  const page = await harness.openPortal('https://dichvucong.gov.vn/khai-sinh/');
  const panel = await openPanel(harness, page);
  await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
  await pickInPanel(panel, 'tran bao an', 'Trần Bảo An');
  await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
  await panel.getByTestId('fill-summary').waitFor();
  await statusReads(panel, 'Nháp: chờ nộp trên cổng');
  if (!submit) {
    await panel.getByLabel('Ghi chú của cán bộ').fill('Công dân sẽ quay lại bổ sung giấy chứng sinh');
    await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await panel.getByRole('button', { name: 'Huỷ hồ sơ' }).click();
    // Asked again before it is cancelled.
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Huỷ hồ sơ' }).click();
    await statusReads(panel, 'Đã huỷ');
    await page.close();
    await panel.close();
    return '';
  }
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.waitForURL(/da-nop\.html/);
  const given = new URL(page.url()).searchParams.get('ma')!;
  await statusReads(panel, `Đã nộp — mã hồ sơ: ${given}`);
  await page.close();
  await panel.close();
  return given;
}

let bundlePath = '';
let otherFingerprint = '';

beforeAll(async () => {
  // A second counter (its own Chromium profile, its own key) files once and exports its signed log.
  const other = await launchHarness();
  try {
    await setUpAndImport(other, 'family.csv', 4);
    await fileBirth(other, true);
    const page = await other.context.newPage();
    await page.goto(other.extensionUrl('dashboard.html'));
    await page.getByLabel('Tên quầy này').fill('Quầy 2');
    await page.getByRole('button', { name: 'Đổi tên' }).click();
    otherFingerprint = (await page.getByTestId('own-fingerprint').textContent()) ?? '';
    await page.getByLabel('Mật khẩu của tệp (ít nhất 8 ký tự)').fill(bundlePassphrase);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất nhật ký quầy này' }).click(),
    ]);
    bundlePath = join(tmpDir, 'bundle-quay-2.json');
    await download.saveAs(bundlePath);
  } finally {
    await other.close();
  }
  h = await launchHarness();
  await setUpAndImport(h, 'family.csv', 4);
  code = await fileBirth(h, true);
  await fileBirth(h, false);
  dashboard = await h.context.newPage();
  await dashboard.goto(h.extensionUrl('dashboard.html'));
}, 240_000);
afterAll(async () => {
  await h?.close();
});

describe('the dashboard', () => {
  it('shows both filings, the submitted one with its dossier code and its citizens', async () => {
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('2 hồ sơ');
    const rows = dashboard.getByTestId('filing-rows').getByRole('row');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([expect.stringContaining('Đã huỷ'), expect.stringContaining(code)]);
    await expect.poll(() => rows.nth(1).textContent()).toContain('Trần Bảo An');
    // Names with masked IDs only.
    expect(await rows.nth(1).textContent()).toContain('0011•••••111');
    expect(await rows.nth(1).textContent()).not.toContain('001194000111');
  });

  it('filters by status and procedure', async () => {
    await dashboard.getByLabel('Trạng thái', { exact: true }).selectOption({ label: 'Đã nộp' });
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('1 hồ sơ');
    await dashboard.getByLabel('Trạng thái', { exact: true }).selectOption({ label: 'Tất cả' });
    await dashboard.getByLabel('Thủ tục', { exact: true }).selectOption({ label: 'Đăng ký khai sinh' });
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('2 hồ sơ');
    // Days as officers type them, dd/mm/yyyy (not the browser's own date format).
    await dashboard.getByLabel('Từ ngày').fill('01/01/2000');
    await dashboard.getByLabel('Đến ngày').fill('02/01/2000');
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('0 hồ sơ');
    await dashboard.getByLabel('Từ ngày').fill('');
    await dashboard.getByLabel('Đến ngày').fill('');
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('2 hồ sơ');
  });

  it('drills down to a filing’s history in a dialog in view: each change its own entry, in Vietnam time, in Vietnamese', async () => {
    await dashboard.getByTestId('filing-rows').getByRole('row').first().click();
    const detail = dashboard.getByRole('dialog', { name: 'Chi tiết hồ sơ' });
    // Recorded before the form was written, its counts after the read-back, the note, the cancellation.
    await expect.poll(() => detail.locator('ol li').count()).toBe(4);
    expect(await detail.textContent()).toContain('Công dân sẽ quay lại bổ sung giấy chứng sinh');
    // The dialog is on screen, wherever the row was.
    const box = (await detail.boundingBox())!;
    const viewport = dashboard.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Roles in Vietnamese ("Người được khai sinh", never "child:" or "subject:"), times as the table shows them.
    const text = (await detail.textContent()) ?? '';
    expect(text).not.toMatch(/\b(subject|child|mother|father|requester)\b|UTC/);
    expect(text).toMatch(/Người được khai sinh: Trần Bảo An|Mẹ: Nguyễn Thị Mai/);
    const rowTime = (
      (await dashboard.getByTestId('filing-rows').getByRole('row').first().getByRole('cell').first().textContent()) ??
      ''
    ).trim();
    expect(rowTime).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const times = await detail.locator('ol li').allTextContents();
    for (const line of times) expect(line).toMatch(/^#\d+ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} · /);
    expect(times.at(-1)).toContain(rowTime);
    await dashboard.screenshot({ path: join(tmpDir, 'dashboard-detail.png') });
    await detail.getByRole('button', { name: 'Đóng' }).click();
    expect(await detail.isVisible()).toBe(false);
  });

  it.each([
    [1366, 768],
    [1920, 1080],
  ])('uses the whole width at %i×%i: procedure, dossier code and citizen never cut off', async (width, height) => {
    await dashboard.setViewportSize({ width, height });
    const table = dashboard.getByRole('table', { name: 'Bảng theo dõi hồ sơ' });
    const box = (await table.boundingBox())!;
    expect(box.width).toBeGreaterThan(width - 100);
    expect(await dashboard.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const clipped = await dashboard
      .getByTestId('filing-rows')
      .evaluate((rows) =>
        [...rows.querySelectorAll('[role=cell]')]
          .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)
          .map((c) => c.textContent),
      );
    expect(clipped).toEqual([]);
    const submitted = dashboard.getByTestId('filing-rows').getByRole('row').filter({ hasText: code });
    for (const text of [code, 'Trần Bảo An', 'Đăng ký khai sinh'])
      await expect.poll(() => submitted.getByText(text, { exact: false }).first().isVisible()).toBe(true);
    await dashboard.screenshot({ path: join(tmpDir, `dashboard-${width}.png`) });
    await dashboard.setViewportSize({ width: 1280, height: 800 });
  });

  it('exports the filtered view to CSV', async () => {
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Xuất CSV' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\ufeff"Thời điểm"')).toBe(true);
    expect(text).toContain(`"${code}"`);
    expect(text).toContain('Trần Bảo An');
    expect(text).toContain('"Đã huỷ"');
  });

  it('prints an A4 report with the ward and the figures', async () => {
    await dashboard.emulateMedia({ media: 'print' });
    const report = dashboard.getByTestId('print-report');
    expect(await report.isVisible()).toBe(true);
    expect(await report.textContent()).toContain('BÁO CÁO TIẾP NHẬN HỒ SƠ');
    expect(await report.textContent()).toContain('Đăng ký khai sinh2');
    expect(await dashboard.getByTestId('filing-rows').isVisible()).toBe(false);
    await dashboard.emulateMedia({ media: 'screen' });
  });

  it('verifies the chain', async () => {
    await dashboard.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await expect
      .poll(() => dashboard.getByRole('list', { name: 'Kiểm tra tính toàn vẹn' }).textContent())
      .toMatch(/7 mục, chuỗi nguyên vẹn/);
  });

  it('refuses a tampered bundle from another counter and keeps nothing of it', async () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { entries: Array<{ dossierCode: string | null }> };
    bundle.entries.at(-1)!.dossierCode = 'G22.99-000000-000000';
    const tampered = join(tmpDir, 'bundle-tampered.json');
    writeFileSync(tampered, JSON.stringify(bundle));
    await dashboard.getByLabel('Mật khẩu của tệp (ít nhất 8 ký tự)').fill(bundlePassphrase);
    await dashboard.getByLabel('Tệp nhật ký (.json)').setInputFiles(tampered);
    await dashboard.getByRole('button', { name: 'Nhập nhật ký quầy khác' }).click();
    await expect.poll(() => dashboard.getByRole('alert').textContent()).toContain('Chữ ký không hợp lệ');
    expect(await dashboard.getByTestId('dash-total').textContent()).toBe('2 hồ sơ');
  });

  it('asks the supervisor to enrol the second counter by its fingerprint, then imports its signed bundle', async () => {
    await dashboard.getByLabel('Tệp nhật ký (.json)').setInputFiles(bundlePath);
    await dashboard.getByRole('button', { name: 'Nhập nhật ký quầy khác' }).click();
    const enrol = dashboard.getByRole('region', { name: 'Đăng ký quầy mới' });
    await expect.poll(() => enrol.getByTestId('enrol-fingerprint').textContent()).toBe(otherFingerprint);
    expect(otherFingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    // Nothing is taken before the confirmation.
    expect(await dashboard.getByTestId('dash-total').textContent()).toBe('2 hồ sơ');
    await enrol.getByRole('button', { name: 'Xác nhận và nhập' }).click();
    await expect
      .poll(() => dashboard.getByRole('status').last().textContent())
      .toMatch(/Đã nhập \d+ mục mới của "Quầy 2"/);
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('3 hồ sơ');
    await dashboard.getByLabel('Quầy', { exact: true }).selectOption({ label: 'Quầy 2' });
    await expect.poll(() => dashboard.getByTestId('dash-total').textContent()).toBe('1 hồ sơ');
    await expect
      .poll(() => dashboard.getByTestId('filing-rows').getByRole('row').first().textContent())
      .toContain('Trần Bảo An');
    await dashboard.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    // One line per counter (in no particular order), both intact.
    const lines = () => dashboard.getByRole('list', { name: 'Kiểm tra tính toàn vẹn' }).locator('li').allTextContents();
    await expect.poll(lines).toHaveLength(2);
    expect(await lines()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Quầy 2: \d+ mục, chuỗi nguyên vẹn\.$/),
        expect.stringMatching(/^Quầy 1: 7 mục, chuỗi nguyên vẹn\.$/),
      ]),
    );
  });

  it('finds a "Cán bộ ma" filing added to the view table behind the log’s back', async () => {
    await dashboard.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onsuccess = () => {
            const tx = open.result.transaction('filingViews', 'readwrite');
            const store = tx.objectStore('filingViews');
            const all = store.getAll();
            all.onsuccess = () => {
              const first = all.result[0] as Record<string, unknown>;
              store.put({ ...first, id: 'ma', root: 'ma', officerId: 'ma', officerName: 'Cán bộ ma' });
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await dashboard.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await expect
      .poll(() => dashboard.getByRole('list', { name: 'Kiểm tra tính toàn vẹn' }).textContent())
      .toMatch(/bảng theo dõi có hồ sơ không có trong nhật ký: "Đăng ký khai sinh" của "Cán bộ ma"/);
  });
});
