import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout12';
import { launchHarness, type Harness } from './harness/browser';
import {
  assertModel,
  centre,
  exactly,
  modelOf,
  scenarioAt,
  selectorsVisible,
  settled,
  typeInto,
} from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The twelfth held-out set and its ground truth agree: a person fills the page by hand (typing, clicking the
 * selects open, typing into their search, picking options by their text, typing a date and confirming it, walking
 * the calendar), and the page's own state then holds the scenario's `expected` values and keeps its `untouched`
 * ones.
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

describe('held-out 12: Tuyên Quang birth registration (Angular 21, ng-zorro-antd 21)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.tuyenquang.gov.vn/');
  const box = (page: Page, id: string) => page.locator(`input[id="${id}"]`);
  const select = (page: Page, key: string) => page.locator(`nz-select[formcontrolname="${key}"]`);
  /** The open select's dropdown: ng-zorro renders it in the CDK overlay container at the end of body. */
  const dropdown = (page: Page) => page.locator('.cdk-overlay-container nz-option-container.ant-select-dropdown');
  const pickerPanel = (page: Page) => page.locator('.cdk-overlay-container .ant-picker-dropdown');

  /**
   * An nz-select: clicked open, the search typed into its own search input when `search` is given (nzShowSearch's
   * default filter keeps the options whose label contains the text, case folded but not marks), the option clicked
   * by its text; the dropdown goes away and the select shows the option.
   */
  async function choose(page: Page, key: string, option: string, search?: string) {
    const root = select(page, key);
    await expect.poll(() => root.getAttribute('class'), { timeout: 5_000 }).not.toMatch(/ant-select-disabled/);
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect.poll(() => dropdown(page).count()).toBe(0);
      await centre(root);
      await root.locator('.ant-select-selector').click();
      await expect.poll(() => dropdown(page).count()).toBe(1);
      await settled(dropdown(page));
      if (search) {
        const input = root.locator('input.ant-select-selection-search-input');
        await input.fill('');
        await input.pressSequentially(search);
        await expect.poll(() => dropdown(page).locator('nz-option-item').count()).toBeGreaterThan(0);
      }
      const choice = dropdown(page)
        .locator('nz-option-item')
        .filter({ hasText: exactly(option) });
      if ((await choice.count()) === 1) {
        await choice.click();
        break;
      }
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => dropdown(page).count()).toBe(0);
    await expect.poll(() => root.locator('nz-select-item').textContent()).toMatch(exactly(option));
  }

  /** A date typed into nz-date-picker's input (nzFormat dd/MM/yyyy) and confirmed with Enter; the panel closes. */
  async function typeDate(page: Page, id: string, shown: string) {
    const input = box(page, id);
    await centre(input);
    await input.click();
    await expect.poll(() => pickerPanel(page).count()).toBe(1);
    await input.fill('');
    await input.pressSequentially(shown);
    await input.press('Enter');
    await expect.poll(() => pickerPanel(page).count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(shown);
  }

  /** In the open picker's decade view, the decade arrows lead to the year, which is clicked. */
  async function clickYear(page: Page, year: number) {
    const panel = pickerPanel(page);
    const header = panel.locator('.ant-picker-header-view');
    // The header is read only once it shows a decade (mid-render it can be empty, and NaN would pass any poll).
    const shownDecade = async () => Number(/(\d{4})-/.exec((await header.textContent()) ?? '')?.[1]);
    const decadeStart = async () => {
      await expect.poll(async () => Number.isFinite(await shownDecade())).toBe(true);
      return shownDecade();
    };
    for (let i = 0; i < 20; i++) {
      await settled(panel);
      const first = await decadeStart();
      if (year >= first && year <= first + 9) break;
      await panel
        .locator(year < first ? '.ant-picker-header-super-prev-btn' : '.ant-picker-header-super-next-btn')
        .click();
      await expect.poll(decadeStart).not.toBe(first);
    }
    await panel
      .locator('td.ant-picker-cell-in-view')
      .filter({ hasText: exactly(String(year)) })
      .click();
  }

  /**
   * nz-date-picker walked as a person does: the input opens the panel on this month; the year button opens the
   * decade view, the year is clicked (back to the days); the month button opens the months ("thg 4"), the month
   * is clicked; then the day; the panel closes and the input shows dd/MM/yyyy.
   */
  async function pickDate(page: Page, id: string, [day, month, year]: [number, number, number]) {
    const input = box(page, id);
    await centre(input);
    await input.click();
    const panel = pickerPanel(page);
    await expect.poll(() => panel.count()).toBe(1);
    await settled(panel);
    // Under load a late arrow click can move the decade under the pointer (the cells are reused, so the year
    // clicked is another); a person sees the wrong year in the header and picks it again.
    const yearButton = panel.locator('.ant-picker-header-year-btn');
    for (let attempt = 0; attempt < 3; attempt++) {
      await yearButton.click();
      await clickYear(page, year);
      await settled(panel);
      if (exactly(String(year)).test((await yearButton.textContent()) ?? '')) break;
    }
    await expect.poll(() => yearButton.textContent()).toMatch(exactly(String(year)));
    await panel.locator('.ant-picker-header-month-btn').click();
    await panel
      .locator('td.ant-picker-cell')
      .filter({ hasText: exactly(`thg ${month}`) })
      .click();
    await expect
      .poll(() => panel.locator('.ant-picker-header-month-btn').textContent())
      .toMatch(exactly(`thg ${month}`));
    await panel
      .locator('td.ant-picker-cell-in-view')
      .filter({ hasText: exactly(String(day)) })
      .click();
    await expect.poll(() => pickerPanel(page).count()).toBe(0);
    const dd = (n: number) => String(n).padStart(2, '0');
    await expect.poll(() => input.inputValue()).toBe(`${dd(day)}/${dd(month)}/${year}`);
  }

  /** A year picker (nzMode year) opens on its decade view; the year is clicked and the panel closes. */
  async function pickYear(page: Page, id: string, year: number) {
    const input = box(page, id);
    await centre(input);
    await input.click();
    await expect.poll(() => pickerPanel(page).count()).toBe(1);
    await settled(pickerPanel(page));
    await clickYear(page, year);
    await expect.poll(() => pickerPanel(page).count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(String(year));
  }

  /** The ward select is enabled once its list has loaded. */
  async function wardsLoaded(page: Page) {
    await expect
      .poll(() => select(page, 'meXa').getAttribute('class'), { timeout: 5_000 })
      .not.toMatch(/ant-select-disabled|ant-select-loading/);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('section.tq-block h2');
    await expect.poll(async () => Object.keys(await modelOf(page)).length).toBeGreaterThan(0);
    return page;
  };

  it('before filling, the model holds none of the expected values', async () => {
    const page = await open();
    const model = await modelOf(page);
    for (const [key, want] of Object.entries(s.expected)) {
      expect(key in model, `${key} is in the model`).toBe(true);
      if (want instanceof RegExp) expect(String(model[key] ?? ''), key).not.toMatch(want);
      else expect(model[key], key).not.toBe(want);
      expect(model[key] ?? null, key).toBeNull();
    }
    for (const [key, keep] of Object.entries(s.untouched ?? {})) expect(model[key] ?? null, key).toBe(keep);
    await page.close();
  });

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    expect(await page.locator('section.tq-block > h2').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người yêu cầu',
      'Thông tin người được khai sinh',
      'Thông tin người mẹ',
      'Thông tin người cha',
    ]);
    // nz-form-label renders a <label for> from nzFor; nzRequired is a class whose ::before draws the star.
    const label = page.locator('nz-form-label:has(label[for="nycHoTen"]) label');
    expect(await label.textContent()).toMatch(/^\s*Họ, chữ đệm, tên\s*$/);
    expect(await label.getAttribute('class')).toMatch(/ant-form-item-required/);
    expect(await box(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await select(page, 'meXa').getAttribute('class')).toMatch(/ant-select-disabled/);
    expect(await dropdown(page).count()).toBe(0);

    // Thông tin người yêu cầu
    await typeInto(box(page, 'nycHoTen'), 'Nguyễn Thị Mai');
    await typeInto(box(page, 'nycSoDinhDanh'), '001194000111');
    await choose(page, 'nycQuanHe', 'Mẹ');
    await typeInto(box(page, 'nycSoDienThoai'), '0912345678');
    // Thông tin người được khai sinh: the date typed and confirmed.
    await typeInto(box(page, 'ksHoTen'), 'Trần Bảo An');
    await typeDate(page, 'ksNgaySinh', '05/09/2026');
    const nam = page
      .locator('nz-radio-group[formcontrolname="ksGioiTinh"] label[nz-radio]')
      .filter({ hasText: exactly('Nam') });
    await centre(nam);
    await nam.click();
    await expect.poll(() => nam.getAttribute('class')).toMatch(/ant-radio-wrapper-checked/);
    await choose(page, 'ksDanToc', 'Kinh', 'kinh');
    await choose(page, 'ksQuocTich', 'Việt Nam', 'Việt');
    await typeInto(box(page, 'ksNoiSinh'), 'Bệnh viện Phụ sản Hà Nội');
    // Thông tin người mẹ: the date walked in the calendar.
    await typeInto(box(page, 'meHoTen'), 'Nguyễn Thị Mai');
    await pickDate(page, 'meNgaySinh', [12, 4, 1994]);
    await choose(page, 'meDanToc', 'Kinh', 'Kinh');
    await typeInto(box(page, 'meSoDinhDanh'), '001194000111');
    await choose(page, 'meTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'meXa', 'Phường Hoàn Kiếm', 'hoàn kiếm');
    await typeInto(box(page, 'meDiaChi'), 'Số 5 phố Hàng Bạc');
    // Thông tin người cha: the year picked in the year picker.
    await typeInto(box(page, 'chaHoTen'), 'Trần Văn Bình');
    await pickYear(page, 'chaNamSinh', 1990);
    await choose(page, 'chaDanToc', 'Kinh', 'kinh');
    await typeInto(box(page, 'chaSoDinhDanh'), '001090000222');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the search keeps the marks; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    // nzShowSearch's default filter folds case but not marks: "tay" finds no Tày, "tày" does.
    const root = select(page, 'chaDanToc');
    await centre(root);
    await root.locator('.ant-select-selector').click();
    await expect.poll(() => dropdown(page).count()).toBe(1);
    const search = root.locator('input.ant-select-selection-search-input');
    await search.pressSequentially('tay');
    await expect.poll(() => dropdown(page).locator('nz-option-item').count()).toBe(0);
    await search.fill('');
    await search.pressSequentially('tày');
    await expect.poll(() => dropdown(page).locator('nz-option-item').allTextContents()).toEqual([' Tày ']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dropdown(page).count()).toBe(0);
    expect((await modelOf(page)).chaDanToc).toBeNull();

    await choose(page, 'meTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'meXa', 'Phường Ba Đình', 'Ba Đình');
    expect((await modelOf(page)).meXa).toBe('00004');
    await choose(page, 'meTinh', 'Tỉnh Tuyên Quang', 'Tuyên');
    expect((await modelOf(page)).meXa).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'meXa', 'Phường Minh Xuân', 'Minh Xuân');
    expect((await modelOf(page)).meTinh).toBe('08');
    await choose(page, 'meTinh', 'Tỉnh Cao Bằng', 'Cao Bằng');
    await wardsLoaded(page);
    await centre(select(page, 'meXa'));
    await select(page, 'meXa').locator('.ant-select-selector').click();
    await expect
      .poll(() => dropdown(page).textContent(), { timeout: 5_000 })
      .toMatch(/Không tải được danh sách xã\/phường/);
    await page.keyboard.press('Escape');
    expect((await modelOf(page)).meXa).toBeNull();
    await page.close();
  });
});
