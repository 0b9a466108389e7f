import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout16';
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
 * The sixteenth held-out set and its ground truth agree: a person fills the page by hand (typing; typing into a
 * Carbon ComboBox and pressing Enter on the item it highlights, or clicking the item; choosing from the native
 * select; clicking a radio's label; typing a date dd/mm/yyyy into flatpickr's box and pressing Enter, or picking it
 * in the calendar), and the page's own state then holds the scenario's `expected` values and keeps its `untouched`
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

describe('held-out 16: Tây Ninh CT01 (IBM Carbon, @carbon/react v11)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.tayninh.gov.vn/');
  const named = (page: Page, name: string) => page.locator(`[name="${name}"]`);
  /** A ComboBox's own list: Carbon renders the menu inline, inside the ListBox beside its input, only while open. */
  const comboOf = (page: Page, name: string) => page.locator(`.cds--combo-box:has(input[name="${name}"])`);
  const optionsOf = (page: Page, name: string) => comboOf(page, name).getByRole('option');
  const optionIn = (list: Locator, text: string) => list.filter({ hasText: exactly(text) });
  const anyOpen = (page: Page) => page.locator('.cds--list-box--expanded');
  const noneOpen = (page: Page) => expect.poll(() => anyOpen(page).count()).toBe(0);
  /** flatpickr's calendar, appended to the end of body; `.open` while shown. */
  const calendar = (page: Page) => page.locator('body > .flatpickr-calendar.open');

  const enabled = (page: Page, name: string) =>
    expect.poll(() => named(page, name).isEnabled(), { timeout: 5_000 }).toBe(true);

  /** A ComboBox: its box clicked, the text typed; the item it highlights is the one, and Enter takes it. */
  async function typeAndEnter(page: Page, name: string, typed: string, item: string) {
    const input = named(page, name);
    await enabled(page, name);
    await noneOpen(page);
    await centre(input);
    await input.click();
    await input.fill('');
    await input.pressSequentially(typed);
    await expect.poll(() => optionsOf(page, name).count()).toBeGreaterThan(0);
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toBeTruthy();
    const highlighted = await input.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${highlighted}"]`).textContent()).toMatch(exactly(item));
    await input.press('Enter');
    await noneOpen(page);
    await expect.poll(() => input.inputValue()).toBe(item);
  }

  /** A ComboBox: its box clicked, a part typed (which moves the highlight; nothing is filtered), the item clicked. */
  async function choose(page: Page, name: string, typed: string, item: string) {
    const input = named(page, name);
    await enabled(page, name);
    await noneOpen(page);
    await centre(input);
    await input.click();
    await input.fill('');
    await input.pressSequentially(typed);
    await expect.poll(() => optionsOf(page, name).count()).toBeGreaterThan(0);
    await settled(comboOf(page, name));
    const option = optionIn(optionsOf(page, name), item);
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await noneOpen(page);
    await expect.poll(() => input.inputValue()).toBe(item);
  }

  /**
   * A DatePicker: the box clicked (flatpickr opens its calendar), the date typed as it shows dates, then Enter,
   * which makes flatpickr parse the text with dateFormat, close the calendar and leave the box.
   */
  async function typeDate(page: Page, name: string, shown: string) {
    const input = named(page, name);
    await centre(input);
    await input.click();
    await expect.poll(() => calendar(page).count()).toBe(1);
    await input.fill('');
    await input.pressSequentially(shown);
    await input.press('Enter');
    await expect.poll(() => calendar(page).count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(shown);
  }

  /** A radio, by clicking its label (Carbon hides the native input and draws the circle in the label). */
  async function tick(page: Page, name: string, label: string) {
    const group = page.locator(`fieldset:has(input[name="${name}"])`);
    await centre(group);
    await group
      .locator('label')
      .filter({ hasText: exactly(label) })
      .click();
    expect(await group.getByRole('radio', { name: label }).isChecked()).toBe(true);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('section.tn-block h3');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    // The provinces come from the portal's API after the page has loaded: the ComboBox lists them when opened.
    const tinh = named(page, 'nkkTinh');
    await tinh.click();
    await expect.poll(() => optionsOf(page, 'nkkTinh').count()).toBe(34);
    await tinh.press('Escape');
    await page.locator('h1').click();
    await noneOpen(page);
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
    expect(await page.locator('section.tn-block > h3').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người kê khai',
      'Thông tin chủ hộ',
      'Nội dung đề nghị',
    ]);
    // Carbon's labels are tied by `for` to the control's id (the ComboBox's label by downshift); the star is the
    // portal's own span after the text.
    const hoTen = named(page, 'nkkHoTen');
    const label = page.locator(`label[for="${await hoTen.getAttribute('id')}"]`);
    expect(await label.textContent()).toBe('Họ, chữ đệm và tên *');
    expect(await label.locator('span.tn-required').textContent()).toBe(' *');
    const danToc = named(page, 'nkkDanToc');
    expect(await page.locator(`label[for="${await danToc.getAttribute('id')}"]`).textContent()).toBe('Dân tộc *');
    expect(await danToc.getAttribute('role')).toBe('combobox');
    expect(await named(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await named(page, 'nkkXa').isDisabled()).toBe(true);
    expect(await named(page, 'chuHoXa').isDisabled()).toBe(true);

    // Thông tin người kê khai
    await typeInto(named(page, 'nkkHoTen'), "H'Lan Niê");
    await typeDate(page, 'nkkNgaySinh', '03/03/1998');
    await tick(page, 'nkkGioiTinh', 'Nữ');
    await typeInto(named(page, 'nkkSoDinhDanh'), '066198001234');
    await typeAndEnter(page, 'nkkDanToc', 'Ê-đê', 'Ê-đê');
    await named(page, 'nkkQuocTich').selectOption({ label: 'Việt Nam' });
    await typeInto(named(page, 'nkkSoDienThoai'), '0905111222');
    await typeInto(named(page, 'nkkEmail'), 'hlan.nie@example.vn');
    // Nơi cư trú hiện nay; the ward box opens once the province's wards have loaded.
    await typeAndEnter(page, 'nkkTinh', 'đắk lắk', 'Tỉnh Đắk Lắk');
    await choose(page, 'nkkXa', 'Buôn Ma', 'Phường Buôn Ma Thuột');
    await typeInto(named(page, 'nkkDiaChi'), 'Buôn Ko Siêr');
    // Thông tin chủ hộ (the relation: no record says it, left alone).
    await typeInto(named(page, 'chuHoHoTen'), 'Lê Văn Khoa');
    await typeDate(page, 'chuHoNgaySinh', '01/01/1980');
    await typeInto(named(page, 'chuHoSoDinhDanh'), '001080000333');
    await choose(page, 'chuHoTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await typeAndEnter(page, 'chuHoXa', 'tây hồ', 'Phường Tây Hồ');
    await typeInto(named(page, 'chuHoDiaChi'), 'Tổ 5');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('ComboBox: nothing filtered, the highlight folds case but not marks, typed text that is no item is dropped', async () => {
    const page = await open();
    const danToc = named(page, 'nkkDanToc');
    await centre(danToc);
    await danToc.click();
    // Carbon's default: no shouldFilterItem, so every item stays listed; the first whose text holds the typed text
    // (lower-cased) is highlighted.
    await danToc.pressSequentially('ĐÊ');
    await expect.poll(() => optionsOf(page, 'nkkDanToc').count()).toBe(56);
    const highlighted = await danToc.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${highlighted}"]`).textContent()).toBe('Ê-đê');
    expect((await modelOf(page)).nkkDanToc).toBeNull();
    // Her record's spelling, "Ê Đê", is in no item: nothing is highlighted, Enter takes nothing, and leaving the box
    // drops the text.
    await danToc.fill('');
    await danToc.pressSequentially('Ê Đê');
    await expect.poll(() => optionsOf(page, 'nkkDanToc').count()).toBe(56);
    expect((await danToc.getAttribute('aria-activedescendant')) ?? '').toBe('');
    await danToc.press('Enter');
    expect((await modelOf(page)).nkkDanToc).toBeNull();
    await named(page, 'nkkHoTen').click();
    await noneOpen(page);
    await expect.poll(() => danToc.inputValue()).toBe('');
    expect((await modelOf(page)).nkkDanToc).toBeNull();
    // Without its marks the name is in no item either.
    await danToc.click();
    await danToc.pressSequentially('E-de');
    await expect.poll(() => optionsOf(page, 'nkkDanToc').count()).toBe(56);
    expect((await danToc.getAttribute('aria-activedescendant')) ?? '').toBe('');
    await named(page, 'nkkHoTen').click();
    await expect.poll(() => danToc.inputValue()).toBe('');
    // Picked, then the text edited into no item and the box left: the box shows the item again, still chosen.
    await typeAndEnter(page, 'nkkDanToc', 'ê-đê', 'Ê-đê');
    expect((await modelOf(page)).nkkDanToc).toBe('12');
    await danToc.click();
    await danToc.press('End');
    await danToc.pressSequentially('x');
    await named(page, 'nkkHoTen').click();
    await expect.poll(() => danToc.inputValue()).toBe('Ê-đê');
    expect((await modelOf(page)).nkkDanToc).toBe('12');

    // The relation is a Dropdown: a button that opens its own inline list; Escape closes it, nothing chosen.
    const quanHe = page.locator('#nkkQuanHeChuHo button.cds--list-box__field');
    await centre(quanHe);
    await quanHe.click();
    await expect.poll(() => page.locator('#nkkQuanHeChuHo').getByRole('option').count()).toBe(12);
    await quanHe.press('Escape');
    await noneOpen(page);
    expect(await quanHe.locator('.cds--list-box__label').textContent()).toBe('-- Chọn quan hệ --');
    expect((await modelOf(page)).nkkQuanHeChuHo).toBeNull();
    await page.close();
  });

  it('DatePicker: dd/mm/yyyy confirmed with Enter; flatpickr refuses some wrong dates and misreads others', async () => {
    const page = await open();
    const ngaySinh = named(page, 'nkkNgaySinh');
    const typed = async (text: string) => {
      await centre(ngaySinh);
      await ngaySinh.click();
      await expect.poll(() => calendar(page).count()).toBe(1);
      await ngaySinh.fill('');
      await ngaySinh.pressSequentially(text);
      await ngaySinh.press('Enter');
      await expect.poll(() => calendar(page).count()).toBe(0);
    };
    // Text that is no date, or a date after maxDate (today): flatpickr empties the box, the model stays empty.
    await typed('abc');
    await expect.poll(() => ngaySinh.inputValue()).toBe('');
    expect((await modelOf(page)).nkkNgaySinh).toBeNull();
    await typed(`03/03/${new Date().getFullYear() + 1}`);
    await expect.poll(() => ngaySinh.inputValue()).toBe('');
    expect((await modelOf(page)).nkkNgaySinh).toBeNull();
    // flatpickr's parser is lenient: ISO is read against "d/m/Y" into some other day, and 31/02 runs on into March;
    // both are taken (the model follows the box).
    await typed('1998-03-03');
    const misread = await ngaySinh.inputValue();
    expect(misread).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(misread).not.toBe('03/03/1998');
    expect((await modelOf(page)).nkkNgaySinh).toBe(misread);
    await typed('31/02/1998');
    await expect.poll(() => ngaySinh.inputValue()).toBe('03/03/1998');
    expect((await modelOf(page)).nkkNgaySinh).toBe('03/03/1998');
    // A date typed and the box left by a click elsewhere: flatpickr rewrites the box without a change event, so
    // Carbon's onChange is not called and the model keeps the date before.
    await centre(ngaySinh);
    await ngaySinh.click();
    await ngaySinh.fill('');
    await ngaySinh.pressSequentially('04/04/1999');
    await page.locator('h1').click();
    await expect.poll(() => calendar(page).count()).toBe(0);
    expect(await ngaySinh.inputValue()).toBe('04/04/1999');
    expect((await modelOf(page)).nkkNgaySinh).toBe('03/03/1998');
    await typeDate(page, 'nkkNgaySinh', '03/03/1998');
    expect((await modelOf(page)).nkkNgaySinh).toBe('03/03/1998');
    // The calendar opens on the chosen month, in Vietnamese (flatpickr's "vn" locale, weeks from Monday); a day
    // clicked is taken and closes it.
    await ngaySinh.click();
    await expect.poll(() => calendar(page).count()).toBe(1);
    expect(await calendar(page).locator('.flatpickr-weekday').allTextContents()).toEqual([
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'CN',
    ]);
    await calendar(page).locator('.flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)', { hasText: /^15$/ }).click();
    await expect.poll(() => calendar(page).count()).toBe(0);
    await expect.poll(() => ngaySinh.inputValue()).toBe('15/03/1998');
    expect((await modelOf(page)).nkkNgaySinh).toBe('15/03/1998');
    await page.close();
  });

  it('ward: disabled until its list has loaded, emptied by another province, locked when the API has none', async () => {
    const page = await open();
    const xa = named(page, 'chuHoXa');
    expect(await xa.getAttribute('placeholder')).toBe('Chọn Tỉnh/Thành phố trước');
    await typeAndEnter(page, 'chuHoTinh', 'hà nội', 'Thành phố Hà Nội');
    // Chosen, the province's wards are being fetched (300–700 ms): the box is still disabled.
    expect(await xa.isDisabled()).toBe(true);
    expect(await xa.getAttribute('placeholder')).toBe('Đang tải danh sách...');
    await enabled(page, 'chuHoXa');
    expect(await xa.getAttribute('placeholder')).toBe('-- Chọn Xã/Phường --');
    // Both halves of the old Phường Thụy Khuê are there; the officer picks Tây Hồ.
    await centre(xa);
    await xa.click();
    await expect.poll(() => optionsOf(page, 'chuHoXa').count()).toBe(126);
    await xa.press('Escape');
    await page.locator('h1').click();
    await choose(page, 'chuHoXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect(await modelOf(page)).toMatchObject({ chuHoTinh: '01', chuHoXa: '00103' });

    // Another province empties the ward at once and locks it until its wards have loaded.
    await typeAndEnter(page, 'chuHoTinh', 'Tây Ninh', 'Tỉnh Tây Ninh');
    expect((await modelOf(page)).chuHoXa).toBeNull();
    expect(await xa.isDisabled()).toBe(true);
    expect(await xa.inputValue()).toBe('');
    await choose(page, 'chuHoXa', 'tân ninh', 'Phường Tân Ninh');
    expect((await modelOf(page)).chuHoTinh).toBe('80');
    // A province whose list the API lacks: the ward box stays locked and says so.
    await typeAndEnter(page, 'chuHoTinh', 'Cà Mau', 'Tỉnh Cà Mau');
    expect((await modelOf(page)).chuHoXa).toBeNull();
    await expect
      .poll(
        () => page.locator('.cds--list-box__wrapper:has(input[name="chuHoXa"]) .cds--form__helper-text').textContent(),
        {
          timeout: 5_000,
        },
      )
      .toBe('Không tải được danh sách xã/phường');
    expect(await xa.isDisabled()).toBe(true);
    // The declarant's residence is its own: none of this touched it.
    expect(await modelOf(page)).toMatchObject({ nkkTinh: null, nkkXa: null });
    await page.close();
  });
});
