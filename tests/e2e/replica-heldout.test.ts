import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, modelOf, scenarioAt } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The held-out replicas and their ground truth agree: a person fills each page by hand (typing, opening the
 * widgets, picking options), and the page's own state then holds the scenario's `expected` values and keeps
 * its `untouched` ones.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await launchHarness();
});
afterAll(async () => {
  const netLog = await harness?.close();
  // No page may reach any host but the replicas' own (no font or script CDN).
  if (netLog) expect(outsideRequests(netLog, replicaHosts).map((r) => r.url)).toEqual([]);
});

const scenario = (prefix: string) => scenarioAt(scenarios, prefix);

describe('held-out replica: MOJ marital-status e-form in a cross-origin iframe', () => {
  const s = scenario('https://dichvucongnganhtuphap.moj.gov.vn/');

  /** Opens an x-select, searches when it offers a search box, and clicks the option. */
  async function pick(f: Frame, select: string, search: string, option: string) {
    await f.click(`${select} .x-select-header`);
    const dropdown = f.locator(`${select} .x-select-dropdown`);
    await dropdown.locator('.x-select-option').first().waitFor();
    await dropdown.locator('input[placeholder="Tìm kiếm..."]').pressSequentially(search);
    await dropdown
      .locator('.x-select-option', { hasText: option })
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
    await expect.poll(() => dropdown.count()).toBe(0);
  }

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('iframe#tokhai-frame');
    const formFrame = () => page.frames().find((x) => x.url().startsWith(s.frame!));
    await expect.poll(() => !!formFrame()).toBe(true);
    const frame = formFrame()!;
    await frame.waitForSelector('x-select[name="DanToc"] .x-select-header');
    await s.before?.(page);

    await frame.locator('x-input-number[name="SoDienThoaiC"] input').pressSequentially('0978000333');
    // The relation first: it draws the person's block again, empty.
    await frame.click('label[for="QuanHe-BanThan"]');
    await expect.poll(() => frame.locator('#tk-loading').isHidden()).toBe(true);

    await frame.locator('x-input[name="HoTen"] input').pressSequentially('Lê Văn Khoa');
    await frame.locator('input[name="NgaySinh-day"]').pressSequentially('01');
    await frame.locator('input[name="NgaySinh-month"]').pressSequentially('01');
    await frame.locator('input[name="NgaySinh-year"]').pressSequentially('1980');
    await frame.locator('x-radio[name="GioiTinh"] label', { hasText: 'Nam' }).click();
    await pick(frame, 'x-select[name="DanToc"]', 'Kinh', 'Kinh');
    await pick(frame, 'x-select[name="QuocTich"]', 'Việt', 'Việt Nam');
    await frame.locator('x-input-number[name="SoDinhDanh"] input').pressSequentially('001080000333');

    // The address block shows once "Trong nước" is ticked; its communes load after the province.
    await frame.locator('x-radio[name="NoiCuTru"] label', { hasText: 'Trong nước' }).click();
    const rows = 'x-select-area[name="NoiCuTru_TrongNuoc"] .x-area-row';
    await frame.locator(rows).first().waitFor();
    await pick(frame, `${rows}:nth-child(2) x-select`, 'Hà Nội', 'Thành phố Hà Nội');
    await pick(frame, `${rows}:nth-child(3) x-select`, 'Tây Hồ', 'Phường Tây Hồ');
    await frame.locator(`${rows}:nth-child(4) input`).pressSequentially('Tổ 5');

    // Every selector of the scenario points at something the officer sees.
    for (const [key, selector] of Object.entries(s.selectors))
      expect(await frame.locator(selector).first().isVisible(), key).toBe(true);
    assertModel(await modelOf(frame), s);
    await page.close();
  });
});

describe('held-out replica: Ho Chi Minh City marriage registration (Vue 3 + Element Plus)', () => {
  const s = scenario('https://dichvucong.hochiminhcity.gov.vn/');

  /** Clicks an el-select open, types into its filter, clicks the option in its (teleported) dropdown. */
  async function choose(page: Page, id: string, filter: string, option: string) {
    await page.click(`#${id}`);
    await page.locator(`#${id}`).pressSequentially(filter);
    await page.getByRole('option', { name: option, exact: true }).click();
    await expect.poll(() => page.getByRole('option', { name: option, exact: true }).isVisible()).toBe(false);
  }

  async function side(page: Page, p: 'benNu' | 'benNam', who: Record<string, string>) {
    await page.locator(`#${p}HoTen`).pressSequentially(who.name!);
    // el-date-picker takes the date typed in its display format; Enter confirms it.
    await page.click(`#${p}NgaySinh`);
    await page.locator(`#${p}NgaySinh`).pressSequentially(who.born!);
    await page.keyboard.press('Enter');
    await choose(page, `${p}DanToc`, who.ethnicityFilter!, who.ethnicity!);
    await choose(page, `${p}QuocTich`, 'Việt', 'Việt Nam');
    await page.locator(`#${p}SoDinhDanh`).pressSequentially(who.id!);
    await choose(page, `${p}Tinh`, who.provinceFilter!, who.province!);
    await expect.poll(() => page.locator(`#${p}Xa`).isDisabled()).toBe(false);
    await choose(page, `${p}Xa`, who.wardFilter!, who.ward!);
    await page.locator(`#${p}DiaChi`).pressSequentially(who.detail!);
    await page.locator(`#${p}SoDienThoai`).pressSequentially(who.phone!);
    if (who.email) await page.locator(`#${p}Email`).pressSequentially(who.email);
  }

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#benNuHoTen');
    await s.before?.(page);
    await side(page, 'benNu', {
      name: "H'Lan Niê",
      born: '03/03/1998',
      ethnicityFilter: 'Ê',
      ethnicity: 'Ê Đê',
      id: '066198001234',
      provinceFilter: 'Đắk',
      province: 'Tỉnh Đắk Lắk',
      wardFilter: 'Buôn Ma',
      ward: 'Phường Buôn Ma Thuột',
      detail: 'Buôn Ko Siêr',
      phone: '0905111222',
      email: 'hlan.nie@example.vn',
    });
    await side(page, 'benNam', {
      name: 'Trần Văn Bình',
      born: '20/10/1990',
      ethnicityFilter: 'Kinh',
      ethnicity: 'Kinh',
      id: '001090000222',
      provinceFilter: 'Hà Nội',
      province: 'Thành phố Hà Nội',
      wardFilter: 'Hoàn Kiếm',
      ward: 'Phường Hoàn Kiếm',
      detail: 'Số 5 phố Hàng Bạc',
      phone: '0987654321',
    });
    // What the officer sees shows the picks the way the portal displays them.
    await expect.poll(() => page.locator('#benNuNgaySinh').inputValue()).toBe('03/03/1998');
    for (const [key, selector] of Object.entries(s.selectors))
      expect(await page.locator(selector).first().isVisible(), key).toBe(true);
    assertModel(await modelOf(page), s);
    await page.close();
  });
});
