import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout9';
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
 * The ninth held-out set and its ground truth agree: a person fills each page by hand (typing, clicking the
 * widgets open, typing into their filters, picking options by their text, walking the date picker), and the
 * page's own state then holds the scenario's `expected` values and keeps its `untouched` ones.
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

describe('held-out 9: Lâm Đồng birth registration (Vue 2.7, Element UI 2.15)', () => {
  const s = scenario('https://dichvucong.lamdong.gov.vn/');
  const item = (page: Page, prop: string) => page.locator(`.el-form-item:has(> label[for="${prop}"])`);
  const input = (page: Page, prop: string) => item(page, prop).locator('input.el-input__inner');

  /** Element's poppers (select, picker, cascader) live at the end of body; the one shown is the open one. */
  const shownPopper = (page: Page, cls: string) => page.locator(`body > .${cls}.el-popper:visible`);

  async function openPopper(page: Page, opener: Locator, cls: string) {
    await expect.poll(() => page.locator('body > .el-popper:visible').count()).toBe(0);
    await centre(opener);
    await opener.click();
    const popper = shownPopper(page, cls);
    await expect.poll(() => popper.count()).toBe(1);
    // vue-popper sets x-placement once it has placed the dropdown; the el-zoom-in-top transition then ends.
    await expect.poll(() => popper.getAttribute('x-placement')).not.toBeNull();
    await expect.poll(() => popper.getAttribute('class')).not.toMatch(/enter-active/);
    await settled(popper);
    return popper;
  }

  /**
   * An el-select: clicked open, its filter typed into the select's own input when `filter` is given (filterable
   * selects filter their options by the typed text); the option clicked by its text; the dropdown goes away and
   * the box shows the label.
   */
  async function choose(page: Page, prop: string, option: string, filter?: string) {
    const select = item(page, prop).locator('.el-select');
    const box = select.locator('input.el-input__inner');
    for (let attempt = 0; attempt < 3; attempt++) {
      const dropdown = await openPopper(page, box, 'el-select-dropdown');
      if (filter) {
        await box.pressSequentially(filter);
        await expect.poll(() => dropdown.locator('.el-select-dropdown__item:visible').count()).toBeGreaterThan(0);
      }
      const choice = dropdown.locator('.el-select-dropdown__item:visible').filter({ hasText: exactly(option) });
      if ((await choice.count()) === 1) {
        await choice.click();
        break;
      }
      // The filter lost keys: close the list and try again.
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => page.locator('body > .el-select-dropdown.el-popper:visible').count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(option);
  }

  const vnMonths = ['Th.1', 'Th.2', 'Th.3', 'Th.4', 'Th.5', 'Th.6', 'Th.7', 'Th.8', 'Th.9', 'Th.10', 'Th.11', 'Th.12'];
  const dd = (n: number) => String(n).padStart(2, '0');

  /** In the picker's year view, steps by decades (the « button) to the year's and clicks it. */
  async function pickYear(panel: Locator, year: number) {
    const cell = panel.locator('.el-year-table td:not(.disabled) .cell').filter({ hasText: exactly(String(year)) });
    for (let i = 0; i < 20 && (await cell.count()) === 0; i++) {
      const first = Number(await panel.locator('.el-year-table td .cell').first().textContent());
      await panel.locator(year < first ? 'button.el-icon-d-arrow-left' : 'button.el-icon-d-arrow-right').click();
    }
    await cell.click();
  }

  /**
   * el-date-picker type="date", walked as a person does: the input opens the panel (today's month), the year
   * label opens the year view, then the year, the month ("Th.4") and the day of that month are clicked; the panel
   * closes and the input shows dd/MM/yyyy.
   */
  async function pickDate(page: Page, prop: string, [day, month, year]: [number, number, number]) {
    const box = input(page, prop);
    const panel = await openPopper(page, box, 'el-date-picker');
    await panel.locator('.el-date-picker__header-label').first().click();
    await pickYear(panel, year);
    await panel
      .locator('.el-month-table td .cell')
      .filter({ hasText: exactly(vnMonths[month - 1]!) })
      .click();
    await panel
      .locator('.el-date-table td.available')
      .filter({ hasText: exactly(String(day)) })
      .click();
    await expect.poll(() => page.locator('body > .el-picker-panel:visible').count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(`${dd(day)}/${dd(month)}/${year}`);
  }

  /** The same picker takes a typed date on Enter (parsed with its format, dd/MM/yyyy). */
  async function typeDate(page: Page, prop: string, text: string) {
    const box = input(page, prop);
    await openPopper(page, box, 'el-date-picker');
    await box.pressSequentially(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('body > .el-picker-panel:visible').count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(text);
  }

  /**
   * el-cascader with lazyLoad: the dropdown opens on the provinces (loaded after a short delay), the province
   * is clicked and its wards load into the second menu, the ward is clicked; the dropdown closes and the box shows
   * "Tỉnh / Xã".
   */
  async function pickPlace(page: Page, prop: string, province: string, ward: string) {
    const cascader = item(page, prop).locator('.el-cascader');
    const dropdown = await openPopper(page, cascader.locator('input.el-input__inner'), 'el-cascader__dropdown');
    const menus = dropdown.locator('.el-cascader-menu');
    const node = (menu: number, label: string) =>
      menus
        .nth(menu)
        .locator('.el-cascader-node')
        .filter({ has: page.locator('.el-cascader-node__label', { hasText: exactly(label) }) });
    await expect.poll(() => node(0, province).count(), { timeout: 5_000 }).toBe(1);
    await node(0, province).click();
    await expect.poll(() => node(1, ward).count(), { timeout: 5_000 }).toBe(1);
    await node(1, ward).click();
    await expect.poll(() => page.locator('body > .el-cascader__dropdown:visible').count()).toBe(0);
    await expect.poll(() => cascader.locator('input.el-input__inner').inputValue()).toBe(`${province} / ${ward}`);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.el-form .el-card');
    await expect.poll(async () => Object.keys(await modelOf(page)).length).toBeGreaterThan(0);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    // Element's labels: the prop as `for`, which no control carries; the required star is the label's ::before.
    const label = item(page, 'nycHoTen').locator('> label');
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên');
    expect(await page.locator('[id="nycHoTen"]').count()).toBe(0);
    expect(await label.evaluate((el) => getComputedStyle(el, '::before').content)).toMatch(/\*/);
    expect(
      await item(page, 'chaHoTen')
        .locator('> label')
        .evaluate((el) => getComputedStyle(el, '::before').content),
    ).toBe('none');
    expect(await page.locator('.el-card__header').allTextContents()).toEqual([
      '1. THÔNG TIN HỒ SƠ',
      '2. THÔNG TIN NGƯỜI ĐI ĐĂNG KÝ KHAI SINH',
      '3. THÔNG TIN NGƯỜI ĐƯỢC KHAI SINH',
      '4. THÔNG TIN NGƯỜI MẸ',
      '5. THÔNG TIN NGƯỜI CHA',
      '6. NỘI DUNG ĐỀ NGHỊ',
    ]);
    expect(await input(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await item(page, 'coQuanThucHien').locator('.el-select input').isDisabled()).toBe(true);
    // No dropdown is in the page's body before it is first opened.
    expect(await page.locator('body > .el-popper').count()).toBe(0);

    // 2. Người đi đăng ký
    await typeInto(input(page, 'nycHoTen'), 'Nguyễn Thị Mai');
    await choose(page, 'nycQuanHe', 'Mẹ');
    await typeInto(input(page, 'nycSoDinhDanh'), '001194000111');
    await pickPlace(page, 'nycNoiCuTru', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm');
    await typeInto(input(page, 'nycDiaChi'), 'Số 5 phố Hàng Bạc');
    // 3. Người được khai sinh
    await typeInto(input(page, 'ksHoTen'), 'Trần Bảo An');
    await pickDate(page, 'ksNgaySinh', [5, 9, 2026]);
    await item(page, 'ksGioiTinh').locator('.el-radio', { hasText: 'Nam' }).click();
    await expect.poll(() => item(page, 'ksGioiTinh').locator('.el-radio.is-checked').textContent()).toMatch(/Nam/);
    await choose(page, 'ksDanToc', 'Kinh', 'Kinh');
    await choose(page, 'ksQuocTich', 'Việt Nam', 'Việt');
    // 4. Mẹ
    await typeInto(input(page, 'meHoTen'), 'Nguyễn Thị Mai');
    await typeDate(page, 'meNgaySinh', '12/04/1994');
    await choose(page, 'meDanToc', 'Kinh', 'kinh');
    await choose(page, 'meQuocTich', 'Việt Nam');
    await typeInto(input(page, 'meSoDinhDanh'), '001194000111');
    // 5. Cha: the year picker opens on its decade.
    await typeInto(input(page, 'chaHoTen'), 'Trần Văn Bình');
    const yearPanel = await openPopper(page, input(page, 'chaNamSinh'), 'el-date-picker');
    await pickYear(yearPanel, 1990);
    await expect.poll(() => input(page, 'chaNamSinh').inputValue()).toBe('1990');
    await typeInto(input(page, 'chaSoDinhDanh'), '001090000222');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('a filterable select filters as typed; another province keeps the ward until one is picked; a missing list says so', async () => {
    const page = await open();
    // el-select filterable: the typed text hides the options that do not contain it, case-insensitively; nothing
    // is chosen until an option is clicked.
    const box = item(page, 'ksDanToc').locator('.el-select input.el-input__inner');
    const dropdown = await openPopper(page, box, 'el-select-dropdown');
    await box.pressSequentially('mô');
    await expect.poll(() => dropdown.locator('.el-select-dropdown__item:visible').allTextContents()).toEqual(['Mông']);
    expect((await modelOf(page)).ksDanToc).toBeNull();
    await box.pressSequentially('x');
    await expect
      .poll(() => dropdown.locator('.el-select-dropdown__empty').textContent())
      .toMatch(exactly('Dữ liệu không phù hợp'));
    await page.keyboard.press('Escape');
    expect((await modelOf(page)).ksDanToc).toBeNull();

    // The cascader: its value is the whole path, set only when a ward (a leaf) is clicked.
    await pickPlace(page, 'nycNoiCuTru', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm');
    expect((await modelOf(page)).nycXa).toBe('00070');
    await pickPlace(page, 'nycNoiCuTru', 'Tỉnh Lâm Đồng', 'Phường Xuân Hương - Đà Lạt');
    const model = await modelOf(page);
    expect([model.nycTinh, model.nycXa]).toEqual(['68', '24781']);

    // A province whose list the API does not have: Element's $message says so; the value stays as it was.
    const cascader = item(page, 'nycNoiCuTru').locator('.el-cascader');
    const drop = await openPopper(page, cascader.locator('input.el-input__inner'), 'el-cascader__dropdown');
    await drop.locator('.el-cascader-node', { hasText: 'Tỉnh Cao Bằng' }).click();
    await expect
      .poll(() => page.locator('.el-message--error').textContent(), { timeout: 5_000 })
      .toMatch(/Không tải được danh sách Xã\/Phường của Tỉnh Cao Bằng/);
    expect((await modelOf(page)).nycXa).toBe('24781');
    await page.close();
  });
});

describe('held-out 9: Quảng Trị CT01 (React 19, Chakra UI v3, react-hook-form)', () => {
  const s = scenario('https://dichvucong.quangtri.gov.vn/');
  const text = (page: Page, name: string) => page.locator(`input[name="${name}"]`);
  const root = (page: Page, name: string) =>
    page.locator(`[data-scope="select"][data-part="root"]:has(select[name="${name}"])`);

  /**
   * Chakra's Select: the trigger opens the listbox (in a Portal at the end of body, kept hidden while closed);
   * once it is open and its slide-fade animation has ended, the item is clicked by its text; the listbox closes
   * and the trigger's value text shows the label.
   */
  async function choose(page: Page, name: string, option: string) {
    const trigger = root(page, name).locator('button[data-part="trigger"]');
    await centre(trigger);
    await trigger.click();
    const content = page.locator(`[id="${await trigger.getAttribute('aria-controls')}"]`);
    await expect.poll(() => content.getAttribute('data-state')).toBe('open');
    await settled(content);
    await content
      .locator('[data-part="item"]')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => trigger.locator('[data-part="value-text"]').textContent()).toBe(option);
  }

  /** The ward Select is disabled until its list has come. */
  const wardsLoaded = (page: Page) =>
    expect
      .poll(() => root(page, 'nkkXa').locator('button[data-part="trigger"]').isDisabled(), { timeout: 5_000 })
      .toBe(false);

  /** Chakra's Combobox: typing filters the items; the open list's item is clicked and the input shows it. */
  async function search(page: Page, name: string, typed: string, option: string) {
    const box = text(page, name);
    const content = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
    for (let attempt = 0; attempt < 3; attempt++) {
      await typeInto(box, typed);
      await expect.poll(() => content.getAttribute('data-state')).toBe('open');
      await settled(content);
      const choice = content.locator('[data-part="item"]').filter({ hasText: exactly(option) });
      if ((await choice.count()) === 1) {
        await choice.click();
        break;
      }
    }
    await expect.poll(() => content.getAttribute('data-state')).toBe('closed');
    await expect.poll(() => box.inputValue()).toBe(option);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('fieldset legend');
    // The provinces come from the API after the first render.
    await expect.poll(() => root(page, 'nkkTinh').locator('select option[value="44"]').count()).toBe(1);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    // Chakra's Field: the label's `for` is the Input's id; the required star is Field.RequiredIndicator's span.
    const label = page.locator('label', { hasText: '1. Họ, chữ đệm và tên' });
    expect(await label.getAttribute('for')).toBe(await text(page, 'nkkHoTen').getAttribute('id'));
    expect(await label.locator('span[aria-hidden="true"]').textContent()).toBe('*');
    expect(await page.locator('fieldset > legend').allTextContents()).toEqual([
      'I. THÔNG TIN HỒ SƠ',
      'II. THÔNG TIN NGƯỜI KÊ KHAI',
      'III. THÔNG TIN CHỦ HỘ',
      'IV. NỘI DUNG ĐỀ NGHỊ',
    ]);
    expect(await text(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await root(page, 'coQuanTiepNhan').locator('button[data-part="trigger"]').isDisabled()).toBe(true);
    // Every Select's listbox is already in the body, hidden.
    expect(await page.locator('[data-scope="select"][data-part="content"]').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-scope="select"][data-part="content"]:visible').count()).toBe(0);

    // II. Người kê khai
    await typeInto(text(page, 'nkkHoTen'), 'Lê Văn Khoa');
    // Inputmask puts in the slashes itself.
    await typeInto(text(page, 'nkkNgaySinh'), '01011980', '01/01/1980');
    await page.locator('[data-scope="radio-group"] [data-part="item"]', { hasText: exactly('Nam') }).click();
    await expect.poll(() => page.locator('input[name="nkkGioiTinh"][value="NAM"]').isChecked()).toBe(true);
    await typeInto(text(page, 'nkkSoDinhDanh'), '001080000333');
    await search(page, 'nkkDanToc', 'kinh', 'Kinh');
    await choose(page, 'nkkQuocTich', 'Việt Nam');
    await typeInto(text(page, 'nkkNoiSinh'), 'Hà Nội');
    await typeInto(text(page, 'nkkQueQuan'), 'Hà Nội');
    await typeInto(text(page, 'nkkDienThoai'), '0978000333');
    await choose(page, 'nkkTinh', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'nkkXa', 'Phường Tây Hồ');
    await typeInto(text(page, 'nkkDiaChi'), 'Tổ 5');
    // III. Chủ hộ
    await typeInto(text(page, 'chuHoHoTen'), 'Trần Văn Bình');
    await typeInto(text(page, 'chuHoSoDinhDanh'), '001090000222');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the combobox filters as typed; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    // useFilter().contains, base sensitivity: "ha" finds every name containing it with its marks folded (Hà,
    // Chăm, Kháng); nothing is chosen until an item is clicked.
    const box = text(page, 'nkkDanToc');
    const content = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
    await typeInto(box, 'ha');
    await expect
      .poll(() => content.locator('[data-part="item"]').allTextContents())
      .toEqual(['Thái', 'Sán Chay', 'Chăm', 'Kháng', 'Hà Nhì', 'La Ha']);
    expect((await modelOf(page)).nkkDanToc).toBeNull();
    await typeInto(box, 'xyz');
    await expect.poll(() => content.locator('[data-part="empty"]').textContent()).toBe('Không tìm thấy dân tộc');
    await page.keyboard.press('Escape');
    expect((await modelOf(page)).nkkDanToc).toBeNull();

    await choose(page, 'nkkTinh', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'nkkXa', 'Phường Ba Đình');
    expect((await modelOf(page)).nkkXa).toBe('00004');
    await choose(page, 'nkkTinh', 'Tỉnh Quảng Trị');
    await expect.poll(async () => (await modelOf(page)).nkkXa).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'nkkXa', 'Phường Đông Hà');
    expect((await modelOf(page)).nkkXa).toBe('19333');
    await choose(page, 'nkkTinh', 'Tỉnh Cao Bằng');
    await expect
      .poll(() => root(page, 'nkkXa').locator('xpath=..').locator('[data-part="error-text"]').textContent(), {
        timeout: 5_000,
      })
      .toBe('Không tải được danh sách Xã/Phường');
    expect(await root(page, 'nkkXa').locator('button[data-part="trigger"]').isDisabled()).toBe(true);
    expect((await modelOf(page)).nkkXa).toBeNull();
    await page.close();
  });
});
