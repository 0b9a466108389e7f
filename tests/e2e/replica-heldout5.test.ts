import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout5';
import { launchHarness, type Harness } from './harness/browser';
import { type Model, assertModel, modelOf, scenarioAt, selectorsVisible } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The fifth held-out set and its ground truth agree: a person fills each page by hand (typing, opening the
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

describe('held-out 5: Nghệ An marriage registration (Naive UI 2)', () => {
  const s = scenario('https://dichvucong.nghean.gov.vn/');
  type Side = 'benNu' | 'benNam';
  const order = ['HoTen', 'NgaySinh', 'DanToc', 'QuocTich', 'SoDinhDanh', 'LoaiCuTru', 'Tinh', 'Xa', 'DiaChi'];
  const extra = ['DaKetHon', 'SoLanKetHon'];
  /** A form item by its place in the side's card: the labels are the same in both cards, with no `for`. */
  const item = (page: Page, side: Side, field: string): Locator => {
    const n = [...order, ...extra].indexOf(field) + 1;
    const card = side === 'benNu' ? '#ben-nu' : '#ben-nam';
    return page.locator(`${card} .n-grid > :nth-child(${n} of :has(> .n-form-item)) > .n-form-item`);
  };
  const input = (page: Page, side: Side, field: string) => item(page, side, field).locator('.n-input__input-el');

  /**
   * Clicks an n-select open, types into its filter when given (filterable: the label must contain the typed
   * text, case folded, accents kept), and clicks the option in its menu (teleported to body, a virtual list:
   * only the options in view exist until the filter narrows them). The menu closes on the pick.
   */
  async function choose(page: Page, side: Side, field: string, search: string | null, option: string) {
    const box = item(page, side, field).locator('.n-base-selection');
    await box.click();
    const menu = page.locator('.n-base-select-menu:visible');
    await menu.waitFor();
    if (search) await page.keyboard.type(search);
    await menu
      .locator('.n-base-select-option')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
    await expect
      .poll(() => box.locator('.n-base-selection-label, .n-base-selection-input').first().textContent())
      .toBe(option);
    await expect.poll(() => menu.count()).toBe(0);
  }

  /** The ward select is disabled (and spins) until the catalogue's list has come. */
  const wardsLoaded = (page: Page, side: Side) =>
    expect
      .poll(() => item(page, side, 'Xa').locator('.n-base-selection').getAttribute('class'))
      .not.toMatch(/n-base-selection--disabled/);

  /** n-date-picker's input takes a date typed in its format; Enter confirms it and closes the panel. */
  async function typeDate(page: Page, side: Side, text: string) {
    const box = input(page, side, 'NgaySinh');
    await box.click();
    await page.locator('.n-date-panel').waitFor();
    await box.pressSequentially(text);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.n-date-panel').count()).toBe(0);
    expect(await box.inputValue()).toBe(text);
  }

  const radio = (page: Page, side: Side, field: string, label: string) =>
    item(page, side, field).locator('.n-radio .n-radio__label').getByText(label, { exact: true }).click();

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.n-form');
    // Naive draws the required star itself, in its own span; its labels have no `for`.
    const label = item(page, 'benNu', 'HoTen').locator('label.n-form-item-label');
    expect(await label.textContent()).toMatch(/^Họ, chữ đệm, tên\s*\*$/);
    expect(await label.locator('.n-form-item-label__asterisk').count()).toBe(1);
    expect(await label.getAttribute('for')).toBeNull();
    expect(await page.locator('label.n-form-item-label', { hasText: 'Họ, chữ đệm, tên' }).count()).toBe(2);
    // The VNeID requester is there and disabled.
    expect(await page.locator('.n-input--disabled input').first().inputValue()).toBe('Lê Văn Khoa');
    await expect.poll(async () => ((await modelOf(page)) as Model).benNuTinh === null).toBe(true);

    // Bên nữ
    await input(page, 'benNu', 'HoTen').pressSequentially("H'Lan Niê");
    await typeDate(page, 'benNu', '03/03/1998');
    await choose(page, 'benNu', 'DanToc', 'Ê', 'Ê Đê');
    await choose(page, 'benNu', 'QuocTich', null, 'Việt Nam');
    await input(page, 'benNu', 'SoDinhDanh').pressSequentially('066198001234');
    await radio(page, 'benNu', 'LoaiCuTru', 'Thường trú');
    await choose(page, 'benNu', 'Tinh', 'Đắk Lắk', 'Tỉnh Đắk Lắk');
    await wardsLoaded(page, 'benNu');
    await choose(page, 'benNu', 'Xa', 'Buôn Ma', 'Phường Buôn Ma Thuột');
    await input(page, 'benNu', 'DiaChi').pressSequentially('Buôn Ko Siêr');
    // Bên nam
    await input(page, 'benNam', 'HoTen').pressSequentially('Lê Văn Khoa');
    await typeDate(page, 'benNam', '01/01/1980');
    await choose(page, 'benNam', 'DanToc', null, 'Kinh');
    await choose(page, 'benNam', 'QuocTich', 'Việt', 'Việt Nam');
    await input(page, 'benNam', 'SoDinhDanh').pressSequentially('001080000333');
    await radio(page, 'benNam', 'LoaiCuTru', 'Thường trú');
    await choose(page, 'benNam', 'Tinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'benNam');
    await choose(page, 'benNam', 'Xa', 'Tây Hồ', 'Phường Tây Hồ');
    await input(page, 'benNam', 'DiaChi').pressSequentially('Tổ 5');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the lists are virtual, the filter keeps accents; another province empties the ward', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.n-form');
    // A late ethnicity is not drawn before the filter narrows the list; the filter does not fold accents.
    await item(page, 'benNam', 'DanToc').locator('.n-base-selection').click();
    const menu = page.locator('.n-base-select-menu:visible');
    await menu.waitFor();
    expect(await menu.locator('.n-base-select-option', { hasText: 'Rơ Măm' }).count()).toBe(0);
    expect(await menu.locator('.n-base-select-option').count()).toBeLessThan(20);
    await page.keyboard.type('ro mam');
    await expect.poll(() => menu.locator('.n-base-select-option').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await choose(page, 'benNam', 'DanToc', 'Rơ', 'Rơ Măm');
    expect((await modelOf(page)).benNamDanToc).toBe('54');

    await choose(page, 'benNam', 'Tinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'benNam');
    await choose(page, 'benNam', 'Xa', 'Ba Đình', 'Phường Ba Đình');
    expect((await modelOf(page)).benNamXa).toBe('00004');
    await choose(page, 'benNam', 'Tinh', 'Nghệ An', 'Tỉnh Nghệ An');
    expect((await modelOf(page)).benNamXa).toBeNull();
    await wardsLoaded(page, 'benNam');
    await choose(page, 'benNam', 'Xa', 'Thành Vinh', 'Phường Thành Vinh');
    expect((await modelOf(page)).benNamXa).toBe('16681');
    // The other card's ward is its own.
    expect((await modelOf(page)).benNuXa).toBeNull();
    // A province whose list the catalogue does not have leaves the ward empty and says so.
    await choose(page, 'benNam', 'Tinh', 'Gia Lai', 'Tỉnh Gia Lai');
    await expect.poll(() => page.getByText('Không tải được danh sách xã/phường.').isVisible()).toBe(true);
    expect((await modelOf(page)).benNamXa).toBeNull();
    await page.close();
  });
});

describe('held-out 5: Gia Lai birth registration (ASP.NET MVC, bootstrap-select, jQuery Mask)', () => {
  const s = scenario('https://dichvucong.gialai.gov.vn/');
  const el = (page: Page, id: string) => page.locator(`#${id}`);
  const picker = (page: Page, id: string) => page.locator(`.bootstrap-select:has(> #${id})`);

  /**
   * Clicks a bootstrap-select button open, types into its live search when it has one (contains, accents
   * kept), and clicks the item; a single select closes on the pick. Once the page has called
   * `$('.selectpicker').selectpicker('refresh')` (after a ward list came), 1.14.0-beta3 keeps the old rendering
   * beside the new one (its open bug #2738): the live search lists each match twice (either copy picks the same
   * option, the person takes the first) and the button's text runs the previous picks together.
   */
  async function choose(page: Page, id: string, search: string | null, option: string) {
    const box = picker(page, id);
    await box.locator('> button.dropdown-toggle').click();
    const menu = box.locator('> .dropdown-menu.show');
    await menu.waitFor();
    if (search) await box.locator('.bs-searchbox input').pressSequentially(search);
    await menu
      .locator('li:not(.disabled):not(.hidden) a.dropdown-item')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .first()
      .click();
    // The native select holds the pick; the button shows it too (after a refresh, among the stale texts).
    await expect.poll(() => box.locator(`#${id} option:checked`).textContent()).toBe(option);
    expect(await box.locator('.filter-option-inner-inner').textContent()).toContain(option);
    await expect.poll(() => menu.count()).toBe(0);
  }

  /**
   * Types into a masked date box at a person's pace: the mask puts the caret back after the slash it adds
   * only after its keyStrokeCompensation (10 ms), so keys faster than that land before the slash.
   */
  const typeDate = (page: Page, id: string, text: string) => el(page, id).pressSequentially(text, { delay: 40 });

  /** The ward picker is disabled until the server's list has come. */
  const wardsLoaded = (page: Page, block: string) =>
    expect.poll(() => el(page, `${block}_MaXa`).isDisabled()).toBe(false);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.bootstrap-select');
    // Labels point at their control, the star in its own span; the blocks are card headers.
    expect(await page.locator('label[for="Me_HoTen"]').textContent()).toBe('Họ, chữ đệm, tên *');
    expect(await page.locator('label[for="Me_HoTen"] .text-danger').count()).toBe(1);
    expect(await page.locator('.card-header').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Người được khai sinh',
      'Thông tin người mẹ',
      'Thông tin người cha',
      'Người đi đăng ký',
      'Bản sao trích lục',
    ]);
    expect(await el(page, 'MaHoSo').getAttribute('readonly')).not.toBeNull();

    // Người được khai sinh: the mask puts the slashes in as the digits are typed.
    await el(page, 'NguoiDuocKhaiSinh_HoTen').pressSequentially('Trần Bảo An');
    await typeDate(page, 'NguoiDuocKhaiSinh_NgaySinh', '05092026');
    await choose(page, 'NguoiDuocKhaiSinh_GioiTinh', null, 'Nam');
    await choose(page, 'NguoiDuocKhaiSinh_DanTocId', 'Kinh', 'Kinh');
    await choose(page, 'NguoiDuocKhaiSinh_QuocTichId', 'Việt', 'Việt Nam');
    await el(page, 'NguoiDuocKhaiSinh_NoiSinh').pressSequentially('Bệnh viện Phụ sản Hà Nội');
    await el(page, 'NguoiDuocKhaiSinh_QueQuan').pressSequentially('Thái Bình');
    // Thông tin người mẹ: a date typed with its slashes is taken as well.
    await el(page, 'Me_HoTen').pressSequentially('Nguyễn Thị Mai');
    await typeDate(page, 'Me_NgaySinh', '12/04/1994');
    await el(page, 'Me_SoDinhDanh').pressSequentially('001194000111');
    await choose(page, 'Me_DanTocId', null, 'Kinh');
    await choose(page, 'Me_QuocTichId', null, 'Việt Nam');
    await choose(page, 'Me_MaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'Me');
    await choose(page, 'Me_MaXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await el(page, 'Me_DiaChi').pressSequentially('Số 5 phố Hàng Bạc');
    // Thông tin người cha
    await el(page, 'Cha_HoTen').pressSequentially('Trần Văn Bình');
    await typeDate(page, 'Cha_NgaySinh', '20101990');
    await el(page, 'Cha_SoDinhDanh').pressSequentially('001090000222');
    await choose(page, 'Cha_DanTocId', 'Kinh', 'Kinh');
    await choose(page, 'Cha_QuocTichId', 'Việt Nam', 'Việt Nam');
    await choose(page, 'Cha_MaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'Cha');
    await choose(page, 'Cha_MaXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await el(page, 'Cha_DiaChi').pressSequentially('Số 5 phố Hàng Bạc');
    // Người đi đăng ký
    await el(page, 'NguoiDiDangKy_HoTen').pressSequentially('Lê Văn Khoa');
    await el(page, 'NguoiDiDangKy_SoDinhDanh').pressSequentially('001080000333');
    await el(page, 'NguoiDiDangKy_SoDienThoai').pressSequentially('0978000333');

    // What the officer sees is what the form posts: the masked dates, the native selects under the pickers.
    expect(await el(page, 'NguoiDuocKhaiSinh_NgaySinh').inputValue()).toBe('05/09/2026');
    expect(await el(page, 'Me_MaXa').inputValue()).toBe('00070');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the calendar button only puts the caret in the box; another province empties the ward', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.bootstrap-select');
    await page.locator('.input-group:has(#Cha_NgaySinh) .btn-lich').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('Cha_NgaySinh');
    await page.keyboard.type('20101990', { delay: 40 });
    expect(await el(page, 'Cha_NgaySinh').inputValue()).toBe('20/10/1990');
    // The duplicate live-search entries after a refresh (see choose) are shown to the person as they are.
    await choose(page, 'Cha_MaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'Cha');
    await picker(page, 'Cha_DanTocId').locator('> button.dropdown-toggle').click();
    await picker(page, 'Cha_DanTocId').locator('.bs-searchbox input').pressSequentially('Kinh');
    await expect
      .poll(() => picker(page, 'Cha_DanTocId').locator('li:not(.hidden) a.dropdown-item', { hasText: 'Kinh' }).count())
      .toBe(2);
    await page.keyboard.press('Escape');

    await choose(page, 'Me_MaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'Me');
    // The live search keeps accents ("Tay Ho" finds nothing).
    await picker(page, 'Me_MaXa').locator('> button.dropdown-toggle').click();
    await picker(page, 'Me_MaXa').locator('.bs-searchbox input').pressSequentially('Tay Ho');
    await expect.poll(() => picker(page, 'Me_MaXa').locator('.no-results').count()).toBe(1);
    await page.keyboard.press('Escape');
    await choose(page, 'Me_MaXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page))['Me.MaXa']).toBe('00103');
    await choose(page, 'Me_MaTinh', 'Gia Lai', 'Tỉnh Gia Lai');
    expect((await modelOf(page))['Me.MaXa']).toBeNull();
    expect((await modelOf(page))['Me.MaTinh']).toBe('52');
    expect(await picker(page, 'Me_MaTinh').locator('.filter-option-inner-inner').textContent()).not.toBe(
      'Tỉnh Gia Lai',
    );
    await wardsLoaded(page, 'Me');
    await choose(page, 'Me_MaXa', 'Pleiku', 'Phường Pleiku');
    expect((await modelOf(page))['Me.MaXa']).toBe('23575');
    // The father's ward is his own.
    expect((await modelOf(page))['Cha.MaXa']).toBeNull();
    // A province whose list the server does not have leaves the ward disabled and says so.
    await choose(page, 'Me_MaTinh', 'Quảng Ninh', 'Tỉnh Quảng Ninh');
    await expect.poll(() => page.locator('#Me_MaXa_loi').isVisible()).toBe(true);
    expect((await modelOf(page))['Me.MaXa']).toBeNull();
    await page.close();
  });
});
