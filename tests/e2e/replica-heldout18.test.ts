import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout18';
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
 * The eighteenth held-out set and its ground truth agree: a person fills the page by hand (typing into the
 * InputGroups; clicking a Select's button, typing into the filter box in its popover and clicking the option by its
 * text, or pressing Enter on the option Blueprint marks active; typing into the Suggest and clicking its option; typing
 * dates dd/mm/yyyy into the DateInput and confirming with Enter; clicking a radio's label), and the page's own state
 * then holds the scenario's `expected` values and keeps its `untouched` ones.
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

describe('held-out 18: Cao Bằng acknowledgement of paternity (Blueprint 6)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.caobang.gov.vn/');
  /** Blueprint's target: the Select's Button, the InputGroup's, DateInput's or Suggest's input, by the id given it. */
  const target = (page: Page, key: string) => page.locator(`[id="${key}"]`);
  const shown = (page: Page, key: string) => target(page, key).locator('.bp6-button-text');
  /** The one Select or Suggest popover open: Blueprint portals it to the end of body while it is open. */
  const openList = (page: Page) => page.locator('.bp6-select-popover, .bp6-suggest-popover').filter({ visible: true });
  const listGone = (page: Page) => expect.poll(() => openList(page).count()).toBe(0);
  /** The items a person can pick (the "no results" item is a disabled option). */
  const optionsOf = (list: Locator) => list.locator('li[role="option"]:not(:has(.bp6-disabled))');
  const optionIn = (list: Locator, text: string) => optionsOf(list).filter({ hasText: exactly(text) });
  const filterBox = (page: Page) => openList(page).locator('input.bp6-input');
  const calendar = (page: Page) => page.locator('.bp6-datepicker').filter({ visible: true });

  const enabled = (page: Page, key: string) =>
    expect.poll(() => target(page, key).isEnabled(), { timeout: 5_000 }).toBe(true);

  async function openSelect(page: Page, key: string) {
    await listGone(page);
    await centre(target(page, key));
    await target(page, key).click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await settled(openList(page));
  }

  /** A Select: its button clicked, its filter box emptied and `typed` (if any) typed, the option clicked by its text. */
  async function choose(page: Page, key: string, typed: string | null, option: string) {
    await openSelect(page, key);
    if (typed !== null) {
      await filterBox(page).fill('');
      await filterBox(page).pressSequentially(typed);
    }
    const wanted = optionIn(openList(page), option);
    await expect.poll(() => wanted.count()).toBe(1);
    await wanted.click();
    await listGone(page);
    await expect.poll(() => shown(page, key).textContent()).toBe(option);
  }

  /** A Select: the text typed into its filter box, the option Blueprint marks active is the one, and Enter takes it. */
  async function typeAndEnter(page: Page, key: string, typed: string, option: string) {
    await openSelect(page, key);
    await filterBox(page).fill('');
    await filterBox(page).pressSequentially(typed);
    await expect
      .poll(() => openList(page).locator('a.bp6-menu-item.bp6-active').textContent())
      .toMatch(exactly(option));
    await page.keyboard.press('Enter');
    await listGone(page);
    await expect.poll(() => shown(page, key).textContent()).toBe(option);
  }

  /**
   * A DateInput: the box clicked (the calendar opens in a popover), the date typed as it shows dates (a whole date in
   * range is taken at once), then Enter, which confirms it and closes the calendar.
   */
  async function typeDate(page: Page, key: string, text: string) {
    const box = target(page, key);
    await centre(box);
    await box.click();
    await expect.poll(() => calendar(page).count()).toBe(1);
    await box.fill('');
    await box.pressSequentially(text);
    await box.press('Enter');
    await expect.poll(() => calendar(page).count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(text);
  }

  /** A radio, by clicking its label. */
  async function tick(page: Page, key: string, label: string) {
    const group = page.locator(`.bp6-radio-group:has(input[name="${key}"])`);
    await centre(group);
    const radio = group.locator('label.bp6-radio').filter({ hasText: exactly(label) });
    await radio.click();
    expect(await radio.locator('input[type="radio"]').isChecked()).toBe(true);
  }

  /** The Suggest: typed into, the option clicked by its text; the box then shows it. */
  async function suggest(page: Page, key: string, typed: string, option: string) {
    await listGone(page);
    const box = target(page, key);
    await centre(box);
    await box.click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await box.pressSequentially(typed);
    const wanted = optionIn(openList(page), option);
    await expect.poll(() => wanted.count()).toBe(1);
    await wanted.click();
    await listGone(page);
    await expect.poll(() => box.inputValue()).toBe(option);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.bp6-section-header-title');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    // The provinces come from the portal's API after the page has loaded: the select lists them when opened.
    await openSelect(page, 'ndnTinh');
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
    expect(await page.locator('.bp6-section-header-title').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người yêu cầu',
      'Thông tin người được nhận là con',
      'Yêu cầu cấp bản sao trích lục',
    ]);
    // FormGroup's label is a <label for> the control; labelInfo puts the required star in its own span.
    const label = page.locator('label.bp6-label[for="nycHoTen"]');
    expect((await label.textContent())?.trim()).toBe('Họ, chữ đệm, tên *');
    expect(await label.locator('span.bp6-text-muted').textContent()).toBe('*');
    // An optional field's label keeps labelInfo's span, empty.
    const tuyChon = page.locator('label.bp6-label[for="nycSoDienThoai"]');
    expect((await tuyChon.textContent())?.trim()).toBe('Số điện thoại');
    expect(await tuyChon.locator('span.bp6-text-muted').textContent()).toBe('');
    expect(await target(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await target(page, 'maHoSo').inputValue()).toBe('H04.99-261206-0112');
    expect(await target(page, 'nycXa').isDisabled()).toBe(true);
    expect(await target(page, 'ndnXa').isDisabled()).toBe(true);
    expect(await shown(page, 'nycXa').textContent()).toBe('Chọn Tỉnh/Thành phố trước');
    expect(await openList(page).count()).toBe(0);

    // Thông tin người yêu cầu (no email and no card issue date on record: left empty).
    await typeInto(target(page, 'nycHoTen'), 'Trần Văn Bình');
    await typeDate(page, 'nycNgaySinh', '20/10/1990');
    await tick(page, 'nycGioiTinh', 'Nam');
    await typeAndEnter(page, 'nycDanToc', 'kinh', 'Kinh');
    await typeInto(target(page, 'nycSoDinhDanh'), '001090000222');
    await typeInto(target(page, 'nycSoDienThoai'), '0987654321');
    await choose(page, 'nycQuanHe', null, 'Cha');
    await typeAndEnter(page, 'nycTinh', 'hà nội', 'Thành phố Hà Nội');
    // The ward select opens once the province's wards have loaded; Phường Hàng Bạc is now part of Phường Hoàn Kiếm.
    await enabled(page, 'nycXa');
    await choose(page, 'nycXa', 'Hoàn Kiếm', 'Phường Hoàn Kiếm');
    await typeInto(target(page, 'nycDiaChi'), 'Số 5 phố Hàng Bạc');
    // Thông tin người được nhận là con (no ID on record: left empty).
    await typeInto(target(page, 'ndnHoTen'), 'Trần Bảo An');
    await typeDate(page, 'ndnNgaySinh', '05/09/2026');
    await tick(page, 'ndnGioiTinh', 'Nam');
    await choose(page, 'ndnDanToc', 'Kinh', 'Kinh');
    await suggest(page, 'ndnQuocTich', 'việt', 'Việt Nam');
    await choose(page, 'ndnTinh', 'Hà Nội', 'Thành phố Hà Nội');
    await enabled(page, 'ndnXa');
    await typeAndEnter(page, 'ndnXa', 'hoàn kiếm', 'Phường Hoàn Kiếm');
    await typeInto(target(page, 'ndnDiaChi'), 'Số 5 phố Hàng Bạc');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the filter folds case but keeps marks, keeps its query when closed; typed text that picks nothing is not kept', async () => {
    const page = await open();
    // The docs' itemPredicate: the text, lower-cased, contains the query, lower-cased.
    await openSelect(page, 'nycDanToc');
    expect(await optionsOf(openList(page)).count()).toBe(56);
    expect(await filterBox(page).getAttribute('placeholder')).toBe('Tìm kiếm...');
    await filterBox(page).pressSequentially('tay');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    expect(await openList(page).textContent()).toContain('Không có kết quả.');
    await filterBox(page).fill('');
    await filterBox(page).pressSequentially('TÀY');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Tày']);
    // Closed without picking: nothing is chosen, and (resetOnClose is off) the query is still there when it reopens.
    await page.keyboard.press('Escape');
    await listGone(page);
    expect(await shown(page, 'nycDanToc').textContent()).toBe('Chọn dân tộc');
    expect((await modelOf(page)).nycDanToc).toBeNull();
    await openSelect(page, 'nycDanToc');
    expect(await filterBox(page).inputValue()).toBe('TÀY');
    expect(await optionsOf(openList(page)).allTextContents()).toEqual(['Tày']);
    await page.locator('h1').click();
    await listGone(page);
    expect((await modelOf(page)).nycDanToc).toBeNull();
    // The Suggest: its box is the query; left without a pick, the typed text stays in the box (resetOnClose is off)
    // and nothing is chosen.
    const quocTich = target(page, 'ndnQuocTich');
    await centre(quocTich);
    await quocTich.click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await quocTich.pressSequentially('viet');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    await quocTich.fill('');
    await quocTich.pressSequentially('VIỆT');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Việt Nam']);
    await page.locator('h1').click();
    await listGone(page);
    expect(await quocTich.inputValue()).toBe('VIỆT');
    expect((await modelOf(page)).ndnQuocTich).toBeNull();
    // The ward list is filtered the same way: no match without the marks.
    await choose(page, 'nycTinh', null, 'Thành phố Hà Nội');
    await enabled(page, 'nycXa');
    await openSelect(page, 'nycXa');
    await filterBox(page).pressSequentially('hoan kiem');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    await filterBox(page).fill('');
    await filterBox(page).pressSequentially('HOÀN KIẾM');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Phường Hoàn Kiếm']);
    await page.keyboard.press('Escape');
    await listGone(page);
    expect((await modelOf(page)).nycXa).toBeNull();
    await page.close();
  });

  it('a wrong typed date is refused; another province empties the ward and locks it until its wards come', async () => {
    const page = await open();
    // A date typed as ISO, a day that does not exist, or a day after today: the model stays empty, and once the box
    // is left it shows DateInput's invalidDateMessage or outOfRangeMessage in place of the text.
    const box = target(page, 'nycNgaySinh');
    const refused: [string, string][] = [
      ['1990-10-20', 'Ngày không hợp lệ'],
      ['31/02/1990', 'Ngày không hợp lệ'],
      ['01/01/2099', 'Ngày ngoài phạm vi cho phép'],
    ];
    for (const [wrong, message] of refused) {
      await centre(box);
      await box.click();
      await expect.poll(() => calendar(page).count()).toBe(1);
      await box.fill('');
      await box.pressSequentially(wrong);
      expect((await modelOf(page)).nycNgaySinh).toBeNull();
      await page.locator('h1').click();
      await expect.poll(() => calendar(page).count()).toBe(0);
      expect((await modelOf(page)).nycNgaySinh).toBeNull();
      expect(await box.inputValue(), wrong).toBe(message);
    }
    await typeDate(page, 'nycNgaySinh', '20/10/1990');
    expect((await modelOf(page)).nycNgaySinh).toBe('1990-10-20');
    // Typed over a date taken (selected and replaced, never emptied: an emptied box is a null date), a day after
    // today is refused (onError, not onChange): the model keeps the old date.
    await centre(box);
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.pressSequentially('01/01/2099');
    await page.locator('h1').click();
    await expect.poll(() => calendar(page).count()).toBe(0);
    expect((await modelOf(page)).nycNgaySinh).toBe('1990-10-20');
    expect(await box.inputValue()).toBe('Ngày ngoài phạm vi cho phép');

    // The ward select is disabled until the province's wards have come.
    await choose(page, 'ndnTinh', 'cao bằng', 'Tỉnh Cao Bằng');
    expect(await target(page, 'ndnXa').isDisabled()).toBe(true);
    expect(await shown(page, 'ndnXa').textContent()).toBe('Đang tải danh sách...');
    await enabled(page, 'ndnXa');
    await choose(page, 'ndnXa', 'hưng đạo', 'Xã Hưng Đạo');
    expect(await modelOf(page)).toMatchObject({ ndnTinh: '04', ndnXa: '01351' });
    // Another province empties the ward at once and locks it again.
    await choose(page, 'ndnTinh', 'hà nội', 'Thành phố Hà Nội');
    expect((await modelOf(page)).ndnXa).toBeNull();
    expect(await target(page, 'ndnXa').isDisabled()).toBe(true);
    await enabled(page, 'ndnXa');
    expect(await shown(page, 'ndnXa').textContent()).toBe('Chọn Xã/Phường/Đặc khu');
    await choose(page, 'ndnXa', 'hoàn kiếm', 'Phường Hoàn Kiếm');
    expect(await modelOf(page)).toMatchObject({ ndnTinh: '01', ndnXa: '00070' });
    // A province whose list the API lacks: the ward select stays locked and its form group says so.
    await choose(page, 'ndnTinh', 'sơn la', 'Tỉnh Sơn La');
    expect((await modelOf(page)).ndnXa).toBeNull();
    await expect
      .poll(() => page.locator('.bp6-form-group:has([id="ndnXa"]) .bp6-form-helper-text').textContent(), {
        timeout: 5_000,
      })
      .toBe('Không tải được danh sách xã/phường');
    expect(await target(page, 'ndnXa').isDisabled()).toBe(true);
    // The requester's address is its own: none of this touched it.
    expect(await modelOf(page)).toMatchObject({ nycTinh: null, nycXa: null });
    await page.close();
  });
});
