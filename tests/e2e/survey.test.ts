import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openPanel, pickInPanel } from './harness/panel';
import { setUpAndImport } from './harness/records';

/**
 * The national portal's wizard: React + a real SurveyJS model. Its dropdowns and dates take values only
 * through the model, so motcua writes through the page-world bridge; the assertions read the survey's data.
 */
let h: Harness;
let portal: Page;
let side: Page;
const panel = () => side;
const data = () => portal.evaluate(() => (window as unknown as { formModel: Record<string, unknown> }).formModel);

beforeAll(async () => {
  h = await launchHarness();
  await setUpAndImport(h, 'stranger-family.csv', 6);
});
afterAll(async () => {
  await h?.close();
});

const surveyBirthExpected = {
  citizenHoVaTen__11: 'Nguyễn Thị Mai',
  citizenSoDinhDanh__12: '001194000111',
  citizenQuanhevoinguoiduockhaisinh__13: 'ME',
  citizenSoDienThoai__14: '0912345678',
  citizenEmail__15: 'mai.nguyen@example.vn',
  citizenHoVaTen_NgdcKS__21: 'Trần Bảo An',
  citizenNgaythangnamsinh_NgdcKS__22: '2026-09-05',
  citizenGioitinh_NgdcKS__23: 1,
  citizenDanToc_NgdcKS__24: '01',
  citizenQuoctich_NgdcKS__25: 'VN',
  citizenNoiSinh_NgdcKS__26: 'Bệnh viện Phụ sản Hà Nội',
  citizenQueQuan_NgdcKS__27: 'Thái Bình',
  citizenNDK_HoVaTen__31: 'Nguyễn Thị Mai',
  citizenNDK_SoDinhDanh__32: '001194000111',
  citizenNDK_NgaySinh__33: '1994-04-12',
  citizenDanToc_me__34: '01',
  citizenQuocTich_me__35: 'VN',
  citizenTinh_me__36: '01',
  citizenXa_me__37: '00070',
  citizenDiaChi_me__38: 'Số 5 phố Hàng Bạc',
  citizenNDK_HoVaTenCha__41: 'Trần Văn Bình',
  citizenNDK_SoDinhDanhCha__42: '001090000222',
  citizenNDK_NgaySinhCha__43: '1990-10-20',
  citizenDanToc_cha__44: '01',
  citizenQuocTich_cha__45: 'VN',
  citizenTinh_cha__46: '01',
  citizenXa_cha__47: '00070',
  citizenDiaChi_cha__48: 'Số 5 phố Hàng Bạc',
};

describe('the national portal’s SurveyJS wizard', () => {
  it('detects the wizard’s blocks from its panels', async () => {
    portal = await h.openPortal('https://dichvucong.gov.vn/nop-ho-so/khai-sinh/');
    side = await openPanel(h, portal);
    await expect
      .poll(() => panel().locator('.role label').allTextContents(), { timeout: 10_000 })
      .toEqual(['Người yêu cầu', 'Người được khai sinh', 'Cha', 'Mẹ']);
  });

  it('fills 26 questions through the survey model, cascades included, and leaves the VNeID block alone', async () => {
    // The newborn first: the parents the records link to it come with it, the mother as the requester.
    await pickInPanel(panel(), 'tran bao an', 'Trần Bảo An');
    await expect
      .poll(() => panel().getByLabel('Người yêu cầu', { exact: true }).locator('option:checked').textContent())
      .not.toBe('— Chưa chọn —');
    await panel().getByLabel('Người yêu cầu', { exact: true }).selectOption({ label: 'Nguyễn Thị Mai' });
    await panel().getByRole('button', { name: 'Điền biểu mẫu' }).click();
    // The ward lists load from the portal's API after each province is chosen (simulated delay on).
    await expect
      .poll(() => panel().getByTestId('fill-summary').textContent(), { timeout: 20_000 })
      .toBe('⚠ 2 cần xem · ✗ 0 chưa điền đúng · ✓ 26 đã điền và đã kiểm');
    expect(await data()).toEqual(surveyBirthExpected);
    expect(await panel().locator('.report li[data-status=readonly]').count()).toBe(2);
    // The page outlines the questions themselves.
    expect(await portal.locator('[data-name="citizenXa_me__37"]').getAttribute('data-motcua-fill')).toBe('filled');
    expect(await portal.locator('[data-name="citizenHoVaTen__11"]').getAttribute('data-motcua-fill')).toBe('readonly');
    // SurveyJS shows the chosen item's text in its own dropdown.
    await expect
      .poll(() => portal.locator('[data-name="citizenXa_me__37"] .sd-dropdown__input .sv-string-viewer').textContent())
      .toContain('Phường Hoàn Kiếm');
  });

  it('undoes through the model too', async () => {
    await panel().getByRole('button', { name: 'Hoàn tác' }).click();
    await expect
      .poll(() => data())
      .toEqual({ citizenHoVaTen__11: 'Nguyễn Thị Mai', citizenSoDinhDanh__12: '001194000111' });
  });

  it('page scripts cannot use the bridge to read anything but the page’s own form', async () => {
    const answers = await portal.evaluate(() => {
      const got: string[] = [];
      document.addEventListener('motcua-bridge:response', (e) => got.push((e as CustomEvent).detail));
      const ask = (detail: unknown) =>
        document.dispatchEvent(new CustomEvent('motcua-bridge:request', { detail: JSON.stringify(detail) }));
      // The page names its own question for the bridge, as motcua does.
      document.querySelector('[data-name="citizenHoVaTen__11"]')!.setAttribute('data-motcua-ref', 'trang1');
      document.querySelector('[data-name="citizenGioitinh_NgdcKS__23"]')!.setAttribute('data-motcua-ref', 'trang2');
      ask({ id: 'p1', op: 'get', framework: 'survey', ref: 'trang1', name: 'citizenHoVaTen__11' });
      ask({ id: 'p2', op: 'records', framework: 'survey' });
      ask({ id: 'p3', op: 'set', framework: 'survey', ref: 'trang2', name: 'citizenGioitinh_NgdcKS__23', value: '7' });
      ask({ id: 'p4', op: 'set', framework: 'survey', ref: 'trang1', name: 'citizenHoVaTen__11', value: 'X' });
      return got.map((g) => JSON.parse(g));
    });
    expect(answers).toEqual([
      { id: 'p1', ok: true, value: 'Nguyễn Thị Mai', readOnly: true, hasChoices: false, type: 'text', via: 'react' },
      { id: 'p3', ok: false, error: 'not-a-choice' },
      { id: 'p4', ok: false, error: 'readonly' },
    ]);
    // The bridge leaves no global behind.
    expect(await portal.evaluate(() => Object.keys(window).filter((k) => /motcua|bridge/i.test(k)))).toEqual([]);
  });
});
