import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout8';
import { launchHarness, type Harness } from './harness/browser';
import { assertModel, centre, exactly, modelOf, scenarioAt, selectorsVisible } from './harness/held-out';
import { outsideRequests } from './harness/netlog';
import { replicaHosts } from './harness/server';

/**
 * The eighth held-out set and its ground truth agree: a person fills each page by hand (typing, clicking the
 * widgets open, picking options by their text, walking the calendar), and the page's own state then holds the
 * scenario's `expected` values and keeps its `untouched` ones.
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

describe('held-out 8: Đắk Lắk marital status certificate (React 19, shadcn/ui on Radix, react-hook-form)', () => {
  const s = scenario('https://dichvucong.daklak.gov.vn/');
  const at = (page: Page, key: string) => page.locator(s.selectors[key]!);
  const type = (page: Page, name: string, text: string) =>
    page.locator(`input[name="${name}"]`).pressSequentially(text);

  /**
   * Clicks a Radix Select's trigger open: its listbox is portalled to body only while open (no search box), the
   * option is clicked by its text, the listbox goes away and the trigger shows the option.
   */
  async function choose(page: Page, trigger: Locator, option: string) {
    await centre(trigger);
    await trigger.click();
    await expect.poll(() => trigger.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.locator(`[id="${await trigger.getAttribute('aria-controls')}"]`);
    await expect.poll(() => listbox.isVisible()).toBe(true);
    await listbox
      .locator('[role="option"]')
      .filter({ hasText: exactly(option) })
      .click();
    await expect.poll(() => page.locator('[role="listbox"]').count()).toBe(0);
    await expect.poll(() => trigger.textContent()).toBe(option);
  }

  /** The ward Select is disabled until its list has come from the API. */
  const wardsLoaded = (trigger: Locator) => expect.poll(() => trigger.isDisabled(), { timeout: 5_000 }).toBe(false);

  /**
   * shadcn's date-of-birth picker: the button opens a popover with react-day-picker; the caption's month and year
   * are native selects (a person picks the year, then the month by its name), then clicks the day of that month
   * (not a greyed outside day); the popover closes and the button shows the date dd/MM/yyyy.
   */
  async function pickDate(page: Page, button: Locator, [day, month, year]: [number, number, number]) {
    await centre(button);
    await button.click();
    const dialog = page.locator('[data-slot="popover-content"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('select.rdp-years_dropdown').selectOption({ label: String(year) });
    const months = dialog.locator('select.rdp-months_dropdown');
    const monthName = await months
      .locator('option')
      .nth(month - 1)
      .textContent();
    await months.selectOption({ label: monthName ?? '' });
    await dialog
      .locator('td.rdp-day:not(.rdp-outside) button.rdp-day_button')
      .filter({ hasText: exactly(String(day)) })
      .click();
    await expect.poll(() => dialog.count()).toBe(0);
    const dd = (n: number) => String(n).padStart(2, '0');
    await expect.poll(() => button.textContent()).toBe(`${dd(day)}/${dd(month)}/${year}`);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('[data-slot="card"]');
    // The provinces come from the API after the first render (Radix keeps the closed list's items in a fragment,
    // so the hidden native select shows when they are there).
    await expect.poll(() => page.locator('select[aria-hidden="true"] option[value="66"]').count()).toBe(2);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    // shadcn's labels: a Radix Label whose htmlFor is FormItem's id, which FormControl puts on the control; the
    // star a span inside. Card titles (divs) head the blocks.
    const label = page.locator('label', { hasText: 'Họ, chữ đệm, tên' }).first();
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên *');
    expect(await label.getAttribute('for')).toBe(await page.locator('input[name="nycHoTen"]').getAttribute('id'));
    const gioiTinh = page.locator('label', { hasText: /^Giới tính/ }).first();
    expect(await gioiTinh.getAttribute('for')).toBe(await at(page, 'nycGioiTinh').getAttribute('id'));
    expect(await page.locator('[data-slot="card-title"]').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người yêu cầu',
      'Thông tin người được cấp Giấy xác nhận tình trạng hôn nhân',
      'Đề nghị',
    ]);
    expect(await page.locator('input[name="maHoSo"]').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('button[role="combobox"]').first().isDisabled()).toBe(true);
    // The lists are not in the page until opened; the hidden native selects have no name.
    expect(await page.locator('[role="listbox"]').count()).toBe(0);
    expect(await page.locator('select[aria-hidden="true"][name]').count()).toBe(0);

    // Người yêu cầu
    await type(page, 'nycHoTen', 'Lê Văn Khoa');
    await type(page, 'nycNgaySinh', '01/01/1980');
    await choose(page, at(page, 'nycGioiTinh'), 'Nam');
    await type(page, 'nycSoDinhDanh', '001080000333');
    await type(page, 'nycSoDienThoai', '0978000333');
    await choose(page, at(page, 'nycQuanHe'), 'Bản thân');
    await choose(page, at(page, 'nycTinh'), 'Thành phố Hà Nội');
    await wardsLoaded(at(page, 'nycXa'));
    await choose(page, at(page, 'nycXa'), 'Phường Tây Hồ');
    await type(page, 'nycDiaChi', 'Tổ 5');
    // Người được cấp Giấy xác nhận
    await type(page, 'xnHoTen', 'Lê Văn Khoa');
    await pickDate(page, at(page, 'xnNgaySinh'), [1, 1, 1980]);
    await at(page, 'xnGioiTinh').locator('label', { hasText: 'Nam' }).click();
    await expect
      .poll(() => at(page, 'xnGioiTinh').locator('[role="radio"][value="1"]').getAttribute('aria-checked'))
      .toBe('true');
    await choose(page, at(page, 'xnDanToc'), 'Kinh');
    await choose(page, at(page, 'xnQuocTich'), 'Việt Nam');
    await type(page, 'xnSoDinhDanh', '001080000333');
    await choose(page, at(page, 'xnTinh'), 'Thành phố Hà Nội');
    await wardsLoaded(at(page, 'xnXa'));
    await choose(page, at(page, 'xnXa'), 'Phường Tây Hồ');
    await type(page, 'xnDiaChi', 'Tổ 5');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('typeahead on a closed trigger picks; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    // Radix's typeahead: letters typed on the focused, closed trigger select the first option starting with them.
    const danToc = at(page, 'xnDanToc');
    await danToc.focus();
    await page.keyboard.type('Th');
    await expect.poll(async () => (await modelOf(page)).xnDanToc).toBe('03');
    expect(await danToc.textContent()).toBe('Thái');
    expect(await page.locator('[role="listbox"]').count()).toBe(0);
    await choose(page, at(page, 'nycTinh'), 'Thành phố Hà Nội');
    await wardsLoaded(at(page, 'nycXa'));
    await choose(page, at(page, 'nycXa'), 'Phường Ba Đình');
    expect((await modelOf(page)).nycXa).toBe('00004');
    await choose(page, at(page, 'nycTinh'), 'Tỉnh Đắk Lắk');
    await expect.poll(async () => (await modelOf(page)).nycXa).toBeNull();
    await wardsLoaded(at(page, 'nycXa'));
    await choose(page, at(page, 'nycXa'), 'Phường Buôn Ma Thuột');
    expect((await modelOf(page)).nycXa).toBe('24133');
    expect((await modelOf(page)).xnXa).toBeNull();
    await choose(page, at(page, 'nycTinh'), 'Tỉnh Cao Bằng');
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toMatch(/Không tải được/);
    expect(await at(page, 'nycXa').isDisabled()).toBe(true);
    expect((await modelOf(page)).nycXa).toBeNull();
    await page.close();
  });
});

describe('held-out 8: Thái Nguyên CT01 (Shoelace 2 web components)', () => {
  const s = scenario('https://dichvucong.thainguyen.gov.vn/');
  const host = (page: Page, name: string) => page.locator(`[name="${name}"]:not(input, textarea)`);
  /** The text box is inside the sl-input's shadow root (Playwright's CSS pierces open shadow roots). */
  const type = (page: Page, name: string, text: string) =>
    page.locator(`sl-input[name="${name}"] input`).pressSequentially(text);

  /**
   * Clicks an sl-select open (its listbox is in its shadow root, the sl-options slotted into it), clicks the
   * option by its text; the select closes and its display box shows the label. A person who sees another option
   * taken (the list moved under the pointer) picks again.
   */
  async function choose(page: Page, name: string, option: string) {
    const select = page.locator(`sl-select[name="${name}"]`);
    const shown = () => select.locator('input.select__display-input').inputValue();
    for (let attempt = 0; attempt < 3 && (await shown()) !== option; attempt++) {
      await centre(select);
      // After its open animation, sl-select scrolls the chosen option into view and only then says sl-after-show:
      // a click before that lands on whatever option the scroll brings under the pointer.
      await select.evaluate((el) => {
        el.removeAttribute('data-shown');
        el.addEventListener('sl-after-show', () => el.setAttribute('data-shown', ''), { once: true });
      });
      await select.locator('.select__combobox').click();
      await expect.poll(() => select.getAttribute('data-shown')).not.toBeNull();
      await select
        .locator('sl-option')
        .filter({ hasText: exactly(option) })
        .click();
      await expect.poll(() => select.getAttribute('open')).toBeNull();
    }
    expect(await shown()).toBe(option);
  }

  const wardsLoaded = (page: Page) =>
    expect
      .poll(() => host(page, 'nkk_xa').evaluate((el) => (el as HTMLElement & { disabled: boolean }).disabled), {
        timeout: 5_000,
      })
      .toBe(false);

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForFunction(() => customElements.get('sl-select') !== undefined);
    await expect.poll(async () => Object.keys(await modelOf(page)).length).toBeGreaterThan(0);
    return page;
  };

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    // Shoelace draws the label and its required star in the shadow root: the light DOM has no <label> at all.
    expect(await page.evaluate(() => document.querySelectorAll('label').length)).toBe(0);
    const shadowLabel = await host(page, 'nkk_hoTen').evaluate((el) => {
      const label = el.shadowRoot?.querySelector('label');
      return { text: label?.textContent?.trim(), star: label ? getComputedStyle(label, '::after').content : null };
    });
    expect(shadowLabel.text).toBe('1. Họ, chữ đệm và tên');
    expect(shadowLabel.star).toMatch(/\*/);
    expect(await page.locator('sl-card [slot="header"]').allTextContents()).toEqual([
      ' Thông tin hồ sơ',
      'I. THÔNG TIN NGƯỜI KÊ KHAI',
      'II. THÔNG TIN CHỦ HỘ',
    ]);
    expect(await page.locator('fieldset > legend').textContent()).toBe('III. NỘI DUNG ĐỀ NGHỊ');

    // I. Người kê khai
    await type(page, 'nkk_hoTen', "H'Lan Niê");
    // The native date box inside the sl-input: a click at its left edge puts the caret in its first part, then the
    // digits go in part by part (day and month are both 03, whichever order the browser's locale shows).
    const date = page.locator('sl-input[name="nkk_ngaySinh"] input');
    await date.click({ position: { x: 10, y: 10 } });
    await date.pressSequentially('03031998');
    await page.locator('sl-radio-group[name="nkk_gioiTinh"] sl-radio[value="NU"]').click();
    await type(page, 'nkk_soDinhDanh', '066198001234');
    await choose(page, 'nkk_danToc', 'Ê-đê');
    await choose(page, 'nkk_quocTich', 'Việt Nam');
    await type(page, 'nkk_dienThoai', '0905111222');
    await type(page, 'nkk_email', 'hlan.nie@example.vn');
    await choose(page, 'nkk_tinh', 'Tỉnh Đắk Lắk');
    await wardsLoaded(page);
    await choose(page, 'nkk_xa', 'Phường Buôn Ma Thuột');
    await type(page, 'nkk_diaChi', 'Buôn Ko Siêr');
    // II. Chủ hộ
    await type(page, 'chuHo_hoTen', 'Lê Văn Khoa');
    await type(page, 'chuHo_soDinhDanh', '001080000333');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('typeahead on a focused select picks; another province empties the ward; a missing list says so', async () => {
    const page = await open();
    // sl-select's type-to-select: letters typed while it has the focus open it on the first option starting with
    // them, and Enter selects that option.
    await host(page, 'nkk_quocTich').evaluate((el) => (el as HTMLElement).focus());
    await page.keyboard.type('nh');
    await expect.poll(() => host(page, 'nkk_quocTich').getAttribute('open')).not.toBeNull();
    expect((await modelOf(page)).nkk_quocTich).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await modelOf(page)).nkk_quocTich).toBe('JPN');
    await choose(page, 'nkk_tinh', 'Thành phố Hà Nội');
    await wardsLoaded(page);
    await choose(page, 'nkk_xa', 'Phường Ba Đình');
    expect((await modelOf(page)).nkk_xa).toBe('00004');
    await choose(page, 'nkk_tinh', 'Tỉnh Thái Nguyên');
    await expect.poll(async () => (await modelOf(page)).nkk_xa).toBeNull();
    await wardsLoaded(page);
    await choose(page, 'nkk_xa', 'Phường Phan Đình Phùng');
    expect((await modelOf(page)).nkk_xa).toBe('05443');
    await choose(page, 'nkk_tinh', 'Tỉnh Cao Bằng');
    await expect.poll(() => page.locator('#nkk_xa_loi').isVisible()).toBe(true);
    expect((await modelOf(page)).nkk_xa).toBeNull();
    await page.close();
  });
});
