import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../fixtures/portal-apps/scenarios-heldout13';
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
 * The thirteenth held-out set and its ground truth agree: a person fills the page by hand (typing, opening the
 * combo boxes and typing to filter, clicking items by their text, typing a full label and pressing Enter, opening
 * the selects, typing a date and confirming it with Enter), and the page's own state then holds the scenario's
 * `expected` values and keeps its `untouched` ones.
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

describe('held-out 13: Sơn La death registration (Vaadin 24 web components)', () => {
  const s = scenarioAt(scenarios, 'https://dichvucong.sonla.gov.vn/');
  /** The native input Vaadin slots into a field's host element. */
  const inputOf = (page: Page, id: string) => page.locator(`[id="${id}"] > input[slot="input"]`);
  const host = (page: Page, id: string) => page.locator(`[id="${id}"]`);
  /**
   * Vaadin teleports an overlay to the end of body while it is open; `opened` goes at once when it closes,
   * `closing` stays while the closing animation runs.
   */
  const overlay = (page: Page, tag: string) => page.locator(`${tag}[opened]`);
  const overlayGone = async (page: Page, tag: string) =>
    expect.poll(() => page.locator(`${tag}[opened], ${tag}[closing]`).count()).toBe(0);
  const comboOverlay = (page: Page) => overlay(page, 'vaadin-combo-box-overlay');
  const shownItems = (page: Page) => comboOverlay(page).locator('vaadin-combo-box-item').filter({ visible: true });

  const enabled = (page: Page, id: string) =>
    expect.poll(() => host(page, id).getAttribute('disabled'), { timeout: 5_000 }).toBeNull();

  /**
   * A combo box: its input clicked (the overlay opens), the filter typed, the item clicked by its text; the
   * overlay closes and the input shows the item's label.
   */
  async function choose(page: Page, id: string, option: string, typed: string) {
    await enabled(page, id);
    const input = inputOf(page, id);
    for (let attempt = 0; attempt < 3; attempt++) {
      await overlayGone(page, 'vaadin-combo-box-overlay');
      await centre(host(page, id));
      await input.click();
      await input.fill('');
      await input.pressSequentially(typed);
      await expect.poll(() => comboOverlay(page).count()).toBe(1);
      await settled(comboOverlay(page));
      const item = shownItems(page).filter({ hasText: exactly(option) });
      await expect.poll(() => item.count()).toBeGreaterThan(0);
      if ((await item.count()) === 1) {
        await item.click();
        break;
      }
      await page.keyboard.press('Escape');
    }
    await overlayGone(page, 'vaadin-combo-box-overlay');
    await expect.poll(() => input.inputValue()).toBe(option);
  }

  /**
   * A combo box given its whole label and Enter: the item whose label equals the typed text (case folded) is the
   * focused one, and Enter commits it.
   */
  async function typeAndEnter(page: Page, id: string, label: string) {
    await enabled(page, id);
    const input = inputOf(page, id);
    await centre(host(page, id));
    await input.click();
    await input.fill('');
    await input.pressSequentially(label);
    await expect.poll(() => comboOverlay(page).count()).toBe(1);
    await expect
      .poll(() => comboOverlay(page).locator('vaadin-combo-box-item[focused]').textContent())
      .toMatch(exactly(label));
    await input.press('Enter');
    await overlayGone(page, 'vaadin-combo-box-overlay');
    await expect.poll(() => input.inputValue()).toBe(label);
  }

  /** A vaadin-select: its value button clicked, the item clicked by its text; the button then shows it. */
  async function select(page: Page, id: string, option: string) {
    const button = host(page, id).locator('vaadin-select-value-button');
    for (let attempt = 0; attempt < 3; attempt++) {
      await overlayGone(page, 'vaadin-select-overlay');
      await centre(host(page, id));
      await button.click();
      const open = overlay(page, 'vaadin-select-overlay');
      await expect.poll(() => open.count()).toBe(1);
      await settled(open);
      const item = open.locator('vaadin-select-item').filter({ hasText: exactly(option) });
      if ((await item.count()) === 1) {
        await item.click();
        break;
      }
      await page.keyboard.press('Escape');
    }
    await overlayGone(page, 'vaadin-select-overlay');
    await expect.poll(() => button.textContent()).toMatch(exactly(option));
  }

  /** A date typed into vaadin-date-picker's input as it shows dates (dd/MM/yyyy) and confirmed with Enter. */
  async function typeDate(page: Page, id: string, shown: string) {
    const input = inputOf(page, id);
    await centre(host(page, id));
    await input.click();
    const open = overlay(page, 'vaadin-date-picker-overlay');
    await expect.poll(() => open.count()).toBe(1);
    await settled(open);
    await input.fill('');
    await input.pressSequentially(shown);
    await input.press('Enter');
    await overlayGone(page, 'vaadin-date-picker-overlay');
    await expect.poll(() => input.inputValue()).toBe(shown);
  }

  const itemsOf = (box: Locator) => box.evaluate((el) => ((el as unknown as { items?: unknown[] }).items ?? []).length);

  const open = async () => {
    const page = await harness.openPortal(s.url);
    await page.waitForSelector('section.sl-block h3');
    await expect.poll(async () => Object.keys((await modelOf(page)) ?? {}).length).toBeGreaterThan(0);
    // The provinces come from the portal's API after the page has loaded.
    await expect.poll(() => itemsOf(host(page, 'nktTinh'))).toBe(34);
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
    expect(await page.locator('section.sl-block > h3').allTextContents()).toEqual([
      'Thông tin hồ sơ',
      'Thông tin người yêu cầu',
      'Thông tin người chết',
      'Yêu cầu cấp bản sao trích lục',
    ]);
    // The label property is rendered as <label slot="label" for> the slotted input; `required` draws Vaadin's
    // own indicator in the shadow root.
    const label = page.locator('[id="nycHoTen"] > label[slot="label"]');
    expect(await label.textContent()).toBe('Họ, chữ đệm, tên');
    expect(await label.getAttribute('for')).toBe(await inputOf(page, 'nycHoTen').getAttribute('id'));
    expect(await host(page, 'nycHoTen').getAttribute('required')).not.toBeNull();
    expect(await host(page, 'nycHoTen').locator('[part="required-indicator"]').count()).toBe(1);
    expect(await inputOf(page, 'maHoSo').getAttribute('readonly')).not.toBeNull();
    expect(await host(page, 'nktXa').getAttribute('disabled')).not.toBeNull();
    expect(await comboOverlay(page).count()).toBe(0);

    // Thông tin người yêu cầu (the relation is left: no record says it).
    await typeInto(inputOf(page, 'nycHoTen'), "H'Lan Niê");
    await typeInto(inputOf(page, 'nycSoDinhDanh'), '066198001234');
    await typeInto(inputOf(page, 'nycSoDienThoai'), '0905111222');
    await typeInto(inputOf(page, 'nycNoiCuTru'), 'Buôn Ko Siêr, Phường Buôn Ma Thuột, Tỉnh Đắk Lắk');
    // Thông tin người chết
    await typeInto(inputOf(page, 'nktHoTen'), 'Hoàng Văn Hùng');
    await typeDate(page, 'nktNgaySinh', '15/06/1948');
    await select(page, 'nktGioiTinh', 'Nam');
    await choose(page, 'nktDanToc', 'Tày', 'tày');
    await typeAndEnter(page, 'nktQuocTich', 'Việt Nam');
    await typeInto(inputOf(page, 'nktSoDinhDanh'), '004048000444');
    // Nơi cư trú cuối cùng: the ward box opens once the province's wards have loaded.
    await choose(page, 'nktTinh', 'Tỉnh Cao Bằng', 'Cao Bằng');
    await choose(page, 'nktXa', 'Xã Hưng Đạo', 'hưng đạo');
    await typeInto(inputOf(page, 'nktDiaChi'), 'Xóm 2');

    await selectorsVisible(page, s);
    assertModel(await modelOf(page), s);
    await page.close();
  });

  it('the filter keeps the marks and the tone placement; typed text must be an item; another province empties the ward', async () => {
    const page = await open();
    // vaadin-combo-box's default filter: the item label contains the typed text, case folded, marks kept.
    const danToc = inputOf(page, 'nktDanToc');
    await centre(host(page, 'nktDanToc'));
    await danToc.click();
    await expect.poll(() => comboOverlay(page).count()).toBe(1);
    await danToc.pressSequentially('tay');
    // No item fits, and the overlay closes (it opens only while there are items).
    await overlayGone(page, 'vaadin-combo-box-overlay');
    await danToc.fill('');
    // Case folded: part of the label in capitals finds it (the whole label would also focus the item).
    await danToc.pressSequentially('ÀY');
    await expect.poll(() => shownItems(page).allTextContents()).toEqual(['Tày']);
    await page.keyboard.press('Escape');
    await overlayGone(page, 'vaadin-combo-box-overlay');
    // The whole label (any case) focuses its item: the first Escape only takes the focus off it and keeps the
    // list open, the second closes it and gives the box its value back (none).
    await danToc.fill('');
    await danToc.pressSequentially('TÀY');
    const focused = comboOverlay(page).locator('vaadin-combo-box-item[focused]');
    await expect.poll(() => focused.textContent()).toBe('Tày');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused.count()).toBe(0);
    expect(await comboOverlay(page).count()).toBe(1);
    await page.keyboard.press('Escape');
    await overlayGone(page, 'vaadin-combo-box-overlay');
    await expect.poll(() => danToc.inputValue()).toBe('');
    // Text that is no item's label is not kept (no custom values by default): it reverts when the box is left.
    await danToc.fill('');
    await danToc.pressSequentially('Tay');
    await inputOf(page, 'nktSoDinhDanh').click();
    await expect.poll(() => danToc.inputValue()).toBe('');
    expect((await modelOf(page)).nktDanToc).toBeNull();

    // A date typed as ISO is no date for this picker's parseDate (dd/MM/yyyy): the value stays empty.
    const ngaySinh = inputOf(page, 'nktNgaySinh');
    await centre(host(page, 'nktNgaySinh'));
    await ngaySinh.click();
    await ngaySinh.pressSequentially('1948-06-15');
    await ngaySinh.press('Enter');
    await overlayGone(page, 'vaadin-date-picker-overlay');
    expect((await modelOf(page)).nktNgaySinh).toBeNull();
    await typeDate(page, 'nktNgaySinh', '15/06/1948');
    expect((await modelOf(page)).nktNgaySinh).toBe('1948-06-15');

    // The catalogue writes the old tone placement (Hoà): the new one (Hòa) finds nothing.
    await choose(page, 'nktTinh', 'Tỉnh Cao Bằng', 'cao bằng');
    await enabled(page, 'nktXa');
    const xa = inputOf(page, 'nktXa');
    await centre(host(page, 'nktXa'));
    await xa.click();
    await xa.pressSequentially('Hòa An');
    await overlayGone(page, 'vaadin-combo-box-overlay');
    await page.keyboard.press('Escape');
    await choose(page, 'nktXa', 'Xã Hoà An', 'Hoà An');
    expect((await modelOf(page)).nktXa).toBe('01654');

    // Another province empties the ward at once and locks it until its wards have loaded.
    await choose(page, 'nktTinh', 'Tỉnh Sơn La', 'Sơn La');
    expect((await modelOf(page)).nktXa).toBeNull();
    await choose(page, 'nktXa', 'Phường Tô Hiệu', 'tô hiệu');
    expect(await modelOf(page)).toMatchObject({ nktTinh: '14', nktXa: '03646' });
    // A province whose list the API lacks: the ward box stays locked and says so.
    await choose(page, 'nktTinh', 'Thành phố Hà Nội', 'Hà Nội');
    expect((await modelOf(page)).nktXa).toBeNull();
    await expect
      .poll(() => host(page, 'nktXa').locator('[slot="error-message"]').textContent(), { timeout: 5_000 })
      .toBe('Không tải được danh sách xã/phường');
    expect(await host(page, 'nktXa').getAttribute('disabled')).not.toBeNull();
    await page.close();
  });
});
