import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout6';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, modelOf, scenarioAt, selectorsVisible } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The sixth held-out set and its ground truth agree: a person fills each page by hand (typing, opening the
 * widgets, searching, picking options), and the page's own state then holds the scenario's `expected` values
 * and keeps its `untouched` ones.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await launchHarness();
});
afterAll(async () => {
  const netLog = await harness?.close();
  // No page may reach any host but the replicas' own (no font, icon or script CDN).
  if (netLog) expect(outsideRequests(netLog, replicaHosts).map((r) => r.url)).toEqual([]);
});

const scenario = (prefix: string) => scenarioAt(scenarios, prefix);

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('held-out 6: Đồng Nai birth registration (React 19, PrimeReact 10)', () => {
  const s = scenario('https://dichvucong.dongnai.gov.vn/');
  const box = (page: Page, id: string) => page.locator(`.p-dropdown:has(#${id})`);

  /**
   * Clicks a Dropdown open (its panel is appended to body), types into its filter when it has one (the filter
   * is focused on opening; it folds accents and matches anywhere; it keeps what was typed the last time the
   * panel was open, so a person clears it first), and clicks the item; the panel closes.
   */
  async function choose(page: Page, id: string, search: string | null, option: string) {
    await box(page, id).click();
    const panel = page.locator('.p-dropdown-panel');
    await panel.waitFor();
    if (search) {
      await panel.locator('.p-dropdown-filter').fill('');
      await panel.locator('.p-dropdown-filter').pressSequentially(search);
    }
    await panel
      .locator('.p-dropdown-item')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => box(page, id).locator('.p-dropdown-label').textContent()).toBe(option);
    await expect.poll(() => panel.count()).toBe(0);
  }

  /** The ward Dropdown is disabled (and spins) until the catalogue's list has come. */
  const wardsLoaded = (page: Page, id: string) =>
    expect.poll(() => box(page, id).getAttribute('class')).not.toMatch(/p-disabled/);

  /** A Calendar's box opens its panel on focus, takes a date typed as dd/mm/yyyy; Escape closes the panel. */
  async function typeDate(page: Page, id: string, text: string) {
    await page.locator(`#${id}`).click();
    await page.locator('.p-datepicker').waitFor();
    await page.locator(`#${id}`).pressSequentially(text);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.p-datepicker').count()).toBe(0);
    expect(await page.locator(`#${id}`).inputValue()).toBe(text);
  }

  const type = (page: Page, id: string, text: string) => page.locator(`#${id}`).pressSequentially(text);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.p-panel');
    // Labels name PrimeReact's inputId; the blocks are Panel headers.
    expect(await page.locator('label[for="meHoTen"]').textContent()).toBe('Họ, chữ đệm, tên *');
    expect(await page.locator('.p-panel-header .p-panel-title').allTextContents()).toEqual([
      'Thông tin người được khai sinh',
      'Thông tin người mẹ',
      'Thông tin người cha',
      'Thông tin người yêu cầu',
    ]);
    expect(await page.locator('#maThuTuc').getAttribute('readonly')).not.toBeNull();
    await expect.poll(async () => (await modelOf(page)).meTinh === null).toBe(true);

    // Người được khai sinh
    await type(page, 'ksHoTen', 'Trần Bảo An');
    await typeDate(page, 'ksNgaySinh', '05/09/2026');
    await page.locator('label[for="ksGioiTinh1"]').click();
    await choose(page, 'ksDanToc', 'Kinh', 'Kinh');
    await choose(page, 'ksQuocTich', null, 'Việt Nam');
    await type(page, 'ksNoiSinh', 'Bệnh viện Phụ sản Hà Nội');
    await type(page, 'ksQueQuan', 'Thái Bình');
    // Người mẹ
    await type(page, 'meHoTen', 'Nguyễn Thị Mai');
    await typeDate(page, 'meNgaySinh', '12/04/1994');
    await choose(page, 'meDanToc', null, 'Kinh');
    await choose(page, 'meQuocTich', 'Việt', 'Việt Nam');
    await type(page, 'meSoDinhDanh', '001194000111');
    await choose(page, 'meTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'meXa');
    await choose(page, 'meXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await type(page, 'meDiaChi', 'Số 5 phố Hàng Bạc');
    // Người cha
    await type(page, 'chaHoTen', 'Trần Văn Bình');
    await typeDate(page, 'chaNgaySinh', '20/10/1990');
    await choose(page, 'chaDanToc', 'kinh', 'Kinh');
    await choose(page, 'chaQuocTich', 'Viet Nam', 'Việt Nam');
    await type(page, 'chaSoDinhDanh', '001090000222');
    await choose(page, 'chaTinh', 'Ha Noi', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'chaXa');
    await choose(page, 'chaXa', 'Hoan Kiem', 'Phường Hoàn Kiếm');
    await type(page, 'chaDiaChi', 'Số 5 phố Hàng Bạc');
    // Người yêu cầu
    await type(page, 'nycHoTen', 'Hoàng Văn Hùng');
    await typeDate(page, 'nycNgaySinh', '15/06/1948');
    await type(page, 'nycSoDinhDanh', '004048000444');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the filter folds accents; another province empties the ward; a missing list says so', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.p-panel');
    await choose(page, 'chaDanToc', 'ro mam', 'Rơ măm');
    expect((await modelOf(page)).chaDanToc).toBe('54');
    await choose(page, 'chaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'chaXa');
    await choose(page, 'chaXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).chaXa).toBe('00103');
    // The filter keeps the last search (resetFilterOnHide is off by default).
    await box(page, 'chaTinh').click();
    expect(await page.locator('.p-dropdown-panel .p-dropdown-filter').inputValue()).toBe('Hà Nội');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.p-dropdown-panel').count()).toBe(0);
    await choose(page, 'chaTinh', 'Đồng Nai', 'Thành phố Đồng Nai');
    await expect.poll(async () => (await modelOf(page)).chaXa).toBeNull();
    await wardsLoaded(page, 'chaXa');
    await choose(page, 'chaXa', 'Trấn Biên', 'Phường Trấn Biên');
    expect((await modelOf(page)).chaXa).toBe('26041');
    expect((await modelOf(page)).meXa).toBeNull();
    await choose(page, 'chaTinh', 'Gia Lai', 'Tỉnh Gia Lai');
    await expect.poll(() => page.locator('#chaXaLoi').isVisible()).toBe(true);
    expect((await modelOf(page)).chaXa).toBeNull();
    await page.close();
  });
});

describe('held-out 6: An Giang CT01 (jQuery, Fomantic-UI 2.9)', () => {
  const s = scenario('https://dichvucong.angiang.gov.vn/');
  const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
  const type = (page: Page, name: string, text: string) => field(page, name).pressSequentially(text);
  const dropdownOf = (page: Page, name: string) => page.locator(`.ui.dropdown:has(> [name="${name}"])`);

  /**
   * Clicks a Fomantic dropdown open, types into its search box when it is a search dropdown (substring,
   * accents kept), and clicks the item; the menu closes on the pick and the select or hidden input holds it.
   */
  async function choose(page: Page, name: string, search: string | null, option: string) {
    const dd = dropdownOf(page, name);
    await dd.click();
    const menu = dd.locator('> .menu');
    await expect.poll(() => menu.isVisible()).toBe(true);
    if (search) await dd.locator('> input.search').pressSequentially(search);
    await menu
      .locator('.item:not(.filtered)')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => dd.locator('> .text').textContent()).toBe(option);
    await expect.poll(() => menu.isVisible()).toBe(false);
  }

  /** The ward dropdown is disabled until the AJAX list has come and the dropdown was refreshed. */
  const wardsLoaded = (page: Page) =>
    expect.poll(() => page.locator('#ddXa').getAttribute('class')).not.toMatch(/\bdisabled\b/);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.ui.selection.dropdown');
    // Fomantic's form markup: labels without `for`, the required star drawn by CSS; dividing headers as blocks.
    const label = page.locator('.field:has(> [name="chu_ho[ho_ten]"]) > label');
    expect(await label.textContent()).toBe('Họ, chữ đệm và tên chủ hộ');
    expect(await label.getAttribute('for')).toBeNull();
    expect(await label.evaluate((el) => getComputedStyle(el, '::after').content)).toMatch(/\*/);
    expect(await page.locator('h4.ui.dividing.header').allTextContents()).toEqual([
      'Thông tin người kê khai',
      'Thông tin chủ hộ',
      'Nội dung đề nghị',
    ]);
    expect(await field(page, 'ma_ho_so').getAttribute('readonly')).not.toBeNull();

    await type(page, 'nguoi_ke_khai[ho_ten]', "H'Lan Niê");
    // The calendar opens on focus; the typed date is parsed day first and kept as DD/MM/YYYY on blur.
    await field(page, 'nguoi_ke_khai[ngay_sinh]').click();
    await expect.poll(() => page.locator('#lichNgaySinh .ui.popup').isVisible()).toBe(true);
    await field(page, 'nguoi_ke_khai[ngay_sinh]').pressSequentially('03/03/1998');
    await page.keyboard.press('Tab');
    await expect.poll(() => field(page, 'nguoi_ke_khai[ngay_sinh]').inputValue()).toBe('03/03/1998');
    await choose(page, 'nguoi_ke_khai[gioi_tinh]', null, 'Nữ');
    await type(page, 'nguoi_ke_khai[so_dinh_danh]', '066198001234');
    await type(page, 'nguoi_ke_khai[so_dien_thoai]', '0905111222');
    await type(page, 'nguoi_ke_khai[email]', 'hlan.nie@example.vn');
    await choose(page, 'nguoi_ke_khai[ma_tinh]', 'Đắk Lắk', 'Tỉnh Đắk Lắk');
    await wardsLoaded(page);
    await choose(page, 'nguoi_ke_khai[ma_xa]', 'Buôn Ma', 'Phường Buôn Ma Thuột');
    await type(page, 'nguoi_ke_khai[dia_chi]', 'Buôn Ko Siêr');
    await type(page, 'chu_ho[ho_ten]', 'Lê Văn Khoa');
    await type(page, 'chu_ho[so_dinh_danh]', '001080000333');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the search keeps accents; another province clears the ward; a missing list says so', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.ui.selection.dropdown');
    const dd = dropdownOf(page, 'nguoi_ke_khai[ma_tinh]');
    await dd.click();
    await dd.locator('> input.search').pressSequentially('Dak Lak');
    await expect.poll(() => dd.locator('.item:not(.filtered)').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dd.locator('> input.search').fill('');
    await choose(page, 'nguoi_ke_khai[ma_tinh]', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'nguoi_ke_khai[ma_xa]', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page))['nguoi_ke_khai[ma_xa]']).toBe('00103');
    await choose(page, 'nguoi_ke_khai[ma_tinh]', 'An Giang', 'Tỉnh An Giang');
    expect((await modelOf(page))['nguoi_ke_khai[ma_xa]']).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'nguoi_ke_khai[ma_xa]', 'Long Xuyên', 'Phường Long Xuyên');
    expect((await modelOf(page))['nguoi_ke_khai[ma_xa]']).toBe('30307');
    await choose(page, 'nguoi_ke_khai[ma_tinh]', 'Cao Bằng', 'Tỉnh Cao Bằng');
    await expect.poll(() => page.locator('#ddXaLoi').isVisible()).toBe(true);
    expect((await modelOf(page))['nguoi_ke_khai[ma_xa]']).toBeNull();
    await page.close();
  });
});
