// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldForLabel, roleForHeading } from '@/utils/autofill/labels';
import { pickOption } from '@/utils/autofill/fill';
import { detectRoles, fillForm, scanForm } from '@/utils/autofill/run';
import { personSchema, type Person } from '@/utils/records/schema';
import { personInput } from '../records/helpers';

const person = (name: string, extra: Parameters<typeof personInput>[1] = {}, more: Record<string, unknown> = {}): Person =>
  personSchema.parse({ ...personInput(name, extra), ...more, id: name, createdAt: 'x', updatedAt: 'x' });
const typed = { source: 'typed', confidence: 1, at: 'x', verifiedBy: null, verifiedAt: null, notes: [] };

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('labels', () => {
  it.each([
    ['(1) Họ, chữ đệm, tên:', 'fullName'],
    ['Họ, chữ đệm và tên', 'fullName'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Năm sinh', 'birthYear'],
    ['Số định danh cá nhân/Số CCCD', 'personalId'],
    ['Giới tính', 'sex'],
    ['Dân tộc', 'ethnicity'],
    ['Nơi cư trú', 'permanentAddress'],
    ['Số điện thoại di động', 'phone'],
    ['Họ', 'familyName'],
    ['Tên', 'givenName'],
    ['Ghi chú khác', null],
    ['Mã hồ sơ nội bộ', null],
    ['Tên thủ tục', null],
  ])('%s → %s', (label, field) => {
    expect(fieldForLabel(label)).toBe(field);
  });

  it.each([
    ['THÔNG TIN NGƯỜI YÊU CẦU', 'requester'],
    ['Thông tin người được khai sinh', 'child'],
    ['Thông tin người cha', 'father'],
    ['Người mẹ', 'mother'],
    ['Bên nam', 'groom'],
    ['Bên nữ', 'bride'],
    ['Thông tin người chết', 'deceased'],
    ['Đề nghị cấp bản sao', null],
    ['II. Thông tin của cha', 'father'],
  ])('heading %s → %s', (heading, role) => {
    expect(roleForHeading(heading)).toBe(role);
  });

  it('refuses ambiguous loose option matches', () => {
    const options = ['Kinh', 'Tày', 'Hoa', 'Khác'].map((t) => ({ value: t, text: t }));
    expect(pickOption(options, 'Kinh')).toEqual({ index: 0, loose: false });
    expect(pickOption([{ value: '1', text: 'Kháng' }], 'Hán')).toBeNull();
    expect(pickOption([{ value: '01', text: 'Ê-đê' }], 'Ê Đê')).toEqual({ index: 0, loose: false });
    expect(pickOption([{ value: 'a', text: 'Mông (Hmông)' }, { value: 'b', text: 'Mông Cổ' }], 'Mông')).toBeNull();
  });
});

describe('fill a plain form', () => {
  const form = `
    <h2>Thông tin người yêu cầu</h2>
    <label for="ht">Họ, chữ đệm và tên</label><input id="ht" name="hoTen">
    <p>Số định danh cá nhân: <input name="soDinhDanh"></p>
    <h2>Thông tin người được khai sinh</h2>
    <table><tr><td>Họ, chữ đệm, tên</td><td><input name="hoTenCon"></td></tr>
    <tr><td>Ngày sinh</td><td><input name="ns-day" placeholder="Ngày"><input name="ns-month" placeholder="Tháng"><input name="ns-year" placeholder="Năm"></td></tr>
    <tr><td>Giới tính</td><td><label><input type="radio" name="gt" value="1">Nam</label><label><input type="radio" name="gt" value="2">Nữ</label></td></tr>
    <tr><td>Dân tộc</td><td><select name="dt"><option value="">-- Chọn --</option><option value="01">Kinh</option><option value="99">Khác</option></select></td></tr>
    <tr><td>Mã hồ sơ nội bộ</td><td><input name="noibo"></td></tr></table>
    <h2>Thông tin người cha</h2>
    <label>Họ và tên <input name="hoTenCha"></label>
    <label>Năm sinh <input name="namSinhCha"></label>
    <label>Số định danh <input name="cccdCha" readonly value="079090000001"></label>`;

  it('fills every block with its person, reports every field and undoes', async () => {
    document.body.innerHTML = form;
    const fields = scanForm(document);
    expect(detectRoles(fields)).toEqual(['requester', 'child', 'father']);
    const mom = person('Nguyễn Thị Mai', { pid: '001190000002' });
    const baby = person('Trần Bảo An', { dob: [5, 9, 2026] }, { sex: { value: 'Nam', prov: typed }, ethnicity: { value: 'Tày', prov: typed } });
    const dad = person('Trần Văn Bình', { dob: [1, 2, 1990], pid: '001090000001' });
    const run = await fillForm(fields, new Map([['requester', { person: mom }], ['child', { person: baby }], ['father', { person: dad }]]));

    const value = (name: string) => (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    expect(value('hoTen')).toBe('Nguyễn Thị Mai');
    expect(value('soDinhDanh')).toBe('001190000002');
    expect(value('hoTenCon')).toBe('Trần Bảo An');
    expect([value('ns-day'), value('ns-month'), value('ns-year')]).toEqual(['05', '09', '2026']);
    expect((document.querySelector('input[name=gt][value="1"]') as HTMLInputElement).checked).toBe(true);
    expect(value('dt')).toBe('99');
    expect(value('hoTenCha')).toBe('Trần Văn Bình');
    expect(value('namSinhCha')).toBe('1990');
    expect(value('cccdCha')).toBe('079090000001');

    const byStatus = (s: string) => run.report.filter((r) => r.status === s).map((r) => r.label);
    expect(byStatus('check')).toEqual(['Dân tộc']);
    expect(run.report.find((r) => r.label === 'Dân tộc')?.detail).toContain('"Khác"');
    expect(byStatus('readonly')).toHaveLength(1);
    expect(run.report.find((r) => r.status === 'readonly')?.detail).toContain('khác với hồ sơ');
    expect(byStatus('unknown')).toEqual(['Mã hồ sơ nội bộ']);
    expect(byStatus('filled')).toHaveLength(9);

    expect(run.undo()).toEqual(['Giới tính']);
    expect(value('hoTen')).toBe('');
    expect(value('ns-year')).toBe('');
    expect((document.querySelector('input[name=gt][value="1"]') as HTMLInputElement).checked).toBe(false);
    expect(value('cccdCha')).toBe('079090000001');
  });

  it('fills a one-person form without headings and dispatches the events frameworks listen for', async () => {
    document.body.innerHTML = `<label for="a">Họ và tên</label><input id="a"><label for="b">Số điện thoại</label><input id="b"><label for="c">Email</label><input id="c">`;
    const seen: string[] = [];
    document.getElementById('a')!.addEventListener('input', () => seen.push('input'));
    document.getElementById('a')!.addEventListener('change', () => seen.push('change'));
    const fields = scanForm(document);
    expect(detectRoles(fields)).toEqual(['subject']);
    const run = await fillForm(fields, new Map([['subject', { person: person('Lê Văn Tám', { phone: '0912345678' }) }]]));
    expect((document.getElementById('a') as HTMLInputElement).value).toBe('Lê Văn Tám');
    expect(seen).toEqual(['input', 'change']);
    expect(run.report.map((r) => r.status)).toEqual(['missing', 'filled', 'filled']);
  });
});

describe('a date format selector', () => {
  const form = `<label for="f">Định dạng ngày sinh</label><select id="f"><option value="DMY">Ngày/tháng/năm</option><option value="MY">Tháng/năm</option><option value="Y">Năm</option></select>
    <label for="d">Ngày sinh</label><input id="d">`;
  const yearOnly = { birthDate: { value: { year: 1955, precision: 'year' }, prov: typed } };

  it.each([
    ['a full date', person('Trần Văn Bình', { dob: [20, 10, 1990] }), 'DMY', '20/10/1990'],
    ['a year only', person('Phạm Thị Dung', {}, yearOnly), 'Y', '1955'],
  ])('is set to the precision of %s before the date', async (_, who, format, date) => {
    document.body.innerHTML = form;
    const run = await fillForm(scanForm(document), new Map([['subject', { person: who }]]));
    expect((document.getElementById('f') as HTMLSelectElement).value).toBe(format);
    expect((document.getElementById('d') as HTMLInputElement).value).toBe(date);
    expect(run.report.map((r) => [r.field, r.status])).toEqual([['dateFormat', 'filled'], ['birthDate', 'filled']]);
  });
});

describe('cascading province → ward', () => {
  const cascade = `
    <h2>Nơi thường trú</h2>
    <label for="p">Tỉnh/Thành phố</label>
    <select id="p"><option value="">-- Chọn --</option><option value="01">Thành phố Hà Nội</option><option value="79">Thành phố Hồ Chí Minh</option></select>
    <label for="w">Xã/Phường</label><select id="w" disabled><option value="">-- Chọn --</option></select>
    <label for="d">Địa chỉ chi tiết</label><input id="d">`;

  function wireCascade() {
    const province = document.getElementById('p') as HTMLSelectElement;
    const ward = document.getElementById('w') as HTMLSelectElement;
    province.addEventListener('change', () => {
      ward.disabled = true;
      while (ward.options.length > 1) ward.remove(1);
      // The ward list arrives later, as from the portal's API.
      setTimeout(() => {
        if (province.value === '01') {
          for (const [v, t] of [['00004', 'Phường Ba Đình'], ['00008', 'Phường Ngọc Hà']]) {
            const option = document.createElement('option');
            option.value = v!;
            option.textContent = t!;
            ward.append(option);
          }
        }
        ward.disabled = false;
      }, 60);
    });
  }

  const withAddress = (candidates: Array<{ wardCode: string; wardName: string }>) => ({
    person: person('Đỗ Văn Phúc', { address: 'Số 1 phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội' }),
    addresses: {
      permanentAddress: {
        candidates: candidates.map((c) => ({ provinceCode: '01', provinceName: 'Thành phố Hà Nội', partial: candidates.length > 1, ...c })),
        detail: 'Số 1 phố Quán Thánh',
        reason: null,
      },
      currentAddress: null,
    },
  });

  it('waits for the ward list its province loads, then picks the 2025 ward', async () => {
    document.body.innerHTML = cascade;
    wireCascade();
    const run = await fillForm(scanForm(document), new Map([['subject', withAddress([{ wardCode: '00004', wardName: 'Phường Ba Đình' }])]]));
    expect((document.getElementById('p') as HTMLSelectElement).value).toBe('01');
    expect((document.getElementById('w') as HTMLSelectElement).value).toBe('00004');
    expect((document.getElementById('d') as HTMLInputElement).value).toBe('Số 1 phố Quán Thánh');
    expect(run.report.filter((r) => r.field === 'province' || r.field === 'ward').map((r) => r.status)).toEqual(['filled', 'filled']);
  });

  it('leaves an old ward split over several new ones for the officer, saying which', async () => {
    document.body.innerHTML = cascade;
    wireCascade();
    const run = await fillForm(
      scanForm(document),
      new Map([['subject', withAddress([{ wardCode: '00004', wardName: 'Phường Ba Đình' }, { wardCode: '00008', wardName: 'Phường Ngọc Hà' }])]]),
    );
    expect((document.getElementById('p') as HTMLSelectElement).value).toBe('01');
    expect((document.getElementById('w') as HTMLSelectElement).value).toBe('');
    const ward = run.report.find((r) => r.field === 'ward')!;
    expect(ward.status).toBe('check');
    expect(ward.detail).toContain('Phường Ba Đình, Phường Ngọc Hà');
  });
});
