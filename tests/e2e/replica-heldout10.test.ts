import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout10';
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
 * The tenth held-out set and its ground truth agree: a person fills each page by hand (typing, clicking the
 * widgets open, typing into their filters, picking options by their text, using the date picker and the date
 * segments), and the page's own state then holds the scenario's `expected` values and keeps its `untouched` ones.
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

describe('held-out 10: Hải Phòng death registration (Angular 21, PrimeNG 21)', () => {
  const s = scenario('https://dichvucong.haiphong.gov.vn/');
  const box = (page: Page, id: string) => page.locator(`input[id="${id}"]`);
  const select = (page: Page, id: string) => page.locator(`p-select:has([id="${id}"])`);

  /**
   * A p-select: clicked open (its overlay opens where PrimeNG's default appendTo puts it), the filter typed into
   * the overlay's own filter box when `filter` is given, the option clicked by its text; the overlay goes away and
   * the label shows the option.
   */
  async function choose(page: Page, id: string, option: string, filter?: string) {
    const root = select(page, id);
    const label = page.locator(`[id="${id}"]`);
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect.poll(() => page.locator('.p-select-overlay:visible').count()).toBe(0);
      await centre(root);
      await root.click();
      // appendTo's default keeps the overlay inside the p-select.
      const overlay = root.locator('.p-select-overlay:visible');
      await expect.poll(() => overlay.count()).toBe(1);
      await settled(overlay);
      if (filter) {
        // The filter keeps its last text when the overlay closes (resetFilterOnHide is false by default).
        const search = overlay.locator('input.p-select-filter');
        await search.fill('');
        await search.pressSequentially(filter);
        await expect.poll(() => overlay.locator('li[role="option"]').count()).toBeGreaterThan(0);
      }
      const choice = overlay.locator('li[role="option"]').filter({ hasText: exactly(option) });
      if ((await choice.count()) === 1) {
        await choice.click();
        break;
      }
      await page.keyboard.press('Escape');
    }
    await expect.poll(() => page.locator('.p-select-overlay:visible').count()).toBe(0);
    await expect.poll(() => label.textContent()).toMatch(exactly(option));
  }

  /** The ward list is there once the loading icon has gone and an option is offered. */
  async function wardsLoaded(page: Page) {
    await expect
      .poll(() => select(page, 'ndkXa').locator('.p-select-loading-icon, [data-p-icon="spinner"]').count(), {
        timeout: 5_000,
      })
      .toBe(0);
  }

  const dd = (n: number) => String(n).padStart(2, '0');
  const viMonths = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);

  /**
   * p-datepicker walked as a person does: the input opens the panel (this month), the year button opens the year
   * view, whose decade arrows lead to the year; the month, then the day is clicked; the panel closes and the input
   * shows dd/mm/yyyy.
   */
  async function pickDate(page: Page, id: string, [day, month, year]: [number, number, number]) {
    const input = box(page, id);
    await centre(input);
    await input.click();
    const panel = page.locator('.p-datepicker-panel:visible');
    await expect.poll(() => panel.count()).toBe(1);
    await settled(panel);
    await panel.locator('button.p-datepicker-select-year').click();
    const yearCell = panel.locator('.p-datepicker-year').filter({ hasText: exactly(String(year)) });
    const firstYear = async () => Number(await panel.locator('.p-datepicker-year').first().textContent());
    for (let i = 0; i < 20 && (await yearCell.count()) === 0; i++) {
      await settled(panel);
      const first = await firstYear();
      await panel.locator(year < first ? 'button.p-datepicker-prev-button' : 'button.p-datepicker-next-button').click();
      // The decade turns over once the click has been taken.
      await expect.poll(firstYear).not.toBe(first);
    }
    // The decade view is redrawn as it settles: the year is clicked once it stays.
    await settled(panel);
    await expect.poll(() => yearCell.count()).toBe(1);
    await yearCell.click();
    await settled(panel);
    await panel
      .locator('.p-datepicker-month')
      .filter({ hasText: exactly(viMonths[month - 1]!.replace('Tháng ', 'Th')) })
      .click();
    await settled(panel);
    await panel
      .locator('td:not(.p-datepicker-other-month) > span:not(.p-disabled)')
      .filter({ hasText: exactly(String(day)) })
      .click();
    await expect.poll(() => page.locator('.p-datepicker-panel:visible').count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(`${dd(day)}/${dd(month)}/${year}`);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('section.hp-block h2');
    await expect.poll(async () => Object.keys(await modelOf(page)).length).toBeGreaterThan(0);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    expect(await page.locator('section.hp-block > h2').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người đi đăng ký khai tử',
      'Thông tin người chết',
    ]);
    // Plain <label for>: the id is the input's (pInputText, p-datepicker's inputId) or p-select's combobox span.
    expect(await page.locator('label[for="ndkHoTen"]').textContent()).toMatch(/^Họ, chữ đệm, tên/);
    expect(await page.locator('[id="ndkTinh"]').getAttribute('role')).toBe('combobox');
    expect(await box(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('.p-select-overlay').count()).toBe(0);

    // Thông tin người đi đăng ký khai tử
    await typeInto(box(page, 'ndkHoTen'), 'Trần Văn Bình');
    await typeInto(box(page, 'ndkSoDinhDanh'), '001090000222');
    await choose(page, 'ndkTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'ndkXa', 'Phường Hoàn Kiếm', 'hoàn kiếm');
    await typeInto(box(page, 'ndkDiaChi'), 'Số 5 phố Hàng Bạc');
    // Thông tin người chết
    await typeInto(box(page, 'nchHoTen'), 'Hoàng Văn Hùng');
    await pickDate(page, 'nchNgaySinh', [15, 6, 1948]);
    await page.locator('label[for="nchGioiTinh-M"]').click();
    // p-radiobutton's native input carries the name and the inputId (its value attribute is not the option's).
    await expect.poll(() => page.locator('input[id="nchGioiTinh-M"][name="nchGioiTinh"]').isChecked()).toBe(true);
    await choose(page, 'nchDanToc', 'Tày', 'tày');
    await choose(page, 'nchQuocTich', 'Việt Nam', 'Việt');
    await typeInto(box(page, 'nchSoDinhDanh'), '004048000444');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('a typed date is taken; the filter narrows the list; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    // p-datepicker parses what is typed with its dateFormat.
    const ngay = box(page, 'nchNgayChet');
    await centre(ngay);
    await ngay.click();
    await ngay.pressSequentially('02/12/2026');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await modelOf(page)).nchNgayChet).toBe('2026-12-02');

    // The filter keeps the options containing the text; nothing is chosen until one is clicked.
    await centre(select(page, 'nchDanToc'));
    await select(page, 'nchDanToc').click();
    const overlay = page.locator('.p-select-overlay:visible');
    await overlay.locator('input.p-select-filter').pressSequentially('mông');
    await expect.poll(() => overlay.locator('li[role="option"]').allTextContents()).toEqual(['HMông']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.p-select-overlay:visible').count()).toBe(0);
    expect((await modelOf(page)).nchDanToc).toBeNull();

    await choose(page, 'ndkTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'ndkXa', 'Phường Ba Đình', 'Ba Đình');
    expect((await modelOf(page)).ndkXa).toBe('00004');
    await choose(page, 'ndkTinh', 'Thành phố Hải Phòng', 'Hải Phòng');
    expect((await modelOf(page)).ndkXa).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'ndkXa', 'Phường Hồng Bàng', 'Hồng Bàng');
    expect((await modelOf(page)).ndkTinh).toBe('31');
    await choose(page, 'ndkTinh', 'Tỉnh Lâm Đồng', 'Lâm Đồng');
    await wardsLoaded(page);
    await centre(select(page, 'ndkXa'));
    await select(page, 'ndkXa').click();
    await expect
      .poll(() => page.locator('.p-select-overlay:visible').textContent(), { timeout: 5_000 })
      .toMatch(/Không tải được danh sách xã\/phường/);
    await page.keyboard.press('Escape');
    expect((await modelOf(page)).ndkXa).toBeNull();
    await page.close();
  });
});

describe('held-out 10: Vĩnh Long marriage registration (React 19, React Aria Components)', () => {
  const s = scenario('https://dichvucong.vinhlong.gov.vn/');
  const card = (page: Page, side: 'nu' | 'nam') => page.locator(side === 'nu' ? '#ben-nu' : '#ben-nam');
  const field = (page: Page, name: string) =>
    card(page, name.startsWith('nu') ? 'nu' : 'nam').locator(`.vl-field:has([name="${name}"])`);
  const text = (page: Page, name: string) => page.locator(`input[name="${name}"]`);

  /** The open popover's listbox (React Aria renders it in a portal at the end of body while open). */
  const listbox = (page: Page) => page.locator('.react-aria-Popover [role="listbox"]');

  /** A Select: its button opens the listbox; the option is clicked by its text; the button shows it. */
  async function choose(page: Page, name: string, option: string) {
    const button = field(page, name).locator('> button');
    await expect.poll(() => button.isDisabled(), { timeout: 5_000 }).toBe(false);
    await centre(button);
    await button.click();
    await expect.poll(() => listbox(page).count()).toBe(1);
    await settled(page.locator('.react-aria-Popover'));
    await listbox(page)
      .locator('[role="option"]')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => listbox(page).count()).toBe(0);
    await expect.poll(() => button.locator('.react-aria-SelectValue').textContent()).toBe(option);
  }

  /** A ComboBox: typing filters the items; the option is clicked and the input shows it. */
  async function search(page: Page, name: string, typed: string, option: string) {
    const input = field(page, name).locator('input[role="combobox"]');
    await expect.poll(() => input.isDisabled(), { timeout: 5_000 }).toBe(false);
    for (let attempt = 0; attempt < 3; attempt++) {
      await typeInto(input, typed);
      await expect.poll(() => listbox(page).count()).toBe(1);
      const choice = listbox(page)
        .locator('[role="option"]')
        .filter({ hasText: exactly(option) });
      if ((await choice.count()) === 1) {
        await choice.click();
        break;
      }
    }
    await expect.poll(() => listbox(page).count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(option);
  }

  /**
   * The DatePicker's DateInput in vi-VN: day, month, year spinbutton segments (shown unpadded, as the locale
   * writes dates: 3/3/1998); a person clicks the day segment and types the digits, each full segment moving the
   * focus on to the next.
   */
  async function typeDate(page: Page, name: string, digits: string, shown: string) {
    const group = field(page, name).locator('.react-aria-Group');
    const segments = group.locator('[role="spinbutton"]');
    expect(await segments.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).toEqual([
      'day',
      'month',
      'year',
    ]);
    await centre(group);
    await segments.first().click();
    await page.keyboard.type(digits);
    await expect.poll(() => segments.allTextContents().then((t) => t.join('/'))).toBe(shown);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('#ben-nam h2');
    await expect.poll(() => field(page, 'nuTinh').locator('select option[value="66"]').count()).toBe(1);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    expect(await page.locator('section.vl-block > h2').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin bên nữ',
      'Thông tin bên nam',
    ]);
    // React Aria's Label is tied to its input by `for`.
    const label = field(page, 'nuHoTen').locator('label');
    expect(await label.getAttribute('for')).toBe(await text(page, 'nuHoTen').getAttribute('id'));
    expect(await text(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await text(page, 'coQuanDangKy').isDisabled()).toBe(true);
    expect(await page.locator('.react-aria-Popover').count()).toBe(0);

    // Bên nữ
    await typeInto(text(page, 'nuHoTen'), "H'Lan Niê");
    await typeDate(page, 'nuNgaySinh', '03031998', '3/3/1998');
    await search(page, 'nuDanToc', 'ê đê', 'Ê Đê');
    await choose(page, 'nuQuocTich', 'Việt Nam');
    await typeInto(text(page, 'nuSoDinhDanh'), '066198001234');
    await choose(page, 'nuTinh', 'Tỉnh Đắk Lắk');
    await search(page, 'nuXa', 'buôn ma', 'Phường Buôn Ma Thuột');
    await typeInto(text(page, 'nuDiaChi'), 'Buôn Ko Siêr');
    // Bên nam: the date typed into its segments, then the calendar opened to check it shows that day, and closed.
    await typeInto(text(page, 'namHoTen'), 'Lê Văn Khoa');
    await typeDate(page, 'namNgaySinh', '01011980', '1/1/1980');
    const calendarButton = field(page, 'namNgaySinh').locator('.react-aria-Group > button');
    await calendarButton.click();
    const dialog = page.locator('.react-aria-Popover [role="dialog"]');
    await expect.poll(() => dialog.locator('.react-aria-Heading, h2').first().textContent()).toMatch(/1980/);
    await expect
      .poll(() => dialog.locator('[role="gridcell"] [aria-selected="true"], [aria-selected="true"]').count())
      .toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.react-aria-Popover').count()).toBe(0);
    await search(page, 'namDanToc', 'kinh', 'Kinh');
    await choose(page, 'namQuocTich', 'Việt Nam');
    await typeInto(text(page, 'namSoDinhDanh'), '001080000333');
    await choose(page, 'namTinh', 'Thành phố Hà Nội');
    await search(page, 'namXa', 'tây hồ', 'Phường Tây Hồ');
    await typeInto(text(page, 'namDiaChi'), 'Tổ 5');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the calendar picks a day; the combobox filters as typed; another province empties the ward', async () => {
    const page = await open();
    // The DatePicker's button opens the calendar on this month; a day clicked is the value.
    await field(page, 'nuNgaySinh').locator('.react-aria-Group > button').click();
    const dialog = page.locator('.react-aria-Popover [role="dialog"]');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog
      .locator('.react-aria-CalendarCell:not([data-outside-month]):not([data-disabled])')
      .filter({ hasText: exactly('15') })
      .click();
    await expect.poll(() => page.locator('.react-aria-Popover').count()).toBe(0);
    expect((await modelOf(page)).nuNgaySinh).toMatch(/^\d{4}-\d{2}-15$/);

    // The ComboBox's default filter: contains, marks folded; nothing is chosen until an item is picked.
    const input = field(page, 'namDanToc').locator('input[role="combobox"]');
    await typeInto(input, 'mong');
    await expect.poll(() => listbox(page).locator('[role="option"]').allTextContents()).toEqual(['Mông']);
    await page.keyboard.press('Escape');
    expect((await modelOf(page)).namDanToc).toBeNull();

    await choose(page, 'namTinh', 'Thành phố Hà Nội');
    await search(page, 'namXa', 'ba đình', 'Phường Ba Đình');
    expect((await modelOf(page)).namXa).toBe('00004');
    await choose(page, 'namTinh', 'Tỉnh Vĩnh Long');
    await expect.poll(async () => (await modelOf(page)).namXa).toBeNull();
    await search(page, 'namXa', 'phước hậu', 'Phường Phước Hậu');
    expect((await modelOf(page)).namTinh).toBe('86');
    await choose(page, 'namTinh', 'Tỉnh Cao Bằng');
    await expect
      .poll(() => field(page, 'namXa').locator('input[role="combobox"]').getAttribute('placeholder'), {
        timeout: 5_000,
      })
      .toBe('Không tải được danh sách xã/phường');
    expect((await modelOf(page)).namXa).toBeNull();
    await page.close();
  });
});
