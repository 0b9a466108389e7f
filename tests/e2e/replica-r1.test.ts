import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-r1';
import { launchHarness, type Harness } from './harness/browser';

/**
 * Sanity test of r1's replicas (tests/fixtures/portal-apps/scenarios-r1.ts): an officer fills each page by hand
 * with the scenario's people (typing, opening each dropdown and clicking the option, typing dates), and the
 * page's own state (window.formModel) then holds exactly what the scenario expects, with the untouched fields
 * kept. It proves the pages and their ground truth agree; the extension in the browser takes no part.
 */

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Waits until the page has painted twice (scroll events of a scroll just made are dispatched by then). */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * SurveyJS dropdown: open it, type into its own search box if asked, click the option in the open popup.
 * SurveyJS closes an open dropdown when the page scrolls, so the officer scrolls to it first, then clicks.
 */
async function surveyPick(page: Page, name: string, option: string, search?: string) {
  const dropdown = page.locator(`.sd-question[data-name="${name}"] .sd-dropdown`);
  await dropdown.scrollIntoViewIfNeeded();
  await settled(page);
  await dropdown.click();
  if (search) await page.keyboard.type(search, { delay: 20 });
  await page
    .locator('.sv-popup [role="option"]:visible')
    .filter({ hasText: exact(option) })
    .click();
}

/**
 * A native date input (SurveyJS `inputType: "date"`): the officer clicks into it, then enters the whole date
 * (Playwright's fill is how a date field takes one, whatever order the browser shows its parts in).
 */
async function dateInto(page: Page, selector: string, iso: string) {
  await page.locator(selector).click();
  await page.locator(selector).fill(iso);
}

async function typeInto(page: Page, selector: string, text: string) {
  await page.locator(selector).click();
  await page.keyboard.type(text, { delay: 10 });
}

/** Form.io select (Choices.js): open it, type into Choices' search input, click the option. */
async function choicesPick(page: Page, key: string, option: string, search: string) {
  const component = page.locator(`.formio-component-${key}`);
  await component.locator('.choices').click();
  await component.locator('input.choices__input--cloned').pressSequentially(search, { delay: 20 });
  await component
    .locator('.choices__list--dropdown .choices__item--choice')
    .filter({ hasText: exact(option) })
    .click();
}

const fills: Record<string, (page: Page) => Promise<void>> = {
  'https://dichvucong.gov.vn/nop-ho-so/khai-tu/': async (page) => {
    const q = (name: string) => `.sd-question[data-name="${name}"] input`;
    await typeInto(page, q('citizenNYC_SoDienThoai__1106'), '0987654321');
    await typeInto(page, q('citizenNDM_HoVaTen__1201'), 'Hoàng Văn Hùng');
    await dateInto(page, q('citizenNDM_NgaySinh__1202'), '1948-06-15');
    await surveyPick(page, 'citizenNDM_GioiTinh__1203', 'Nam');
    await surveyPick(page, 'citizenNDM_DanToc__1204', 'Tày', 'Tày');
    await surveyPick(page, 'citizenNDM_QuocTich__1205', 'Việt Nam', 'Việt');
    await typeInto(page, q('citizenNDM_SoDinhDanh__1206'), '004048000444');
    await surveyPick(page, 'citizenNDM_TinhThanhPho__1211', 'Tỉnh Cao Bằng', 'Cao Bằng');
    await surveyPick(page, 'citizenNDM_XaPhuong__1212', 'Xã Hưng Đạo', 'Hưng Đạo');
    await typeInto(page, q('citizenNDM_DiaChiChiTiet__1213'), 'Xóm 2');
  },
  'https://dichvucong.bocongan.gov.vn/cu-tru/dang-ky-thuong-tru/': async (page) => {
    const q = (name: string) => `.sd-question[data-name="${name}"] input`;
    await typeInto(page, q('nkk_hoTen'), "H'Lan Niê");
    await dateInto(page, q('nkk_ngaySinh'), '1998-03-03');
    await page
      .locator('.sd-question[data-name="nkk_gioiTinh"] label')
      .filter({ hasText: exact('Nữ') })
      .click();
    await typeInto(page, q('nkk_soDinhDanh'), '066198001234');
    await typeInto(page, q('nkk_soDienThoai'), '0905111222');
    await typeInto(page, q('nkk_email'), 'hlan.nie@example.vn');
    await typeInto(page, q('nkk_noiCuTru'), 'Buôn Ko Siêr, Phường Buôn Ma Thuột, Tỉnh Đắk Lắk');
    await typeInto(page, q('chuHo_hoTen'), 'Lê Văn Khoa');
    await typeInto(page, q('chuHo_soDinhDanh'), '001080000333');
    await surveyPick(page, 'dktt_tinh', 'Thành phố Hà Nội', 'Hà Nội');
    await surveyPick(page, 'dktt_xa', 'Phường Tây Hồ', 'Tây Hồ');
    await typeInto(page, q('dktt_diaChi'), 'Tổ 5');
  },
  'https://dichvucong.moc.gov.vn/cap-phep-xay-dung/': async (page) => {
    const input = (key: string) => `.formio-component-${key} input.form-control:not([type="hidden"])`;
    await typeInto(page, input('hoTen'), 'Nguyễn Thị Mai');
    // The calendar's input takes a typed date (allowInput); Enter confirms it.
    await typeInto(page, input('ngaySinh'), '12/04/1994');
    await page.keyboard.press('Enter');
    await page
      .locator('.formio-component-gioiTinh label')
      .filter({ hasText: exact('Nữ') })
      .click();
    await choicesPick(page, 'danToc', 'Kinh', 'Kinh');
    await choicesPick(page, 'quocTich', 'Việt Nam', 'Việt');
    await typeInto(page, input('soDinhDanh'), '001194000111');
    await typeInto(page, input('soDienThoai'), '0912345678');
    await typeInto(page, input('email'), 'mai.nguyen@example.vn');
    await choicesPick(page, 'tinhThuongTru', 'Thành phố Hà Nội', 'Hà Nội');
    await choicesPick(page, 'xaThuongTru', 'Phường Hoàn Kiếm', 'Hoàn Kiếm');
    await typeInto(page, input('diaChiThuongTru'), 'Số 5 phố Hàng Bạc');
  },
};

describe('replicas written by r1 apart from the filler', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  for (const scenario of scenarios) {
    it(`${scenario.name}: filled by hand, the page's own state is the scenario's ground truth`, async () => {
      const fill = fills[scenario.url];
      expect(fill, `a hand fill for ${scenario.url}`).toBeDefined();
      const page = await harness.context.newPage();
      const hosts = new Set<string>();
      page.on('request', (request) => {
        // chrome-extension:// requests are the extension's own, not the page's.
        if (/^(https?|wss?):/.test(request.url())) hosts.add(new URL(request.url()).host);
      });
      await page.goto(scenario.url);
      await scenario.before?.(page);
      await fill!(page);
      // Every widget settles (lists close, blur handlers run) before the model is read.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

      const model = await page.evaluate(
        () =>
          JSON.parse(JSON.stringify((window as unknown as { formModel: unknown }).formModel)) as Record<
            string,
            unknown
          >,
      );
      for (const [key, want] of Object.entries(scenario.expected)) {
        if (want instanceof RegExp) expect(model[key], key).toMatch(want);
        else expect(model[key], key).toBe(want);
      }
      for (const [key, kept] of Object.entries(scenario.untouched ?? {})) expect(model[key] ?? null, key).toBe(kept);
      // Nothing in the model beyond what the scenario names (Form.io adds its submit button's flag).
      const named = new Set([...Object.keys(scenario.expected), ...Object.keys(scenario.untouched ?? {}), 'submit']);
      expect(Object.keys(model).filter((key) => !named.has(key))).toEqual([]);

      // Every selector names exactly one element the officer can see.
      for (const [key, selector] of Object.entries(scenario.selectors)) {
        expect(await page.locator(selector).count(), `${key}: ${selector}`).toBe(1);
        expect(await page.locator(selector).isVisible(), `${key} visible`).toBe(true);
      }
      expect(Object.keys(scenario.selectors).sort()).toEqual(Object.keys(scenario.expected).sort());
      // The page talks only to its own portal.
      expect([...hosts]).toEqual([new URL(scenario.url).host]);
      await page.close();
    });
  }
});
