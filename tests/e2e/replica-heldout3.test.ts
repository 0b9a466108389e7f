import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout3';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, modelOf, scenarioAt, selectorsVisible } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The third held-out set and its ground truth agree: a person fills each page by hand (typing, opening the
 * widgets, filtering, picking options, paging a calendar), and the page's own state then holds the scenario's
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

describe('held-out 3: Ninh Bình marriage registration (Quasar 2)', () => {
  const s = scenario('https://dichvucong.ninhbinh.gov.vn/');
  const card = (page: Page, title: string) => page.locator('.q-card', { hasText: title });
  const field = (block: Locator, label: string) => block.locator(`[aria-label="${label}"]`);

  /**
   * Clicks a QSelect open, types a filter when it has `use-input`, clicks the option in its menu (teleported to
   * body, virtually scrolled: only a window of options is in the DOM until the list is filtered).
   */
  async function choose(page: Page, block: Locator, label: string, filter: string | null, option: string) {
    await field(block, label).click();
    if (filter) await page.keyboard.type(filter);
    const menu = page.locator('.q-menu');
    await menu.getByRole('option', { name: option, exact: true }).click();
    await menu.waitFor({ state: 'detached' });
  }

  /**
   * Types into a QInput and looks at what it shows. A QMenu or QDate that has just closed hands the focus back to
   * its own field through Quasar's focus manager, which waits for running transitions: on a slow machine that
   * comes while the next field is being typed, and the last keys go to the select. An officer sees the short
   * value and types it again; so does this, at most twice.
   */
  async function typeIn(block: Locator, label: string, text: string, shown = text) {
    const input = field(block, label);
    for (let attempt = 0; attempt < 3 && (await input.inputValue()) !== shown; attempt++) {
      await input.click();
      await input.press('ControlOrMeta+a');
      await input.press('Backspace');
      await input.pressSequentially(text);
    }
    expect(await input.inputValue(), label).toBe(shown);
  }

  /**
   * Opens the QDate from the calendar icon, picks the year (its grid is paged 20 years at a time), the month and
   * the day, and closes it with the popup's own button.
   */
  async function pickDate(page: Page, block: Locator, label: string, d: number, m: number, y: number) {
    await block.locator(`.q-field:has([aria-label="${label}"]) .q-icon`, { hasText: 'event' }).click();
    const cal = page.locator('.q-date');
    await cal.waitFor();
    // The navigation row: ‹ month › ‹ year ›; the labels are the buttons without an aria-label.
    const labels = cal.locator('.q-date__navigation button:not([aria-label])');
    await labels.nth(1).click();
    const year = cal.locator('.q-date__years-item button', { hasText: new RegExp(`^${y}$`) });
    for (let i = 0; i < 10 && (await year.count()) === 0; i++)
      await cal.getByRole('button', { name: '20 năm trước' }).click();
    await year.click();
    if (!(await cal.locator('.q-date__months').isVisible())) await labels.nth(0).click();
    await cal
      .locator('.q-date__months-item button')
      .nth(m - 1)
      .click();
    await cal.locator('.q-date__calendar-item--in button', { hasText: new RegExp(`^${d}$`) }).click();
    await cal.getByRole('button', { name: 'Đóng' }).click();
    await cal.waitFor({ state: 'detached' });
  }

  /** The commune list comes a moment after the province: its QSelect is disabled until then. */
  const wardsLoaded = (block: Locator) =>
    expect
      .poll(() => block.locator('.q-field:has([aria-label="Xã/Phường/Đặc khu *"])').getAttribute('class'))
      .not.toMatch(/q-field--disabled/);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.q-form');
    // The read-only office shows its name, from the catalogue API.
    await expect.poll(() => page.locator('.q-card').first().textContent()).toContain('UBND Phường Hoa Lư');

    const nu = card(page, 'THÔNG TIN BÊN NỮ');
    await typeIn(nu, 'Họ, chữ đệm, tên *', "H'Lan Niê");
    // The date input is masked ##/##/####: the digits are enough.
    await typeIn(nu, 'Ngày, tháng, năm sinh *', '03031998', '03/03/1998');
    await choose(page, nu, 'Dân tộc *', 'Ê', 'Ê-đê');
    await choose(page, nu, 'Quốc tịch *', null, 'Việt Nam');
    await typeIn(nu, 'Số giấy tờ tùy thân *', '066198001234');
    // The address block shows only once "Trong nước" is ticked.
    await nu.getByRole('radio', { name: 'Trong nước' }).click();
    await choose(page, nu, 'Tỉnh/Thành phố *', 'Đắk', 'Tỉnh Đắk Lắk');
    await wardsLoaded(nu);
    await choose(page, nu, 'Xã/Phường/Đặc khu *', 'Buôn Ma', 'Phường Buôn Ma Thuột');
    await typeIn(nu, 'Số nhà, đường/phố, thôn/xóm', 'Buôn Ko Siêr');
    await typeIn(nu, 'Số điện thoại', '0905111222', '0905 111 222');
    await typeIn(nu, 'Email', 'hlan.nie@example.vn');

    const nam = card(page, 'THÔNG TIN BÊN NAM');
    await typeIn(nam, 'Họ, chữ đệm, tên *', 'Lê Văn Khoa');
    // This time through the calendar popup.
    await pickDate(page, nam, 'Ngày, tháng, năm sinh *', 1, 1, 1980);
    await choose(page, nam, 'Dân tộc *', 'Kinh', 'Kinh');
    await choose(page, nam, 'Quốc tịch *', null, 'Việt Nam');
    await typeIn(nam, 'Số giấy tờ tùy thân *', '001080000333');
    await nam.getByRole('radio', { name: 'Trong nước' }).click();
    await choose(page, nam, 'Tỉnh/Thành phố *', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(nam);
    await choose(page, nam, 'Xã/Phường/Đặc khu *', 'Ba Đình', 'Phường Ba Đình');
    await typeIn(nam, 'Số nhà, đường/phố, thôn/xóm', 'Tổ 5');
    await typeIn(nam, 'Số điện thoại', '0978000333', '0978 000 333');

    // What the officer sees: the dates as typed or picked, the phone with the mask's spaces.
    expect(await field(nu, 'Ngày, tháng, năm sinh *').inputValue()).toBe('03/03/1998');
    expect(await field(nam, 'Ngày, tháng, năm sinh *').inputValue()).toBe('01/01/1980');
    expect(await field(nu, 'Số điện thoại').inputValue()).toBe('0905 111 222');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('another province empties the commune and loads its own list; Nước ngoài hides the address', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.q-form');
    const nam = card(page, 'THÔNG TIN BÊN NAM');
    await nam.getByRole('radio', { name: 'Trong nước' }).click();
    await choose(page, nam, 'Tỉnh/Thành phố *', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(nam);
    await choose(page, nam, 'Xã/Phường/Đặc khu *', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).benNamXa).toBe('00103');
    await choose(page, nam, 'Tỉnh/Thành phố *', 'Ninh', 'Tỉnh Ninh Bình');
    expect((await modelOf(page)).benNamXa).toBeNull();
    await wardsLoaded(nam);
    await choose(page, nam, 'Xã/Phường/Đặc khu *', 'Hoa Lư', 'Phường Hoa Lư');
    expect((await modelOf(page)).benNamXa).toBe('14329');
    await nam.getByRole('radio', { name: 'Nước ngoài' }).click();
    const model = await modelOf(page);
    expect([model.benNamNoiCuTru, model.benNamTinh, model.benNamXa]).toEqual(['NUOC_NGOAI', null, null]);
    expect(await field(nam, 'Tỉnh/Thành phố *').count()).toBe(0);
    await page.close();
  });
});

describe('held-out 3: Hưng Yên birth registration (Tom Select, flatpickr)', () => {
  const s = scenario('https://dichvucong.hungyen.gov.vn/');

  /**
   * Clicks a Tom Select control, types into its search, waits for the filtered list (Tom Select refreshes it
   * `refreshThrottle` ms after the last key, marking the matches), clicks the option in its dropdown (inside the
   * wrapper, at most 50 options shown until filtered), and presses Escape. A pick made before that refresh comes
   * is undone by it: the refresh reopens the dropdown and takes the focus back from whatever field is next.
   */
  async function choose(page: Page, id: string, filter: string, option: string) {
    const control = `#${id} + .ts-wrapper .ts-control`;
    const dropdown = page.locator(`#${id}-ts-dropdown`);
    // A click now and then toggles the list shut again (focus opens it, the click closes it): click until open.
    await expect
      .poll(async () => {
        if (!(await dropdown.isVisible())) await page.click(control);
        return dropdown.isVisible();
      })
      .toBe(true);
    await page.locator(`#${id}-ts-control`).pressSequentially(filter);
    await dropdown.locator('.option .highlight').first().waitFor();
    await dropdown
      .locator('.option')
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`#${id} + .ts-wrapper .ts-control .item`).textContent()).toBe(option);
  }

  /** flatpickr's altInput is read-only: the officer opens the calendar, sets the year, the month and the day. */
  async function pickDate(page: Page, id: string, d: number, monthName: string, y: number) {
    await page.click(`#${id} + input`);
    const cal = page.locator('.flatpickr-calendar.open');
    await cal.locator('input.cur-year').fill(String(y));
    await cal.locator('input.cur-year').press('Enter');
    await cal.locator('select.flatpickr-monthDropdown-months').selectOption({ label: monthName });
    await cal
      .locator('.flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)', { hasText: new RegExp(`^${d}$`) })
      .click();
    await cal.waitFor({ state: 'detached' }).catch(() => undefined);
    await expect.poll(() => page.locator('.flatpickr-calendar.open').count()).toBe(0);
  }

  /** The commune select stays disabled until the server's list has come. */
  const wardsLoaded = (page: Page) =>
    expect.poll(() => page.locator('#NguoiYeuCau_MaXa + .ts-wrapper').getAttribute('class')).not.toMatch(/disabled/);

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#NguoiYeuCau_MaXa + .ts-wrapper');
    expect(await page.locator('#MaCoQuan + .ts-wrapper').textContent()).toContain('UBND Phường Phố Hiến');
    // The label Tom Select moved to its own control input.
    expect(await page.locator('#NguoiDuocKhaiSinh_MaDanToc-ts-label').getAttribute('for')).toBe(
      'NguoiDuocKhaiSinh_MaDanToc-ts-control',
    );

    await page.locator('#NguoiYeuCau_HoTen').pressSequentially('Nguyễn Thị Mai');
    await choose(page, 'NguoiYeuCau_QuanHe', 'Mẹ', 'Mẹ');
    await page.locator('#NguoiYeuCau_SoGiayTo').pressSequentially('001194000111');
    await page.locator('#NguoiYeuCau_SoDienThoai').pressSequentially('0912345678');
    await page.locator('#NguoiYeuCau_Email').pressSequentially('mai.nguyen@example.vn');
    await choose(page, 'NguoiYeuCau_MaTinh', 'ha noi', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'NguoiYeuCau_MaXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await page.locator('#NguoiYeuCau_DiaChi').pressSequentially('Số 5 phố Hàng Bạc');

    await page.locator('#NguoiDuocKhaiSinh_HoTen').pressSequentially('Trần Bảo An');
    await pickDate(page, 'NguoiDuocKhaiSinh_NgaySinh', 5, 'Tháng chín', 2026);
    await page.click('label[for="NguoiDuocKhaiSinh_GioiTinh_1"]');
    await choose(page, 'NguoiDuocKhaiSinh_MaDanToc', 'Kinh', 'Kinh');
    await page.locator('#NguoiDuocKhaiSinh_NoiSinh').pressSequentially('Bệnh viện Phụ sản Hà Nội');
    await page.locator('#NguoiDuocKhaiSinh_QueQuan').pressSequentially('Thái Bình');

    await page.locator('#Me_HoTen').pressSequentially('Nguyễn Thị Mai');
    await page.locator('#Me_NamSinh').pressSequentially('1994');
    await page.locator('#Me_SoDinhDanh').pressSequentially('001194000111');
    await choose(page, 'Me_MaDanToc', 'Kinh', 'Kinh');
    await page.locator('#Cha_HoTen').pressSequentially('Trần Văn Bình');
    await page.locator('#Cha_NamSinh').pressSequentially('1990');
    await page.locator('#Cha_SoDinhDanh').pressSequentially('001090000222');
    await choose(page, 'Cha_MaDanToc', 'Kinh', 'Kinh');

    // What the officer sees: the date in d/m/Y in the alt input, the native selects kept in step underneath.
    expect(await page.locator('#NguoiDuocKhaiSinh_NgaySinh + input').inputValue()).toBe('05/09/2026');
    expect(await page.locator('#NguoiDuocKhaiSinh_NgaySinh').inputValue()).toBe('2026-09-05');
    expect(await page.locator('#NguoiYeuCau_MaXa').inputValue()).toBe('00070');
    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('another province empties the commune and loads its own list', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#NguoiYeuCau_MaXa + .ts-wrapper');
    await choose(page, 'NguoiYeuCau_MaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'NguoiYeuCau_MaXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).nycXa).toBe('00103');
    // Typing into a single select that holds an item searches again; the pick replaces the item.
    await choose(page, 'NguoiYeuCau_MaTinh', 'Hưng Yên', 'Tỉnh Hưng Yên');
    expect((await modelOf(page)).nycXa).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'NguoiYeuCau_MaXa', 'Phố Hiến', 'Phường Phố Hiến');
    expect((await modelOf(page)).nycXa).toBe('11953');
    // A province whose list the server does not have leaves the commune disabled and says so.
    await choose(page, 'NguoiYeuCau_MaTinh', 'Cần Thơ', 'Thành phố Cần Thơ');
    await expect.poll(() => page.locator('#NguoiYeuCau_MaXa_loi').isVisible()).toBe(true);
    expect((await modelOf(page)).nycXa).toBeNull();
    await page.close();
  });
});
