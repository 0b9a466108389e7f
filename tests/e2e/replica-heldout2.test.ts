import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrangerScenario } from '../fixtures/portal-apps/scenario';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout2';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, modelOf, scenarioAt } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The second held-out set and its ground truth agree: a person fills each page by hand (typing, opening the
 * widgets, filtering, picking options), and the page's own state then holds the scenario's `expected` values and
 * keeps its `untouched` ones.
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

async function selectorsVisible(page: Page, s: StrangerScenario) {
  expect(Object.keys(s.selectors).sort()).toEqual(Object.keys(s.expected).sort());
  for (const [key, selector] of Object.entries(s.selectors))
    expect(await page.locator(selector).first().isVisible(), key).toBe(true);
}

describe('held-out 2: Thanh Hóa death registration (PrimeVue 4)', () => {
  const s = scenario('https://dichvucong.thanhhoa.gov.vn/');

  /**
   * Opens a Select, types into its filter, clicks the option in its overlay (appended to body). The filter keeps
   * what was typed the last time the Select was open, so the officer clears it first.
   */
  async function choose(page: Page, id: string, filter: string, option: string) {
    await page.click(`#${id}`);
    const overlay = page.locator('.p-select-overlay');
    await overlay.waitFor();
    await overlay.locator('input.p-select-filter').fill('');
    await overlay.locator('input.p-select-filter').pressSequentially(filter);
    await overlay.getByRole('option', { name: option, exact: true }).click();
    await overlay.waitFor({ state: 'detached' });
  }

  /** Types a date into a DatePicker in its dd/mm/yyyy format and closes the calendar. */
  async function date(page: Page, id: string, text: string) {
    await page.click(`#${id}`);
    await page.locator(`#${id}`).pressSequentially(text);
    await page.keyboard.press('Escape');
  }

  /** The commune list comes a moment after the province: its Select is disabled until then. */
  const wardsLoaded = (page: Page, id: string) =>
    expect.poll(() => page.locator(`.p-select:has(#${id})`).getAttribute('class')).not.toMatch(/p-disabled/);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#ndkHoTen');
    // The office list (from the catalogue API) shows the prefilled office by name.
    await expect.poll(() => page.locator('#coQuanTiepNhan').textContent()).toContain('Hạc Thành');

    await page.locator('#ndkHoTen').pressSequentially('Lê Văn Khoa');
    await date(page, 'ndkNgaySinh', '01/01/1980');
    await page.click('label[for="ndkGioiTinh1"]');
    await page.locator('#ndkSoDinhDanh').pressSequentially('001080000333');
    await page.locator('#ndkSoDienThoai').pressSequentially('0978000333');
    await choose(page, 'ndkTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'ndkXa');
    await choose(page, 'ndkXa', 'Tây Hồ', 'Phường Tây Hồ');
    await page.locator('#ndkDiaChi').pressSequentially('Tổ 5');

    await page.locator('#nchHoTen').pressSequentially('Hoàng Văn Hùng');
    await date(page, 'nchNgaySinh', '15/06/1948');
    await page.click('label[for="nchGioiTinh1"]');
    await choose(page, 'nchDanToc', 'Tày', 'Tày');
    // Quốc tịch is an AutoComplete: typing shows the suggestions, a click picks one.
    await page.locator('#nchQuocTich').pressSequentially('Việt');
    await page.locator('.p-autocomplete-overlay').getByRole('option', { name: 'Việt Nam', exact: true }).click();
    await page.locator('#nchSoDinhDanh').pressSequentially('004048000444');
    await choose(page, 'nchTinh', 'Cao Bằng', 'Tỉnh Cao Bằng');
    await wardsLoaded(page, 'nchXa');
    await choose(page, 'nchXa', 'Hưng Đạo', 'Xã Hưng Đạo');
    await page.locator('#nchDiaChi').pressSequentially('Xóm 2');

    // What the officer sees shows the picks the way the portal displays them.
    expect(await page.locator('#ndkNgaySinh').inputValue()).toBe('01/01/1980');
    expect(await page.locator('#nchQuocTich').inputValue()).toBe('Việt Nam');
    await expect.poll(() => page.locator('#nchXa').textContent()).toBe('Xã Hưng Đạo');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('another province empties the commune and loads its own list', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#ndkHoTen');
    await choose(page, 'ndkTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'ndkXa');
    await choose(page, 'ndkXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    expect((await modelOf(page)).ndkXa).toBe('00070');
    await choose(page, 'ndkTinh', 'Cao Bằng', 'Tỉnh Cao Bằng');
    expect((await modelOf(page)).ndkXa).toBeNull();
    await wardsLoaded(page, 'ndkXa');
    await choose(page, 'ndkXa', 'Hưng Đạo', 'Xã Hưng Đạo');
    expect((await modelOf(page)).ndkXa).toBe('01351');
    await page.close();
  });
});

describe('held-out 2: Cần Thơ CT01 residence change (Vuetify 3)', () => {
  const s = scenario('https://dichvucong.cantho.gov.vn/');

  /** Clicks a v-select / v-autocomplete field open, types a filter when it has one, clicks the option. */
  async function choose(page: Page, id: string, filter: string | null, option: string) {
    await page.click(`.v-field:has(#${id})`);
    if (filter) await page.locator(`#${id}`).pressSequentially(filter);
    await page.locator('.v-overlay--active').getByRole('option', { name: option, exact: true }).click();
    await page.locator('.v-overlay--active .v-list').waitFor({ state: 'detached' });
  }

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#nkkHoTen');
    await expect.poll(() => page.locator('.v-field:has(#coQuanDangKy)').textContent()).toContain('Ninh Kiều');

    await page.locator('#nkkHoTen').pressSequentially("H'Lan Niê");
    // VDateInput parses what is typed in its input format when Enter is pressed.
    await page.click('#nkkNgaySinh');
    await page.locator('#nkkNgaySinh').pressSequentially('03/03/1998');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('.v-radio-group:has(#nkkGioiTinh) label', { hasText: 'Nữ' }).click();
    await choose(page, 'nkkDanToc', 'Ê', 'Ê-đê');
    await choose(page, 'nkkQuocTich', null, 'Việt Nam');
    await page.locator('#nkkSoDinhDanh').pressSequentially('066198001234');
    await page.locator('#nkkSoDienThoai').pressSequentially('0905111222');
    await page.locator('#nkkEmail').pressSequentially('hlan.nie@example.vn');
    await choose(page, 'nkkTinh', 'Đắk', 'Tỉnh Đắk Lắk');
    await expect.poll(() => page.locator('#nkkXa').isDisabled()).toBe(false);
    await choose(page, 'nkkXa', 'Buôn Ma', 'Phường Buôn Ma Thuột');
    await page.locator('#nkkDiaChi').pressSequentially('Buôn Ko Siêr');

    await page.locator('#chuHoHoTen').pressSequentially('Lê Văn Khoa');
    await page.locator('#chuHoSoDinhDanh').pressSequentially('001080000333');

    expect(await page.locator('#nkkNgaySinh').inputValue()).toBe('03/03/1998');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('another province empties the commune and loads its own list', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#nkkHoTen');
    await choose(page, 'nkkTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await expect.poll(() => page.locator('#nkkXa').isDisabled()).toBe(false);
    await choose(page, 'nkkXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).nkkXa).toBe('00103');
    await page.locator('.v-field:has(#nkkTinh)').click();
    await page.locator('#nkkTinh').fill('');
    await page.locator('#nkkTinh').pressSequentially('Cần Thơ');
    await page.locator('.v-overlay--active').getByRole('option', { name: 'Thành phố Cần Thơ', exact: true }).click();
    expect((await modelOf(page)).nkkXa).toBeNull();
    await expect.poll(() => page.locator('#nkkXa').isDisabled()).toBe(false);
    await choose(page, 'nkkXa', 'Ninh Kiều', 'Phường Ninh Kiều');
    expect((await modelOf(page)).nkkXa).toBe('31135');
    await page.close();
  });
});
