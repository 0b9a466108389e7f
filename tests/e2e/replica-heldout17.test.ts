import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout17';
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
 * The seventeenth held-out set and its ground truth agree: a person fills the page by hand (typing into the
 * a-inputs; clicking an a-select's view, typing to filter it and clicking the option by its text, or pressing Enter
 * on the option Arco marks active; typing dates DD/MM/YYYY into the a-date-picker and confirming with Enter; clicking
 * a radio's label), and the page's own state then holds the scenario's `expected` values and keeps its `untouched`
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

describe('held-out 17: Đồng Tháp death registration (Arco Design Vue)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.dongthap.gov.vn/');
  /** Arco's a-form-item gives its wrapper column the field as id. */
  const item = (page: Page, key: string) => page.locator(`[id="${key}"]`);
  const input = (page: Page, key: string) => item(page, key).locator('input.arco-input');
  const view = (page: Page, key: string) => item(page, key).locator('.arco-select-view');
  const searchBox = (page: Page, key: string) => item(page, key).locator('input.arco-select-view-input');
  /**
   * The one a-select dropdown shown: each lives in its own trigger popup at the end of body, rendered before it is
   * ever opened and kept there hidden once closed.
   */
  const openList = (page: Page) => page.locator('.arco-select-dropdown').filter({ visible: true });
  const listGone = (page: Page) => expect.poll(() => openList(page).count()).toBe(0);
  const optionsOf = (list: Locator) => list.locator('li.arco-select-option');
  const optionIn = (list: Locator, text: string) => optionsOf(list).filter({ hasText: exactly(text) });
  const calendar = (page: Page) => page.locator('.arco-picker-container').filter({ visible: true });

  const enabled = (page: Page, key: string) =>
    expect.poll(() => searchBox(page, key).isEnabled(), { timeout: 5_000 }).toBe(true);

  /** An a-select: its view clicked, `typed` (if any) typed into its search box, the option clicked by its text. */
  async function choose(page: Page, key: string, typed: string | null, option: string) {
    await listGone(page);
    await centre(view(page, key));
    await view(page, key).click();
    await expect.poll(() => openList(page).count()).toBe(1);
    if (typed !== null) await searchBox(page, key).pressSequentially(typed);
    await settled(openList(page));
    const wanted = optionIn(openList(page), option);
    await expect.poll(() => wanted.count()).toBe(1);
    await wanted.click();
    await listGone(page);
    await expect.poll(() => view(page, key).locator('.arco-select-view-value').textContent()).toBe(option);
  }

  /** An a-select with allow-search: the text typed, the option Arco marks active is the one, and Enter takes it. */
  async function typeAndEnter(page: Page, key: string, typed: string, option: string) {
    await listGone(page);
    await centre(view(page, key));
    await view(page, key).click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await searchBox(page, key).pressSequentially(typed);
    await expect
      .poll(() => openList(page).locator('li.arco-select-option-active').textContent())
      .toMatch(exactly(option));
    await page.keyboard.press('Enter');
    await listGone(page);
    await expect.poll(() => view(page, key).locator('.arco-select-view-value').textContent()).toBe(option);
  }

  /**
   * An a-date-picker: the box clicked (the panel opens in a popup), the date typed as it shows dates (a whole valid
   * date is taken at once and the panel moves to it), then Enter, which confirms it and closes the panel.
   */
  async function typeDate(page: Page, key: string, shown: string) {
    const box = item(page, key).locator('.arco-picker input');
    await centre(box);
    await box.click();
    await expect.poll(() => calendar(page).count()).toBe(1);
    await box.fill('');
    await box.pressSequentially(shown);
    await box.press('Enter');
    await expect.poll(() => calendar(page).count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(shown);
  }

  /** A radio, by clicking its label. */
  async function tick(page: Page, key: string, label: string) {
    const group = item(page, key).locator('.arco-radio-group');
    await centre(group);
    const radio = group.locator('label.arco-radio').filter({ hasText: exactly(label) });
    await radio.click();
    expect(await radio.locator('input[type="radio"]').isChecked()).toBe(true);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.arco-card-header-title');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    // The provinces come from the portal's API after the page has loaded: the select lists them when opened.
    await view(page, 'nktTinh').click();
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(34);
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
    expect(await page.locator('.arco-card-header-title').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người yêu cầu',
      'Thông tin người chết',
      'Yêu cầu cấp bản sao trích lục',
    ]);
    // Arco's label is a <label> with no `for` in the column before the control's; a required rule draws the asterisk
    // as an SVG inside a <strong>, so the label's text holds no star.
    const label = page.locator('.arco-form-item:has([id="nycHoTen"]) label.arco-form-item-label');
    expect(await label.getAttribute('for')).toBeNull();
    expect((await label.textContent())?.trim()).toBe('Họ, chữ đệm, tên');
    expect(await label.locator('strong.arco-form-item-label-required-symbol svg').count()).toBe(1);
    const tuyChon = page.locator('.arco-form-item:has([id="nycSoDienThoai"]) label.arco-form-item-label');
    expect(await tuyChon.locator('strong').count()).toBe(0);
    expect(await input(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await searchBox(page, 'nycXa').isDisabled()).toBe(true);
    expect(await searchBox(page, 'nktXa').isDisabled()).toBe(true);
    expect(await openList(page).count()).toBe(0);

    // Thông tin người yêu cầu (no email, no relation on record: left empty).
    await typeInto(input(page, 'nycHoTen'), 'Lê Văn Khoa');
    await typeInto(input(page, 'nycSoDinhDanh'), '001080000333');
    await typeInto(input(page, 'nycSoDienThoai'), '0978000333');
    await typeAndEnter(page, 'nycTinh', 'hà nội', 'Thành phố Hà Nội');
    // The ward select opens once the province's wards have loaded; Phường Thụy Khuê's part is now Phường Tây Hồ.
    await enabled(page, 'nycXa');
    await choose(page, 'nycXa', 'Tây Hồ', 'Phường Tây Hồ');
    await typeInto(input(page, 'nycDiaChi'), 'Tổ 5');
    // Thông tin người chết
    await typeInto(input(page, 'nktHoTen'), 'Hoàng Văn Hùng');
    await typeDate(page, 'nktNgaySinh', '15/06/1948');
    await tick(page, 'nktGioiTinh', 'Nam');
    await typeAndEnter(page, 'nktDanToc', 'Tày', 'Tày');
    await choose(page, 'nktQuocTich', 'Việt', 'Việt Nam');
    await typeInto(input(page, 'nktSoDinhDanh'), '004048000444');
    await choose(page, 'nktTinh', 'Cao Bằng', 'Tỉnh Cao Bằng');
    await enabled(page, 'nktXa');
    await typeAndEnter(page, 'nktXa', 'hưng đạo', 'Xã Hưng Đạo');
    await typeInto(input(page, 'nktDiaChi'), 'Xóm 2');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the default filter folds case but keeps marks; typed text that picks nothing is not kept', async () => {
    const page = await open();
    // Arco's default filterOption: the label, lower-cased, includes the typed text, lower-cased.
    await view(page, 'nktDanToc').click();
    await expect.poll(() => openList(page).count()).toBe(1);
    expect(await optionsOf(openList(page)).count()).toBe(56);
    await searchBox(page, 'nktDanToc').pressSequentially('tay');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    expect(await openList(page).textContent()).toContain('Không có dữ liệu');
    await searchBox(page, 'nktDanToc').fill('');
    await searchBox(page, 'nktDanToc').pressSequentially('TÀY');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Tày']);
    // Leaving without picking: the typed text goes, nothing is chosen.
    await page.locator('h1').click();
    await listGone(page);
    await expect.poll(() => searchBox(page, 'nktDanToc').inputValue()).toBe('');
    expect(await view(page, 'nktDanToc').locator('.arco-select-view-value').textContent()).toBe('');
    expect((await modelOf(page)).nktDanToc).toBeNull();
    // "Việt" is part of one nationality's name only.
    await view(page, 'nktQuocTich').click();
    await searchBox(page, 'nktQuocTich').pressSequentially('việt');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Việt Nam']);
    await page.keyboard.press('Escape');
    await listGone(page);
    expect((await modelOf(page)).nktQuocTich).toBeNull();
    // The ward list is filtered the same way: no match without the marks.
    await choose(page, 'nycTinh', null, 'Thành phố Hà Nội');
    await enabled(page, 'nycXa');
    await view(page, 'nycXa').click();
    await searchBox(page, 'nycXa').pressSequentially('tay ho');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    await searchBox(page, 'nycXa').fill('');
    await searchBox(page, 'nycXa').pressSequentially('TÂY HỒ');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Phường Tây Hồ']);
    await page.keyboard.press('Escape');
    await listGone(page);
    expect((await modelOf(page)).nycXa).toBeNull();
    await page.close();
  });

  it('a wrong typed date is refused; another province empties the ward and locks it until its wards come', async () => {
    const page = await open();
    // A date typed as ISO, a day that does not exist, or a day after today: the panel keeps the old value, and
    // closing it empties the box; the model stays empty.
    const box = item(page, 'nktNgaySinh').locator('.arco-picker input');
    for (const wrong of ['1948-06-15', '31/02/1948', '01/01/2099']) {
      await centre(box);
      await box.click();
      await expect.poll(() => calendar(page).count()).toBe(1);
      await box.fill('');
      await box.pressSequentially(wrong);
      expect((await modelOf(page)).nktNgaySinh).toBeNull();
      await page.locator('h1').click();
      await expect.poll(() => calendar(page).count()).toBe(0);
      await expect.poll(() => box.inputValue()).toBe('');
      expect((await modelOf(page)).nktNgaySinh).toBeNull();
    }
    await typeDate(page, 'nktNgaySinh', '15/06/1948');
    expect((await modelOf(page)).nktNgaySinh).toBe('1948-06-15');

    // The ward select is disabled (and loading) until the province's wards have come.
    await choose(page, 'nktTinh', 'đồng tháp', 'Tỉnh Đồng Tháp');
    expect(await searchBox(page, 'nktXa').isDisabled()).toBe(true);
    expect(await searchBox(page, 'nktXa').getAttribute('placeholder')).toBe('Đang tải danh sách...');
    await enabled(page, 'nktXa');
    await choose(page, 'nktXa', 'cao lãnh', 'Phường Cao Lãnh');
    expect(await modelOf(page)).toMatchObject({ nktTinh: '82', nktXa: '29869' });
    // Another province empties the ward at once and locks it again.
    await choose(page, 'nktTinh', 'cao bằng', 'Tỉnh Cao Bằng');
    expect((await modelOf(page)).nktXa).toBeNull();
    expect(await searchBox(page, 'nktXa').isDisabled()).toBe(true);
    expect(await view(page, 'nktXa').locator('.arco-select-view-value').textContent()).toBe('');
    await enabled(page, 'nktXa');
    await choose(page, 'nktXa', 'Hưng Đạo', 'Xã Hưng Đạo');
    expect(await modelOf(page)).toMatchObject({ nktTinh: '04', nktXa: '01351' });
    // A province whose list the API lacks: the ward select stays locked and the form item says so.
    await choose(page, 'nktTinh', 'sơn la', 'Tỉnh Sơn La');
    expect((await modelOf(page)).nktXa).toBeNull();
    await expect
      .poll(() => page.locator('.arco-form-item:has([id="nktXa"]) .arco-form-item-message').textContent(), {
        timeout: 5_000,
      })
      .toBe('Không tải được danh sách xã/phường');
    expect(await searchBox(page, 'nktXa').isDisabled()).toBe(true);
    // The requester's address is its own: none of this touched it.
    expect(await modelOf(page)).toMatchObject({ nycTinh: null, nycXa: null });
    await page.close();
  });
});
