import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-r2';
import type { StrangerScenario } from '../fixtures/portal-apps/scenario';
import { launchHarness, type Harness } from './harness/browser';

/**
 * The replicas of scenarios-r2.ts filled by hand, as an officer would (typing, opening each widget and clicking
 * its option, picking dates in the picker or typing them where the widget lets one), then `window.formModel`
 * compared with the scenario's ground truth. Proves that each page and its ground truth agree.
 */

let harness: Harness;

beforeAll(async () => {
  harness = await launchHarness();
});

afterAll(async () => {
  await harness?.close();
});

const scenario = (host: string) => scenarios.find((s) => new URL(s.url).host === host)!;

async function open(s: StrangerScenario) {
  const page = await harness.openPortal(s.url);
  const host = new URL(s.url).host;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'chrome-extension:' && url.host !== host) foreign.push(r.url());
  });
  return { page, foreign };
}

async function model(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as { formModel: Record<string, unknown> }).formModel);
}

function check(s: StrangerScenario, data: Record<string, unknown>) {
  for (const [key, want] of Object.entries(s.expected)) {
    if (want instanceof RegExp) expect(String(data[key]), key).toMatch(want);
    else expect(data[key], key).toBe(want);
  }
  for (const [key, want] of Object.entries(s.untouched ?? {})) {
    if (want === null) expect(data[key] ?? '', key).toBe('');
    else expect(data[key], key).toBe(want);
  }
}

describe('replicas written apart from the filler (r2)', () => {
  it('Hà Nội birth registration (React + react-select) holds what an officer enters', async () => {
    const s = scenario('dichvucong.hanoi.gov.vn');
    const { page, foreign } = await open(s);
    const type = (id: string, text: string) => page.locator(`#${id}`).pressSequentially(text);
    /** A native date input: Playwright types an ISO date into it as the date segments take it. */
    const date = (id: string, iso: string) => page.locator(`#${id}`).fill(iso);
    /** react-select: open the menu, type to filter, click the option. */
    const pick = async (id: string, search: string, option: string) => {
      await page.locator(`#${id} .react-select__control`).click();
      await page.keyboard.type(search);
      await page.locator(`#${id} .react-select__option`).getByText(option, { exact: true }).click();
    };
    /** The portal's dropdown: click the button, click the option. */
    const choose = async (id: string, option: string) => {
      await page.locator(`#${id}`).click();
      await page.locator('ul[role=listbox]').getByRole('option', { name: option, exact: true }).click();
    };

    await type('nycHoTen', 'Nguyễn Thị Mai');
    await choose('nycGioiTinh', 'Nữ');
    await date('nycNgaySinh', '1994-04-12');
    await type('nycSoDinhDanh', '001194000111');
    await type('nycSoDienThoai', '0912345678');
    await type('nycEmail', 'mai.nguyen@example.vn');
    await choose('nycQuanHe', 'Mẹ');
    await type('nycNoiCuTru', 'Số 5 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội');

    await type('ksHo', 'Trần');
    await type('ksChuDem', 'Bảo');
    await type('ksTen', 'An');
    await date('ksNgaySinh', '2026-09-05');
    await choose('ksGioiTinh', 'Nam');
    await pick('ksDanToc', 'Kinh', 'Kinh');
    await pick('ksQuocTich', 'Việt', 'Việt Nam');
    await type('ksNoiSinh', 'Bệnh viện Phụ sản Hà Nội');
    await type('ksQueQuan', 'Thái Bình');

    for (const [p, name, born, id] of [
      ['cha', 'Trần Văn Bình', '1990-10-20', '001090000222'],
      ['me', 'Nguyễn Thị Mai', '1994-04-12', '001194000111'],
    ] as const) {
      await type(`${p}HoTen`, name);
      await date(`${p}NgaySinh`, born);
      await pick(`${p}DanToc`, 'Kinh', 'Kinh');
      await pick(`${p}QuocTich`, 'Việt', 'Việt Nam');
      await type(`${p}SoDinhDanh`, id);
      await pick(`${p}Tinh`, 'Hà Nội', 'Thành phố Hà Nội');
      // The ward list arrives a moment after the province: the option shows up when it has.
      await pick(`${p}Xa`, 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
      await type(`${p}DiaChi`, 'Số 5 phố Hàng Bạc');
    }

    check(s, await model(page));
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('Bắc Ninh marriage registration (select2 + bootstrap-datepicker) submits what an officer enters', async () => {
    const s = scenario('dichvucong.bacninh.gov.vn');
    const { page, foreign } = await open(s);
    const el = (id: number) => `#_org_bn_hoso_noptructuyen_element_${id}`;
    const type = (id: number, text: string) => page.locator(el(id)).pressSequentially(text);
    /** select2: open it, type in its search box, click the result. */
    const pick = async (key: string, search: string, option: string) => {
      await page.locator(`.eform-element-${key} .select2-selection`).click();
      await page.locator('.select2-container--open .select2-search__field').pressSequentially(search);
      await page.locator('.select2-results__option').getByText(option, { exact: true }).click();
    };
    /** The ward select2 offers its list once the AJAX answer has come. */
    const wardsLoaded = (id: number) => expect.poll(() => page.locator(`${el(id)} option`).count()).toBeGreaterThan(1);

    // Bên nam: the date typed into the datepicker's input (it parses dd/mm/yyyy as one types).
    await type(4411, 'Lê Văn Khoa');
    await type(4412, '01/01/1980');
    await page.keyboard.press('Escape');
    await pick('DanTocBenNam', 'Kinh', 'Kinh');
    await pick('QuocTichBenNam', 'Việt', 'Việt Nam');
    await type(4415, '001080000333');
    await type(4416, '0978000333');
    await pick('TinhBenNam', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(4419);
    await pick('XaBenNam', 'Tây Hồ', 'Phường Tây Hồ');
    await type(4420, 'Tổ 5');

    // Bên nữ: the date picked in the calendar (month view → year view → decade back to 1990s → 1998 → March → 3).
    await type(4431, "H'Lan Niê");
    await page.locator(el(4432)).click();
    const picker = page.locator('.datepicker-dropdown');
    await picker.locator('.datepicker-days .datepicker-switch').click();
    await picker.locator('.datepicker-months .datepicker-switch').click();
    const decade = picker.locator('.datepicker-years .datepicker-switch');
    while (!(await decade.textContent())?.startsWith('1990')) await picker.locator('.datepicker-years .prev').click();
    await picker.locator('.datepicker-years span.year', { hasText: '1998' }).click();
    await picker.locator('.datepicker-months span.month').nth(2).click();
    await picker.locator('.datepicker-days td.day:not(.old):not(.new)', { hasText: /^3$/ }).click();
    await page.keyboard.press('Escape');
    await pick('DanTocBenNu', 'Ê Đê', 'Ê Đê');
    await pick('QuocTichBenNu', 'Việt', 'Việt Nam');
    await type(4435, '066198001234');
    await type(4436, '0905111222');
    await type(4437, 'hlan.nie@example.vn');
    await pick('TinhBenNu', 'Đắk Lắk', 'Tỉnh Đắk Lắk');
    await wardsLoaded(4439);
    await pick('XaBenNu', 'Buôn Ma Thuột', 'Phường Buôn Ma Thuột');
    await type(4440, 'Buôn Ko Siêr');

    check(s, await model(page));
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('Cao Bằng death registration (flatpickr + listbox dropdowns) submits what an officer enters', async () => {
    const s = scenario('dichvucong.caobang.gov.vn');
    const { page, foreign } = await open(s);
    const type = (id: string, text: string) => page.locator(`#${id}`).pressSequentially(text);
    /** The portal's dropdown: click the button, type in its search box when it has one, click the option. */
    const choose = async (name: string, option: string, search?: string) => {
      const button = page.locator(`#btn-${name}`);
      await expect.poll(() => button.isEnabled()).toBe(true); // the province and ward lists arrive late
      await button.click();
      const popup = page.locator(`.dd[data-name="${name}"] .dd-popup`);
      if (search) await popup.locator('input[type=search]').pressSequentially(search);
      await popup.getByRole('option', { name: option, exact: true }).click();
    };
    /** flatpickr keeps its input read-only: open the calendar, type the year, choose the month, click the day. */
    const pickDate = async (id: string, day: number, month: number, year: number) => {
      await page.locator(`#${id}`).click();
      const calendar = page.locator('.flatpickr-calendar.open');
      const yearInput = calendar.locator('input.cur-year');
      await yearInput.click();
      await yearInput.press('Control+a');
      await yearInput.pressSequentially(String(year)); // flatpickr reads the year on keyup
      await calendar.locator('select.flatpickr-monthDropdown-months').selectOption(String(month - 1));
      await calendar
        .locator('.flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)', { hasText: new RegExp(`^${day}$`) })
        .click();
    };

    await type('nycHoTen', 'Trần Văn Bình');
    await pickDate('nycNgaySinh', 20, 10, 1990);
    await type('nycSoDinhDanh', '001090000222');
    await type('nycSoDienThoai', '0987654321');
    await choose('nycTinh', 'Thành phố Hà Nội', 'Hà Nội');
    await choose('nycXa', 'Phường Hoàn Kiếm', 'Hoàn Kiếm');
    await type('nycDiaChi', 'Số 5 phố Hàng Bạc');

    await type('nktHoTen', 'Hoàng Văn Hùng');
    await pickDate('nktNgaySinh', 15, 6, 1948);
    await choose('nktGioiTinh', 'Nam');
    await choose('nktDanToc', 'Tày', 'Tày');
    await choose('nktQuocTich', 'Việt Nam', 'Việt');
    await type('nktSoDinhDanh', '004048000444');
    await choose('nktTinh', 'Tỉnh Cao Bằng', 'Cao Bằng');
    await choose('nktXa', 'Xã Hưng Đạo', 'Hưng Đạo');
    await type('nktDiaChi', 'Xóm 2');

    check(s, await model(page));
    expect(foreign).toEqual([]);
    await page.close();
  });
});
