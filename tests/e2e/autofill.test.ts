import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openAndFill, openPanel, pageModel, pickInPanel } from './harness/panel';
import { setUpAndImport, supervisorPassphrase as passphrase } from './harness/records';

let h: Harness;
let records: Page;

beforeAll(async () => {
  h = await launchHarness();
  records = await setUpAndImport(h, 'stranger-family.csv', 6);
});
afterAll(async () => {
  await h?.close();
});

/** The report's lines with a mark, as the officer reads them (status, then the text). */
const lines = (panel: Page, status: string) => panel.locator(`.report li[data-status=${status}]`).allTextContents();
const count = (panel: Page, status: string) => panel.locator(`.report li[data-status=${status}]`).count();
const hangBac2025 = 'Số 5 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội';

describe('filling a birth registration form from the side panel', () => {
  let portal: Page;
  let panel: Page;

  it('shows the unlocked officer and the blocks the form asks for', async () => {
    portal = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    panel = await openPanel(h, portal);
    expect(await panel.getByTestId('panel-officer').textContent()).toBe('Cán bộ: Trần Thị Lan');
    await expect
      .poll(() => panel.locator('.role label').allTextContents())
      .toEqual(['Người yêu cầu', 'Người được khai sinh', 'Cha', 'Mẹ']);
  });

  it('each result is named with the citizen’s full name and says which block it goes to', async () => {
    await panel.getByLabel('Tìm công dân').fill('tran bao an');
    const result = panel.getByRole('button', { name: 'Trần Bảo An', exact: true });
    await result.waitFor();
    expect(await panel.locator('.results li').first().textContent()).toContain('Sẽ vào: Người được khai sinh');
    // Results never show the full ID: masked only.
    await panel.getByLabel('Tìm công dân').fill('001194000111');
    await expect.poll(() => panel.locator('.results').textContent()).toContain('0011•••••111');
    expect(await panel.locator('.results').textContent()).not.toContain('001194000111');
    await panel.getByLabel('Tìm công dân').fill('');
  });

  it('by keyboard: type, ↓, Enter per person; the newborn’s linked parents are proposed; Ctrl+Enter fills', async () => {
    const search = panel.getByLabel('Tìm công dân');
    await search.fill('tran bao an');
    await panel.getByRole('button', { name: 'Trần Bảo An', exact: true }).waitFor();
    await search.press('ArrowDown');
    await panel.keyboard.press('Enter');
    // The cursor is back in the search box, and the parents the records link to the child are in their blocks.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('motcua-search');
    await expect
      .poll(() => panel.getByLabel('Cha', { exact: true }).locator('option:checked').textContent())
      .toBe('Trần Văn Bình');
    expect(await panel.getByLabel('Mẹ', { exact: true }).locator('option:checked').textContent()).toBe(
      'Nguyễn Thị Mai',
    );
    expect(await panel.getByLabel('Người yêu cầu', { exact: true }).locator('option:checked').textContent()).not.toBe(
      '— Chưa chọn —',
    );
    await panel.getByLabel('Người yêu cầu', { exact: true }).selectOption({ label: 'Nguyễn Thị Mai' });
    await search.press('Control+Enter');
    await panel.getByTestId('fill-summary').waitFor();
    expect(await pageModel(portal)).toEqual({
      nycHoTen: 'Nguyễn Thị Mai',
      nycSoDinhDanh: '001194000111',
      // The requester is the child's mother: the relation driver is set first.
      nycQuanHe: 'ME',
      ksHoTen: 'Trần Bảo An',
      'ksNgaySinh-day': '05',
      'ksNgaySinh-month': '09',
      'ksNgaySinh-year': '2026',
      ksGioiTinh: '1',
      ksDanToc: '01',
      chaHoTen: 'Trần Văn Bình',
      chaNamSinh: '1990',
      chaSoDinhDanh: '001090000222',
      // A free-text residence gets the 2025 address, not the card's old one.
      chaNoiCuTru: hangBac2025,
      meHoTen: 'Nguyễn Thị Mai',
      meNamSinh: '1994',
      meSoDinhDanh: '001194000111',
      meNoiCuTru: hangBac2025,
    });
    expect(await count(panel, 'filled')).toBe(15);
    expect(await panel.locator('.report li:not([data-status=filled])').count()).toBe(0);
    // The page shows the report in colours.
    expect(await portal.locator('#ks-hoten').getAttribute('data-motcua-fill')).toBe('filled');
    expect(await portal.locator('#nyc-qh').getAttribute('data-motcua-fill')).toBe('filled');
  });

  it('"Hoàn tác" after a second fill goes back to before the first, and says what it could not put back', async () => {
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.locator('button.primary:not([disabled])').waitFor();
    await panel.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => portal.locator('#ks-hoten').inputValue()).toBe('');
    const after = await pageModel(portal);
    // Every field is empty again in the page's own model, except the radio the page cannot unselect — said so.
    expect(Object.entries(after).filter(([, v]) => v !== '')).toEqual([['ksGioiTinh', '1']]);
    expect(await portal.locator('#nyc-qh').inputValue()).toBe('');
    await expect
      .poll(() => panel.getByRole('status').allTextContents())
      .toContain(
        'Đã trả lại các ô như trước lần điền đầu tiên. Riêng Giới tính: trang không cho trả lại, hãy kiểm tra.',
      );
    expect(await portal.locator('#ks-hoten').getAttribute('data-motcua-fill')).toBeNull();
  });

  it('follows the lock: the panel asks for the secret and unlocks in the extension’s own page', async () => {
    await records.bringToFront();
    await records.getByRole('button', { name: /Khoá/ }).click();
    await expect.poll(() => panel.getByLabel('Mã PIN hoặc cụm mật khẩu').count(), { timeout: 10_000 }).toBe(1);
    await panel.getByLabel('Mã PIN hoặc cụm mật khẩu').fill('sai mật khẩu rồi');
    await panel.getByRole('button', { name: 'Mở khoá' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('Sai mã PIN hoặc mật khẩu');
    await panel.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(passphrase);
    await panel.getByRole('button', { name: 'Mở khoá' }).click();
    await expect
      .poll(() => panel.getByTestId('panel-officer').textContent(), { timeout: 10_000 })
      .toBe('Cán bộ: Trần Thị Lan');
    await portal.close();
    await panel.close();
  });
});

describe('filling a Ministry of Justice e-form inside a cross-origin iframe', () => {
  let page: Page;
  let panel: Page;
  const frame = () => page.frameLocator('#to-khai');
  const frameModel = () =>
    pageModel(page.frames().find((f) => f.url().startsWith('https://tokhaidientu.moj.gov.vn/'))!);

  it('fills the frame from the tab’s panel, leaving the VNeID block alone', async () => {
    page = await h.openPortal('https://dichvucong.gov.vn/khai-tu/');
    panel = await openPanel(h, page);
    await expect
      .poll(() => panel.locator('.role label').allTextContents(), { timeout: 10_000 })
      .toEqual(['Người yêu cầu', 'Người chết']);
    // A death registration: an adult under 60 is proposed as the one who came to register it, and once the
    // requester is taken the next person picked is the one who died.
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await pickInPanel(panel, 'tran van binh', 'Trần Văn Bình');
    expect(await panel.getByLabel('Người chết').locator('option:checked').textContent()).toBe('Trần Văn Bình');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    expect(await frameModel()).toEqual({
      HoTen: 'Trần Văn Bình',
      NgaySinh: '1990',
      GioiTinh: '1',
      SoDinhDanh: '001090000222',
    });
    expect(await frame().locator('input[name=HoVaTenC]').inputValue()).toBe('NGUYỄN THỊ MAI');
    expect(await count(panel, 'readonly')).toBe(2);
    expect(await frame().locator('input[name=HoTen]').getAttribute('data-motcua-fill')).toBe('filled');
  });

  it('undoes inside the frame too', async () => {
    await panel.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => frame().locator('input[name=HoTen]').inputValue()).toBe('');
    expect(await frame().locator('input[name=HoTen]').getAttribute('data-motcua-fill')).toBeNull();
    await page.close();
    await panel.close();
  });
});

describe('filling a residence form with a cascading 2025 address', () => {
  it('maps the old address to its 2025 ward and waits for the ward list to load', async () => {
    const { page, panel } = await openAndFill(h, 'https://dichvucong.gov.vn/cu-tru/', [
      ['mai 12/04/1994', 'Nguyễn Thị Mai'],
    ]);
    await panel.getByTestId('fill-summary').waitFor({ timeout: 15_000 });
    expect(await pageModel(page)).toEqual({
      hoTen: 'Nguyễn Thị Mai',
      ngaySinh: '12/04/1994',
      gioiTinh: '2',
      soDinhDanh: '001194000111',
      soDienThoai: '0912345678',
      maTinh: '01',
      // Phường Hàng Bạc (quận Hoàn Kiếm) became Phường Hoàn Kiếm on 1/7/2025.
      maXa: '00070',
      diaChiChiTiet: 'Số 5 phố Hàng Bạc',
    });
    expect(await count(panel, 'filled')).toBe(8);
    await page.close();
    await panel.close();
  });
});

describe('an old ward split over several 2025 wards', () => {
  it('counts the ward choice as waiting first, the officer picks it in the panel, then fills again', async () => {
    const { page, panel } = await openAndFill(h, 'https://dichvucong.gov.vn/cu-tru/?nodelay', [
      ['le van khoa', 'Lê Văn Khoa'],
    ]);
    await panel.getByTestId('fill-summary').waitFor();
    expect(await panel.getByTestId('fill-summary').textContent()).toMatch(/^⚠ 1 cần xem/);
    expect(await panel.locator('.report li').first().getAttribute('data-status')).toBe('check');
    expect((await lines(panel, 'check'))[0]).toContain('Phường Ba Đình, Phường Tây Hồ');
    expect(await page.locator('#xa').inputValue()).toBe('');

    await panel
      .getByLabel('Địa chỉ của Lê Văn Khoa nay thuộc nhiều xã/phường mới: chọn một rồi bấm "Điền biểu mẫu" lại.')
      .selectOption({ label: 'Phường Tây Hồ' });
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => page.locator('#xa').inputValue(), { timeout: 10_000 }).toBe('00103');
    await expect.poll(() => panel.getByTestId('fill-summary').textContent()).toMatch(/^⚠ 0 cần xem/);
    await page.close();
    await panel.close();
  });
});

describe('filling the joint (lienthong) Angular form: split names, mat-select, mat-radio, ng-select, ARIA combobox, a date format selector', () => {
  it('writes the framework state of widgets that ignore typing, each read back from what the widget shows', async () => {
    const page = await h.openPortal('https://lienthong.dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await expect
      .poll(() => panel.locator('.role label').allTextContents())
      .toEqual(['Người yêu cầu', 'Người được khai sinh', 'Mẹ']);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await pickInPanel(panel, 'bao an', 'Trần Bảo An');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor({ timeout: 15_000 });
    expect(await pageModel(page)).toEqual({
      NycHoTen: 'NGUYỄN THỊ MAI',
      NycSoGiayto: '001194000111',
      // The relation mat-select has no formcontrolname: found by its label.
      QuanHe: 'ME',
      Ho: 'Trần',
      ChuDem: 'Bảo',
      Ten: 'An',
      NgaySinh: '05/09/2026',
      GioiTinh: '1',
      MaDanToc: '01',
      MaQuocTich: 'VN',
      MeHo: 'Nguyễn',
      MeChuDem: 'Thị',
      MeTen: 'Mai',
      // The format selector goes to "Ngày/tháng/năm" first, so the page accepts the full date.
      MeNgaySinhDinhDang: 'DMY',
      MeNgaySinh: '12/04/1994',
      MeSoGiayTo: '001194000111',
    });
    expect(await page.locator('#MeNgaySinh-error').textContent()).toBe('');
    expect(await page.locator('#qt').textContent()).toBe('Việt Nam');
    expect(await page.locator('#dt .ng-value-label').textContent()).toBe('Kinh');
    expect(await page.locator('#qh .mat-mdc-select-min-line').textContent()).toBe('Mẹ');
    expect(await page.locator('#gt-1-input').isChecked()).toBe(true);
    expect(await count(panel, 'readonly')).toBe(2);
    expect(await count(panel, 'filled')).toBe(14);

    // Undo empties what it can and names the widgets whose choice only the page can take back.
    await panel.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => page.locator('#Ho').inputValue()).toBe('');
    await expect
      .poll(async () => (await panel.getByRole('status').allTextContents()).join(' '))
      .toContain('Đã trả lại các ô như trước lần điền đầu tiên.');
    const status = (await panel.getByRole('status').allTextContents()).join(' ');
    for (const widget of [
      'Quan hệ với người được khai sinh',
      'Dân tộc',
      'Quốc tịch',
      'Định dạng ngày sinh',
      'Giới tính',
    ])
      expect(status).toContain(widget);
    expect(await page.locator('#NycHoTen').inputValue()).toBe('NGUYỄN THỊ MAI');
    await page.close();
    await panel.close();
  });
});

describe('a driver field that rebuilds the form (Ministry of Justice birth e-form)', () => {
  it('sets the relation first (x-radio), waits for the rebuilt blocks, then fills them (x-select included)', async () => {
    const page = await h.openPortal('https://tokhaidientu.moj.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await expect
      .poll(() => panel.locator('.role label').allTextContents())
      .toEqual(['Người yêu cầu', 'Người được khai sinh', 'Cha', 'Mẹ']);
    await pickInPanel(panel, 'tran bao an', 'Trần Bảo An');
    await panel.getByLabel('Người yêu cầu', { exact: true }).selectOption({ label: 'Nguyễn Thị Mai' });
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor({ timeout: 15_000 });
    expect(await pageModel(page)).toEqual({
      HoVaTenC: 'Nguyễn Thị Mai',
      QuanHe: 'MeDe',
      HoTenKS: 'Trần Bảo An',
      NgaySinhChon: '05/09/2026',
      DanTocKS: '01',
      HoTenChaKS: 'Trần Văn Bình',
      NamSinhChaKS: '1990',
      HoTenMeKS: 'Nguyễn Thị Mai',
      NamSinhMeKS: '1994',
    });
    await page.close();
    await panel.close();
  });
});

describe('a two-column marriage e-form classified by its site profile', () => {
  it('puts each person on their side by sex, fills split dates and x-selects, and reads what labels do not say', async () => {
    const page = await h.openPortal('https://tokhaidientu.moj.gov.vn/ket-hon/');
    const panel = await openPanel(h, page);
    await expect
      .poll(() => panel.locator('.role label').allTextContents())
      .toEqual(['Người yêu cầu', 'Bên nam', 'Bên nữ']);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    // A man picked next goes to "Bên nam", never "Bên nữ", whatever the order of the blocks.
    await pickInPanel(panel, 'tran van binh', 'Trần Văn Bình');
    expect(await panel.getByLabel('Bên nam').locator('option:checked').textContent()).toBe('Trần Văn Bình');
    expect(await panel.getByLabel('Bên nữ').locator('option:checked').textContent()).toBe('Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    expect(await pageModel(page)).toMatchObject({
      HoTenBenNu: 'Nguyễn Thị Mai',
      NgaySinhBenNu: '1994-04-12',
      DanTocBenNu: '01',
      QuocTichBenNu: 'Việt Nam',
      SoDinhDanh_BenNu: '001194000111',
      NoiCuTru_BenNu: hangBac2025,
      HoTenBenNam: 'Trần Văn Bình',
      NgaySinhBenNam: '1990-10-20',
      DanTocBenNam: '01',
      QuocTichBenNam: 'Việt Nam',
      SoDinhDanh_BenNam: '001090000222',
      NoiCuTru_BenNam: hangBac2025,
    });
    // The VNeID requester name is the same person (upper case): reported read-only, not a mismatch.
    expect((await lines(panel, 'readonly')).join(' ')).toContain('không ghi đè');
    expect(await page.locator('input[name=HoVaTenC]').inputValue()).toBe('NGUYỄN THỊ MAI');
    await page.close();
    await panel.close();
  });
});

describe('a single-page portal that swaps its steps', () => {
  it('closes the old report when the step changes and fills the next step', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/spa/');
    const panel = await openPanel(h, page);
    await expect.poll(() => panel.locator('.role label').allTextContents()).toEqual(['Người yêu cầu']);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    expect(await count(panel, 'filled')).toBe(2);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(new URL(page.url()).pathname).toBe('/spa/buoc-2');
    await expect.poll(() => panel.locator('.role label').allTextContents()).toEqual(['Người được khai sinh']);
    await expect.poll(() => panel.getByTestId('fill-summary').count()).toBe(0);
    expect(await panel.getByRole('status').allTextContents()).toContain(
      'Trang đã sang bước khác: báo cáo lần điền trước đã đóng. Chọn người cho bước này rồi điền tiếp.',
    );
    await pickInPanel(panel, 'tran bao an', 'Trần Bảo An');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await panel.getByTestId('fill-summary').waitFor();
    expect(await pageModel(page)).toEqual({
      nycHoTen: 'Nguyễn Thị Mai',
      nycSoDinhDanh: '001194000111',
      ksHoTen: 'Trần Bảo An',
      ksNgaySinh: '05/09/2026',
    });
    await page.close();
    await panel.close();
  });
});

describe('pages that are not what the filler expects', () => {
  it('lists every field of a form it has never seen as not recognised, and breaks nothing', async () => {
    const { page, panel } = await openAndFill(h, 'https://dichvucong.gov.vn/la/', [
      ['nguyen thi mai', 'Nguyễn Thị Mai'],
    ]);
    await expect.poll(() => count(panel, 'unknown')).toBe(3);
    expect(await count(panel, 'filled')).toBe(0);
    expect(await page.locator('#a').inputValue()).toBe('');
    await page.close();
    await panel.close();
  });

  it('repairs a field the page wiped after it was filled, and says so', async () => {
    const { page, panel } = await openAndFill(h, 'https://dichvucong.gov.vn/xoa-lai/', [
      ['nguyen thi mai', 'Nguyễn Thị Mai'],
    ]);
    await panel.getByTestId('fill-summary').waitFor();
    expect(await page.locator('#ht').getAttribute('data-reset')).toBe('1');
    expect(await pageModel(page)).toEqual({ hoTen: 'Nguyễn Thị Mai', soDinhDanh: '001194000111' });
    expect((await lines(panel, 'check')).join(' ')).toContain('Trang đã xoá ô này sau khi điền; đã điền lại');
    await page.close();
    await panel.close();
  });
});

describe('the filing log follows the portal to the submission', () => {
  it('records the fill as a draft, and takes the dossier code only from the page after the submission', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await pickInPanel(panel, 'tran bao an', 'Trần Bảo An');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    // The draft is written before the form; the officer submits once the report is in.
    await expect.poll(() => panel.getByTestId('filing-status').textContent()).toBe('Nháp: chờ nộp trên cổng');
    await panel.getByTestId('fill-summary').waitFor();
    // The procedure was recognised from the page.
    expect(await panel.getByLabel('Thủ tục', { exact: true }).locator('option:checked').textContent()).toBe(
      'Đăng ký khai sinh',
    );
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/da-nop\.html/);
    const code = new URL(page.url()).searchParams.get('ma')!;
    await expect
      .poll(() => panel.getByTestId('filing-status').textContent(), { timeout: 15_000 })
      .toBe(`Đã nộp — mã hồ sơ: ${code}`);
    await page.close();
    await panel.close();
  });

  it('a reload of a form that already shows a dossier code does not mark the draft submitted', async () => {
    // The confirmation page shows a code; filling there and reloading is no submission of this filing.
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/da-nop.html?ma=G22.99-261128-000777');
    const panel = await openPanel(h, page);
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.innerHTML = '<label for="x">Họ và tên</label><input id="x">';
      document.body.append(form);
    });
    await expect.poll(() => panel.locator('.role label').allTextContents()).toEqual(['Công dân']);
    await pickInPanel(panel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => panel.getByTestId('filing-status').textContent()).toBe('Nháp: chờ nộp trên cổng');
    await page.reload();
    await page.waitForTimeout(2500);
    expect(await panel.getByTestId('filing-status').textContent()).toBe('Nháp: chờ nộp trên cổng');
    await page.close();
    await panel.close();
  });
});

describe('the procedure in the panel: papers, fee, due date and the receipt slip', () => {
  it('computes the fee and the due date and prints the slip', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const p = await openPanel(h, page);
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    const { WorkCalendar, dueDate } = await import('@/utils/calendar/calendar');
    const { vnDateLong } = await import('@/utils/procedures/reception');
    const calendar = new WorkCalendar();
    // Birth registration: same day, or the next working day after 15:00 (computed now, as the panel does).
    const expectedDue = () => `Hẹn trả kết quả: ${vnDateLong(dueDate(new Date(), 0, calendar).due)}`;
    await expect.poll(async () => (await p.getByTestId('proc-due').textContent()) === expectedDue()).toBe(true);
    expect(await p.getByTestId('proc-fee').textContent()).toBe('Lệ phí: 0 đồng');
    await p.getByLabel('Tờ khai đăng ký khai sinh').check();
    await p.getByLabel('Giấy chứng sinh (hoặc văn bản của người làm chứng)').check();
    expect(await p.getByText('Còn thiếu 1 giấy tờ bắt buộc.').count()).toBe(1);

    const [slip] = await Promise.all([
      h.context.waitForEvent('page'),
      p.getByRole('button', { name: 'In giấy tiếp nhận' }).click(),
    ]);
    await slip.getByTestId('slip').waitFor();
    expect(await slip.getByTestId('slip-citizen').textContent()).toBe('Nguyễn Thị Mai');
    expect(await slip.getByTestId('slip-fee').textContent()).toBe('0 đồng');
    expect(await slip.getByTestId('slip-due').textContent()).toBe(expectedDue().replace('Hẹn trả kết quả: ', ''));
    expect(await slip.locator('ol li').allTextContents()).toEqual([
      'Tờ khai đăng ký khai sinh',
      'Giấy chứng sinh (hoặc văn bản của người làm chứng)',
    ]);
    expect(await slip.getByRole('heading', { level: 1 }).textContent()).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    // The receipt's date is Vietnam's, not UTC's (they differ from 00:00 to 07:00 in Vietnam).
    const { vnLocal } = await import('@/utils/calendar/calendar');
    expect(await slip.getByTestId('slip').textContent()).toContain(
      `ngày ${vnLocal(new Date()).iso.split('-').reverse().join('/')}`,
    );
    // The name went through session storage, never into the URL.
    expect(slip.url()).not.toContain('Mai');
    await slip.close();

    // Another procedure, picked by hand: the certified-copy fee follows pages and copies (cap per copy).
    await p.getByLabel('Thủ tục', { exact: true }).selectOption({ label: 'Chứng thực bản sao từ bản chính' });
    await p.getByLabel('Số trang').fill('3');
    await p.getByLabel('Số bản').fill('2');
    await expect.poll(() => p.getByTestId('proc-fee').textContent()).toBe('Lệ phí: 10.000 đồng');
    await p.getByLabel('Số trang').fill('300');
    await expect.poll(() => p.getByTestId('proc-fee').textContent()).toBe('Lệ phí: 400.000 đồng');
    await page.close();
    await p.close();
  });
});

describe('papers to the dossier', () => {
  it('attaches the scans on file through the portal’s own file rows, converted and compressed under 2 MB', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpDir } = await import('./harness/paths');
    const { noisePng } = await import('../fixtures/spreadsheets/make');
    mkdirSync(tmpDir, { recursive: true });
    // A 3 MB phone photo of the birth certificate for the child, a small photo of the mother's ID card.
    const photo = join(tmpDir, 'giay-chung-sinh.png');
    writeFileSync(photo, noisePng(1000, 3));
    const card = join(tmpDir, 'cccd-mai.png');
    writeFileSync(card, noisePng(300, 4));
    await records.bringToFront();
    // Unlocked again from a panel earlier: the records page follows on reload.
    await records.reload();
    for (const [query, kind, file] of [
      ['tran bao an', 'Giấy chứng sinh', photo],
      ['nguyen thi mai', 'Thẻ căn cước (mặt trước)', card],
    ] as const) {
      await records.getByRole('tab', { name: 'Công dân' }).click();
      await records.getByLabel('Tìm công dân', { exact: true }).fill(query);
      await records.getByLabel('Tìm công dân', { exact: true }).press('Enter');
      await records.getByLabel('Loại giấy tờ').selectOption({ label: kind });
      await records.getByLabel('Thêm bản quét (ảnh hoặc PDF)').setInputFiles(file);
      await expect.poll(() => records.getByText(`(${kind})`).count()).toBe(1);
      await records.keyboard.press('Escape');
    }

    // Fill the form (the filing remembers who is in which block), then the dossier step of the portal.
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const panel = await openPanel(h, page);
    await pickInPanel(panel, 'tran bao an', 'Trần Bảo An');
    await panel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => panel.getByTestId('filing-status').textContent()).toBe('Nháp: chờ nộp trên cổng');
    await panel.getByTestId('fill-summary').waitFor();
    await page.goto('https://dichvucong.gov.vn/thanh-phan-ho-so/');
    await expect
      .poll(() => panel.getByRole('region', { name: 'Thành phần hồ sơ' }).locator('li').count(), { timeout: 10_000 })
      .toBe(3);
    const chooser = { opened: false };
    page.on('filechooser', () => (chooser.opened = true));
    await panel.getByRole('button', { name: 'Đính kèm giấy tờ đã có' }).click();
    await expect
      .poll(() => panel.getByTestId('dossier-report').locator('li').allTextContents())
      .toEqual([
        expect.stringMatching(/^✗ Tờ khai đăng ký khai sinh/),
        expect.stringMatching(/^✓ Giấy chứng sinh Đã chuyển sang PDF/),
        expect.stringMatching(/^✓ Giấy tờ tùy thân của người yêu cầu/),
      ]);
    const model = await pageModel<Record<string, { name: string; size: number; type: string }>>(page);
    // The 3 MB photo went into the PDF-only row as a PDF under the portal's 2 MB limit.
    expect(model['giay-chung-sinh']).toMatchObject({ name: 'giay-chung-sinh.pdf', type: 'application/pdf' });
    expect(model['giay-chung-sinh']!.size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(model['giay-to-nyc']).toMatchObject({ name: 'cccd-mai.png', type: 'image/png' });
    expect(await page.locator('tr[data-row=giay-chung-sinh] .tep').textContent()).toBe('giay-chung-sinh.pdf');
    // No file dialog was opened on the officer's screen.
    expect(chooser.opened).toBe(false);
  });
});
