import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel, pickInPanel, tabIdOf } from './harness/panel';
import { setUpAndImport, supervisorPassphrase } from './harness/records';

/**
 * A page on a portal host whose scripts are not the portal's (tests/fixtures/portals/dichvucong.gov.vn/doc-hai):
 * it looks for the panel in the page, sniffs keys and polls inputs for the PIN, presses the panel's buttons,
 * plants invisible fields and a hidden file input, forges the bridge's and the extension's messages. Each test
 * asserts the attack gets nothing, and that the officer's honest flow on the same page still fills.
 */
interface Attack {
  keys: string[];
  seen: string[];
  stolen: Record<string, string>;
  panelFound: boolean;
  clicked: string[];
  files: string[];
  runtime: string;
  bridgeAnswers: string[];
}

let h: Harness;
let records: Page;
let portal: Page;
let panel: Page;
const attack = () => portal.evaluate(() => (window as unknown as { attack: Attack }).attack);
const officerPin = '482915';
const officerPassphrase = 'quầy số ba buổi sáng';

beforeAll(async () => {
  h = await launchHarness();
  records = await setUpAndImport(h, 'stranger-family.csv', 6);
  // An officer with a passphrase and a quick PIN, as at the counter: the PIN opens only after the passphrase has, once, in this browser session.
  await records.getByRole('tab', { name: 'Cán bộ và bảo mật' }).click();
  const add = records.getByRole('form', { name: 'Thêm cán bộ' });
  await add.getByLabel('Họ và tên', { exact: true }).fill('Phạm Văn Quầy');
  await add.getByLabel('Cụm mật khẩu ban đầu (ít nhất 10 ký tự)').fill(officerPassphrase);
  await add.getByLabel('Mã PIN mở nhanh (không bắt buộc)').fill(officerPin);
  await add.getByRole('button', { name: 'Thêm cán bộ' }).click();
  await records.getByText('Đã thêm Phạm Văn Quầy.').waitFor();
  await records.getByRole('button', { name: /Khoá/ }).click();
  await records.getByLabel('Mã PIN hoặc cụm mật khẩu').waitFor();
  await records.getByLabel('Cán bộ', { exact: true }).selectOption({ label: 'Phạm Văn Quầy — Cán bộ một cửa' });
  await records.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(officerPassphrase);
  await records.getByRole('button', { name: 'Mở khoá' }).click();
  await records.getByTestId('signed-in').waitFor();
  await records.getByRole('button', { name: /Khoá/ }).click();
  await records.getByLabel('Mã PIN hoặc cụm mật khẩu').waitFor();
  portal = await h.openPortal('https://dichvucong.gov.vn/doc-hai/');
  panel = await openPanel(h, portal, { waitUnlocked: false });
});
afterAll(async () => {
  await h?.close();
});

describe('a hostile page on a portal host', () => {
  it('finds no panel in the page to read or drive: there is none, it is an extension page beside it', async () => {
    await panel.getByLabel('Mã PIN hoặc cụm mật khẩu').waitFor();
    await portal.waitForTimeout(500);
    const a = await attack();
    expect(a.panelFound).toBe(false);
    expect(a.clicked).toEqual([]);
    expect(a.runtime).toBe('runtime-unavailable');
    expect(
      await portal.evaluate(() => document.querySelectorAll('[id^=motcua], motcua-panel, motcua-notice').length),
    ).toBe(0);
  });

  it('never sees the PIN: it is typed in the extension’s own page, where the page’s key listeners and polling do not reach', async () => {
    await panel.getByLabel('Cán bộ').selectOption({ label: 'Phạm Văn Quầy — Cán bộ một cửa' });
    await panel.getByLabel('Mã PIN hoặc cụm mật khẩu').pressSequentially(officerPin);
    await panel.getByRole('button', { name: 'Mở khoá' }).click();
    await panel.getByTestId('panel-officer').waitFor();
    await portal.waitForTimeout(300);
    const a = await attack();
    expect(a.keys.join('')).not.toContain(officerPin.slice(0, 3));
    expect(a.seen.join('|')).not.toContain(officerPin);
  });

  it('cannot lock the officers out: a page has no way to try a PIN', async () => {
    // Five wrong tries were the attack; the page has no channel to make one, so the officer's count is untouched.
    const failed = await records.evaluate(async () => {
      const open = indexedDB.open('motcua');
      const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
      const all: Array<{ name: string; failedAttempts: number; lockedOut: boolean }> = await new Promise((resolve) => {
        const req = db.transaction('officers').objectStore('officers').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return all.map((o) => [o.name, o.failedAttempts, o.lockedOut]);
    });
    expect(failed).toEqual(
      expect.arrayContaining([
        ['Phạm Văn Quầy', 0, false],
        ['Trần Thị Lan', 0, false],
      ]),
    );
  });

  it('the officer’s honest fill writes only the fields the officer sees; the invisible ones stay empty', async () => {
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    expect(await portal.evaluate(() => (window as unknown as { formModel: Record<string, string> }).formModel)).toEqual(
      {
        hoTen: 'Nguyễn Thị Mai',
        soDinhDanh: '001194000111',
        soDienThoai: '0912345678',
      },
    );
    const a = await attack();
    expect(a.stolen).toEqual({});
    const traps = await portal.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[name^=trap]')].map((i) => [i.name, i.value]),
    );
    expect(traps.filter(([, v]) => v !== '')).toEqual([]);
    expect(await panel.locator('.report li[data-status=filled]').count()).toBe(3);
    // No record left the panel for the page: what it saw in its inputs is what the officer filled, nothing else.
    expect(a.seen.filter((v) => !['Nguyễn Thị Mai', '001194000111', '0912345678'].includes(v))).toEqual([]);
  });

  it('puts no paper into a hidden file input, and forged bridge and window messages get no answer', async () => {
    await panel.getByLabel('Thủ tục', { exact: true }).selectOption({ label: 'Đăng ký khai sinh' });
    const region = panel.getByRole('region', { name: 'Thành phần hồ sơ' });
    // The only file input of the row is display:none and no visible button opens it: the row is not offered at all.
    await portal.waitForTimeout(1200);
    expect(await region.count()).toBe(0);
    const a = await attack();
    expect(a.files).toEqual([]);
    // The bridge answered the page's forged request only with "no such field" (it holds nothing of the records).
    expect(a.bridgeAnswers.map((s) => JSON.parse(s))).toEqual([{ id: 'x1', ok: false, error: 'no-question' }]);
  });
});

describe('look-alike hosts', () => {
  it.each(['https://dichvucong.gov.vn.evil.gov.vn/', 'https://evil.gov.vn/x.dichvucong.gov.vn/'])(
    '%s: the content script and the bridge stay silent',
    async (url) => {
      const page = await h.openPortal(url);
      await page.waitForTimeout(2500);
      expect(await page.evaluate(() => (window as unknown as { bridgeAnswers: string[] }).bridgeAnswers)).toEqual([]);
      const tabId = await tabIdOf(h, page);
      const frames = await records.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { frames: unknown[] } }> } };
        };
        return (await chrome.runtime.sendMessage({ channel: 'motcua', type: 'frame/list', payload: { tabId: id } }))
          .data.frames;
      }, tabId);
      expect(frames).toEqual([]);
      await page.close();
    },
  );
});

describe('after the attack', () => {
  it('the supervisor still unlocks with the passphrase at once', async () => {
    await records.bringToFront();
    await records.reload();
    // The officer's session opened in the panel is this page's too: the officer locks, the supervisor signs in.
    await records.getByTestId('signed-in').waitFor();
    await records.getByRole('button', { name: /Khoá/ }).click();
    await records.getByLabel('Cán bộ', { exact: true }).selectOption({ label: 'Trần Thị Lan — Lãnh đạo/tổ trưởng' });
    await records.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(supervisorPassphrase);
    await records.getByRole('button', { name: 'Mở khoá' }).click();
    await records.getByRole('tab', { name: 'Nhập tệp' }).waitFor();
  });
});
