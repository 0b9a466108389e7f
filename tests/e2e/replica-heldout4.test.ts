import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout4';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, modelOf, scenarioAt, selectorsVisible } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The fourth held-out set and its ground truth agree: a person fills each page by hand (typing, opening the
 * widgets, searching, picking options, paging a calendar), and the page's own state then holds the scenario's
 * `expected` values and keeps its `untouched` ones.
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

describe('held-out 4: Quảng Ninh death registration (Ant Design Vue 4)', () => {
  const s = scenario('https://dichvucong.quangninh.gov.vn/');
  const input = (page: Page, key: string) => page.locator(`#form_item_${key}`);
  const select = (page: Page, key: string) => page.locator(`.ant-select:has(#form_item_${key})`);

  /**
   * Clicks an a-select open, types into its search when given (show-search filters on the option's label, as
   * typed: case folded, accents kept), and clicks the option in its dropdown (teleported to body, a virtual list:
   * only the options in view exist until the search narrows them). The dropdown closes on the pick.
   */
  async function choose(page: Page, key: string, search: string | null, option: string) {
    await select(page, key).locator('.ant-select-selector').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.waitFor();
    if (search) await page.keyboard.type(search);
    await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
    await expect.poll(() => select(page, key).locator('.ant-select-selection-item').textContent()).toBe(option);
    await expect.poll(() => dropdown.count()).toBe(0);
  }

  /** The commune select is disabled (and spins) until the catalogue's list has come. */
  const wardsLoaded = (page: Page) =>
    expect.poll(() => select(page, 'nktXa').getAttribute('class')).not.toMatch(/ant-select-disabled/);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.ant-form');
    // The library draws the required star itself (a ::before on the label), the requester's labels carry "(*)".
    expect(await page.locator('label[for="form_item_nktHoTen"]').getAttribute('class')).toContain(
      'ant-form-item-required',
    );
    expect(await page.locator('label[for="form_item_nycHoTen"]').textContent()).toBe(
      'Họ, chữ đệm, tên người yêu cầu (*)',
    );
    expect(await select(page, 'coQuanThucHien').textContent()).toContain('UBND Phường Hạ Long');
    // Province list from the catalogue API before the officer starts.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.ant-select').length)).toBeGreaterThan(5);

    await input(page, 'nycHoTen').pressSequentially('Nguyễn Thị Mai');
    await input(page, 'nycSoDinhDanh').pressSequentially('001194000111');
    await input(page, 'nycSoDienThoai').pressSequentially('0912345678');

    await input(page, 'nktHoTen').pressSequentially('Hoàng Văn Hùng');
    // The picker's input is read-only until it is focused; a typed date in its format is taken on Enter.
    await input(page, 'nktNgaySinh').click();
    await page.locator('.ant-picker-dropdown:visible').waitFor();
    await page.keyboard.type('15/06/1948');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await input(page, 'nktGioiTinh').getByText('Nam', { exact: true }).click();
    // Only the first options of the 54 are drawn: Tày (02) is one of them, picked from the list as shown.
    await choose(page, 'nktDanToc', null, 'Tày');
    await choose(page, 'nktQuocTich', 'Việt', 'Việt Nam');
    await input(page, 'nktSoDinhDanh').pressSequentially('004048000444');
    await choose(page, 'nktTinh', 'Cao Bằng', 'Tỉnh Cao Bằng');
    await wardsLoaded(page);
    await choose(page, 'nktXa', 'Hưng Đạo', 'Xã Hưng Đạo');
    await input(page, 'nktDiaChi').pressSequentially('Xóm 2');

    // What the officer sees: the date as DD/MM/YYYY in the picker's input.
    expect(await input(page, 'nktNgaySinh').inputValue()).toBe('15/06/1948');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the lists are virtual, the search keeps accents; another province empties the commune', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.ant-form');
    // A late ethnicity is not in the DOM before the search narrows the list; the search does not fold accents.
    await select(page, 'nktDanToc').locator('.ant-select-selector').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.waitFor();
    expect(await dropdown.locator('.ant-select-item-option[title="Rơ măm"]').count()).toBe(0);
    expect(await dropdown.locator('.ant-select-item-option').count()).toBeLessThan(20);
    await page.keyboard.type('ro mam');
    await expect.poll(() => dropdown.locator('.ant-select-item-empty').count()).toBe(1);
    await page.keyboard.press('Escape');
    await choose(page, 'nktDanToc', 'Rơ', 'Rơ măm');
    expect((await modelOf(page)).nktDanToc).toBe('54');

    await choose(page, 'nktTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'nktXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).nktXa).toBe('00103');
    await choose(page, 'nktTinh', 'Quảng Ninh', 'Tỉnh Quảng Ninh');
    expect((await modelOf(page)).nktXa).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'nktXa', 'Hạ Long', 'Phường Hạ Long');
    expect((await modelOf(page)).nktXa).toBe('06688');
    // A province whose list the catalogue does not have leaves the commune empty and says so.
    await choose(page, 'nktTinh', 'Lào Cai', 'Tỉnh Lào Cai');
    await expect.poll(() => page.getByText('Không tải được danh sách xã/phường.').isVisible()).toBe(true);
    expect((await modelOf(page)).nktXa).toBeNull();
    await page.close();
  });
});

describe('held-out 4: Lào Cai CT01 (Liferay, Choices.js, jQuery UI datepicker)', () => {
  const s = scenario('https://dichvucong.laocai.gov.vn/');
  const NS = '_org_lc_hoso_noptructuyen_element_';
  const el = (page: Page, id: number) => page.locator(`#${NS}${id}`);

  /**
   * Clicks a Choices.js box open, types into its search input when given (Fuse's fuzzy search, at most four
   * results by default), and clicks the choice; a single select closes on the pick.
   */
  async function choose(page: Page, id: number, search: string | null, option: string) {
    const box = page.locator(`.choices:has(#${NS}${id})`);
    await box.click();
    const dropdown = box.locator('.choices__list--dropdown.is-active');
    await dropdown.waitFor();
    if (search) await box.locator('input.choices__input--cloned').pressSequentially(search);
    await dropdown
      .locator('.choices__item--choice')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
    await expect.poll(() => box.locator('.choices__list--single .choices__item').textContent()).toBe(option);
    await expect.poll(() => dropdown.count()).toBe(0);
  }

  /** The commune box is disabled until the server's list has come. */
  const wardsLoaded = (page: Page) =>
    expect.poll(() => page.locator(`.choices:has(#${NS}2108)`).getAttribute('class')).not.toMatch(/is-disabled/);

  /** jQuery UI's datepicker opens on focus: the year and month drop-downs, then the day. */
  async function pickDate(page: Page, id: number, d: number, m: number, y: number) {
    await el(page, id).click();
    const cal = page.locator('#ui-datepicker-div');
    await cal.waitFor();
    await cal.locator('select.ui-datepicker-year').selectOption(String(y));
    await cal.locator('select.ui-datepicker-month').selectOption(String(m - 1));
    await cal.locator('td[data-handler="selectDay"] a', { hasText: new RegExp(`^${d}$`) }).click();
    await cal.waitFor({ state: 'hidden' });
  }

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.choices');
    // The label is only the title; the phone copy of the block is there but hidden.
    expect(await page.locator('label[for]').count()).toBe(0);
    expect(await el(page, 2101).getAttribute('title')).toBe('Họ, chữ đệm và tên (*)');
    expect(await page.locator('.eform-mobile').isVisible()).toBe(false);
    expect(await page.locator('.eform-element-HoTenNguoiKeKhai input').count()).toBe(2);

    await el(page, 2101).pressSequentially('Nguyễn Thị Mai');
    await pickDate(page, 2102, 12, 4, 1994);
    await choose(page, 2103, null, 'Nữ');
    await el(page, 2104).pressSequentially('001194000111');
    await el(page, 2105).pressSequentially('0912345678');
    await el(page, 2106).pressSequentially('mai.nguyen@example.vn');
    await choose(page, 2107, 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 2108, 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await el(page, 2109).pressSequentially('Số 5 phố Hàng Bạc');
    await el(page, 2201).pressSequentially('Trần Văn Bình');
    await el(page, 2203).pressSequentially('001090000222');

    // What the officer sees is what the form posts: the date as dd/mm/yyyy, the native selects under Choices.
    expect(await el(page, 2102).inputValue()).toBe('12/04/1994');
    expect(await el(page, 2108).inputValue()).toBe('00070');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('a typed date stays as typed; another province empties the commune and loads its own list', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.choices');
    await el(page, 2102).pressSequentially('12/04/1994');
    await page.keyboard.press('Escape');
    expect((await modelOf(page)).NgaySinhNguoiKeKhai).toBe('12/04/1994');

    await choose(page, 2107, 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 2108, 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).XaNguoiKeKhai).toBe('00103');
    await choose(page, 2107, 'Lào Cai', 'Tỉnh Lào Cai');
    expect((await modelOf(page)).XaNguoiKeKhai).toBeNull();
    await wardsLoaded(page);
    await choose(page, 2108, 'Cam Đường', 'Phường Cam Đường');
    expect((await modelOf(page)).XaNguoiKeKhai).toBe('02671');
    // A province whose list the server does not have leaves the commune disabled and says so.
    await choose(page, 2107, 'Quảng Ninh', 'Tỉnh Quảng Ninh');
    await expect.poll(() => page.getByText('Không tải được danh sách xã/phường.').isVisible()).toBe(true);
    expect((await modelOf(page)).XaNguoiKeKhai).toBeNull();
    await page.close();
  });
});
