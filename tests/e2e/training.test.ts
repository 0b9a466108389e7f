import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar, dueDate } from '@/utils/calendar/calendar';
import { vnDateLong } from '@/utils/procedures/reception';
import { launchHarness, type Harness } from './harness/browser';
import { pickInPanel } from './harness/panel';
import { tmpDir } from './harness/paths';

/**
 * Training mode on a fresh install (nothing set up, nobody unlocked): the birth-registration tour runs on the
 * sandbox from the first step to the printed slip, and the real database stays empty throughout.
 */
let h: Harness;
let page: Page;
// The real helper panel sits beside the replica, in the training page itself.
const panel = () => page.locator('.training-panel');
const progress = () => page.getByTestId('tour-progress').textContent();
const tourButton = (name: string) =>
  page.getByRole('dialog', { name: /^Hướng dẫn/ }).getByRole('button', { name, exact: true });
const formModel = () =>
  page
    .frameLocator('[data-training=portal]')
    .locator('body')
    .evaluate(() => (window as unknown as { formModel: Record<string, string> }).formModel);

beforeAll(async () => {
  h = await launchHarness();
  page = await h.context.newPage();
  await page.goto(h.extensionUrl('training.html'));
});
afterAll(async () => {
  await h?.close();
});

describe('training mode', () => {
  it('opens the replica with the real panel on sample citizens, without any unlock', async () => {
    await expect.poll(() => panel().getByTestId('panel-officer').textContent()).toBe('Cán bộ: Học viên (dữ liệu mẫu)');
    await expect
      .poll(() => panel().locator('.role label').allTextContents())
      .toEqual(['Người yêu cầu', 'Người được khai sinh', 'Cha', 'Mẹ']);
  });

  it('runs the birth-registration tour step by step to the receipt slip', async () => {
    await page.getByRole('button', { name: 'Bắt đầu hướng dẫn: Đăng ký khai sinh' }).click();
    await expect.poll(progress).toBe('Bước 1/7');
    await tourButton('Tiếp').click();
    await expect.poll(progress).toBe('Bước 2/7');
    // The card points at its target (the panel's search box): beside the panel, level with it, not over it.
    await expect
      .poll(async () => {
        const ring = await page.locator('.tour-ring').boundingBox();
        const card = await page.getByRole('dialog', { name: /^Hướng dẫn/ }).boundingBox();
        if (!ring || !card) return 'no ring or card';
        const apart = Math.max(
          card.x - (ring.x + ring.width),
          ring.x - (card.x + card.width),
          card.y - (ring.y + ring.height),
          ring.y - (card.y + card.height),
        );
        // Beside (the panel's own margin between them at most), not over it, not across the screen.
        return apart >= 0 && apart <= 40 ? 'beside' : `apart by ${apart}`;
      })
      .toBe('beside');
    await panel().getByLabel('Tìm công dân').fill('pham thi thu ha');
    await expect.poll(progress).toBe('Bước 3/7');
    await panel().getByRole('button', { name: 'Phạm Thị Thu Hà', exact: true }).click();
    await expect.poll(progress).toBe('Bước 4/7');
    // Picking the child proposes the father and the mother from the records' relations.
    await pickInPanel(panel(), 'do minh khoi', 'Đỗ Minh Khôi');
    await expect.poll(progress).toBe('Bước 5/7');
    expect(await panel().getByLabel('Cha', { exact: true }).locator('option:checked').textContent()).toBe(
      'Đỗ Minh Quân',
    );
    await panel().getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(progress).toBe('Bước 6/7');
    const model = await formModel();
    expect(model).toMatchObject({
      nycHoTen: 'Phạm Thị Thu Hà',
      nycQuanHe: 'ME',
      ksHoTen: 'Đỗ Minh Khôi',
      chaHoTen: 'Đỗ Minh Quân',
      meHoTen: 'Phạm Thị Thu Hà',
    });
    expect(model.meSoDinhDanh).toMatch(/^\d{12}$/);
    await tourButton('Tiếp').click();
    await expect.poll(progress).toBe('Bước 7/7');

    // The procedure is recognised from the replica in its frame; papers ticked; the slip printed.
    await expect
      .poll(() => panel().getByLabel('Thủ tục', { exact: true }).locator('option:checked').textContent())
      .toBe('Đăng ký khai sinh');
    await panel().getByLabel('Tờ khai đăng ký khai sinh').check();
    const [slip] = await Promise.all([
      h.context.waitForEvent('page'),
      panel().getByRole('button', { name: 'In giấy tiếp nhận' }).click(),
    ]);
    await slip.getByTestId('slip').waitFor();
    expect(await slip.getByTestId('slip-citizen').textContent()).toBe('Phạm Thị Thu Hà');
    const calendar = new WorkCalendar();
    await expect
      .poll(
        async () =>
          (await slip.getByTestId('slip-due').textContent()) === vnDateLong(dueDate(new Date(), 0, calendar).due),
      )
      .toBe(true);
    await slip.close();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Hoàn thành bài hướng dẫn' }).count()).toBe(1);
    await tourButton('Đóng').click();
  });

  it('presenter mode: larger text, masked ID numbers in what is filled, a visible mark where the trainer clicks', async () => {
    await page.getByRole('button', { name: 'Chế độ trình chiếu' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('presenter'))).toBe(true);
    // The toolbar's buttons grow with the text, for the back of the room.
    const button = page.getByRole('button', { name: 'Làm mới dữ liệu mẫu' });
    expect(await button.evaluate((b) => Number.parseFloat(getComputedStyle(b).fontSize))).toBeGreaterThanOrEqual(20);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(40);
    await panel().getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(async () => (await formModel()).meSoDinhDanh).toMatch(/^\d{4}•••••\d{3}$/);
    await page.mouse.click(400, 300);
    expect(await page.locator('.click-mark').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Chế độ trình chiếu' }).click();
  });

  it('runs the residence (CT01) tour: an old address mapped to its 2025 ward, the fee and a 7-working-day due date', async () => {
    await page.getByRole('button', { name: 'Bắt đầu hướng dẫn: Đăng ký thường trú (CT01)' }).click();
    await expect.poll(progress).toBe('Bước 1/4');
    await expect.poll(() => panel().locator('.role label').allTextContents()).toEqual(['Người kê khai']);
    await pickInPanel(panel(), 'do minh quan', 'Đỗ Minh Quân');
    await expect.poll(progress).toBe('Bước 2/4');
    await panel().getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(progress).toBe('Bước 3/4');
    await expect.poll(async () => (await formModel()).maXa, { timeout: 10_000 }).toBe('00070');
    expect(await formModel()).toMatchObject({
      hoTen: 'Đỗ Minh Quân',
      maTinh: '01',
      diaChiChiTiet: 'Số 12 phố Hàng Bạc',
    });
    await tourButton('Tiếp').click();
    await expect.poll(progress).toBe('Bước 4/4');
    await expect.poll(() => panel().getByTestId('proc-fee').textContent()).toBe('Lệ phí: 20.000 đồng');
    const calendar = new WorkCalendar();
    await expect
      .poll(
        async () =>
          (await panel().getByTestId('proc-due').textContent()) ===
          `Hẹn trả kết quả: ${vnDateLong(dueDate(new Date(), 7, calendar, '24:00').due)}`,
      )
      .toBe(true);
    const [slip] = await Promise.all([
      h.context.waitForEvent('page'),
      panel().getByRole('button', { name: 'In giấy tiếp nhận' }).click(),
    ]);
    await slip.getByTestId('slip').waitFor();
    expect(await slip.getByTestId('slip-fee').textContent()).toBe('20.000 đồng');
    await slip.close();
    await tourButton('Đóng').click();
  });

  it('takes a trainer’s tour file, refusing a broken one with the reason', async () => {
    mkdirSync(tmpDir, { recursive: true });
    const broken = join(tmpDir, 'tour-hong.json');
    writeFileSync(broken, JSON.stringify({ id: 'Sai Ten', title: 'x', portal: 'https://evil.example/', steps: [] }));
    await page.getByLabel('Thêm bài hướng dẫn (.json)').setInputFiles(broken);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Bài hướng dẫn không hợp lệ');
    const tour = join(tmpDir, 'tour-tim-kiem.json');
    writeFileSync(
      tour,
      JSON.stringify({
        id: 'tim-kiem',
        title: 'Tìm công dân',
        portal: 'training/portal/khai-sinh/index.html',
        steps: [
          {
            title: 'Tìm',
            text: 'Gõ tên không dấu.',
            target: { in: 'panel', selector: '#motcua-search' },
            done: { in: 'panel', selector: '.results button' },
          },
        ],
      }),
    );
    await page.getByLabel('Thêm bài hướng dẫn (.json)').setInputFiles(tour);
    await expect.poll(() => page.getByRole('button', { name: 'Bắt đầu hướng dẫn: Tìm công dân' }).count()).toBe(1);
  });

  it('resets the sample data, and the real records stay empty throughout', async () => {
    await page.getByRole('button', { name: 'Làm mới dữ liệu mẫu' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã làm mới dữ liệu mẫu.' }).count()).toBe(1);
    await expect.poll(() => panel().getByTestId('panel-officer').textContent()).toBe('Cán bộ: Học viên (dữ liệu mẫu)');
    const real = await page.evaluate(`(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      if (!names.includes('motcua')) return { exists: false, rows: 0 };
      const db = await new Promise((resolve, reject) => { const r = indexedDB.open('motcua'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
      let rows = 0;
      for (const store of ['people', 'personPacks', 'searchChunks', 'officers', 'filings', 'relations']) {
        if (!db.objectStoreNames.contains(store)) continue;
        rows += await new Promise((resolve) => { const c = db.transaction(store).objectStore(store).count(); c.onsuccess = () => resolve(c.result); });
      }
      db.close();
      return { exists: true, rows };
    })()`);
    expect(real).toMatchObject({ rows: 0 });
    const sandbox = await page.evaluate(`indexedDB.databases().then((list) => list.map((d) => d.name))`);
    expect(sandbox).toContain('motcua-training');
  });
});
