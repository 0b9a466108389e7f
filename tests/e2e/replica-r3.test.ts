import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrangerScenario } from '../fixtures/portal-apps/scenario';
import { scenarios } from '../fixtures/portal-apps/scenarios-r3';
import { launchHarness, type Harness } from './harness/browser';

/**
 * Sanity test of r3's replicas: an officer fills each page by hand (typing, opening each widget and clicking
 * the option, typing the dates as the widget takes them) and the page's own state must then equal the
 * scenario's ground truth, with the untouched fields kept.
 */

const scenario = (url: string): StrangerScenario => {
  const found = scenarios.find((s) => s.url === url);
  if (!found) throw new Error(`no scenario for ${url}`);
  return found;
};

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

function expectModel(model: Record<string, unknown>, s: StrangerScenario) {
  for (const [key, want] of Object.entries(s.expected)) {
    if (want instanceof RegExp) expect(String(model[key]), key).toMatch(want);
    else expect(model[key], key).toBe(want);
  }
  for (const [key, want] of Object.entries(s.untouched ?? {})) {
    if (want === null) expect(model[key] ?? null, key).toBeNull();
    else expect(model[key], key).toBe(want);
  }
}

async function expectSelectors(page: Page, s: StrangerScenario) {
  for (const [key, selector] of Object.entries(s.selectors)) {
    expect(await page.locator(selector).count(), `${key}: ${selector}`).toBe(1);
    expect(await page.locator(selector).isVisible(), `${key} visible`).toBe(true);
  }
  for (const key of [...Object.keys(s.expected), ...Object.keys(s.untouched ?? {})])
    expect(s.selectors[key], `selector for ${key}`).toBeTruthy();
}

/** Opens a replica. The extension is loaded but plays no part here (its panel is Chrome's side panel, not in the page). */
async function open(url: string): Promise<Page> {
  return harness.openPortal(url);
}

const formModel = (page: Page) =>
  page.evaluate(() => (window as unknown as { formModel: Record<string, unknown> }).formModel);

let harness: Harness;

beforeAll(async () => {
  harness = await launchHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('lienthong.dichvucong.gov.vn: liên thông khai sinh (Angular Material + ng-select)', () => {
  const s = scenario('https://lienthong.dichvucong.gov.vn/lien-thong/khai-sinh/');
  const sel = s.selectors;

  /** A Material text field: a click on the field (its floating label lies over the empty input), then typing. */
  async function type(page: Page, key: string, text: string) {
    const input = page.locator(sel[key]!);
    await input.locator('xpath=ancestor::mat-form-field').click();
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(text);
  }

  /** mat-datepicker: the date typed dd/mm/yyyy, then the field left. */
  async function date(page: Page, key: string, ddmmyyyy: string) {
    await type(page, key, ddmmyyyy);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(sel[key]!).inputValue()).toBe(ddmmyyyy);
  }

  /** mat-select: open it (a click on its form field, where its floating label lies), click the mat-option. */
  async function matSelect(page: Page, key: string, label: string) {
    await page.locator(sel[key]!).locator('xpath=ancestor::mat-form-field').click();
    await page
      .locator('.cdk-overlay-pane mat-option')
      .filter({ hasText: exact(label) })
      .click();
    await page.locator('.cdk-overlay-pane mat-option').first().waitFor({ state: 'detached' });
  }

  /** ng-select: open it, type a few letters into its search box, click the option. */
  async function ngSelect(page: Page, selector: string, search: string, label: string) {
    const select = page.locator(selector);
    await select.locator('.ng-select-container').click();
    await select.locator('.ng-spinner-loader').waitFor({ state: 'detached' });
    await select.locator('input[type="text"]').pressSequentially(search);
    await select
      .locator('ng-dropdown-panel .ng-option')
      .filter({ hasText: exact(label) })
      .click();
    await expect.poll(() => select.locator('.ng-value-label').textContent()).toBe(label);
  }

  async function address(page: Page, prefix: string, province: string, ward: string, detail: string) {
    const tinh = sel[`${prefix}MaTinh`]!;
    await ngSelect(page, tinh, province.split(' ').at(-1)!, province);
    await ngSelect(page, sel[`${prefix}MaXa`]!, ward.replace(/^Phường |^Xã /, ''), ward);
    await type(page, `${prefix}DiaChiChiTiet`, detail);
  }

  it('filled by hand, the form group holds the codes and dates the scenario expects', {
    timeout: 180_000,
  }, async () => {
    const page = await open(s.url);
    await page.locator('app-input[formcontrolname="Ho"]').waitFor();
    await s.before?.(page);
    const before = await formModel(page);
    expect(before.NycHoTen).toBe('Nguyễn Thị Mai');

    // Người yêu cầu: the mother, signed in.
    await matSelect(page, 'NycQuanHe', 'Mẹ');
    await type(page, 'NycSoDienThoai', '0912345678');
    await type(page, 'NycEmail', 'mai.nguyen@example.vn');

    // Người được khai sinh.
    await type(page, 'Ho', 'Trần');
    await type(page, 'ChuDem', 'Bảo');
    await type(page, 'Ten', 'An');
    await date(page, 'NgaySinh', '05/09/2026');
    await matSelect(page, 'GioiTinh', 'Nam');
    await ngSelect(page, sel.MaDanToc!, 'Kinh', 'Kinh');
    await ngSelect(page, sel.MaQuocTich!, 'Việt', 'Việt Nam');
    await type(page, 'NoiSinh', 'Bệnh viện Phụ sản Hà Nội');

    // Mẹ.
    await type(page, 'MeHo', 'Nguyễn');
    await type(page, 'MeChuDem', 'Thị');
    await type(page, 'MeTen', 'Mai');
    await date(page, 'MeNgaySinh', '12/04/1994');
    await type(page, 'MeSoGiayTo', '001194000111');
    await ngSelect(page, sel.MeMaDanToc!, 'Kinh', 'Kinh');
    await ngSelect(page, sel.MeMaQuocTich!, 'Việt', 'Việt Nam');
    await matSelect(page, 'MeLoaiCuTru', 'Thường trú');
    await address(page, 'Me', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm', 'Số 5 phố Hàng Bạc');

    // Cha.
    await type(page, 'ChaHoTen', 'Trần Văn Bình');
    await date(page, 'ChaNgaySinh', '20/10/1990');
    await type(page, 'ChaSoGiayTo', '001090000222');
    await ngSelect(page, sel.ChaMaDanToc!, 'Kinh', 'Kinh');
    await ngSelect(page, sel.ChaMaQuocTich!, 'Việt', 'Việt Nam');
    await matSelect(page, 'ChaLoaiCuTru', 'Thường trú');
    await address(page, 'Cha', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm', 'Số 5 phố Hàng Bạc');

    // Đăng ký thường trú for the child, at the parents' address.
    await address(page, 'Dktt', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm', 'Số 5 phố Hàng Bạc');

    expectModel(await formModel(page), s);
    await expectSelectors(page, s);
    await page.close();
  });

  it('a new province clears the ward and fetches the new list', { timeout: 60_000 }, async () => {
    const page = await open(s.url);
    await page.locator('#DkttDiaChi').waitFor();
    await expect(page.locator(sel.DkttMaXa!).count()).resolves.toBe(0);
    await address(page, 'Dktt', 'Thành phố Hà Nội', 'Phường Tây Hồ', 'Tổ 5');
    expect((await formModel(page)).DkttMaXa).toBe('00103');
    await ngSelect(page, sel.DkttMaTinh!, 'Lắk', 'Tỉnh Đắk Lắk');
    expect((await formModel(page)).DkttMaXa).toBeNull();
    await ngSelect(page, sel.DkttMaXa!, 'Buôn Ma Thuột', 'Phường Buôn Ma Thuột');
    expect((await formModel(page)).DkttMaTinh).toBe('66');
    expect((await formModel(page)).DkttMaXa).toBe('24133');
    await page.close();
  });
});

describe('dichvucong.gov.vn: đăng ký kết hôn (SurveyJS, Angular renderer)', () => {
  const s = scenario('https://dichvucong.gov.vn/nop-ho-so/ket-hon/');
  const sel = s.selectors;

  /** A SurveyJS text question keeps its value when the field is left. */
  async function type(page: Page, key: string, text: string) {
    const input = page.locator(sel[key]!);
    await input.click();
    await input.pressSequentially(text);
    await input.press('Tab');
  }

  /** The date input takes the date as the browser's date field does. */
  async function date(page: Page, key: string, iso: string) {
    await page.locator(sel[key]!).fill(iso);
    await page.locator(sel[key]!).press('Tab');
  }

  /** SurveyJS dropdown: open it, type into its filter, click the list item. */
  async function dropdown(page: Page, key: string, search: string, label: string) {
    await page.locator(sel[key]!).click();
    await page.keyboard.type(search);
    await page
      .locator('.sv-popup .sv-list__item:visible')
      .filter({ hasText: exact(label) })
      .click();
    // The chosen item's text shows in the dropdown's own input.
    await expect.poll(() => page.locator(sel[key]!).locator('input').inputValue()).toBe(label);
  }

  async function side(
    page: Page,
    side: 'BenNam' | 'BenNu',
    n: number,
    p: {
      name: string;
      born: string;
      ethnic: [string, string];
      id: string;
      province: [string, string];
      ward: [string, string];
      detail: string;
    },
  ) {
    const k = (name: string, i: number) => `${name}${side}__${n + i}`;
    await type(page, k('hoTen', 1), p.name);
    await date(page, k('ngaySinh', 2), p.born);
    await dropdown(page, k('danToc', 3), ...p.ethnic);
    await dropdown(page, k('quocTich', 4), 'Việt', 'Việt Nam');
    await type(page, k('soDinhDanh', 5), p.id);
    await dropdown(page, k('tinh', 8), ...p.province);
    await dropdown(page, k('xa', 9), ...p.ward);
    await type(page, k('diaChiChiTiet', 10), p.detail);
  }

  it('filled by hand, survey.data holds the codes and ISO dates the scenario expects', {
    timeout: 180_000,
  }, async () => {
    const page = await open(s.url);
    await s.before?.(page);

    await type(page, 'soDienThoaiNguoiNop__4', '0978000333');
    await side(page, 'BenNam', 10, {
      name: 'Lê Văn Khoa',
      born: '1980-01-01',
      ethnic: ['Kinh', 'Kinh'],
      id: '001080000333',
      province: ['Hà Nội', 'Thành phố Hà Nội'],
      ward: ['Tây Hồ', 'Phường Tây Hồ'],
      detail: 'Tổ 5',
    });
    await side(page, 'BenNu', 30, {
      name: "H'Lan Niê",
      born: '1998-03-03',
      ethnic: ['Ê Đê', 'Ê Đê'],
      id: '066198001234',
      province: ['Đắk Lắk', 'Tỉnh Đắk Lắk'],
      ward: ['Buôn Ma Thuột', 'Phường Buôn Ma Thuột'],
      detail: 'Buôn Ko Siêr',
    });

    expectModel(await formModel(page), s);
    await expectSelectors(page, s);
    await page.close();
  });
});
