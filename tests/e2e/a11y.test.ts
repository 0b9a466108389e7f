import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel, pickInPanel } from './harness/panel';
import { setUpAndImport, supervisorPassphrase } from './harness/records';

/**
 * axe-core on every extension page and on the side panel, in the states an officer meets them: zero WCAG 2.2 AA
 * violations (axe's wcag2a/2aa/21a/21aa/22aa rules), at the counter's 1366×768 screen.
 */
let h: Harness;
let records: Page;

beforeAll(async () => {
  h = await launchHarness();
  records = await setUpAndImport(h, 'stranger-family.csv', 6);
  await records.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
  await h?.close();
});

/** The violations as "rule: target …" lines, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`),
  );
}

async function open(path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(h.extensionUrl(path));
  await page.waitForLoadState('networkidle');
  return page;
}

describe('WCAG 2.2 AA on the extension’s pages', () => {
  it.each(['pages.html', 'settings.html', 'dashboard.html', 'capture.html', 'training.html'])(
    '%s has no violation',
    async (path) => {
      const page = await open(path);
      await page.locator('main, [role=main]').first().waitFor();
      expect(await violations(page)).toEqual([]);
      await page.close();
    },
  );

  it('the records page: the list, a person’s editor, the officers tab', async () => {
    await records.getByRole('tab', { name: 'Công dân' }).click();
    await records.getByLabel('Tìm công dân', { exact: true }).fill('nguyen thi mai');
    await records.locator('#people-list .row').first().waitFor();
    expect(await violations(records)).toEqual([]);
    // Ticked for the export by keyboard (Ctrl+Space) or by its tick: the option says it is selected.
    await records.getByLabel('Tìm công dân', { exact: true }).press('Control+Space');
    await expect.poll(() => records.getByRole('option', { selected: true }).count()).toBe(1);
    await expect.poll(() => records.getByText('Xuất 1 người đã chọn').count()).toBe(1);
    await records.locator('#people-list .row .tick').first().click();
    await expect.poll(() => records.getByRole('option', { selected: true }).count()).toBe(0);
    await records.getByLabel('Tìm công dân', { exact: true }).press('Enter');
    await expect.poll(() => records.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Mai');
    expect(await violations(records)).toEqual([]);
    await records.keyboard.press('Escape');
    await records.getByRole('tab', { name: 'Cán bộ và bảo mật' }).click();
    expect(await violations(records)).toEqual([]);
  });

  it('the setup page of a fresh machine', async () => {
    const other = await launchHarness();
    try {
      const page = await other.context.newPage();
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(other.extensionUrl('setup.html'));
      await page.getByLabel('Họ và tên lãnh đạo/tổ trưởng').waitFor();
      expect(await violations(page)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('the side panel: locked, then unlocked with a filled report, and the receipt slip', async () => {
    const portal = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    await records.getByRole('button', { name: /Khoá/ }).click();
    const panel = await openPanel(h, portal, { waitUnlocked: false });
    await panel.setViewportSize({ width: 400, height: 768 });
    await panel.getByLabel('Mã PIN hoặc cụm mật khẩu').waitFor();
    expect(await violations(panel)).toEqual([]);
    await panel.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(supervisorPassphrase);
    await panel.getByRole('button', { name: 'Mở khoá' }).click();
    await panel.getByTestId('panel-officer').waitFor();
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    expect(await violations(panel)).toEqual([]);
    const [slip] = await Promise.all([
      h.context.waitForEvent('page'),
      panel.getByRole('button', { name: 'In giấy tiếp nhận' }).click(),
    ]);
    await slip.getByTestId('slip').waitFor();
    expect(await violations(slip)).toEqual([]);
    await slip.close();
    await panel.close();
    await portal.close();
  });
});
