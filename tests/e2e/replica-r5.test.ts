import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StrangerScenario } from '../fixtures/portal-apps/scenario';
import { scenarios } from '../fixtures/portal-apps/scenarios-r5';
import { launchHarness, type Harness } from './harness/browser';

/**
 * The replicas of scenarios-r5.ts filled by hand, as an officer would (typing, opening each widget and clicking
 * its option, typing dates as the widget takes them), then `window.formModel` compared with the scenario's
 * ground truth. Proves that each page and its ground truth agree.
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
  return page.evaluate(() =>
    JSON.parse(JSON.stringify((window as unknown as { formModel: Record<string, unknown> }).formModel)),
  );
}

const asText = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function check(s: StrangerScenario, data: Record<string, unknown>) {
  for (const [key, want] of Object.entries(s.expected)) {
    if (want instanceof RegExp) expect(asText(data[key]), key).toMatch(want);
    else expect(asText(data[key]), key).toBe(want);
  }
  for (const [key, want] of Object.entries(s.untouched ?? {})) expect(asText(data[key]), key).toBe(want ?? '');
  // Every selector names one element the officer sees.
  return Object.entries(s.selectors);
}

async function selectorsResolve(page: Page, s: StrangerScenario) {
  for (const [key, selector] of check(s, await model(page)))
    expect(await page.locator(selector).count(), `${key}: ${selector}`).toBe(1);
}

describe('replicas written apart from the filler (r5)', () => {
  it('Đà Nẵng birth registration (Ant Design 5) holds what an officer enters', async () => {
    const s = scenario('dichvucong.danang.gov.vn');
    const { page, foreign } = await open(s);
    const id = (key: string) => `#khaiSinh_${key}`;
    const type = (key: string, text: string) => page.locator(id(key)).pressSequentially(text);
    /** antd's Select: click it, type to filter when it searches, click the option in the open dropdown. */
    const choose = async (key: string, option: string, search?: string) => {
      const select = page.locator(`.ant-select:has(${id(key)})`);
      await expect.poll(() => select.evaluate((e) => e.classList.contains('ant-select-disabled'))).toBe(false);
      await select.click();
      if (search) await page.locator(id(key)).pressSequentially(search);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .and(page.locator(`[title="${option}"]`))
        .click();
      await expect.poll(() => select.locator('.ant-select-selection-item').textContent()).toBe(option);
    };
    /** antd's DatePicker takes the date typed in its format; Enter confirms it and closes the panel. */
    const date = async (key: string, text: string) => {
      await page.locator(id(key)).click();
      await page.locator(id(key)).pressSequentially(text);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator(id(key)).inputValue()).toBe(text);
    };

    await type('nycHoTen', 'Nguyễn Thị Mai');
    await date('nycNgaySinh', '12/04/1994');
    await choose('nycGioiTinh', 'Nữ');
    await type('nycSoDinhDanh', '001194000111');
    await type('nycSoDienThoai', '0912345678');
    await type('nycEmail', 'mai.nguyen@example.vn');
    await type('nycNoiCuTru', 'Số 5 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội');
    await page.locator(id('nycQuanHe')).getByText('Mẹ đẻ', { exact: true }).click();

    await type('ksHoTen', 'Trần Bảo An');
    await date('ksNgaySinh', '05/09/2026');
    await choose('ksGioiTinh', 'Nam');
    await choose('ksDanToc', 'Kinh', 'Kinh');
    await choose('ksQuocTich', 'Việt Nam', 'Việt');
    await type('ksNoiSinh', 'Bệnh viện Phụ sản Hà Nội');
    await type('ksQueQuan', 'Thái Bình');

    await type('chaHoTen', 'Trần Văn Bình');
    await date('chaNamSinh', '1990');
    await type('meHoTen', 'Nguyễn Thị Mai');
    await date('meNgaySinh', '12/04/1994');
    for (const [p, id] of [
      ['cha', '001090000222'],
      ['me', '001194000111'],
    ] as const) {
      await type(`${p}SoDinhDanh`, id);
      await choose(`${p}DanToc`, 'Kinh', 'Kinh');
      await choose(`${p}QuocTich`, 'Việt Nam', 'Việt');
      await choose(`${p}Tinh`, 'Thành phố Hà Nội', 'Hà Nội');
      // The ward list arrives a moment after the province: the option shows up when it has.
      await choose(`${p}Xa`, 'Phường Hoàn Kiếm', 'Hoàn Kiếm');
      await type(`${p}DiaChi`, 'Số 5 phố Hàng Bạc');
    }

    await selectorsResolve(page, s);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('Hải Phòng CT01 (MUI + MUI X DatePicker) holds what an officer enters', async () => {
    const s = scenario('dichvucong.haiphong.gov.vn');
    const { page, foreign } = await open(s);
    const type = (key: string, text: string) => page.locator(`#${key}`).pressSequentially(text);
    /** Autocomplete: click its input, type to filter, click the option in the listbox. */
    const pick = async (key: string, search: string, option: string) => {
      const input = page.locator(`#${key}`);
      await expect.poll(() => input.isEnabled()).toBe(true);
      await input.click();
      await input.pressSequentially(search);
      await page.locator(`#${key}-listbox`).getByRole('option', { name: option, exact: true }).click();
      await expect.poll(() => input.inputValue()).toBe(option);
    };
    /** The picker's sectioned field: focus the day section and type the digits; each section moves on when full. */
    const date = async (key: string, digits: string, shown: string) => {
      await page.locator(`[aria-labelledby="${key}-label"] [role="spinbutton"]`).first().click();
      await page.keyboard.type(digits);
      await expect.poll(() => page.locator(`#${key}`).inputValue()).toBe(shown);
    };

    await type('nkkHoTen', "H'Lan Niê");
    await date('nkkNgaySinh', '03031998', '03/03/1998');
    await page.locator('#nkkGioiTinh').click();
    await page.getByRole('listbox').getByRole('option', { name: 'Nữ', exact: true }).click();
    await pick('nkkDanToc', 'Ê', 'Ê-đê');
    await pick('nkkQuocTich', 'Việt', 'Việt Nam');
    await type('nkkSoDinhDanh', '066198001234');
    await type('nkkSoDienThoai', '0905111222');
    await type('nkkEmail', 'hlan.nie@example.vn');
    await pick('nkkTinh', 'Đắk Lắk', 'Tỉnh Đắk Lắk');
    await pick('nkkXa', 'Buôn Ma Thuột', 'Phường Buôn Ma Thuột');
    await type('nkkDiaChi', 'Buôn Ko Siêr');

    await type('chuHoHoTen', 'Lê Văn Khoa');
    await type('chuHoSoDinhDanh', '001080000333');

    await pick('dkTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await pick('dkXa', 'Tây Hồ', 'Phường Tây Hồ');
    await type('dkDiaChi', 'Tổ 5');

    await selectorsResolve(page, s);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
