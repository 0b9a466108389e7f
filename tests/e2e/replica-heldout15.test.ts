import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout15';
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
 * The fifteenth held-out set and its ground truth agree: a person fills the page by hand (typing, opening the
 * Dropdowns and clicking options by their text, typing into a Combobox and pressing Enter on the option it
 * highlights, typing to filter the ward list and clicking the ward, typing dates dd/MM/yyyy and leaving the box or
 * confirming with Enter, clicking a radio's label), and the page's own state then holds the scenario's `expected`
 * values and keeps its `untouched` ones.
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

describe('held-out 15: Huế birth registration (Fluent UI React v9)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.hue.gov.vn/');
  const named = (page: Page, name: string) => page.locator(`[name="${name}"]`);
  /** The one listbox shown: Fluent renders it in a portal at the end of body while its trigger is open. */
  const openList = (page: Page) => page.locator('[role="listbox"]').filter({ visible: true });
  const listGone = (page: Page) => expect.poll(() => openList(page).count()).toBe(0);
  const optionIn = (list: Locator, text: string) => list.getByRole('option').filter({ hasText: exactly(text) });

  const enabled = (page: Page, name: string) =>
    expect.poll(() => named(page, name).isEnabled(), { timeout: 5_000 }).toBe(true);

  /** A Dropdown: its button clicked, the option clicked by its text; the button then shows it. */
  async function select(page: Page, name: string, option: string) {
    const button = named(page, name);
    await listGone(page);
    await centre(button);
    await button.click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await settled(openList(page));
    await optionIn(openList(page), option).click();
    await listGone(page);
    await expect.poll(() => button.textContent()).toMatch(exactly(option));
  }

  /** A Combobox: its box clicked, the text typed; the option it highlights is the one, and Enter takes it. */
  async function typeAndEnter(page: Page, name: string, typed: string, option: string) {
    const input = named(page, name);
    await enabled(page, name);
    await listGone(page);
    await centre(input);
    await input.click();
    await input.fill('');
    await input.pressSequentially(typed);
    await expect.poll(() => openList(page).count()).toBe(1);
    const highlighted = await input.getAttribute('aria-activedescendant');
    expect(highlighted).toBeTruthy();
    expect(await page.locator(`[id="${highlighted}"]`).textContent()).toMatch(exactly(option));
    await input.press('Enter');
    await listGone(page);
    await expect.poll(() => input.inputValue()).toBe(option);
  }

  /** A Combobox: its box clicked, a part typed to filter (or to move to) the options, the option clicked. */
  async function choose(page: Page, name: string, typed: string, option: string) {
    const input = named(page, name);
    await enabled(page, name);
    await listGone(page);
    await centre(input);
    await input.click();
    await input.fill('');
    await input.pressSequentially(typed);
    await expect.poll(() => openList(page).count()).toBe(1);
    await settled(openList(page));
    const item = optionIn(openList(page), option);
    await expect.poll(() => item.count()).toBe(1);
    await item.click();
    await listGone(page);
    await expect.poll(() => input.inputValue()).toBe(option);
  }

  /**
   * A DatePicker with text input: the box clicked (the calendar opens in a popup), the date typed as it shows dates
   * (typing closes the calendar), then the box left with Tab, or Enter pressed (which parses the text and opens the
   * calendar on that date) and the calendar closed with Escape.
   */
  async function typeDate(page: Page, name: string, shown: string, leave: 'Tab' | 'Enter') {
    const input = named(page, name);
    await centre(input);
    await input.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await input.fill('');
    await input.pressSequentially(shown);
    await expect.poll(() => dialog.count()).toBe(0);
    if (leave === 'Tab') await input.press('Tab');
    else {
      await input.press('Enter');
      await expect.poll(() => dialog.count()).toBe(1);
      await input.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    }
    await expect.poll(() => input.inputValue()).toBe(shown);
  }

  /** A radio, by clicking its label. */
  async function tick(page: Page, name: string, label: string) {
    const group = page.locator(`[role="radiogroup"]:has(input[name="${name}"])`);
    await centre(group);
    await group
      .locator('label')
      .filter({ hasText: exactly(label) })
      .click();
    expect(await group.getByRole('radio', { name: label }).isChecked()).toBe(true);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('section.hue-block h3');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    // The provinces come from the portal's API after the page has loaded: the Dropdown lists them when opened.
    const button = named(page, 'meTinh');
    await button.click();
    await expect.poll(() => openList(page).getByRole('option').count()).toBe(34);
    await page.keyboard.press('Escape');
    await listGone(page);
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
    expect(await page.locator('section.hue-block > h3').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người yêu cầu',
      'Thông tin người được khai sinh',
      'Thông tin người mẹ',
      'Thông tin người cha',
      'Yêu cầu cấp bản sao trích lục',
    ]);
    // Field's label is tied by `for` to the control's generated id, its required star a span of its own hidden
    // from assistive technology; the DatePicker's input keeps its own id and is named by aria-labelledby instead.
    const hoTen = named(page, 'nycHoTen');
    const label = page.locator(`label[for="${await hoTen.getAttribute('id')}"]`);
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên*');
    expect(await label.locator('span[aria-hidden="true"]').textContent()).toBe('*');
    const ngaySinh = named(page, 'ksNgaySinh');
    expect(await page.locator(`label[for="${await ngaySinh.getAttribute('id')}"]`).count()).toBe(0);
    expect(await page.locator(`[id="${await ngaySinh.getAttribute('aria-labelledby')}"]`).textContent()).toBe(
      'Ngày, tháng, năm sinh*',
    );
    expect(await named(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await named(page, 'meXa').isDisabled()).toBe(true);
    expect(await named(page, 'chaXa').isDisabled()).toBe(true);
    expect(await openList(page).count()).toBe(0);

    // Thông tin người yêu cầu (no email on record: left empty).
    await typeInto(named(page, 'nycHoTen'), 'Trần Văn Bình');
    await typeInto(named(page, 'nycSoDinhDanh'), '001090000222');
    await select(page, 'nycQuanHe', 'Cha');
    await typeInto(named(page, 'nycSoDienThoai'), '0987654321');
    // Thông tin người được khai sinh
    await typeInto(named(page, 'ksHoTen'), 'Trần Bảo An');
    await typeDate(page, 'ksNgaySinh', '05/09/2026', 'Tab');
    await tick(page, 'ksGioiTinh', 'Nam');
    await typeAndEnter(page, 'ksDanToc', 'Kinh', 'Kinh');
    await choose(page, 'ksQuocTich', 'Việt', 'Việt Nam');
    await typeInto(named(page, 'ksQueQuan'), 'Thái Bình');
    await typeInto(named(page, 'ksNoiSinh'), 'Bệnh viện Phụ sản Hà Nội');
    // Thông tin người mẹ; the ward box opens once the province's wards have loaded.
    await typeInto(named(page, 'meHoTen'), 'Nguyễn Thị Mai');
    await typeDate(page, 'meNgaySinh', '12/04/1994', 'Enter');
    await typeInto(named(page, 'meSoDinhDanh'), '001194000111');
    await typeAndEnter(page, 'meDanToc', 'kinh', 'Kinh');
    await typeAndEnter(page, 'meQuocTich', 'việt nam', 'Việt Nam');
    await select(page, 'meTinh', 'Thành phố Hà Nội');
    await choose(page, 'meXa', 'hoàn kiếm', 'Phường Hoàn Kiếm');
    await typeInto(named(page, 'meDiaChi'), 'Số 5 phố Hàng Bạc');
    // Thông tin người cha
    await typeInto(named(page, 'chaHoTen'), 'Trần Văn Bình');
    await typeDate(page, 'chaNgaySinh', '20/10/1990', 'Tab');
    await typeInto(named(page, 'chaSoDinhDanh'), '001090000222');
    await choose(page, 'chaDanToc', 'Ki', 'Kinh');
    await typeAndEnter(page, 'chaQuocTich', 'Việt Nam', 'Việt Nam');
    await select(page, 'chaTinh', 'Thành phố Hà Nội');
    await choose(page, 'chaXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await typeInto(named(page, 'chaDiaChi'), 'Số 5 phố Hàng Bạc');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('typed text must be an option; the ward filter keeps marks and tone placement; another province empties the ward', async () => {
    const page = await open();
    // Combobox freeform off: text that is no option's is not kept when the box is left; the model stays empty.
    const danToc = named(page, 'ksDanToc');
    await centre(danToc);
    await danToc.click();
    await danToc.pressSequentially('Kin');
    await expect.poll(() => openList(page).count()).toBe(1);
    // The option the typed text begins is highlighted (all options stay listed), but nothing is chosen yet.
    expect(await openList(page).getByRole('option').count()).toBe(56);
    expect((await modelOf(page)).ksDanToc).toBeNull();
    await page.keyboard.press('Escape');
    await listGone(page);
    await named(page, 'ksQueQuan').click();
    await expect.poll(() => danToc.inputValue()).toBe('');
    expect((await modelOf(page)).ksDanToc).toBeNull();

    // A date typed as ISO is no date for this parser (dd/MM/yyyy): the box is emptied, the model stays empty.
    const ngaySinh = named(page, 'ksNgaySinh');
    await centre(ngaySinh);
    await ngaySinh.click();
    await ngaySinh.pressSequentially('2026-09-05');
    await ngaySinh.press('Tab');
    await expect.poll(() => ngaySinh.inputValue()).toBe('');
    expect((await modelOf(page)).ksNgaySinh).toBeNull();
    await typeDate(page, 'ksNgaySinh', '05/09/2026', 'Tab');
    expect((await modelOf(page)).ksNgaySinh).toBe('2026-09-05');

    // The ward filter (useComboboxFilter's default) folds case but neither marks nor tone placement.
    await select(page, 'meTinh', 'Thành phố Huế');
    await enabled(page, 'meXa');
    const xa = named(page, 'meXa');
    await centre(xa);
    await xa.click();
    await xa.pressSequentially('thuan hoa');
    await expect
      .poll(() => openList(page).getByRole('option').allTextContents())
      .toEqual(['Không tìm thấy xã/phường phù hợp']);
    await xa.fill('');
    await xa.pressSequentially('Thuận Hòa');
    await expect
      .poll(() => openList(page).getByRole('option').allTextContents())
      .toEqual(['Không tìm thấy xã/phường phù hợp']);
    await page.keyboard.press('Escape');
    await choose(page, 'meXa', 'THUẬN HOÁ', 'Phường Thuận Hoá');
    expect(await modelOf(page)).toMatchObject({ meTinh: '46', meXa: '19789' });

    // Another province empties the ward at once and locks it until its wards have loaded.
    await select(page, 'meTinh', 'Thành phố Hà Nội');
    expect((await modelOf(page)).meXa).toBeNull();
    expect(await xa.isDisabled()).toBe(true);
    expect(await xa.inputValue()).toBe('');
    await choose(page, 'meXa', 'hoàn kiếm', 'Phường Hoàn Kiếm');
    expect(await modelOf(page)).toMatchObject({ meTinh: '01', meXa: '00070' });
    // A province whose list the API lacks: the ward box stays locked and says so.
    await select(page, 'meTinh', 'Tỉnh Sơn La');
    expect((await modelOf(page)).meXa).toBeNull();
    await expect
      .poll(() => page.locator('.fui-Field:has([name="meXa"]) .fui-Field__validationMessage').textContent(), {
        timeout: 5_000,
      })
      .toBe('Không tải được danh sách xã/phường');
    expect(await xa.isDisabled()).toBe(true);
    // The father's address is its own: none of this touched it.
    expect(await modelOf(page)).toMatchObject({ chaTinh: null, chaXa: null });
    await page.close();
  });
});
