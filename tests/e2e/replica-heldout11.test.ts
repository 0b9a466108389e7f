import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout11';
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
 * The eleventh held-out set and its ground truth agree: a person fills the page by hand (typing, clicking the
 * Kendo widgets open, typing into their filters, picking options by their text, typing the dates), and the page's
 * own state then holds the scenario's `expected` values and keeps its `untouched` ones.
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

describe('held-out 11: Cà Mau CT01 residence declaration (jQuery, Kendo UI Core)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.camau.gov.vn/');
  const box = (page: Page, id: string) => page.locator(`input#${id}`);
  const picker = (page: Page, id: string) => page.locator(`span.k-dropdownlist:has(> #${id})`);
  /** A list's popup: Kendo appends it to body, in an animation container, while it is open. */
  const popup = (page: Page, id: string) => page.locator(`.k-list-container:has(#${id}-list)`);
  const openPopups = (page: Page) => page.locator('.k-animation-container .k-list-container:visible');

  /**
   * A DropDownList: its wrapper clicked open, the filter typed into the popup's own filter box when `filter` is
   * given, the option clicked by its text; the popup closes and the wrapper shows the option.
   */
  async function choose(page: Page, id: string, option: string, filter?: string) {
    const root = picker(page, id);
    await expect.poll(() => root.getAttribute('aria-disabled'), { timeout: 5_000 }).toBe('false');
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect.poll(() => openPopups(page).count()).toBe(0);
      await centre(root);
      await root.click();
      const list = popup(page, id);
      await expect.poll(() => list.isVisible()).toBe(true);
      await settled(page.locator(`.k-animation-container:has(#${id}-list)`));
      if (filter) {
        const search = list.locator('.k-list-filter input');
        await search.fill('');
        await search.pressSequentially(filter);
      }
      const choice = list.locator('li[role="option"]').filter({ hasText: exactly(option) });
      await expect.poll(() => choice.count()).toBeGreaterThan(0);
      if ((await choice.count()) === 1) {
        await choice.click();
        break;
      }
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => openPopups(page).count()).toBe(0);
    await expect.poll(() => root.locator('.k-input-value-text').textContent()).toMatch(exactly(option));
  }

  /** The ComboBox: typing filters its list (popup on body); the item is clicked and the input shows it. */
  async function combo(page: Page, id: string, typed: string, option: string) {
    const input = page.locator(`span.k-combobox:has(select#${id}) > input[role="combobox"]`);
    await typeInto(input, typed);
    const list = popup(page, id);
    await expect.poll(() => list.isVisible()).toBe(true);
    await list
      .locator('li[role="option"]')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => openPopups(page).count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(option);
  }

  /**
   * A MaskedTextBox: clicked, and once it shows its prompt (Kendo moves the caret to the start just after the
   * focus) the digits typed; a caret that moved under the keys is repaired by clearing and typing again.
   */
  async function typeMasked(page: Page, id: string, digits: string, shown: string) {
    const input = box(page, id);
    for (let attempt = 0; attempt < 3; attempt++) {
      await centre(input);
      await input.click();
      await expect.poll(() => input.inputValue()).toMatch(/_/);
      await page.keyboard.press('Home');
      await page.keyboard.type(digits);
      if ((await input.inputValue()) === shown) break;
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
    }
    await expect.poll(() => input.inputValue()).toBe(shown);
  }

  /** A DatePicker: dd/MM/yyyy typed into its input, taken when the focus leaves it. */
  async function typeDate(page: Page, id: string, text: string) {
    await typeInto(box(page, id), text);
    await page.keyboard.press('Tab');
    await expect.poll(() => box(page, id).inputValue()).toBe(text);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('fieldset.k-form-fieldset > legend');
    await expect.poll(() => picker(page, 'nkkTinh').count()).toBe(1);
    return page;
  };

  it('holds none of the expected values before it is filled', async () => {
    const page = await open();
    const model = await modelOf(page);
    for (const key of Object.keys(s.expected)) expect(model[key] ?? null, key).toBeNull();
    for (const [key, keep] of Object.entries(s.untouched ?? {})) expect(model[key] ?? null, key).toBe(keep);
    await page.close();
  });

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    expect(await page.locator('fieldset.k-form-fieldset > legend').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'I. Thông tin người kê khai',
      'II. Thông tin chủ hộ',
      'III. Nội dung đề nghị',
    ]);
    // Kendo's demos: the label's `for` is the original element's id; the DropDownList hides that element.
    expect(await page.locator('label[for="nkkHoTen"]').textContent()).toMatch(/^1\. Họ, chữ đệm và tên/);
    expect(await page.locator('select#nkkTinh').isVisible()).toBe(false);
    expect(await picker(page, 'nkkTinh').getAttribute('role')).toBe('combobox');
    expect(await picker(page, 'nkkXa').getAttribute('aria-disabled')).toBe('true');
    expect(await box(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await openPopups(page).count()).toBe(0);

    // I. Thông tin người kê khai
    await typeInto(box(page, 'nkkHoTen'), "H'Lan Niê");
    await typeDate(page, 'nkkNgaySinh', '03/03/1998');
    await page.locator('label[for="nkkGioiTinh-2"]').click();
    await expect.poll(() => page.locator('input#nkkGioiTinh-2').isChecked()).toBe(true);
    await typeInto(box(page, 'nkkSoDinhDanh'), '066198001234');
    await choose(page, 'nkkDanToc', 'Ê-đê', 'đê');
    await combo(page, 'nkkQuocTich', 'Việt', 'Việt Nam');
    // The MaskedTextBox shows its prompt (____ ___ ___) once focused, then the mask's spaces between the digits.
    await typeMasked(page, 'nkkSoDienThoai', '0905111222', '0905 111 222');
    await typeInto(box(page, 'nkkEmail'), 'hlan.nie@example.vn');
    await choose(page, 'nkkTinh', 'Tỉnh Đắk Lắk', 'Đắk');
    await choose(page, 'nkkXa', 'Phường Buôn Ma Thuột', 'Buôn Ma');
    await typeInto(box(page, 'nkkDiaChi'), 'Buôn Ko Siêr');
    // II. Thông tin chủ hộ
    await typeInto(box(page, 'chuHoHoTen'), 'Lê Văn Khoa');
    await typeDate(page, 'chuHoNgaySinh', '01/01/1980');
    await choose(page, 'chuHoGioiTinh', 'Nam');
    await typeInto(box(page, 'chuHoSoDinhDanh'), '001080000333');
    await choose(page, 'chuHoTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await choose(page, 'chuHoXa', 'Phường Tây Hồ', 'Tây Hồ');
    await typeInto(box(page, 'chuHoDiaChi'), 'Tổ 5');
    // A Kendo TextBox takes its value on `change`: the person leaves the box.
    await page.keyboard.press('Tab');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the filter keeps accents; the calendar picks a day; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    // Kendo's "contains" filter ignores case, not accents.
    const filtered = async (typed: string) => {
      const list = popup(page, 'nkkDanToc');
      await centre(picker(page, 'nkkDanToc'));
      await picker(page, 'nkkDanToc').click();
      await expect.poll(() => list.isVisible()).toBe(true);
      await list.locator('.k-list-filter input').pressSequentially(typed);
      await page.waitForTimeout(500);
      const shown = await list.locator('li[role="option"]').allTextContents();
      await page.keyboard.press('Escape');
      await expect.poll(() => openPopups(page).count()).toBe(0);
      return shown.map((t) => t.trim());
    };
    expect(await filtered('MÔNG')).toEqual(['Mông']);
    expect(await filtered('ede')).not.toContain('Ê-đê');
    expect((await modelOf(page)).nkkDanToc).toBeNull();

    // The calendar button opens this month's calendar (appended to body); a day clicked is the value.
    await centre(box(page, 'chuHoNgaySinh'));
    await page.locator('span.k-datepicker:has(#chuHoNgaySinh) button').click();
    const calendar = page.locator('#chuHoNgaySinh_dateview');
    await expect.poll(() => calendar.isVisible()).toBe(true);
    await settled(page.locator('.k-animation-container:has(#chuHoNgaySinh_dateview)'));
    await calendar
      .locator('td:not(.k-other-month) .k-link')
      .filter({ hasText: exactly('1') })
      .first()
      .click();
    await expect.poll(async () => (await modelOf(page)).chuHoNgaySinh).toMatch(/^\d{4}-\d{2}-01$/);

    await choose(page, 'nkkTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await choose(page, 'nkkXa', 'Phường Ba Đình', 'Ba Đình');
    expect((await modelOf(page)).nkkXa).toBe('00004');
    await choose(page, 'nkkTinh', 'Tỉnh Cà Mau', 'Cà Mau');
    expect((await modelOf(page)).nkkXa).toBeNull();
    await choose(page, 'nkkXa', 'Phường An Xuyên', 'An Xuyên');
    expect((await modelOf(page)).nkkTinh).toBe('96');
    await choose(page, 'nkkTinh', 'Tỉnh Lâm Đồng', 'Lâm Đồng');
    await expect.poll(() => page.locator('#nkkXa-loi').isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await picker(page, 'nkkXa').getAttribute('aria-disabled')).toBe('true');
    expect((await modelOf(page)).nkkXa).toBeNull();
    await page.close();
  });
});
