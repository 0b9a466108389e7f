import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout19';
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
 * The nineteenth held-out set and its ground truth agree: a person fills the page by hand (typing into the Inputs;
 * clicking a SelectPicker's toggle, then its search box, typing and clicking the option by its text, or pressing Enter
 * on the option rsuite focuses; typing into the InputPicker and clicking or entering its option; typing a date's
 * digits into the DatePicker, as its segmented input takes them, and confirming with Enter or its OK button; clicking
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

describe('held-out 19: Lạng Sơn marriage registration (React Suite 5)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.langson.gov.vn/');
  /**
   * What Form.Group's controlId names inside the form: an Input's or DatePicker's input, a picker's toggle, the
   * RadioGroup. (While a SelectPicker is open its search box, in the popup at the end of body, carries the same id.)
   */
  const target = (page: Page, key: string) => page.locator('form.ls-form').locator(`[id="${key}"]`);
  const groupOf = (page: Page, key: string) => page.locator(`.rs-form-group:has([id="${key}"])`).first();
  /** The one picker popup open: rsuite renders it into a portal at the end of body while it is open. */
  const openList = (page: Page) => page.locator('.rs-picker-popup').filter({ visible: true });
  const listGone = (page: Page) => expect.poll(() => openList(page).count()).toBe(0);
  const optionsOf = (list: Locator) => list.locator('[role="option"]');
  const optionIn = (list: Locator, text: string) => optionsOf(list).filter({ hasText: exactly(text) });
  const searchBox = (page: Page) => openList(page).locator('input[role="searchbox"]');
  const focusedOption = (page: Page) => openList(page).locator('.rs-picker-select-menu-item-focus');
  const calendar = (page: Page) => page.locator('.rs-picker-popup-date').filter({ visible: true });
  const errorOf = (page: Page, key: string) => groupOf(page, key).locator('.rs-form-error-message');

  const enabled = (page: Page, key: string) =>
    expect.poll(() => target(page, key).isEnabled(), { timeout: 5_000 }).toBe(true);

  async function openPicker(page: Page, key: string) {
    await listGone(page);
    await centre(target(page, key));
    await target(page, key).click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await settled(openList(page));
  }

  /** A SelectPicker: its toggle clicked, its search box clicked and `typed` typed (if any), the option clicked. */
  async function choose(page: Page, key: string, typed: string | null, option: string) {
    await openPicker(page, key);
    if (typed !== null) {
      await searchBox(page).click();
      await searchBox(page).pressSequentially(typed);
    }
    const wanted = optionIn(openList(page), option);
    await expect.poll(() => wanted.count()).toBe(1);
    await wanted.click();
    await listGone(page);
    await expect.poll(() => target(page, key).textContent()).toBe(option);
  }

  /** A SelectPicker: the text typed into its search box, the option rsuite focuses is the one, and Enter takes it. */
  async function typeAndEnter(page: Page, key: string, typed: string, option: string) {
    await openPicker(page, key);
    await searchBox(page).click();
    await searchBox(page).pressSequentially(typed);
    await expect.poll(() => focusedOption(page).textContent()).toMatch(exactly(option));
    await page.keyboard.press('Enter');
    await listGone(page);
    await expect.poll(() => target(page, key).textContent()).toBe(option);
  }

  /** The InputPicker: its toggle clicked (the focus goes to its own box), typed into, the option clicked or entered. */
  async function pickInput(page: Page, key: string, typed: string, option: string, by: 'click' | 'Enter') {
    await listGone(page);
    await centre(target(page, key));
    await target(page, key).click();
    await expect.poll(() => openList(page).count()).toBe(1);
    await page.keyboard.type(typed);
    const wanted = optionIn(openList(page), option);
    await expect.poll(() => wanted.count()).toBe(1);
    if (by === 'click') await wanted.click();
    else {
      await expect.poll(() => focusedOption(page).textContent()).toMatch(exactly(option));
      await page.keyboard.press('Enter');
    }
    await listGone(page);
    await expect.poll(() => target(page, key).textContent()).toBe(option);
  }

  /**
   * A person's pace between keys in the date box: its keydown handler reads the segment and the digits typed so far
   * from React state, so keys sent faster than the page re-renders land in the wrong segment.
   */
  const keyDelay = 60;

  /**
   * The DateInput types into the segment its selection is on, wherever the click left it: a person clicks on the day
   * ("dd", at the box's left) and sees it selected before typing.
   */
  async function daySegment(box: Locator) {
    const size = await box.boundingBox();
    await box.click({ position: { x: 14, y: (size?.height ?? 36) / 2 } });
    await expect
      .poll(() => box.evaluate((el: HTMLInputElement) => [el.value.slice(0, 2), el.selectionStart, el.selectionEnd]))
      .toEqual([expect.stringMatching(/^(dd|\d\d)$/), 0, 2]);
  }

  /**
   * A DatePicker: the box clicked on its day segment (the calendar opens), the date's digits typed (the segmented input moves on by
   * itself from day to month to year), then Enter or the calendar's OK, which closes it.
   */
  async function typeDate(page: Page, key: string, digits: string, shown: string, confirm: 'Enter' | 'OK') {
    const box = target(page, key);
    await centre(box);
    await daySegment(box);
    await expect.poll(() => calendar(page).count()).toBe(1);
    await settled(calendar(page));
    await box.pressSequentially(digits, { delay: keyDelay });
    expect(await box.inputValue()).toBe(shown);
    if (confirm === 'Enter') await box.press('Enter');
    else await calendar(page).getByRole('button', { name: 'OK', exact: true }).click();
    await expect.poll(() => calendar(page).count()).toBe(0);
    await expect.poll(() => box.inputValue()).toBe(shown);
  }

  /** A radio, by clicking its label. */
  async function tick(page: Page, key: string, label: string) {
    const group = target(page, key);
    await centre(group);
    const radio = group.locator('label').filter({ hasText: exactly(label) });
    await radio.click();
    expect(await radio.locator('input[type="radio"]').isChecked()).toBe(true);
  }

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.rs-panel-title');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    // The provinces come from the portal's API after the page has loaded: the picker lists them once opened.
    await tick(page, 'nuCuTru', 'Trong nước');
    await openPicker(page, 'nuTinh');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(34);
    await page.keyboard.press('Escape');
    await listGone(page);
    return page;
  };

  it('before filling, the model holds none of the expected values', async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('.rs-panel-title');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    const model = await modelOf(page);
    for (const [key, want] of Object.entries(s.expected)) {
      expect(key in model, `${key} is in the model`).toBe(true);
      if (want instanceof RegExp) expect(String(model[key] ?? ''), key).not.toMatch(want);
      else expect(model[key], key).not.toBe(want);
      expect(model[key] ?? null, key).toBeNull();
    }
    for (const [key, keep] of Object.entries(s.untouched ?? {})) expect(model[key] ?? null, key).toBe(keep);
    // The address fields are not there until "Trong nước" is ticked.
    for (const key of ['nuTinh', 'nuXa', 'nuDiaChi', 'namTinh', 'namXa', 'namDiaChi'])
      expect(await target(page, key).count(), key).toBe(0);
    await page.close();
  });

  it('filled by hand, holds the expected model and keeps the rest', async () => {
    const page = await open();
    expect(await page.locator('h2.rs-panel-header .rs-panel-title').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin bên nữ',
      'Thông tin bên nam',
      'Yêu cầu cấp bản sao trích lục kết hôn',
    ]);
    // Form.ControlLabel is a <label for> the control; the portal's star is in its own span.
    const label = page.locator('label.rs-form-control-label[for="nuHoTen"]');
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên *');
    expect(await label.locator('span.required').textContent()).toBe(' *');
    expect(await page.locator('label.rs-form-control-label[for="nuEmail"]').textContent()).toBe('Email');
    expect(await target(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await target(page, 'maHoSo').inputValue()).toBe('000.00.20.H39-261206-0047');
    // A SelectPicker's toggle is a div role=combobox; the code sits in a read-only, aria-hidden input named for it.
    expect(await target(page, 'nuDanToc').getAttribute('role')).toBe('combobox');
    expect(await page.locator('input[name="nuDanToc"]').getAttribute('readonly')).not.toBeNull();
    expect(await target(page, 'nuXa').isDisabled()).toBe(true);
    expect(await target(page, 'nuXa').textContent()).toBe('Chọn Tỉnh/Thành phố trước');

    // Thông tin bên nữ: her record writes "Ê Đê"; the list spells it "Ê-đê".
    await typeInto(target(page, 'nuHoTen'), "H'Lan Niê");
    await typeDate(page, 'nuNgaySinh', '03031998', '03/03/1998', 'Enter');
    await choose(page, 'nuDanToc', 'Ê', 'Ê-đê');
    await pickInput(page, 'nuQuocTich', 'việt', 'Việt Nam', 'click');
    await typeInto(target(page, 'nuSoDinhDanh'), '066198001234');
    await typeInto(target(page, 'nuSoDienThoai'), '0905111222');
    await typeInto(target(page, 'nuEmail'), 'hlan.nie@example.vn');
    await typeAndEnter(page, 'nuTinh', 'đắk lắk', 'Tỉnh Đắk Lắk');
    // The ward picker opens once the province's wards have loaded; Phường Tân Lợi is now in Phường Buôn Ma Thuột.
    await enabled(page, 'nuXa');
    await choose(page, 'nuXa', 'buôn ma', 'Phường Buôn Ma Thuột');
    await typeInto(target(page, 'nuDiaChi'), 'Buôn Ko Siêr');
    expect(await page.locator('input[name="nuDanToc"]').inputValue()).toBe('12');

    // Thông tin bên nam (no email on record: left empty). Phường Thụy Khuê was split: the officer took Ba Đình.
    await typeInto(target(page, 'namHoTen'), 'Lê Văn Khoa');
    await typeDate(page, 'namNgaySinh', '01011980', '01/01/1980', 'OK');
    await choose(page, 'namDanToc', null, 'Kinh');
    await pickInput(page, 'namQuocTich', 'VIỆT', 'Việt Nam', 'Enter');
    await typeInto(target(page, 'namSoDinhDanh'), '001080000333');
    await typeInto(target(page, 'namSoDienThoai'), '0978000333');
    await tick(page, 'namCuTru', 'Trong nước');
    await choose(page, 'namTinh', 'hà nội', 'Thành phố Hà Nội');
    await enabled(page, 'namXa');
    await typeAndEnter(page, 'namXa', 'ba đình', 'Phường Ba Đình');
    await typeInto(target(page, 'namDiaChi'), 'Tổ 5');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    // The Schema model finds nothing wrong with what was filled: the form is accepted.
    expect(await page.locator('.rs-form-error-message').count()).toBe(0);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect.poll(() => page.locator('.ls-thong-bao').textContent()).toBe('Đã ghi nhận tờ khai.');
    await page.close();
  });

  it('the search folds case but keeps marks, is typed in its own box and dropped when closed', async () => {
    const page = await open();
    // Opened, the picker leaves the focus on its toggle. A key of a letter or digit (\w: a-z, 0-9) pressed there moves
    // the focus to the search box, which takes it; a marked letter typed there (no key of its own) is lost.
    await openPicker(page, 'nuDanToc');
    expect(await optionsOf(openList(page)).count()).toBe(56);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.insertText('ê');
    expect(await searchBox(page).inputValue()).toBe('');
    expect(await optionsOf(openList(page)).count()).toBe(56);
    await page.keyboard.type('kinh');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('searchbox');
    expect(await searchBox(page).inputValue()).toBe('kinh');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Kinh']);
    // The search box, in the popup at the end of body, carries the field's id too while it is open.
    expect(await searchBox(page).getAttribute('placeholder')).toBe('Search');
    expect(await page.locator('[id="nuDanToc"]').count()).toBe(2);
    // shouldDisplay: the label, lower-cased, contains the query, lower-cased; the first match is focused.
    await searchBox(page).fill('');
    await searchBox(page).pressSequentially('ê đê');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    expect(await openList(page).textContent()).toContain('No results found');
    await searchBox(page).fill('e-de');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    await searchBox(page).fill('Ê');
    await expect
      .poll(() => optionsOf(openList(page)).allTextContents())
      .toEqual(['Ê-đê', 'Hrê', 'Xtiêng', 'Gié-Triêng']);
    expect(await focusedOption(page).textContent()).toBe('Ê-đê');
    // Closed without picking: nothing is chosen, and the query is gone when it reopens.
    await page.keyboard.press('Escape');
    await listGone(page);
    expect(await page.locator('[id="nuDanToc"]').count()).toBe(1);
    expect(await target(page, 'nuDanToc').textContent()).toBe('Chọn dân tộc');
    expect((await modelOf(page)).nuDanToc).toBeNull();
    await openPicker(page, 'nuDanToc');
    expect(await searchBox(page).inputValue()).toBe('');
    expect(await optionsOf(openList(page)).count()).toBe(56);
    await page.locator('h1').click();
    await listGone(page);
    expect((await modelOf(page)).nuDanToc).toBeNull();

    // The InputPicker: typed into its own box with the same filter; left without a pick, the text is dropped.
    await centre(target(page, 'nuQuocTich'));
    await target(page, 'nuQuocTich').click();
    await expect.poll(() => openList(page).count()).toBe(1);
    const box = groupOf(page, 'nuQuocTich').locator('input.rs-picker-search-input');
    await page.keyboard.type('viet');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    await box.fill('');
    await page.keyboard.type('VIỆT');
    await expect.poll(() => optionsOf(openList(page)).allTextContents()).toEqual(['Việt Nam']);
    await page.locator('h1').click();
    await listGone(page);
    expect(await box.inputValue()).toBe('');
    expect(await target(page, 'nuQuocTich').textContent()).toBe('Nhập để tìm quốc tịch');
    expect((await modelOf(page)).nuQuocTich).toBeNull();

    // The wards are filtered the same way: every ward whose name holds the marked text.
    await choose(page, 'nuTinh', null, 'Thành phố Hà Nội');
    await enabled(page, 'nuXa');
    await openPicker(page, 'nuXa');
    await searchBox(page).click();
    await searchBox(page).pressSequentially('dinh');
    await expect.poll(() => optionsOf(openList(page)).count()).toBe(0);
    await searchBox(page).fill('ĐÌNH');
    await expect
      .poll(() => optionsOf(openList(page)).allTextContents())
      .toEqual(['Phường Ba Đình', 'Phường Khương Đình', 'Xã Vân Đình']);
    await page.keyboard.press('Escape');
    await listGone(page);
    expect((await modelOf(page)).nuXa).toBeNull();
    await page.close();
  });

  it('the date box takes digits only and marks a wrong date; another province empties the ward and locks it', async () => {
    const page = await open();
    const box = target(page, 'nuNgaySinh');
    const picker = groupOf(page, 'nuNgaySinh').locator('.rs-picker-date');
    const inError = async () => (await picker.getAttribute('class'))?.includes('rs-picker-error') ?? false;
    const model = async () => (await modelOf(page)).nuNgaySinh;
    /** Everything selected and deleted empties the date; the day is clicked again, as the cursor was left at 0. */
    const clear = async () => {
      await box.press('ControlOrMeta+a');
      await box.press('Backspace');
      expect(await model()).toBeNull();
      await daySegment(box);
    };
    await centre(box);
    await box.click();
    await expect.poll(() => calendar(page).count()).toBe(1);
    // Text set without keystrokes does nothing: the segmented input only listens to keys (and paste).
    await box.fill('03/03/1998');
    await page.locator('h1').click();
    await expect.poll(() => calendar(page).count()).toBe(0);
    expect(await box.inputValue()).toBe('');
    expect(await model()).toBeNull();
    // Typed with its slashes, the date is garbled: "/" is no digit, and the browser's own typing of it moves the
    // selection off the segment the input keeps.
    await daySegment(box);
    await box.pressSequentially('03/03/1998', { delay: keyDelay });
    expect(await box.inputValue()).not.toBe('03/03/1998');
    expect(await model()).not.toBe('1998-03-03');
    await clear();
    // An unfinished date is an Invalid Date: nothing posted, the picker in error, Enter confirms nothing.
    await box.pressSequentially('1506', { delay: keyDelay });
    expect(await box.inputValue()).toBe('15/06/yyyy');
    expect(await model()).toBeNull();
    await box.press('Enter');
    expect(await calendar(page).count()).toBe(1);
    expect(await inError()).toBe(true);
    await expect.poll(() => errorOf(page, 'nuNgaySinh').textContent()).toBe('Ngày sinh không hợp lệ');
    await clear();
    // A day the month has not: the Date rolls over into the next month (31/02/1990 is 03/03/1990).
    await box.pressSequentially('31021990', { delay: keyDelay });
    expect(await box.inputValue()).toBe('03/03/1990');
    expect(await model()).toBe('1990-03-03');
    await clear();
    // A day after today: kept in the box and the value, but the picker marks it, Enter does not confirm it, and the
    // Schema's range says why.
    await box.pressSequentially('01012099', { delay: keyDelay });
    expect(await model()).toBe('2099-01-01');
    expect(await inError()).toBe(true);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await box.press('Enter');
    expect(await calendar(page).count()).toBe(1);
    await expect.poll(() => errorOf(page, 'nuNgaySinh').textContent()).toBe('Ngày sinh phải từ 01/01/1900 đến hôm nay');
    await clear();
    // Pasted whole, a dd/MM/yyyy date is parsed.
    await box.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text', '03/03/1998');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    expect(await box.inputValue()).toBe('03/03/1998');
    expect(await model()).toBe('1998-03-03');
    await box.press('Enter');
    await expect.poll(() => calendar(page).count()).toBe(0);
    expect(await inError()).toBe(false);

    // The ward picker is disabled until the province's wards have come (the API is held back a second here, so that
    // the loading state is seen whatever the machine's pace).
    await page.route('**/ho-tich/api/danh-muc/xa/20.json', async (route) => {
      await new Promise((r) => setTimeout(r, 1_000));
      await route.fallback();
    });
    await tick(page, 'namCuTru', 'Trong nước');
    await choose(page, 'namTinh', 'lạng sơn', 'Tỉnh Lạng Sơn');
    expect(await target(page, 'namXa').isDisabled()).toBe(true);
    expect(await target(page, 'namXa').textContent()).toBe('Đang tải danh sách...');
    await enabled(page, 'namXa');
    await choose(page, 'namXa', 'đông kinh', 'Phường Đông Kinh');
    expect(await modelOf(page)).toMatchObject({ namTinh: '20', namXa: '05977' });
    // Another province empties the ward at once and locks it again.
    await choose(page, 'namTinh', 'hà nội', 'Thành phố Hà Nội');
    expect((await modelOf(page)).namXa).toBeNull();
    expect(await target(page, 'namXa').isDisabled()).toBe(true);
    await enabled(page, 'namXa');
    expect(await target(page, 'namXa').textContent()).toBe('Chọn Xã/Phường/Đặc khu');
    await choose(page, 'namXa', 'ba đình', 'Phường Ba Đình');
    expect(await modelOf(page)).toMatchObject({ namTinh: '01', namXa: '00004' });
    // A province whose list the API lacks: the ward picker stays locked and its help text says so.
    await choose(page, 'namTinh', 'sơn la', 'Tỉnh Sơn La');
    expect((await modelOf(page)).namXa).toBeNull();
    await expect
      .poll(() => groupOf(page, 'namXa').locator('.rs-form-help-text').textContent(), { timeout: 5_000 })
      .toBe('Không tải được danh sách xã/phường');
    expect(await target(page, 'namXa').isDisabled()).toBe(true);
    // "Nước ngoài" hides the address fields and asks for an address abroad instead.
    await tick(page, 'namCuTru', 'Nước ngoài');
    expect(await target(page, 'namTinh').count()).toBe(0);
    expect(await target(page, 'namDiaChiNuocNgoai').count()).toBe(1);
    // The bride's address is her own: none of this touched it.
    expect(await modelOf(page)).toMatchObject({ nuTinh: null, nuXa: null });
    await page.close();
  });
});
