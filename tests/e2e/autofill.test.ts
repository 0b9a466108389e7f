import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { openAndFill, pageModel, pickInPanel } from './harness/panel';
import { setUpAndImport, supervisorPassphrase as passphrase } from './harness/records';

let h: Harness;
let records: Page;
let portal: Page;

const panel = () => portal.locator('motcua-panel');
const model = () => pageModel(portal);

beforeAll(async () => {
  h = await launchHarness();
  records = await setUpAndImport(h, 'family.csv', 4);
});
afterAll(async () => {
  await h?.close();
});

const pick = (query: string, name: string) => pickInPanel(panel(), query, name);

describe('filling a birth registration form from the panel', () => {
  it('shows the unlocked officer and the blocks the form asks for', async () => {
    portal = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    await expect.poll(() => panel().getByTestId('panel-officer').textContent()).toBe('Cán bộ: Trần Thị Lan');
    const roleLabels = await panel().locator('.role label').allTextContents();
    expect(roleLabels).toEqual(['Người yêu cầu', 'Người được khai sinh', 'Cha', 'Mẹ']);
  });

  it('searches without diacritics, assigns people, fills, and the page’s own model has every value', async () => {
    await pick('nguyen thi mai', 'Nguyễn Thị Mai');
    await pick('tran bao an', 'Trần Bảo An');
    await pick('Trần Văn Bình', 'Trần Văn Bình');
    expect(await panel().getByLabel('Người yêu cầu', { exact: true }).inputValue()).not.toBe('');
    await panel().getByLabel('Mẹ', { exact: true }).selectOption({ label: 'Nguyễn Thị Mai' });
    // Results never show the full ID: masked only.
    await panel().getByLabel('Tìm công dân').fill('001194000111');
    await expect.poll(() => panel().locator('.results').textContent()).toContain('0011•••••111');
    expect(await panel().locator('.results').textContent()).not.toContain('001194000111');
    await panel().getByLabel('Tìm công dân').fill('');

    await panel().getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => panel().getByTestId('fill-summary').textContent()).toBe('✓ 17 đã điền · ⚠ 0 cần xem · ✗ 0 chưa điền');
    expect(await model()).toEqual({
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
      chaNoiCuTru: 'Số 5 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội',
      meHoTen: 'Nguyễn Thị Mai',
      meNamSinh: '1994',
      meSoDinhDanh: '001194000111',
      meNoiCuTru: 'Số 5 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội',
    });
    // The page shows the report in colours.
    expect(await portal.locator('#ks-hoten').getAttribute('data-motcua-fill')).toBe('filled');
    expect(await portal.locator('#nyc-qh').getAttribute('data-motcua-fill')).toBe('filled');
  });

  it('undoes the fill', async () => {
    await panel().getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => portal.locator('#ks-hoten').inputValue()).toBe('');
    const after = await model();
    // Every field is empty again in the page's own model, except the radio the page cannot unselect — said so.
    expect(Object.entries(after).filter(([, v]) => v !== '')).toEqual([['ksGioiTinh', '1']]);
    expect(await portal.locator('#nyc-qh').inputValue()).toBe('');
    await expect.poll(() => panel().getByRole('status').allTextContents()).toContain(
      'Đã trả lại các ô như trước khi điền. Riêng Giới tính: trang không cho bỏ chọn, hãy kiểm tra lại.',
    );
    expect(await portal.locator('#ks-hoten').getAttribute('data-motcua-fill')).toBeNull();
    expect(await portal.locator('input[name=ksGioiTinh]:checked').count()).toBe(0);
  });

  it('follows the lock: the panel asks for the secret and unlocks without leaving the portal', async () => {
    await records.bringToFront();
    await records.getByRole('button', { name: /Khoá/ }).click();
    await portal.bringToFront();
    await expect.poll(() => panel().getByText('Hồ sơ đang khoá.').count(), { timeout: 10_000 }).toBe(1);
    await panel().getByLabel('Mã PIN hoặc cụm mật khẩu').fill('sai mật khẩu rồi');
    await panel().getByRole('button', { name: 'Mở khoá' }).click();
    await expect.poll(() => panel().getByRole('alert').textContent()).toContain('Sai mã PIN hoặc mật khẩu');
    await panel().getByLabel('Mã PIN hoặc cụm mật khẩu').fill(passphrase);
    await panel().getByRole('button', { name: 'Mở khoá' }).click();
    await expect.poll(() => panel().getByTestId('panel-officer').textContent(), { timeout: 10_000 }).toBe('Cán bộ: Trần Thị Lan');
  });
});

describe('filling a Ministry of Justice e-form inside a cross-origin iframe', () => {
  let page: Page;
  const frame = () => page.frameLocator('#to-khai');
  const frameModel = () =>
    pageModel(page.frames().find((f) => f.url().startsWith('https://tokhaidientu.moj.gov.vn/'))!);

  it('fills the frame from the top page’s panel, leaving the VNeID block alone', async () => {
    page = await h.openPortal('https://dichvucong.gov.vn/khai-tu/');
    const topPanel = page.locator('motcua-panel');
    await expect.poll(() => topPanel.locator('.role label').allTextContents(), { timeout: 10_000 }).toEqual(['Người yêu cầu', 'Người chết']);
    // The iframe's own content script does not draw a second panel: the top one drives it.
    expect(await frame().locator('motcua-panel').count()).toBe(0);
    await pickInPanel(topPanel, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await pickInPanel(topPanel, 'tran van binh', 'Trần Văn Bình');
    expect(await topPanel.getByLabel('Người chết').locator('option:checked').textContent()).toBe('Trần Văn Bình');

    await topPanel.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => topPanel.getByTestId('fill-summary').textContent()).toBe('✓ 4 đã điền · ⚠ 2 cần xem · ✗ 1 chưa điền');
    expect(await frameModel()).toEqual({ HoTen: 'Trần Văn Bình', NgaySinh: '1990', GioiTinh: '1', SoDinhDanh: '001090000222' });
    expect(await frame().locator('input[name=HoVaTenC]').inputValue()).toBe('NGUYỄN THỊ MAI');
    expect(await topPanel.locator('.report li[data-status=readonly]').count()).toBe(2);
    expect(await frame().locator('input[name=HoTen]').getAttribute('data-motcua-fill')).toBe('filled');
  });

  it('undoes inside the frame too', async () => {
    await page.locator('motcua-panel').getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => frame().locator('input[name=HoTen]').inputValue()).toBe('');
    expect(await frame().locator('input[name=HoTen]').getAttribute('data-motcua-fill')).toBeNull();
  });
});

describe('filling a residence form with a cascading 2025 address', () => {
  it('maps the old address to its 2025 ward and waits for the ward list to load', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/cu-tru/');
    const p = page.locator('motcua-panel');
    await expect.poll(() => p.locator('.role label').allTextContents()).toEqual(['Công dân']);
    await pickInPanel(p, 'mai 12/04/1994', 'Nguyễn Thị Mai');
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('fill-summary').textContent(), { timeout: 10_000 }).toBe('✓ 8 đã điền · ⚠ 0 cần xem · ✗ 0 chưa điền');
    const model = await pageModel(page);
    expect(model).toEqual({
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
  });
});

describe('an old ward split over several 2025 wards', () => {
  it('reports the ward for the officer, who picks it in the panel, then fills again', async () => {
    const { page, panel: p } = await openAndFill(h, 'https://dichvucong.gov.vn/cu-tru/?nodelay', [['le van khoa', 'Lê Văn Khoa']]);
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toContain('⚠ 1 cần xem');
    expect(await p.locator('.report li[data-status=check]').textContent()).toContain('Phường Ba Đình, Phường Tây Hồ');
    // A field the record does not hold is reported, not guessed.
    expect(await p.locator('.report li[data-status=missing]').textContent()).toContain('Số điện thoại');
    expect(await page.locator('#xa').inputValue()).toBe('');

    const picker = p.getByLabel('Địa chỉ của Lê Văn Khoa nay thuộc nhiều xã/phường mới: chọn một rồi bấm "Điền biểu mẫu" lại.');
    await picker.selectOption({ label: 'Phường Tây Hồ' });
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => page.locator('#xa').inputValue(), { timeout: 10_000 }).toBe('00103');
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toContain('⚠ 0 cần xem');
  });
});

describe('filling the joint (lienthong) Angular form: split names, mat-select, mat-radio, ng-select, ARIA combobox, a date format selector', () => {
  it('writes the framework state of widgets that ignore typing', async () => {
    const page = await h.openPortal('https://lienthong.dichvucong.gov.vn/khai-sinh/');
    const p = page.locator('motcua-panel');
    await expect.poll(() => p.locator('.role label').allTextContents()).toEqual(['Người yêu cầu', 'Người được khai sinh', 'Mẹ']);
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await pickInPanel(p, 'bao an', 'Trần Bảo An');
    await p.getByLabel('Mẹ', { exact: true }).selectOption({ label: 'Nguyễn Thị Mai' });
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('fill-summary').textContent(), { timeout: 10_000 }).toBe('✓ 14 đã điền · ⚠ 2 cần xem · ✗ 0 chưa điền');
    const model = await pageModel(page);
    expect(model).toEqual({
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
    expect(await p.locator('.report li[data-status=readonly]').count()).toBe(2);

    // Undo empties what it can and names the widgets whose choice only the page can take back.
    await p.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => page.locator('#Ho').inputValue()).toBe('');
    // The notice comes with the next render after the fields are back: wait for it, then read it whole.
    await expect.poll(async () => (await p.getByRole('status').allTextContents()).join(' ')).toContain('Đã trả lại các ô như trước khi điền.');
    const status = (await p.getByRole('status').allTextContents()).join(' ');
    for (const widget of ['Quan hệ với người được khai sinh', 'Dân tộc', 'Quốc tịch', 'Định dạng ngày sinh', 'Giới tính']) expect(status).toContain(widget);
    expect(await page.locator('#NycHoTen').inputValue()).toBe('NGUYỄN THỊ MAI');
  });
});

describe('a driver field that rebuilds the form (Ministry of Justice birth e-form)', () => {
  it('sets the relation first (x-radio), waits for the rebuilt blocks, then fills them (x-select included)', async () => {
    const page = await h.openPortal('https://tokhaidientu.moj.gov.vn/khai-sinh/');
    const p = page.locator('motcua-panel');
    await expect.poll(() => p.locator('.role label').allTextContents()).toEqual(['Người yêu cầu', 'Người được khai sinh', 'Cha', 'Mẹ']);
    for (const [q, name] of [['nguyen thi mai', 'Nguyễn Thị Mai'], ['tran bao an', 'Trần Bảo An'], ['tran van binh', 'Trần Văn Bình']]) {
      await pickInPanel(p, q!, name!);
    }
    await p.getByLabel('Mẹ', { exact: true }).selectOption({ label: 'Nguyễn Thị Mai' });
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('fill-summary').textContent(), { timeout: 10_000 }).toBe('✓ 9 đã điền · ⚠ 0 cần xem · ✗ 0 chưa điền');
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
  });
});

describe('a two-column marriage e-form classified by its site profile', () => {
  it('puts each person on their side by sex, fills split dates and x-selects, and reads what labels do not say', async () => {
    const page = await h.openPortal('https://tokhaidientu.moj.gov.vn/ket-hon/');
    const p = page.locator('motcua-panel');
    await expect.poll(() => p.locator('.role label').allTextContents()).toEqual(['Người yêu cầu', 'Bên nam', 'Bên nữ']);
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    // A man picked next goes to "Bên nam", never "Bên nữ", whatever the order of the blocks.
    await pickInPanel(p, 'tran van binh', 'Trần Văn Bình');
    expect(await p.getByLabel('Bên nam').locator('option:checked').textContent()).toBe('Trần Văn Bình');
    await p.getByLabel('Bên nữ').selectOption({ label: 'Nguyễn Thị Mai' });
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toBe('✓ 16 đã điền · ⚠ 1 cần xem · ✗ 0 chưa điền');
    const model = await pageModel(page);
    const hangBac = 'Số 5 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội';
    expect(model).toMatchObject({
      HoTenBenNu: 'Nguyễn Thị Mai', NgaySinhBenNu: '1994-04-12', DanTocBenNu: '01', QuocTichBenNu: 'Việt Nam', SoDinhDanh_BenNu: '001194000111', NoiCuTru_BenNu: hangBac,
      HoTenBenNam: 'Trần Văn Bình', NgaySinhBenNam: '1990-10-20', DanTocBenNam: '01', QuocTichBenNam: 'Việt Nam', SoDinhDanh_BenNam: '001090000222', NoiCuTru_BenNam: hangBac,
    });
    // The VNeID requester name is the same person (upper case): reported read-only, not a mismatch.
    expect(await p.locator('.report li[data-status=readonly]').textContent()).toContain('không ghi đè');
    expect(await page.locator('input[name=HoVaTenC]').inputValue()).toBe('NGUYỄN THỊ MAI');
  });
});

describe('a single-page portal that swaps its steps', () => {
  it('closes the old report when the step changes and fills the next step', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/spa/');
    const p = page.locator('motcua-panel');
    await expect.poll(() => p.locator('.role label').allTextContents()).toEqual(['Người yêu cầu']);
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toBe('✓ 2 đã điền · ⚠ 0 cần xem · ✗ 0 chưa điền');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    expect(new URL(page.url()).pathname).toBe('/spa/buoc-2');
    await expect.poll(() => p.locator('.role label').allTextContents()).toEqual(['Người được khai sinh']);
    expect(await p.getByTestId('fill-summary').count()).toBe(0);
    expect(await p.getByRole('status').allTextContents()).toContain('Trang đã sang bước khác: báo cáo lần điền trước đã đóng. Chọn người cho bước này rồi điền tiếp.');
    await pickInPanel(p, 'tran bao an', 'Trần Bảo An');
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toBe('✓ 2 đã điền · ⚠ 0 cần xem · ✗ 0 chưa điền');
    expect(await pageModel(page)).toEqual({
      nycHoTen: 'Nguyễn Thị Mai',
      nycSoDinhDanh: '001194000111',
      ksHoTen: 'Trần Bảo An',
      ksNgaySinh: '05/09/2026',
    });
  });
});

describe('pages that are not what the filler expects', () => {
  it('reports every unknown field of a form it has never seen, and breaks nothing', async () => {
    const { page, panel: p } = await openAndFill(h, 'https://dichvucong.gov.vn/la/', [['nguyen thi mai', 'Nguyễn Thị Mai']]);
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toBe('✓ 0 đã điền · ⚠ 0 cần xem · ✗ 3 chưa điền');
    expect(await p.locator('.report li[data-status=unknown]').allTextContents()).toHaveLength(3);
    expect(await page.locator('#a').inputValue()).toBe('');
  });

  it('repairs a field the page wiped after it was filled, and says so', async () => {
    const { page, panel: p } = await openAndFill(h, 'https://dichvucong.gov.vn/xoa-lai/', [['nguyen thi mai', 'Nguyễn Thị Mai']]);
    await expect.poll(() => p.getByTestId('fill-summary').textContent()).toBe('✓ 1 đã điền · ⚠ 1 cần xem · ✗ 0 chưa điền');
    expect(await page.locator('#ht').getAttribute('data-reset')).toBe('1');
    expect(await pageModel(page)).toEqual({
      hoTen: 'Nguyễn Thị Mai',
      soDinhDanh: '001194000111',
    });
    expect(await p.locator('.report li[data-status=check]').textContent()).toContain('Trang đã xoá ô này sau khi điền; đã điền lại');
  });
});

describe('the filing log follows the portal to the submission', () => {
  it('records the fill as a draft and reads the dossier code on the confirmation page', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const p = page.locator('motcua-panel');
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await pickInPanel(p, 'tran bao an', 'Trần Bảo An');
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('filing-status').textContent()).toBe('Nháp: chờ nộp trên cổng');
    // The procedure was recognised from the page.
    expect(await p.getByLabel('Thủ tục').locator('option:checked').textContent()).toBe('Đăng ký khai sinh');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/da-nop\.html/);
    const code = new URL(page.url()).searchParams.get('ma')!;
    await expect.poll(() => page.locator('motcua-panel').getByTestId('filing-status').textContent(), { timeout: 15_000 }).toBe(`Đã nộp — mã hồ sơ: ${code}`);
  });
});

describe('the procedure in the panel: papers, fee, due date and the receipt slip', () => {
  it('computes the fee and the due date and prints the slip', async () => {
    const page = await h.openPortal('https://dichvucong.gov.vn/khai-sinh/');
    const p = page.locator('motcua-panel');
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    const { WorkCalendar, dueDate } = await import('@/utils/calendar/calendar');
    const { vnDateLong } = await import('@/components/panel/ProcedureSection');
    const calendar = new WorkCalendar();
    // Birth registration: same day, or the next working day after 15:00 (computed now, as the panel does).
    const expectedDue = () => `Hẹn trả kết quả: ${vnDateLong(dueDate(new Date(), 0, calendar).due)}`;
    await expect.poll(async () => (await p.getByTestId('proc-due').textContent()) === expectedDue()).toBe(true);
    expect(await p.getByTestId('proc-fee').textContent()).toBe('Lệ phí: 0 đồng');
    await p.getByLabel('Tờ khai đăng ký khai sinh').check();
    await p.getByLabel('Giấy chứng sinh (hoặc văn bản của người làm chứng)').check();
    expect(await p.getByText('Còn thiếu 1 giấy tờ bắt buộc.').count()).toBe(1);

    const [slip] = await Promise.all([h.context.waitForEvent('page'), p.getByRole('button', { name: 'In giấy tiếp nhận' }).click()]);
    await slip.getByTestId('slip').waitFor();
    expect(await slip.getByTestId('slip-citizen').textContent()).toBe('Nguyễn Thị Mai');
    expect(await slip.getByTestId('slip-fee').textContent()).toBe('0 đồng');
    expect(await slip.getByTestId('slip-due').textContent()).toBe(expectedDue().replace('Hẹn trả kết quả: ', ''));
    expect(await slip.locator('ol li').allTextContents()).toEqual(['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh (hoặc văn bản của người làm chứng)']);
    expect(await slip.getByRole('heading', { level: 1 }).textContent()).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    // The receipt's date is Vietnam's, not UTC's (they differ from 00:00 to 07:00 in Vietnam).
    const { vnLocal } = await import('@/utils/calendar/calendar');
    expect(await slip.getByTestId('slip').textContent()).toContain(`ngày ${vnLocal(new Date()).iso.split('-').reverse().join('/')}`);
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
    for (const [query, kind, file] of [['tran bao an', 'Giấy chứng sinh', photo], ['nguyen thi mai', 'Thẻ căn cước (mặt trước)', card]] as const) {
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
    const p = page.locator('motcua-panel');
    await pickInPanel(p, 'nguyen thi mai', 'Nguyễn Thị Mai');
    await pickInPanel(p, 'tran bao an', 'Trần Bảo An');
    await p.getByRole('button', { name: 'Điền biểu mẫu' }).click();
    await expect.poll(() => p.getByTestId('filing-status').textContent()).toBe('Nháp: chờ nộp trên cổng');
    await page.goto('https://dichvucong.gov.vn/thanh-phan-ho-so/');
    const panel = page.locator('motcua-panel');
    await expect.poll(() => panel.getByRole('region', { name: 'Thành phần hồ sơ' }).locator('li').count()).toBe(3);
    const chooser = { opened: false };
    page.on('filechooser', () => (chooser.opened = true));
    await panel.getByRole('button', { name: 'Đính kèm giấy tờ đã có' }).click();
    await expect.poll(() => panel.getByTestId('dossier-report').locator('li').allTextContents()).toEqual([
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
