import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout7';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, centre, exactly, modelOf, scenarioAt, selectorsVisible } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The seventh held-out set and its ground truth agree: a person fills each page by hand (typing, opening the
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

describe('held-out 7: Hà Tĩnh marriage registration (ASP.NET Web Forms, Chosen, jQuery DateTimePicker)', () => {
  const s = scenario('https://dichvucong.hatinh.gov.vn/');
  const id = (name: string) => `#MainContent_${name}`;
  const model = async (page: Page, name: string) => (await modelOf(page))[`ctl00$MainContent$${name}`];
  const type = (page: Page, name: string, text: string) => page.locator(id(name)).pressSequentially(text);

  /**
   * Clicks a Chosen box open (its drop holds a search field, focused on opening), types into it when asked and
   * clicks the result; Chosen filters on keyup, so after text whose last letters came without key events (the
   * Vietnamese ones) a person's next key, here End, runs the search. The drop closes on the pick and the hidden
   * select holds it.
   */
  async function choose(page: Page, name: string, search: string | null, option: string) {
    const box = page.locator(`${id(name)}_chosen`);
    await box.locator('a.chosen-single').click();
    await expect.poll(() => box.getAttribute('class')).toMatch(/chosen-with-drop/);
    if (search) {
      const field = box.locator('.chosen-search-input');
      await field.pressSequentially(search);
      await field.press('End');
    }
    await box
      .locator('li.active-result')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => box.getAttribute('class')).not.toMatch(/chosen-with-drop/);
    await expect.poll(() => box.locator('a.chosen-single > span').textContent()).toBe(option);
  }

  /** The ward select is disabled (Chosen greys its box) until the service's list has come and chosen:updated. */
  const wardsLoaded = (page: Page, name: string) =>
    expect.poll(() => page.locator(`${id(name)}_chosen`).getAttribute('class')).not.toMatch(/chosen-disabled/);

  /**
   * The mask shows __/__/____ and takes digits only, at the caret; a click in the middle of the box leaves the caret
   * after the mask, where nothing can be typed, so a person clicks at its start. The picker opens on focus, below
   * the box; clicking a field it does not cover (`next`) blurs the box, which closes the picker and keeps the date
   * it read.
   */
  async function typeDate(page: Page, name: string, text: string, next: string) {
    const box = page.locator(id(name));
    await box.click({ position: { x: 4, y: 8 } });
    await expect.poll(() => page.locator('.xdsoft_datetimepicker:visible').count()).toBe(1);
    await box.pressSequentially(text);
    expect(await box.inputValue()).toBe(text);
    await page.locator(id(next)).click();
    await expect.poll(() => page.locator('.xdsoft_datetimepicker:visible').count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(text);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.chosen-container');
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    // Web Forms layout: td labels without <label> or `for`, the star drawn by CSS, bold first rows as headings,
    // and one label for the bride's and the groom's columns.
    const label = page.locator('#tblToKhai tr:has(#MainContent_txtNu_HoTen) > td.lbl');
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên');
    expect(await label.evaluate((el) => getComputedStyle(el, '::after').content)).toMatch(/\(\*\)/);
    expect(await page.locator('label').filter({ hasText: 'Họ' }).count()).toBe(0);
    expect(await page.locator('tr.group > td').allTextContents()).toEqual([
      'I. THÔNG TIN NGƯỜI NỘP HỒ SƠ',
      'II. NỘI DUNG TỜ KHAI',
      'III. ĐỀ NGHỊ CẤP BẢN SAO',
    ]);
    expect(await page.locator('#tblToKhai tr.head th').allTextContents()).toEqual(['Thông tin', 'Bên nữ', 'Bên nam']);
    expect(await page.locator(id('txtMaHoSo')).getAttribute('readonly')).not.toBeNull();
    // The selects are hidden behind their Chosen boxes; the dates start as the mask.
    expect(await page.locator(id('ddlNu_DanToc')).isVisible()).toBe(false);
    expect(await page.locator(id('txtNu_NgaySinh')).inputValue()).toBe('__/__/____');

    // I. Người nộp hồ sơ
    await type(page, 'txtNguoiNop_HoTen', 'Lê Văn Khoa');
    await page.locator('label[for="MainContent_rblNguoiNop_GioiTinh_0"]').click();
    await typeDate(page, 'txtNguoiNop_NgaySinh', '01/01/1980', 'txtNguoiNop_SoGiayTo');
    await type(page, 'txtNguoiNop_SoGiayTo', '001080000333');
    await type(page, 'txtNguoiNop_DienThoai', '0978000333');
    // II. Bên nữ
    await type(page, 'txtNu_HoTen', "H'Lan Niê");
    await typeDate(page, 'txtNu_NgaySinh', '03/03/1998', 'txtNu_HoTen');
    await choose(page, 'ddlNu_DanToc', 'Ê', 'Ê-đê');
    await choose(page, 'ddlNu_QuocTich', 'Việt', 'Việt Nam');
    await type(page, 'txtNu_SoDinhDanh', '066198001234');
    await page.locator('label[for="MainContent_rblNu_LoaiCuTru_0"]').click();
    await choose(page, 'ddlNu_Tinh', 'Đắk Lắk', 'Tỉnh Đắk Lắk');
    await wardsLoaded(page, 'ddlNu_Xa');
    await choose(page, 'ddlNu_Xa', 'Buôn Ma', 'Phường Buôn Ma Thuột');
    await type(page, 'txtNu_DiaChi', 'Buôn Ko Siêr');
    // Bên nam
    await type(page, 'txtNam_HoTen', 'Lê Văn Khoa');
    await typeDate(page, 'txtNam_NgaySinh', '01/01/1980', 'txtNam_HoTen');
    await choose(page, 'ddlNam_DanToc', null, 'Kinh');
    await choose(page, 'ddlNam_QuocTich', null, 'Việt Nam');
    await type(page, 'txtNam_SoDinhDanh', '001080000333');
    await page.locator('label[for="MainContent_rblNam_LoaiCuTru_0"]').click();
    await choose(page, 'ddlNam_Tinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'ddlNam_Xa');
    await choose(page, 'ddlNam_Xa', 'Ba Đình', 'Phường Ba Đình');
    await type(page, 'txtNam_DiaChi', 'Tổ 5');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('search matches word starts with accents kept; another province empties the ward; a missing list says so; an unreadable date becomes today', async () => {
    const page = await open();
    const box = page.locator(`${id('ddlNam_Tinh')}_chosen`);
    await box.locator('a.chosen-single').click();
    await box.locator('.chosen-search-input').pressSequentially('Ha Noi');
    await expect.poll(() => box.locator('li.no-results').textContent()).toMatch(/Không tìm thấy kết quả/);
    await page.keyboard.press('Escape');
    await expect.poll(() => box.getAttribute('class')).not.toMatch(/chosen-with-drop/);
    // Escape keeps the typed search while the box has the focus; leaving the box clears it.
    await page.locator('.box-title').click();
    await expect.poll(() => box.getAttribute('class')).not.toMatch(/chosen-container-active/);
    await choose(page, 'ddlNam_Tinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'ddlNam_Xa');
    await choose(page, 'ddlNam_Xa', 'Tây Hồ', 'Phường Tây Hồ');
    expect(await model(page, 'ddlNam_Xa')).toBe('00103');
    // The ward's box took the focus, so the province's search is empty again.
    await choose(page, 'ddlNam_Tinh', 'Hà Tĩnh', 'Tỉnh Hà Tĩnh');
    await expect.poll(() => model(page, 'ddlNam_Xa')).toBeNull();
    await wardsLoaded(page, 'ddlNam_Xa');
    await choose(page, 'ddlNam_Xa', 'Thành Sen', 'Phường Thành Sen');
    expect(await model(page, 'ddlNam_Xa')).toBe('18073');
    expect(await model(page, 'ddlNu_Xa')).toBeNull();
    await choose(page, 'ddlNam_Tinh', 'Cao Bằng', 'Tỉnh Cao Bằng');
    await expect.poll(() => page.locator(id('lblNam_XaLoi')).isVisible()).toBe(true);
    expect(await model(page, 'ddlNam_Xa')).toBeNull();
    // validateOnBlur: a year alone cannot be read as d/m/Y, so the box takes today's date.
    const date = page.locator(id('txtNu_NgaySinh'));
    await date.click({ position: { x: 4, y: 8 } });
    await date.pressSequentially('1998');
    await page.locator(id('txtNu_HoTen')).click();
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    });
    await expect.poll(() => model(page, 'txtNu_NgaySinh')).toBe(today);
    await page.close();
  });
});

describe('held-out 7: Khánh Hòa birth registration (React 19, Mantine 7)', () => {
  const s = scenario('https://dichvucong.khanhhoa.gov.vn/');
  const named = (page: Page, name: string) => page.locator(`input[name="${name}"]`);
  const selectInput = (page: Page, name: string) =>
    page.locator(`.mantine-Select-root:has(+ input[name="${name}"]) input`);
  const type = (page: Page, name: string, text: string) => named(page, name).pressSequentially(text);

  /**
   * Clicks a Select open; a searchable one takes typed text (a substring of the label, accents kept; what it
   * shows is selected first so the typing replaces it), and the option is clicked in the dropdown the box controls
   * (portalled to body, kept mounted while closed). The dropdown closes, the box shows the label.
   */
  async function choose(page: Page, name: string, search: string | null, option: string) {
    const input = selectInput(page, name);
    await centre(input);
    await input.click();
    const listbox = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
    await expect.poll(() => listbox.isVisible()).toBe(true);
    if (search) {
      await input.press('ControlOrMeta+a');
      await input.pressSequentially(search);
    }
    // The dropdown is positioned by floating-ui, which may flip or move it once the filtered list shrinks: a click
    // that lands where the option was a moment ago misses it and the dropdown stays open, so a person clicks again
    // (only while the box does not show the option yet: clicking the chosen option would deselect it).
    const item = listbox.locator('[role="option"]').filter({ hasText: exactly(option) });
    await item.click();
    await vi.waitFor(
      async () => {
        if ((await listbox.isVisible()) && (await input.inputValue()) !== option) await item.click({ timeout: 2_000 });
        expect(await listbox.isVisible()).toBe(false);
      },
      { timeout: 15_000, interval: 500 },
    );
    await expect.poll(() => input.inputValue()).toBe(option);
  }

  /** The ward Select is disabled (with a loader) until its list has come from the API. */
  const wardsLoaded = (page: Page, name: string) => expect.poll(() => selectInput(page, name).isDisabled()).toBe(false);

  /**
   * A DatePickerInput is a button: a person opens its calendar, climbs from the month to the decade by the header,
   * steps back to the decade, then clicks the year, the month and the day; the calendar closes on the day.
   */
  async function pickDate(page: Page, name: string, [day, month, year]: [number, number, number]) {
    const button = page.locator(`.mantine-DatePickerInput-root:has(+ input[name="${name}"]) button`);
    await centre(button);
    await button.click();
    const calendar = page.locator('[data-dates-dropdown]:visible');
    await expect.poll(() => calendar.count()).toBe(1);
    const level = calendar.locator('.mantine-DatePickerInput-calendarHeaderLevel');
    await level.click();
    await expect.poll(() => level.textContent()).toMatch(/^\d{4}$/);
    await level.click();
    await expect.poll(() => level.textContent()).toMatch(/^\d{4} – \d{4}$/);
    const decade = Math.floor(year / 10) * 10;
    for (let first = Number.parseInt((await level.textContent()) ?? '', 10); first > decade; first -= 10) {
      await calendar.locator('button[data-direction="previous"]').click();
      await expect.poll(() => level.textContent()).toBe(`${first - 10} – ${first - 1}`);
    }
    await calendar.locator('.mantine-DatePickerInput-yearsListControl', { hasText: exactly(String(year)) }).click();
    await calendar
      .locator('.mantine-DatePickerInput-monthsListControl')
      .nth(month - 1)
      .click();
    await calendar
      .locator('.mantine-DatePickerInput-day:not([data-outside])', { hasText: exactly(String(day)) })
      .click();
    await expect.poll(() => calendar.count()).toBe(0);
    const dd = (n: number) => String(n).padStart(2, '0');
    await expect.poll(() => button.textContent()).toBe(`${dd(day)}/${dd(month)}/${year}`);
  }

  /** The DateInput takes the date typed DD/MM/YYYY, its calendar open; Escape closes the calendar. */
  async function typeDate(page: Page, box: Locator, text: string) {
    await box.click();
    await expect.poll(() => page.locator('[data-dates-dropdown]:visible').count()).toBe(1);
    await box.pressSequentially(text);
    await box.press('Escape');
    await expect.poll(() => page.locator('[data-dates-dropdown]:visible').count()).toBe(0);
    expect(await box.inputValue()).toBe(text);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.mantine-Fieldset-root');
    // The provinces come from the API after the first render.
    await expect.poll(() => page.locator('[role="option"][value="56"]').count()).toBe(2);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    // Mantine's labels name their input by `for`, the star a span inside; Fieldset legends head the blocks.
    const label = page.locator('label', { has: page.locator('.mantine-InputWrapper-required') }).first();
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên *');
    expect(await label.getAttribute('for')).toBe(await named(page, 'nycHoTen').getAttribute('id'));
    expect(await page.locator('.mantine-Fieldset-legend').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người đi đăng ký',
      'Thông tin người được đăng ký khai sinh',
      'Thông tin người mẹ',
      'Thông tin người cha',
      'Đề nghị',
    ]);
    expect(await named(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await selectInput(page, 'coQuanThucHien').isDisabled()).toBe(true);

    // Người đi đăng ký
    await type(page, 'nycHoTen', 'Trần Văn Bình');
    await choose(page, 'nycQuanHe', null, 'Cha');
    await type(page, 'nycSoDinhDanh', '001090000222');
    await type(page, 'nycSoDienThoai', '0987654321');
    // Người được đăng ký khai sinh
    await type(page, 'ksHoTen', 'Trần Bảo An');
    await typeDate(page, page.locator('.mantine-DateInput-root:has(+ input[name="ksNgaySinh"]) input'), '05/09/2026');
    await page.locator('.mantine-RadioGroup-root:has(input[name="ksGioiTinh"]) label', { hasText: 'Nam' }).click();
    await choose(page, 'ksDanToc', 'Kinh', 'Kinh');
    await choose(page, 'ksQuocTich', null, 'Việt Nam');
    await type(page, 'ksNoiSinh', 'Bệnh viện Phụ sản Hà Nội');
    await type(page, 'ksQueQuan', 'Thái Bình');
    // Người mẹ
    await type(page, 'meHoTen', 'Nguyễn Thị Mai');
    await pickDate(page, 'meNgaySinh', [12, 4, 1994]);
    await type(page, 'meSoDinhDanh', '001194000111');
    await choose(page, 'meDanToc', 'kinh', 'Kinh');
    await choose(page, 'meQuocTich', 'Việt', 'Việt Nam');
    await choose(page, 'meTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'meXa');
    await choose(page, 'meXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await type(page, 'meDiaChi', 'Số 5 phố Hàng Bạc');
    // Người cha
    await type(page, 'chaHoTen', 'Trần Văn Bình');
    await pickDate(page, 'chaNgaySinh', [20, 10, 1990]);
    await type(page, 'chaSoDinhDanh', '001090000222');
    await choose(page, 'chaDanToc', null, 'Kinh');
    await choose(page, 'chaQuocTich', 'nam', 'Việt Nam');
    await choose(page, 'chaTinh', 'hà nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'chaXa');
    await choose(page, 'chaXa', 'kiếm', 'Phường Hoàn Kiếm');
    await type(page, 'chaDiaChi', 'Số 5 phố Hàng Bạc');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the search keeps accents; picking the chosen option again clears it; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    const tinh = selectInput(page, 'chaTinh');
    await tinh.click();
    const listbox = page.locator(`[id="${await tinh.getAttribute('aria-controls')}"]`);
    await tinh.pressSequentially('Ha Noi');
    await expect.poll(() => listbox.locator('.mantine-Select-empty').textContent()).toBe('Không tìm thấy');
    await tinh.press('Escape');
    await expect.poll(() => listbox.isVisible()).toBe(false);
    await choose(page, 'chaTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await wardsLoaded(page, 'chaXa');
    await choose(page, 'chaXa', 'Tây Hồ', 'Phường Tây Hồ');
    expect((await modelOf(page)).chaXa).toBe('00103');
    // allowDeselect: the chosen option clicked again empties the Select.
    const xa = selectInput(page, 'chaXa');
    await xa.click();
    const wards = page.locator(`[id="${await xa.getAttribute('aria-controls')}"]`);
    await expect.poll(() => wards.isVisible()).toBe(true);
    await wards.locator('[role="option"][aria-selected="true"]').click();
    await expect.poll(async () => (await modelOf(page)).chaXa).toBeNull();
    await choose(page, 'chaXa', 'Tây Hồ', 'Phường Tây Hồ');
    await choose(page, 'chaTinh', 'Khánh', 'Tỉnh Khánh Hoà');
    await expect.poll(async () => (await modelOf(page)).chaXa).toBeNull();
    await wardsLoaded(page, 'chaXa');
    await choose(page, 'chaXa', 'Nha Trang', 'Phường Nha Trang');
    expect((await modelOf(page)).chaXa).toBe('22366');
    expect((await modelOf(page)).meXa).toBeNull();
    await choose(page, 'chaTinh', 'Gia Lai', 'Tỉnh Gia Lai');
    await expect.poll(() => page.locator('#chaXaLoi').isVisible()).toBe(true);
    expect((await modelOf(page)).chaXa).toBeNull();
    await page.close();
  });
});
