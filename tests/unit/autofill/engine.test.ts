// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { detectRoles, fillDocument, scanDocument, undoFill, type FillRun } from '@/utils/autofill/run';
import type { FormRole } from '@/utils/autofill/labels';
import type { FillPerson } from '@/utils/autofill/values';
import { personSchema, type Person } from '@/utils/records/schema';
import { personInput } from '../records/helpers';

// happy-dom lays nothing out: what the officer sees is judged here by what is hidden, not by boxes (the real
// rules run in Chromium, tests/e2e/hostile.test.ts).
vi.mock('@/utils/autofill/visibility', () => ({
  isVisibleToOfficer: (el: Element | null | undefined) =>
    Boolean(
      el?.isConnected &&
        !el.closest('[hidden], [data-test-invisible]') &&
        el.ownerDocument.defaultView?.getComputedStyle(el).display !== 'none',
    ),
}));

const typed = { source: 'typed', confidence: 1, at: 'x', verifiedBy: null, verifiedAt: null, notes: [] };
const person = (
  name: string,
  extra: Parameters<typeof personInput>[1] = {},
  more: Record<string, unknown> = {},
): Person => personSchema.parse({ ...personInput(name, extra), ...more, id: name, createdAt: 'x', updatedAt: 'x' });
const people = (entries: Array<[FormRole, Person | FillPerson]>) =>
  new Map(entries.map(([r, p]) => [r, 'person' in p ? p : { person: p }]));
const value = (selector: string) => (document.querySelector(selector) as HTMLInputElement).value;
const status = (run: FillRun, label: string) => run.report.find((r) => r.label === label);
/** ARIA radios as their library draws them: a click checks the one clicked (aria-checked), and only it. */
function checkOnClick(radios: HTMLElement[]) {
  for (const r of radios)
    r.addEventListener('click', () => {
      for (const o of radios) o.setAttribute('aria-checked', String(o === r));
    });
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('a plain form: every block with its person, every field read back and reported, undo', () => {
  const form = `
    <h2>Thông tin người yêu cầu</h2>
    <label for="ht">Họ, chữ đệm và tên <span class="required">*</span></label><input id="ht" name="hoTen">
    <p>Số định danh cá nhân: <input name="soDinhDanh"></p>
    <h2>Thông tin người được khai sinh</h2>
    <table><tr><td>Họ, chữ đệm, tên (*)</td><td><input name="hoTenCon"></td></tr>
    <tr><td>Ngày sinh</td><td><input name="ns-day" placeholder="Ngày"><input name="ns-month" placeholder="Tháng"><input name="ns-year" placeholder="Năm"></td></tr>
    <tr><td>Giới tính</td><td><label><input type="radio" name="gt" value="1">Nam</label><label><input type="radio" name="gt" value="2">Nữ</label></td></tr>
    <tr><td>Dân tộc</td><td><select name="dt"><option value="">-- Chọn --</option><option value="01">Kinh</option><option value="99">Khác</option></select></td></tr>
    <tr><td>Mã hồ sơ nội bộ</td><td><input name="noibo"></td></tr></table>
    <fieldset><legend>Thông tin người cha</legend>
    <label>Họ và tên: <input name="hoTenCha"></label>
    <label>Năm sinh <input name="namSinhCha"></label>
    <label>Số định danh <input name="cccdCha" readonly value="079090000001"></label></fieldset>`;
  const mom = person('Nguyễn Thị Mai', { pid: '001190000002' });
  const baby = person(
    'Trần Bảo An',
    { dob: [5, 9, 2026] },
    { sex: { value: 'Nam', prov: typed }, ethnicity: { value: 'Tày', prov: typed } },
  );
  const dad = person('Trần Văn Bình', { dob: [1, 2, 1990], pid: '001090000001' });

  it('fills, marks ✓ only what reads back, and says why for the rest', async () => {
    document.body.innerHTML = form;
    expect(detectRoles(scanDocument(document))).toEqual(['requester', 'child', 'father']);
    const run = await fillDocument(
      document,
      people([
        ['requester', mom],
        ['child', baby],
        ['father', dad],
      ]),
    );
    expect(value('[name=hoTen]')).toBe('Nguyễn Thị Mai');
    expect(value('[name=soDinhDanh]')).toBe('001190000002');
    expect(value('[name=hoTenCon]')).toBe('Trần Bảo An');
    expect([value('[name=ns-day]'), value('[name=ns-month]'), value('[name=ns-year]')]).toEqual(['05', '09', '2026']);
    expect((document.querySelector('input[name=gt][value="1"]') as HTMLInputElement).checked).toBe(true);
    expect(value('[name=dt]')).toBe('99');
    expect(value('[name=hoTenCha]')).toBe('Trần Văn Bình');
    expect(value('[name=namSinhCha]')).toBe('1990');
    expect(value('[name=cccdCha]')).toBe('079090000001');

    expect(status(run, 'Dân tộc')).toMatchObject({
      status: 'check',
      reason: { code: 'otherChosen', params: { wanted: 'Tày' } },
    });
    expect(run.report.filter((r) => r.status === 'readonly')).toMatchObject([{ reason: { code: 'readonlyDiffers' } }]);
    expect(run.report.filter((r) => r.status === 'unknown').map((r) => r.label)).toEqual(['Mã hồ sơ nội bộ']);
    // The split date is one control: seven fields ✓.
    expect(run.report.filter((r) => r.status === 'filled')).toHaveLength(7);
    // The officer first: what needs a look comes before what is done.
    expect(run.report[0]!.status).toBe('check');
    expect(run.report.at(-1)!.status).toBe('filled');

    expect(await undoFill(run.before)).toEqual(['Giới tính']);
    expect(value('[name=hoTen]')).toBe('');
    expect(value('[name=ns-year]')).toBe('');
    expect(value('[name=cccdCha]')).toBe('079090000001');
  });

  it('undo after a second fill goes back to before the first', async () => {
    document.body.innerHTML = form;
    (document.querySelector('[name=hoTenCon]') as HTMLInputElement).value = 'đã gõ tay';
    const first = await fillDocument(
      document,
      people([
        ['requester', mom],
        ['child', baby],
        ['father', dad],
      ]),
    );
    // The value typed before the fill is replaced, and said so.
    expect(status(first, 'Họ, chữ đệm, tên')).toMatchObject({
      status: 'check',
      reason: { code: 'replacedValue', params: { before: 'đã gõ tay' } },
    });
    const second = await fillDocument(
      document,
      people([
        ['requester', mom],
        ['child', baby],
        ['father', dad],
      ]),
      { before: first.before },
    );
    expect(status(second, 'Họ, chữ đệm, tên')?.status).toBe('filled');
    await undoFill(second.before);
    expect(value('[name=hoTenCon]')).toBe('đã gõ tay');
    expect(value('[name=hoTen]')).toBe('');
  });

  it('a field the page keeps otherwise is ✗ with what it shows, never ✓', async () => {
    document.body.innerHTML = form;
    // The page upper-cases nothing but cuts the name to ten characters, as a maxlength would.
    document.querySelector('[name=hoTenCha]')!.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      input.value = input.value.slice(0, 10);
    });
    const run = await fillDocument(
      document,
      people([
        ['requester', mom],
        ['child', baby],
        ['father', dad],
      ]),
    );
    expect(status(run, 'Họ và tên')).toMatchObject({
      status: 'mismatch',
      shown: 'Trần Văn B',
      reason: { code: 'pageShows' },
    });
  });

  it('a field the page wiped after the fill is written again, and said so', async () => {
    document.body.innerHTML = form;
    const input = document.querySelector('[name=soDinhDanh]') as HTMLInputElement;
    let wiped = false;
    input.addEventListener('change', () => {
      if (wiped) return;
      wiped = true;
      setTimeout(() => (input.value = ''), 20);
    });
    const run = await fillDocument(
      document,
      people([
        ['requester', mom],
        ['child', baby],
        ['father', dad],
      ]),
    );
    expect(input.value).toBe('001190000002');
    expect(status(run, 'Số định danh cá nhân')).toMatchObject({ status: 'check', reason: { code: 'wipedRefilled' } });
  });

  it('fills nothing the officer cannot see', async () => {
    document.body.innerHTML = `${form}<div data-test-invisible><label>Họ và tên <input name="trap"></label></div>`;
    await fillDocument(
      document,
      people([
        ['requester', mom],
        ['child', baby],
        ['father', dad],
      ]),
    );
    expect(value('[name=trap]')).toBe('');
  });
});

describe('forms without blocks, labels with required markers', () => {
  it.each([
    ['Họ *', 'Tên (*)', 'Họ, chữ đệm và tên:'],
    ['Họ (*)', 'Tên *', 'Họ và tên:'],
    ['Họ:', 'Tên:', '(1) Họ, chữ đệm, tên:'],
  ])('%s / %s / %s', async (family, given, full) => {
    document.body.innerHTML = `<label for="a">${family}</label><input id="a"><label for="b">${given}</label><input id="b"><label for="c">${full}</label><input id="c">`;
    await fillDocument(document, people([['subject', person('Lê Văn Tám')]]));
    expect([value('#a'), value('#b'), value('#c')]).toEqual(['Lê', 'Tám', 'Lê Văn Tám']);
  });

  it('one person, the events frameworks listen for', async () => {
    document.body.innerHTML = `<label for="a">Họ và tên</label><input id="a"><label for="b">Số điện thoại</label><input id="b"><label for="c">Email</label><input id="c">`;
    const seen: string[] = [];
    document.getElementById('a')!.addEventListener('input', () => seen.push('input'));
    document.getElementById('a')!.addEventListener('change', () => seen.push('change'));
    expect(detectRoles(scanDocument(document))).toEqual(['subject']);
    const run = await fillDocument(document, people([['subject', person('Lê Văn Tám', { phone: '0912345678' })]]));
    expect(value('#a')).toBe('Lê Văn Tám');
    expect(seen).toEqual(['input', 'change']);
    expect(run.report.map((r) => r.status)).toEqual(['missing', 'filled', 'filled']);
  });
});

describe('the Ministry of Justice e-form: a label before its custom element, a scope that opens the address', () => {
  it('a date in three boxes inside its wrapper is named by the text before the wrapper', async () => {
    document.body.innerHTML = `<div class="tk-col">(2) Ngày, tháng, năm sinh<span class="required">*</span>: <x-date name="NgaySinh"><div class="x-date"><input name="NgaySinh-day" placeholder="Ngày" maxlength="2"><span>/</span><input name="NgaySinh-month" placeholder="Tháng" maxlength="2"><span>/</span><input name="NgaySinh-year" placeholder="Năm" maxlength="4"><input type="hidden" name="NgaySinh"></div></x-date></div>`;
    const run = await fillDocument(document, people([['subject', person('Lê Văn Khoa', { dob: [1, 1, 1980] })]]));
    expect(['day', 'month', 'year'].map((p) => value(`[name="NgaySinh-${p}"]`))).toEqual(['01', '01', '1980']);
    expect(run.report.map((r) => [r.field, r.status])).toEqual([['birthDate', 'filled']]);
  });

  it('"Nơi cư trú: ( ) Trong nước ( ) Nước ngoài" is ticked Trong nước, and the address block it opens is filled', async () => {
    document.body.innerHTML = `<div>(7) Nơi cư trú<span class="required">*</span>:
      <x-radio name="NoiCuTru"><div class="x-radio">
      <p><input type="checkbox" id="NoiCuTru-TrongNuoc" name="NoiCuTru" value="TrongNuoc"><label for="NoiCuTru-TrongNuoc">Trong nước</label></p>
      <p><input type="checkbox" id="NoiCuTru-NuocNgoai" name="NoiCuTru" value="NuocNgoai"><label for="NoiCuTru-NuocNgoai">Nước ngoài</label></p>
      </div></x-radio></div>
      <div id="vn" hidden><label for="dc">Địa chỉ chi tiết</label><input id="dc"></div>`;
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=NoiCuTru]'))
      radio.addEventListener('change', () => {
        for (const other of document.querySelectorAll<HTMLInputElement>('input[name=NoiCuTru]'))
          if (other !== radio) other.checked = false;
        document.getElementById('vn')!.hidden = !(radio.value === 'TrongNuoc' && radio.checked);
      });
    const who: FillPerson = {
      person: person('Lê Văn Khoa', { address: 'Tổ 5, Phường Tây Hồ, Thành phố Hà Nội' }),
      addresses: {
        permanentAddress: {
          candidates: [
            {
              provinceCode: '01',
              provinceName: 'Thành phố Hà Nội',
              wardCode: '00103',
              wardName: 'Phường Tây Hồ',
              partial: false,
            },
          ],
          detail: 'Tổ 5',
          reason: null,
        },
        currentAddress: null,
      },
    };
    const run = await fillDocument(document, people([['subject', who]]));
    expect((document.querySelector('[value=TrongNuoc]') as HTMLInputElement).checked).toBe(true);
    expect(value('#dc')).toBe('Tổ 5');
    expect(run.report.map((r) => [r.label, r.status])).toEqual([
      ['Nơi cư trú', 'filled'],
      ['Địa chỉ chi tiết', 'filled'],
    ]);
  });
});

describe('a date format selector and dates in text boxes', () => {
  const form = `<label for="f">Định dạng ngày sinh</label><select id="f"><option value="DMY">Ngày/tháng/năm</option><option value="MY">Tháng/năm</option><option value="Y">Năm</option></select>
    <label for="d">Ngày sinh</label><input id="d">`;
  const yearOnly = { birthDate: { value: { year: 1955, precision: 'year' }, prov: typed } };

  it.each([
    ['a full date', person('Trần Văn Bình', { dob: [20, 10, 1990] }), 'DMY', '20/10/1990'],
    ['a year only', person('Phạm Thị Dung', {}, yearOnly), 'Y', '1955'],
  ])('is set to the precision of %s before the date', async (_, who, format, date) => {
    document.body.innerHTML = form;
    const run = await fillDocument(document, people([['subject', who]]));
    expect((document.getElementById('f') as HTMLSelectElement).value).toBe(format);
    expect(value('#d')).toBe(date);
    expect(run.report.map((r) => [r.field, r.status])).toEqual([
      ['dateFormat', 'filled'],
      ['birthDate', 'filled'],
    ]);
  });

  it.each([
    ['<input id="d" type="date">', '1990-10-20'],
    ['<input id="d" placeholder="dd/mm/yyyy">', '20/10/1990'],
    ['<input id="d" maxlength="4">', '1990'],
  ])('%s takes %s', async (input, written) => {
    document.body.innerHTML = `<label for="d">Ngày, tháng, năm sinh</label>${input}`;
    const run = await fillDocument(document, people([['subject', person('Trần Văn Bình', { dob: [20, 10, 1990] })]]));
    expect(value('#d')).toBe(written);
    expect(run.report[0]!.status).toBe('filled');
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
          for (const [v, t] of [
            ['00004', 'Phường Ba Đình'],
            ['00008', 'Phường Ngọc Hà'],
          ]) {
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

  const withAddress = (candidates: Array<{ wardCode: string; wardName: string }>): FillPerson => ({
    person: person('Đỗ Văn Phúc', { address: 'Số 1 phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội' }),
    addresses: {
      permanentAddress: {
        candidates: candidates.map((c) => ({
          provinceCode: '01',
          provinceName: 'Thành phố Hà Nội',
          partial: candidates.length > 1,
          ...c,
        })),
        detail: 'Số 1 phố Quán Thánh',
        reason: null,
      },
      currentAddress: null,
    },
  });

  it('waits for the ward list its province loads, then picks the 2025 ward', async () => {
    document.body.innerHTML = cascade;
    wireCascade();
    const run = await fillDocument(
      document,
      people([['subject', withAddress([{ wardCode: '00004', wardName: 'Phường Ba Đình' }])]]),
    );
    expect(value('#p')).toBe('01');
    expect(value('#w')).toBe('00004');
    expect(value('#d')).toBe('Số 1 phố Quán Thánh');
    expect(run.report.filter((r) => r.field === 'province' || r.field === 'ward').map((r) => r.status)).toEqual([
      'filled',
      'filled',
    ]);
  });

  it('leaves an old ward split over several new ones for the officer, counted as needing a look', async () => {
    document.body.innerHTML = cascade;
    wireCascade();
    const run = await fillDocument(
      document,
      people([
        [
          'subject',
          withAddress([
            { wardCode: '00004', wardName: 'Phường Ba Đình' },
            { wardCode: '00008', wardName: 'Phường Ngọc Hà' },
          ]),
        ],
      ]),
    );
    expect(value('#p')).toBe('01');
    expect(value('#w')).toBe('');
    expect(run.report.find((r) => r.field === 'ward')).toMatchObject({
      status: 'check',
      reason: { code: 'ambiguousWard', params: { wards: 'Phường Ba Đình, Phường Ngọc Hà' } },
    });
  });

  it('a ward the 2025 list does not hold is left for the officer, saying why in the panel’s language', async () => {
    document.body.innerHTML = cascade;
    wireCascade();
    const who = withAddress([]);
    who.addresses!.permanentAddress!.reason = {
      code: 'wardNotFound',
      params: { ward: 'Phường Không Có', provinces: 'Thành phố Hà Nội' },
    };
    const run = await fillDocument(document, people([['subject', who]]));
    expect(value('#w')).toBe('');
    expect(run.report.find((r) => r.field === 'ward')).toMatchObject({
      reason: { code: 'wardNotFound', params: { ward: 'Phường Không Có', provinces: 'Thành phố Hà Nội' } },
    });
  });

  it('a free-text residence holds the 2025 address, not the old one', async () => {
    document.body.innerHTML = `<label for="r">Nơi cư trú</label><input id="r">`;
    await fillDocument(
      document,
      people([['subject', withAddress([{ wardCode: '00004', wardName: 'Phường Ba Đình' }])]]),
    );
    expect(value('#r')).toBe('Số 1 phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội');
  });

  it('a place the records do not hold (the residence applied for) is not filled with the person’s own', async () => {
    document.body.innerHTML = `<fieldset><legend>Nơi đề nghị đăng ký thường trú</legend>${cascade.replace('<h2>Nơi thường trú</h2>', '')}</fieldset>`;
    wireCascade();
    await fillDocument(
      document,
      people([['subject', withAddress([{ wardCode: '00004', wardName: 'Phường Ba Đình' }])]]),
    );
    expect(value('#p')).toBe('');
    expect(value('#d')).toBe('');
  });
});

describe('blocks under fieldset legends: the right address in the right block', () => {
  it('the deceased’s last residence and the requester’s residence each get their own person’s', async () => {
    document.body.innerHTML = `
      <fieldset><legend>Thông tin người yêu cầu</legend>
        <label for="a">Họ và tên</label><input id="a">
        <fieldset><legend>Nơi cư trú</legend><label for="a2">Địa chỉ chi tiết</label><input id="a2"></fieldset>
      </fieldset>
      <fieldset><legend>Thông tin người đã mất</legend>
        <label for="b">Họ và tên</label><input id="b">
        <fieldset><legend>Nơi cư trú cuối cùng</legend><label for="b2">Địa chỉ chi tiết</label><input id="b2"></fieldset>
      </fieldset>`;
    const at = (name: string, detail: string): FillPerson => ({
      person: person(name),
      addresses: {
        permanentAddress: {
          candidates: [
            {
              provinceCode: '04',
              provinceName: 'Tỉnh Cao Bằng',
              wardCode: '01351',
              wardName: 'Xã Hưng Đạo',
              partial: false,
            },
          ],
          detail,
          reason: null,
        },
        currentAddress: null,
      },
    });
    expect(detectRoles(scanDocument(document))).toEqual(['requester', 'deceased']);
    await fillDocument(
      document,
      people([
        ['requester', at('Trần Văn Bình', 'Số 5 phố Hàng Bạc')],
        ['deceased', at('Hoàng Văn Hùng', 'Xóm 2')],
      ]),
    );
    expect([value('#a'), value('#a2'), value('#b'), value('#b2')]).toEqual([
      'Trần Văn Bình',
      'Số 5 phố Hàng Bạc',
      'Hoàng Văn Hùng',
      'Xóm 2',
    ]);
  });

  it('CT01: the declarant and the household head are two blocks', async () => {
    document.body.innerHTML = `
      <h3>Thông tin người kê khai</h3><label for="a">Họ, chữ đệm và tên</label><input id="a">
      <h3>Thông tin chủ hộ</h3><label for="b">Họ tên chủ hộ</label><input id="b">`;
    expect(detectRoles(scanDocument(document))).toEqual(['declarant', 'householdHead']);
    await fillDocument(
      document,
      people([
        ['declarant', person("H'Lan Niê")],
        ['householdHead', person('Lê Văn Khoa')],
      ]),
    );
    expect([value('#a'), value('#b')]).toEqual(["H'Lan Niê", 'Lê Văn Khoa']);
  });

  it('CT01: "Quan hệ với chủ hộ" in the head’s block is the declarant’s, left to the officer when not the head', async () => {
    const form = `
      <h3>Thông tin người kê khai</h3><label for="a">Họ, chữ đệm và tên</label><input id="a">
      <h3>Thông tin chủ hộ</h3><label for="b">Họ tên chủ hộ</label><input id="b">
      <label for="q">Quan hệ với chủ hộ</label><select id="q"><option value="">-- Chọn --</option><option value="CH">Chủ hộ</option><option value="VO">Vợ</option></select>`;
    document.body.innerHTML = form;
    const run = await fillDocument(
      document,
      people([
        ['declarant', person("H'Lan Niê")],
        ['householdHead', person('Lê Văn Khoa')],
      ]),
    );
    expect(value('#q')).toBe('');
    expect(run.report.find((r) => r.label === 'Quan hệ với chủ hộ')?.status).toBe('check');
    document.body.innerHTML = form;
    const khoa = person('Lê Văn Khoa');
    await fillDocument(
      document,
      people([
        ['declarant', khoa],
        ['householdHead', khoa],
      ]),
    );
    expect(value('#q')).toBe('CH');
  });
});

describe('an autocomplete that filters by the letters typed and shows nothing before typing', () => {
  it('finds "Ê-đê" for the record’s "Ê Đê" by its longest word', async () => {
    document.body.innerHTML = `<div class="field"><label for="dt">Dân tộc</label>
      <div class="ac"><input id="dt" role="combobox" aria-controls="dt-list" aria-expanded="false"><ul id="dt-list" role="listbox"></ul></div></div>`;
    const input = document.getElementById('dt') as HTMLInputElement;
    const list = document.getElementById('dt-list')!;
    const render = () => {
      const typed = input.value.toLowerCase();
      list.innerHTML = '';
      input.setAttribute('aria-expanded', String(Boolean(typed)));
      if (!typed) return;
      for (const [code, name] of [
        ['01', 'Kinh'],
        ['12', 'Ê-đê'],
        ['13', 'Ba-na'],
      ]) {
        if (!name!.toLowerCase().includes(typed)) continue;
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.dataset.value = code;
        li.textContent = name!;
        li.addEventListener('click', () => {
          input.value = name!;
          list.innerHTML = '';
        });
        list.append(li);
      }
    };
    input.addEventListener('input', render);
    const hlan = person("H'Lan Niê", {}, { ethnicity: { value: 'Ê Đê', prov: typed } });
    const run = await fillDocument(document, people([['subject', hlan]]), { listTimeoutMs: 300 });
    expect(input.value).toBe('Ê-đê');
    expect(run.report.find((r) => r.label === 'Dân tộc')?.status).toBe('filled');
  });
});

describe('a combobox inside another (Vuetify marks its field and the input in it)', () => {
  it('is the inner input its label names, filled from the list it opens', async () => {
    document.body.innerHTML = `<div class="v-input"><div class="v-field" role="combobox" aria-haspopup="menu" aria-controls="m">
      <label for="qt">Quốc tịch *</label><input id="qt" role="combobox" aria-controls="m"></div></div>
      <div id="m" role="listbox" hidden><div role="option" data-value="VN">Việt Nam</div><div role="option" data-value="LA">Lào</div></div>`;
    const input = document.getElementById('qt') as HTMLInputElement;
    const menu = document.getElementById('m')!;
    input.addEventListener('keydown', () => {
      menu.hidden = false;
    });
    for (const option of menu.querySelectorAll<HTMLElement>('[role=option]'))
      option.addEventListener('click', () => {
        input.value = option.textContent ?? '';
        menu.hidden = true;
      });
    const khoa = person('Lê Văn Khoa', {}, { nationality: { value: 'Việt Nam', prov: typed } });
    const run = await fillDocument(document, people([['subject', khoa]]), { listTimeoutMs: 300 });
    expect(input.value).toBe('Việt Nam');
    expect(run.report.map((r) => [r.label, r.field, r.status])).toEqual([['Quốc tịch', 'nationality', 'filled']]);
  });
});

describe('an empty select-only combobox that draws a zero-width space (MUI Select)', () => {
  it('holds nothing before the fill: no "replaced value" is said', async () => {
    document.body.innerHTML = `<div class="f"><label id="gl">Giới tính</label>
      <div role="combobox" aria-labelledby="gl" aria-controls="gm" tabindex="0"><span>\u200b</span></div><input type="hidden" name="gt" value=""></div>
      <ul id="gm" role="listbox" hidden><li role="option" data-value="1">Nam</li><li role="option" data-value="2">Nữ</li></ul>`;
    const box = document.querySelector<HTMLElement>('[role=combobox]')!;
    const menu = document.getElementById('gm')!;
    box.addEventListener('click', () => {
      menu.hidden = false;
    });
    for (const option of menu.querySelectorAll<HTMLElement>('[role=option]'))
      option.addEventListener('click', () => {
        box.textContent = option.textContent;
        document.querySelector<HTMLInputElement>('[name=gt]')!.value = option.dataset.value!;
        menu.hidden = true;
      });
    const hlan = person("H'Lan Niê", {}, { sex: { value: 'Nữ', prov: typed } });
    const run = await fillDocument(document, people([['subject', hlan]]), { listTimeoutMs: 300 });
    expect(box.textContent).toBe('Nữ');
    expect(run.report.map((r) => [r.label, r.status, r.reason?.code ?? null])).toEqual([['Giới tính', 'filled', null]]);
  });
});

describe('a button with aria-haspopup=listbox and its list of options', () => {
  it('is opened, the option clicked, the code kept in its hidden input read back', async () => {
    document.body.innerHTML = `
      <label id="l">Giới tính</label>
      <div class="dd"><button type="button" aria-haspopup="listbox" aria-labelledby="l" aria-expanded="false">-- Chọn --</button><input type="hidden" name="gioiTinh" value=""></div>`;
    const button = document.querySelector('button')!;
    const hidden = document.querySelector<HTMLInputElement>('input[name=gioiTinh]')!;
    button.addEventListener('click', () => {
      if (document.querySelector('ul')) return;
      button.setAttribute('aria-expanded', 'true');
      const list = document.createElement('ul');
      list.setAttribute('role', 'listbox');
      for (const [v, t] of [
        ['1', 'Nam'],
        ['2', 'Nữ'],
      ]) {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.dataset.value = v;
        li.textContent = t!;
        li.addEventListener('click', () => {
          hidden.value = v!;
          button.textContent = t!;
          list.remove();
        });
        list.append(li);
      }
      button.parentElement!.append(list);
    });
    const run = await fillDocument(
      document,
      people([['subject', person('Nguyễn Thị Mai', {}, { sex: { value: 'Nữ', prov: typed } })]]),
    );
    expect(hidden.value).toBe('2');
    expect(run.report).toMatchObject([{ label: 'Giới tính', status: 'filled', adapter: 'listbox-button' }]);
  });
});

describe('the Ministry of Justice x-select, searched down to one option', () => {
  it('clicks the option, not the box that holds it (whose text is then the option’s too)', async () => {
    document.body.innerHTML = `<div>Dân tộc: <x-select name="DanToc"><div class="x-select-header">-- Chọn --</div></x-select></div>`;
    const select = document.querySelector('x-select')!;
    const header = select.querySelector<HTMLElement>('.x-select-header')!;
    let chosen = '';
    header.addEventListener('click', () => {
      if (select.querySelector('.x-select-options')) return;
      const box = document.createElement('div');
      box.className = 'x-select-options';
      const search = document.createElement('input');
      search.placeholder = 'Tìm kiếm...';
      const list = document.createElement('div');
      box.append(search, list);
      const draw = () => {
        list.innerHTML = '';
        for (const [v, t] of [
          ['01', 'Kinh'],
          ['02', 'Tày'],
          ['04', 'Hoa'],
        ].filter(([, t]) => t!.includes(search.value))) {
          const option = document.createElement('div');
          option.className = 'x-select-option';
          option.dataset.value = v!;
          option.textContent = t!;
          option.addEventListener('click', (e) => {
            e.stopPropagation();
            chosen = v!;
            header.textContent = t!;
            box.remove();
          });
          list.append(option);
        }
      };
      search.addEventListener('input', draw);
      draw();
      select.append(box);
    });
    const run = await fillDocument(
      document,
      people([['subject', person('Lò Văn Páo', {}, { ethnicity: { value: 'Tày', prov: typed } })]]),
    );
    expect(chosen).toBe('02');
    expect(run.report).toMatchObject([{ label: 'Dân tộc', status: 'filled', adapter: 'x-select' }]);
  });
});

describe('Element Plus (el-select, el-date-picker), as its own DOM draws them', () => {
  /** An el-select: the input stays empty, the choice shows in a sibling; the placeholder there is faded. */
  function elSelect(id: string, placeholder: string, options: Array<[string, string]>, label?: string) {
    return `<div class="el-form-item">${label ? `<label for="${id}" class="el-form-item__label">${label}</label>` : ''}
      <div class="el-form-item__content"><div class="el-select"><div class="el-select__wrapper"><div class="el-select__selection">
      <div class="el-select__selected-item el-select__input-wrapper"><input type="text" class="el-select__input" role="combobox"
        aria-haspopup="listbox" aria-expanded="false" aria-controls="${id}-list" id="${id}" value=""></div>
      <div class="el-select__selected-item el-select__placeholder is-transparent"><span>${placeholder}</span></div></div></div></div>
      <ul role="listbox" id="${id}-list" hidden>${options.map(([v, t]) => `<li role="option" data-value="${v}">${t}</li>`).join('')}</ul>
      </div></div>`;
  }
  function wire(id: string, model: Record<string, string>) {
    const input = document.getElementById(id) as HTMLInputElement;
    const list = document.getElementById(`${id}-list`)!;
    const shown = input.closest('.el-select__selection')!.querySelector('.el-select__placeholder')!;
    const open = () => {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    input.addEventListener('click', open);
    input.addEventListener('keydown', (e) => e.key === 'ArrowDown' && open());
    for (const li of list.querySelectorAll('li'))
      li.addEventListener('click', () => {
        model[id] = li.dataset.value!;
        shown.classList.remove('is-transparent');
        shown.querySelector('span')!.textContent = li.textContent;
        list.hidden = true;
        input.setAttribute('aria-expanded', 'false');
      });
  }

  it('picks an el-select’s option and reads the choice back from where it shows; a field named only by its placeholder is found', async () => {
    document.body.innerHTML = `<h3>Thông tin bên nữ</h3>
      ${elSelect(
        'benNuDanToc',
        'Chọn dân tộc',
        [
          ['01', 'Kinh'],
          ['02', 'Tày'],
        ],
        'Dân tộc',
      )}
      ${elSelect('benNuTinh', 'Tỉnh/Thành phố', [
        ['01', 'Thành phố Hà Nội'],
        ['79', 'Thành phố Hồ Chí Minh'],
      ])}`;
    const model: Record<string, string> = {};
    wire('benNuDanToc', model);
    wire('benNuTinh', model);
    const lan = person(
      "H'Lan Niê",
      {},
      {
        ethnicity: { value: 'Kinh', prov: typed },
      },
    );
    const run = await fillDocument(document, people([['bride', lan]]));
    expect(model.benNuDanToc).toBe('01');
    expect(status(run, 'Dân tộc')).toMatchObject({ status: 'filled' });
    // Unlabelled: named by the placeholder its widget draws beside the input.
    expect(run.report.find((r) => r.label === 'Tỉnh/Thành phố')).toBeDefined();
  });

  it('an el-date-picker (a combobox whose popup is a dialog) is typed as a date, not opened as a list', async () => {
    document.body.innerHTML = `<h3>Thông tin bên nữ</h3><div class="el-form-item"><label for="d" class="el-form-item__label">Ngày, tháng, năm sinh</label>
      <div class="el-form-item__content"><div class="el-input el-date-editor"><div class="el-input__wrapper">
      <input class="el-input__inner" aria-haspopup="dialog" aria-expanded="false" type="text" placeholder="dd/mm/yyyy" role="combobox" id="d">
      </div></div></div></div>`;
    const run = await fillDocument(
      document,
      people([
        [
          'bride',
          person(
            "H'Lan Niê",
            {},
            { birthDate: { value: { day: 12, month: 4, year: 1994, precision: 'day' }, prov: typed } },
          ),
        ],
      ]),
    );
    expect(value('#d')).toBe('12/04/1994');
    expect(status(run, 'Ngày, tháng, năm sinh')).toMatchObject({ status: 'filled' });
  });
});

describe('what was already on the page, and a form with nothing recognised', () => {
  const mai = person('Nguyễn Thị Mai', { pid: '001194000111' });

  it('a field already holding the record’s value is kept and said so; a read-only one stays read-only', async () => {
    document.body.innerHTML = `<h2>Thông tin người yêu cầu</h2>
      <label for="a">Họ và tên</label><input id="a" name="hoTen" value="NGUYỄN THỊ MAI" readonly>
      <label for="b">Số định danh cá nhân</label><input id="b" name="soDinhDanh" value="001194000111">`;
    const run = await fillDocument(document, people([['requester', mai]]));
    expect(status(run, 'Họ và tên')).toMatchObject({ status: 'readonly', reason: { code: 'readonly' } });
    expect(status(run, 'Số định danh cá nhân')).toMatchObject({ status: 'filled', reason: { code: 'alreadyThere' } });
  });

  it('a read-only block with nobody picked for it is read-only, not a field left unfilled', async () => {
    document.body.innerHTML = `<h2>Thông tin người yêu cầu</h2>
      <label for="a">Họ và tên</label><input id="a" name="hoTen" value="NGUYỄN THỊ MAI" readonly>
      <h2>Thông tin bên nữ</h2><label for="b">Họ và tên</label><input id="b" name="hoTenBenNu">`;
    const run = await fillDocument(document, people([['bride', mai]]));
    expect(run.report.map((r) => [r.label, r.status, r.reason?.code ?? null])).toEqual([
      ['Họ và tên', 'readonly', 'readonly'],
      ['Họ và tên', 'filled', null],
    ]);
  });

  it('lists every field of its main form as not recognised and writes none, when none is recognised', async () => {
    document.body.innerHTML = `<form role="search"><input name="q" aria-label="Tìm kiếm"></form>
      <form><label for="a">Mã số phiếu</label><input id="a" name="maPhieu">
      <label for="b">Đánh giá (1–5)</label><select id="b" name="danhGia"><option>1</option><option>5</option></select>
      <label for="c">Góp ý</label><textarea id="c" name="gopY"></textarea></form>`;
    const run = await fillDocument(document, people([['subject', mai]]));
    expect(run.report.map((r) => [r.label, r.status])).toEqual([
      ['Mã số phiếu', 'unknown'],
      ['Đánh giá', 'unknown'],
      ['Góp ý', 'unknown'],
    ]);
    expect(value('[name=maPhieu]')).toBe('');
  });
});

describe('Quasar, as its q-field and QOptionGroup draw a form', () => {
  it('an ARIA radio group (aria-checked, an unnamed input never checked) is chosen by clicking the radio and read back; a wrapping q-field label names the field without its icon or value', async () => {
    document.body.innerHTML = `
      <label class="q-field"><div class="q-field__control"><div class="q-field__label">Số điện thoại</div>
        <input class="q-field__native" aria-label="Số điện thoại"><i aria-hidden="true" class="q-icon material-icons">phone</i></div></label>
      <div>Giới tính</div>
      <div class="q-option-group" role="radiogroup">
        <div class="q-radio" role="radio" aria-label="Nam" aria-checked="false" tabindex="0"><div aria-hidden="true"><input class="hidden" type="radio"></div><div>Nam</div></div>
        <div class="q-radio" role="radio" aria-label="Nữ" aria-checked="false" tabindex="0"><div aria-hidden="true"><input class="hidden" type="radio"></div><div>Nữ</div></div>
      </div>`;
    const radios = [...document.querySelectorAll<HTMLElement>('[role=radio]')];
    checkOnClick(radios);
    const run = await fillDocument(
      document,
      people([['subject', person('Nguyễn Thị Mai', { phone: '0912345678' }, { sex: { value: 'Nữ', prov: typed } })]]),
    );
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(['false', 'true']);
    expect(run.report).toMatchObject(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Giới tính', status: 'filled', adapter: 'radio' }),
        expect.objectContaining({ label: 'Số điện thoại', status: 'filled' }),
      ]),
    );
  });
});

describe('Quasar QSelect without filtering', () => {
  it('its transparent focus target inside the field it draws is a combobox to fill, listed under its own label; a read-only one the portal set is not listed', async () => {
    document.body.innerHTML = `
      <h6>Bên nữ</h6>
      <label class="q-field q-select" for="cq"><div class="q-field__control"><div class="q-field__label">Cơ quan thực hiện</div>
        <div class="q-field__native"><span class="ellipsis">UBND Phường Hoa Lư</span>
        <input class="q-select__focus-target" readonly role="combobox" aria-label="Cơ quan thực hiện" aria-readonly="true" id="cq" value="UBND Phường Hoa Lư" data-test-invisible></div></div></label>
      <label class="q-field q-select" for="qt"><div class="q-field__control"><div class="q-field__label">Quốc tịch *</div>
        <div class="q-field__native"><span class="ellipsis"></span>
        <input class="q-select__focus-target" readonly tabindex="0" role="combobox" aria-label="Quốc tịch *" aria-readonly="false" aria-expanded="false" id="qt" value="" data-test-invisible></div></div>
        <i aria-hidden="true" class="material-icons">arrow_drop_down</i></label>`;
    const run = await fillDocument(document, people([]));
    expect(run.report.map((r) => [r.label, r.adapter])).toEqual([['Quốc tịch', 'aria-combobox']]);
  });
});

describe('Quasar cards', () => {
  it('a card whose first section holds a .text-h6 title names the block of the fields below it', () => {
    const card = (title: string, id: string) => `
      <div class="q-card"><div class="q-card__section bg-primary"><div class="text-h6">${title}</div></div>
        <div class="q-card__section"><div class="row"><div class="col"><label class="q-field" for="${id}">
          <div class="q-field__label">Họ, chữ đệm, tên *</div><input id="${id}" aria-label="Họ, chữ đệm, tên *"></label></div></div></div></div>`;
    document.body.innerHTML = card('Bên nữ', 'a') + card('Bên nam', 'b');
    expect(detectRoles(scanDocument(document))).toEqual(['bride', 'groom']);
  });
});

describe('a radio group whose question leads its own box', () => {
  it('is named by the text before its first option (Bootstrap form-check-inline under a span)', async () => {
    document.body.innerHTML = `
      <div class="col-md-3"><span class="form-label d-block">Giới tính <span class="text-danger">(*)</span></span>
        <div class="form-check form-check-inline"><input class="form-check-input" type="radio" id="g1" name="NguoiDuocKhaiSinh.GioiTinh" value="1"><label class="form-check-label" for="g1">Nam</label></div>
        <div class="form-check form-check-inline"><input class="form-check-input" type="radio" id="g2" name="NguoiDuocKhaiSinh.GioiTinh" value="2"><label class="form-check-label" for="g2">Nữ</label></div></div>`;
    const run = await fillDocument(
      document,
      people([['subject', person('Trần Bảo An', {}, { sex: { value: 'Nam', prov: typed } })]]),
    );
    expect((document.getElementById('g1') as HTMLInputElement).checked).toBe(true);
    expect(run.report).toMatchObject([{ label: 'Giới tính', status: 'filled', adapter: 'radio' }]);
  });
});

describe('a plain label with a part of its own classed as a label', () => {
  it('keeps its whole text as the name (the inner label element counts only in a label that wraps a widget)', async () => {
    document.body.innerHTML = `<label for="ht" class="form-label">Họ và tên <span class="label-note">khai sinh</span></label><input id="ht">`;
    const run = await fillDocument(document, people([['subject', person('Nguyễn Thị Mai')]]));
    expect(run.report).toMatchObject([{ label: 'Họ và tên khai sinh', status: 'filled' }]);
  });
});

describe('a list that has loaded without the value', () => {
  it('is given up once its options stop changing, not after the whole list timeout', async () => {
    document.body.innerHTML = `
      <label id="l">Dân tộc</label>
      <div class="dd"><button type="button" aria-haspopup="listbox" aria-labelledby="l" aria-expanded="false">-- Chọn --</button></div>`;
    const button = document.querySelector('button')!;
    button.addEventListener('click', () => {
      if (document.querySelector('ul')) return;
      const list = document.createElement('ul');
      list.setAttribute('role', 'listbox');
      for (const t of ['Kinh', 'Tày', 'Thái']) {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.textContent = t;
        list.append(li);
      }
      button.parentElement!.append(list);
    });
    // A minute to load: a fill that waited it out would outlast this test's own timeout.
    const run = await fillDocument(
      document,
      people([['subject', person('H’Lan Niê', {}, { ethnicity: { value: 'Ê Đê', prov: typed } })]]),
      { listTimeoutMs: 60_000 },
    );
    expect(run.report).toMatchObject([{ label: 'Dân tộc', status: 'failed' }]);
  }, 8_000);
});

describe('PrimeVue’s AutoComplete with its dropdown button, its list appended to the body', () => {
  const form = `
    <h3>Thông tin người yêu cầu</h3>
    <label for="ht">Họ, chữ đệm và tên:</label><input id="ht">
    <h3>Thông tin người chết</h3>
    <div class="field"><label for="qt">Quốc tịch *</label>
      <div class="p-autocomplete"><input id="qt" role="combobox" aria-haspopup="listbox" aria-autocomplete="list" aria-expanded="false">
        <button type="button" class="p-autocomplete-dropdown" aria-haspopup="listbox" aria-expanded="false" aria-controls="qt_panel"></button></div></div>`;
  const nations = ['Việt Nam', 'Lào', 'Campuchia'];

  /** The documented behaviour: the button or typing shows the suggestions in an overlay on the body. */
  function wire() {
    const input = document.getElementById('qt') as HTMLInputElement;
    const button = document.querySelector<HTMLButtonElement>('.p-autocomplete-dropdown')!;
    const show = (query: string) => {
      document.getElementById('qt_panel')?.remove();
      const panel = document.createElement('div');
      panel.id = 'qt_panel';
      const list = document.createElement('ul');
      list.setAttribute('role', 'listbox');
      for (const n of nations.filter((x) => x.toLowerCase().includes(query.toLowerCase()))) {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.textContent = n;
        li.addEventListener('click', () => {
          input.value = n;
          panel.remove();
          input.setAttribute('aria-expanded', 'false');
        });
        list.append(li);
      }
      panel.append(list);
      document.body.append(panel);
      input.setAttribute('aria-expanded', 'true');
      input.setAttribute('aria-controls', 'qt_panel');
    };
    button.addEventListener('click', () => show(''));
    input.addEventListener('input', () => show(input.value));
    input.addEventListener('keydown', (e) => e.key === 'ArrowDown' && show(input.value));
  }

  it('is one field, chosen through its own input: the page’s other fields get no keystroke', async () => {
    document.body.innerHTML = form;
    wire();
    const run = await fillDocument(
      document,
      people([
        ['requester', person('Lê Văn Khoa')],
        ['deceased', person('Hoàng Văn Hùng', {}, { nationality: { value: 'Việt Nam', prov: typed } })],
      ]),
    );
    expect(value('#ht')).toBe('Lê Văn Khoa');
    expect(value('#qt')).toBe('Việt Nam');
    expect(run.report.filter((r) => r.label === 'Quốc tịch').map((r) => [r.adapter, r.status])).toEqual([
      ['aria-combobox', 'filled'],
    ]);
  });

  it('a popup on the body offers no search box from the page’s own fields', async () => {
    const { searchBoxOf } = await import('@/utils/autofill/adapters/aria-combobox');
    document.body.innerHTML = `<input id="ht"><button aria-haspopup="listbox" id="b"></button><div id="p"><ul role="listbox"></ul></div>`;
    expect(searchBoxOf(document.querySelector('ul'), document.getElementById('b')!)).toBeNull();
    document.body.innerHTML = `<button aria-haspopup="listbox" id="b"></button><div id="p"><div class="head"><input id="f"></div><div><ul role="listbox"></ul></div></div>`;
    expect(searchBoxOf(document.querySelector('ul'), document.getElementById('b')!)?.id).toBe('f');
  });
});

describe('PrimeReact’s Dropdown: a read-only input kept visually hidden beside the button it draws', () => {
  // As PrimeReact 10 renders it: the label names the hidden input, the button carries the placeholder as its name,
  // the choice shows in a span, the list (with its filter box) opens on the body from the button.
  const form = `
    <h3>Thông tin người mẹ</h3>
    <label for="dt">Dân tộc *</label>
    <div class="p-dropdown">
      <div class="p-hidden-accessible" data-test-invisible><input id="dt" readonly aria-haspopup="listbox"></div>
      <div class="p-hidden-accessible" data-test-invisible><select tabindex="-1"><option value="">-- Chọn dân tộc --</option></select></div>
      <span class="p-dropdown-label">-- Chọn dân tộc --</span>
      <div class="p-dropdown-trigger" role="button" aria-haspopup="listbox" aria-expanded="false" aria-label="-- Chọn dân tộc --"></div>
    </div>`;
  const nations = ['Kinh', 'Tày', 'Thái'];
  let model = '';

  function wire() {
    const root = document.querySelector<HTMLElement>('.p-dropdown')!;
    const trigger = document.querySelector<HTMLElement>('.p-dropdown-trigger')!;
    const label = document.querySelector<HTMLElement>('.p-dropdown-label')!;
    const hidden = root.querySelector('select')!;
    const close = () => {
      document.getElementById('dt_panel')?.remove();
      trigger.setAttribute('aria-expanded', 'false');
    };
    const show = () => {
      const panel = document.createElement('div');
      panel.id = 'dt_panel';
      panel.innerHTML =
        '<div class="p-dropdown-header"><input class="p-dropdown-filter"></div><div><ul role="listbox"></ul></div>';
      const list = panel.querySelector('ul')!;
      const draw = (query: string) => {
        list.replaceChildren();
        for (const n of nations.filter((x) => x.toLowerCase().includes(query.toLowerCase()))) {
          const li = document.createElement('li');
          li.setAttribute('role', 'option');
          li.textContent = n;
          li.addEventListener('click', () => {
            model = n;
            label.textContent = n;
            hidden.innerHTML = `<option value="${n}" selected>${n}</option>`;
            close();
          });
          list.append(li);
        }
      };
      draw('');
      const filter = panel.querySelector('input')!;
      filter.addEventListener('input', () => draw(filter.value));
      document.body.append(panel);
      trigger.setAttribute('aria-expanded', 'true');
    };
    root.addEventListener('click', () => (document.getElementById('dt_panel') ? close() : show()));
  }

  it('is one field under its label, chosen from the list its button opens and read back from what it shows', async () => {
    document.body.innerHTML = form;
    model = '';
    wire();
    const run = await fillDocument(
      document,
      people([['mother', person('Nguyễn Thị Mai', {}, { ethnicity: { value: 'Tày', prov: typed } })]]),
    );
    expect(model).toBe('Tày');
    // Before, the button was a field of its own, named by its placeholder, and reported wrong ("—").
    expect(run.report.map((r) => [r.label, r.status])).toContainEqual(['Dân tộc', 'filled']);
    expect(run.report.some((r) => /Chọn dân tộc/.test(r.label))).toBe(false);
  });
});

describe('a dropdown a script draws over a hidden control it keeps, with no ARIA (Fomantic-UI, Chosen)', () => {
  const form = (extra = '') => `
    <h3>Thông tin người kê khai</h3>
    <div class="field"><label>Giới tính</label>
      <div class="ui dropdown selection" id="gt" tabindex="0">
        <select name="gioi_tinh" style="display:none"><option value="">Chọn giới tính</option><option value="1">Nam</option><option value="2">Nữ</option></select>
        <i class="dropdown icon"></i><div class="default text">Chọn giới tính</div>
        <div class="menu" data-test-invisible><div class="item" data-value="1">Nam</div><div class="item" data-value="2">Nữ</div></div>
      </div></div>
    <div class="field"><label>Tỉnh/Thành phố</label>
      <div class="ui search selection dropdown" id="tinh" tabindex="0">
        <input type="hidden" name="ma_tinh" value=""><input class="search" autocomplete="off"><div class="default text">Chọn tỉnh</div>
        <div class="menu" data-test-invisible><div class="item" data-value="01">Thành phố Hà Nội</div><div class="item" data-value="66">Tỉnh Đắk Lắk</div></div>
      </div></div>${extra}`;

  /** As these libraries behave: a click opens the menu, a click on an item keeps its code and shows its text. */
  function wire(id: string, { answers = true } = {}) {
    const box = document.getElementById(id)!;
    const menu = box.querySelector<HTMLElement>('.menu')!;
    box.addEventListener('click', (e) => {
      const item = (e.target as HTMLElement).closest('.item');
      if (item && answers) {
        const hidden = box.querySelector<HTMLInputElement | HTMLSelectElement>('select, input[type=hidden]')!;
        hidden.value = item.getAttribute('data-value')!;
        box.querySelector('.text')!.textContent = item.textContent;
        menu.setAttribute('data-test-invisible', '');
      } else if (!item) menu.toggleAttribute('data-test-invisible');
    });
  }
  const mai = (): FillPerson => ({
    person: person(
      'Nguyễn Thị Mai',
      { address: 'Số 5 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội' },
      { sex: { value: 'Nữ', prov: typed } },
    ),
    addresses: {
      permanentAddress: {
        candidates: [
          {
            provinceCode: '01',
            provinceName: 'Thành phố Hà Nội',
            wardCode: '00070',
            wardName: 'Phường Hoàn Kiếm',
            partial: false,
          },
        ],
        detail: 'Số 5 phố Hàng Bạc',
        reason: null,
      },
      currentAddress: null,
    },
  });

  it('is opened, its item clicked, and read back from the control it keeps and the choice it shows', async () => {
    document.body.innerHTML = form();
    wire('gt');
    wire('tinh');
    const run = await fillDocument(document, people([['declarant', mai()]]));
    expect(value('[name=gioi_tinh]')).toBe('2');
    expect(value('[name=ma_tinh]')).toBe('01');
    expect(document.querySelector('#gt .text')?.textContent).toBe('Nữ');
    expect(status(run, 'Giới tính')).toMatchObject({ status: 'filled', adapter: 'drawn-dropdown' });
    expect(status(run, 'Tỉnh/Thành phố')).toMatchObject({ status: 'filled', adapter: 'drawn-dropdown' });
  });

  it('a select set behind a box that still shows its placeholder is not marked filled', {
    timeout: 30_000,
  }, async () => {
    document.body.innerHTML = form();
    wire('gt', { answers: false });
    wire('tinh');
    const run = await fillDocument(document, people([['declarant', mai()]]));
    expect(status(run, 'Giới tính')?.status).not.toBe('filled');
    // Nor does the page keep, unseen, what it does not show.
    expect(value('[name=gioi_tinh]')).toBe('');
  });

  it('a hidden select in a field with its own label is no dropdown drawn over it, and is left alone', async () => {
    document.body.innerHTML = form(
      '<div class="field"><label>Dân tộc</label><select name="dan_toc" style="display:none"><option value="">Chọn</option><option value="01">Kinh</option></select></div>',
    );
    wire('gt');
    wire('tinh');
    const run = await fillDocument(document, people([['declarant', mai()]]));
    expect(value('[name=dan_toc]')).toBe('');
    expect(run.report.some((r) => r.label === 'Dân tộc')).toBe(false);
  });
});

describe('a date box that is only a button opening the page’s calendar (Mantine’s DatePickerInput)', () => {
  it('is in the report, left to the officer with the reason; one showing the right date already is checked', async () => {
    const box = (id: string, label: string, shown: string) => `
      <div><label for="${id}">${label}</label>
        <div><button type="button" id="${id}" aria-haspopup="dialog" aria-expanded="false">${shown}</button>
        <input type="hidden" name="${id}" value=""></div></div>`;
    document.body.innerHTML = `<h3>Thông tin người mẹ</h3>${box('meNgaySinh', 'Ngày, tháng, năm sinh', '<span class="mantine-InputPlaceholder-placeholder">Chọn ngày</span>')}
      <h3>Thông tin người cha</h3>${box('chaNgaySinh', 'Ngày, tháng, năm sinh', '20/10/1990')}
      <button type="button" aria-haspopup="dialog">Hướng dẫn</button>`;
    const run = await fillDocument(
      document,
      people([
        ['mother', person('Nguyễn Thị Mai', { dob: [12, 4, 1994] })],
        ['father', person('Trần Văn Bình', { dob: [20, 10, 1990] })],
      ]),
    );
    const dates = run.report.filter((r) => r.adapter === 'picker-button');
    // Before, neither date was in the report at all.
    expect(dates.map((r) => [r.role, r.status, r.reason?.code ?? null])).toEqual([
      ['mother', 'failed', 'pickerOnly'],
      ['father', 'filled', 'alreadyThere'],
    ]);
  });
});

describe('a long list that draws only the options its box shows (a virtual list) and has no search box', () => {
  const provinces = Array.from({ length: 34 }, (_, i) => `Tỉnh Số ${String(i + 1).padStart(2, '0')}`);
  provinces[20] = 'Tỉnh Quảng Ninh';
  let scrolls = 0;

  function wire(virtual: boolean) {
    document.body.innerHTML = `
      <label id="l">Tỉnh/Thành phố</label>
      <div class="dd"><button type="button" aria-haspopup="listbox" aria-labelledby="l" aria-expanded="false">-- Chọn --</button><input type="hidden" name="tinh" value=""></div>`;
    const button = document.querySelector('button')!;
    const hidden = document.querySelector<HTMLInputElement>('input[type=hidden]')!;
    let scrolled = 0;
    scrolls = 0;
    button.addEventListener('click', () => {
      if (document.querySelector('.holder')) return;
      const holder = document.createElement('div');
      holder.className = 'holder';
      holder.style.overflowY = 'auto';
      Object.defineProperty(holder, 'clientHeight', { value: 256 });
      Object.defineProperty(holder, 'scrollHeight', { value: 34 * 32 });
      Object.defineProperty(holder, 'scrollTop', {
        get: () => scrolled,
        set: (v: number) => (scrolled = Math.min(Math.max(0, v), 34 * 32 - 256)),
      });
      const list = document.createElement('ul');
      list.setAttribute('role', 'listbox');
      const draw = () => {
        const first = virtual ? Math.floor(scrolled / 32) : 0;
        const shown = virtual ? provinces.slice(first, first + 8) : provinces;
        list.replaceChildren(
          ...shown.map((name) => {
            const li = document.createElement('li');
            li.setAttribute('role', 'option');
            li.textContent = name;
            li.addEventListener('click', () => {
              hidden.value = name;
              button.textContent = name;
              holder.remove();
            });
            return li;
          }),
        );
      };
      holder.addEventListener('scroll', () => {
        scrolls++;
        draw();
      });
      draw();
      holder.append(list);
      button.parentElement!.append(holder);
    });
  }
  const who = () => person('Phạm Văn Đức', {}, { sex: { value: 'Nam', prov: typed } }) as Person | FillPerson;
  const mapped = (): FillPerson => ({
    person: who() as Person,
    addresses: {
      permanentAddress: {
        candidates: [
          {
            provinceCode: '22',
            provinceName: 'Tỉnh Quảng Ninh',
            wardCode: '06658',
            wardName: 'Phường Hạ Long',
            partial: false,
          },
        ],
        detail: '',
        reason: null,
      },
      currentAddress: null,
    },
  });

  it('is scrolled through, a box at a time, until the option is drawn, then chosen and read back', async () => {
    wire(true);
    const run = await fillDocument(document, people([['subject', mapped()]]));
    expect(document.querySelector<HTMLInputElement>('input[type=hidden]')!.value).toBe('Tỉnh Quảng Ninh');
    expect(run.report.find((r) => r.field === 'province')).toMatchObject({ status: 'filled' });
  });

  it('a list that had every option drawn is not scrolled for one it lacks', async () => {
    wire(false);
    const who2 = mapped();
    who2.addresses!.permanentAddress!.candidates[0]!.provinceName = 'Tỉnh Không Có';
    who2.addresses!.permanentAddress!.candidates[0]!.provinceCode = '99';
    const run = await fillDocument(document, people([['subject', who2]]), { listTimeoutMs: 2_000 });
    expect(run.report.find((r) => r.field === 'province')?.status).not.toBe('filled');
    expect(scrolls).toBe(1);
  });
});

describe('a box read-only until it has the focus', () => {
  it('is given the focus and filled (Ant Design Vue’s date picker, the anti-autofill readonly trick); a box the portal locked stays locked', async () => {
    document.body.innerHTML = `
      <h3>Thông tin người chết</h3>
      <label for="ns">Ngày sinh</label><div class="ant-picker"><input id="ns" readonly placeholder="DD/MM/YYYY"></div>
      <label for="dd">Số định danh cá nhân</label><input id="dd" readonly value="">`;
    const picker = document.getElementById('ns') as HTMLInputElement;
    picker.addEventListener('focus', () => (picker.readOnly = false));
    picker.addEventListener('blur', () => (picker.readOnly = true));
    const run = await fillDocument(
      document,
      people([['deceased', person('Hoàng Văn Hùng', { dob: [15, 6, 1948], pid: '004048000444' })]]),
    );
    expect(value('#ns')).toBe('15/06/1948');
    expect(value('#dd')).toBe('');
    expect(run.report.map((r) => [r.label, r.status])).toEqual(
      expect.arrayContaining([
        ['Ngày sinh', 'filled'],
        ['Số định danh cá nhân', 'readonly'],
      ]),
    );
  });
});

describe('radios without a name (Ant Design Vue’s a-radio-group draws its options so)', () => {
  it('are one group per box, named by its form item’s label, chosen and read back; no option is a field of its own', async () => {
    const group = (id: string, options: Array<[string, string]>) =>
      `<div class="ant-radio-group" id="${id}">${options
        .map(
          ([v, t]) =>
            `<label class="ant-radio-wrapper"><span class="ant-radio"><input type="radio" class="ant-radio-input" value="${v}"><span class="ant-radio-inner"></span></span><span>${t}</span></label>`,
        )
        .join('')}</div>`;
    document.body.innerHTML = `
      <h3>Thông tin người chết</h3>
      <div class="ant-form-item"><div class="ant-form-item-label"><label for="form_item_gt" title="Giới tính">Giới tính</label></div>
        <div class="ant-form-item-control">${group('form_item_gt', [
          ['1', 'Nam'],
          ['2', 'Nữ'],
        ])}</div></div>
      <div class="ant-form-item"><div class="ant-form-item-label"><label for="form_item_bs" title="Cấp bản sao trích lục">Cấp bản sao trích lục</label></div>
        <div class="ant-form-item-control">${group('form_item_bs', [
          ['1', 'Có'],
          ['0', 'Không'],
        ])}</div></div>`;
    // The page's state keeps one choice per group (Vue's v-model), as its radios show it.
    for (const box of document.querySelectorAll('.ant-radio-group')) {
      const inputs = [...box.querySelectorAll('input')];
      for (const i of inputs)
        i.addEventListener('click', () => {
          for (const o of inputs) o.checked = o === i;
        });
    }
    const run = await fillDocument(
      document,
      people([['deceased', person('Hoàng Văn Hùng', {}, { sex: { value: 'Nam', prov: typed } })]]),
    );
    const sex = [...document.querySelectorAll<HTMLInputElement>('#form_item_gt input')].map((i) => i.checked);
    expect(sex).toEqual([true, false]);
    expect(run.report.map((r) => r.label)).not.toContain('Nữ');
    expect(run.report.map((r) => r.label)).not.toContain('Có');
    expect(run.report.find((r) => r.label === 'Giới tính')).toMatchObject({ status: 'filled', adapter: 'radio' });
  });
});

describe('a date picker that takes a typed date only when open, on Enter (Ant Design Vue)', () => {
  it('is clicked open, typed into and given Enter (its legacy key code too); the date is in the page’s state', async () => {
    document.body.innerHTML = `
      <h3>Thông tin người chết</h3>
      <label for="ns">Ngày, tháng, năm sinh</label>
      <div class="ant-picker"><div class="ant-picker-input"><input id="ns" readonly placeholder="dd/mm/yyyy"></div></div>`;
    const input = document.getElementById('ns') as HTMLInputElement;
    const state = { open: false, text: '', value: null as string | null };
    input.addEventListener('focus', () => (input.readOnly = false));
    input.addEventListener('mousedown', () => setTimeout(() => (state.open = true), 10));
    input.addEventListener('input', () => (state.text = input.value));
    input.addEventListener('keydown', (e) => {
      if (e.which !== 13 || !state.open) return;
      const m = state.text.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
      if (m) state.value = `${m[3]}-${m[2]}-${m[1]}`;
      state.open = false;
    });
    input.addEventListener('blur', () => {
      input.readOnly = true;
      input.value = state.value ? state.value.split('-').reverse().join('/') : '';
    });
    const run = await fillDocument(document, people([['deceased', person('Hoàng Văn Hùng', { dob: [15, 6, 1948] })]]));
    expect(state.value).toBe('1948-06-15');
    expect(run.report.find((r) => r.field === 'birthDate')).toMatchObject({ status: 'filled' });
  });
});

describe('fields not recognised', () => {
  it('are listed, one the page filled itself with what it holds (to check), an empty one to fill by hand', async () => {
    document.body.innerHTML = `
      <form><h3>Thông tin người chết</h3>
        <label for="mt">Mã thủ tục</label><input id="mt" value="1.000656">
        <label for="ht">Họ, chữ đệm, tên</label><input id="ht">
        <label for="nn">Nguyên nhân mất</label><input id="nn"></form>`;
    const run = await fillDocument(document, people([['deceased', person('Hoàng Văn Hùng')]]));
    expect(value('#mt')).toBe('1.000656');
    expect(run.report.filter((r) => r.status === 'unknown').map((r) => [r.label, r.reason])).toEqual([
      ['Mã thủ tục', { code: 'unknownFieldHolds', params: { value: '1.000656' } }],
      ['Nguyên nhân mất', { code: 'unknownField' }],
    ]);
  });
});

describe('Naive UI’s n-form-item and n-select (no ARIA, a label naming no control)', () => {
  const item = (label: string, control: string) =>
    `<div class="n-form-item"><label class="n-form-item-label"><span class="n-form-item-label__text">${label}</span><span class="n-form-item-label__asterisk">&nbsp;*</span></label>
      <div class="n-form-item-blank">${control}</div></div>`;
  const select = `<div class="n-select"><div class="n-base-selection"><div class="n-base-selection-label">
      <input class="n-base-selection-input" tabindex="-1" value="">
      <div class="n-base-selection-placeholder n-base-selection-overlay"><div class="n-base-selection-overlay__wrapper">Chọn dân tộc</div></div>
    </div></div></div>`;
  const groups = ['Kinh', 'Tày', 'Thái', 'Ê Đê'];

  function wire() {
    const box = document.querySelector<HTMLElement>('.n-base-selection')!;
    const pattern = box.querySelector('input')!;
    const draw = () => {
      document.querySelector('.n-base-select-menu')?.remove();
      const menu = document.createElement('div');
      menu.className = 'n-base-select-menu';
      for (const g of groups.filter((x) => x.toLowerCase().includes(pattern.value.toLowerCase()))) {
        const option = document.createElement('div');
        option.className = 'n-base-select-option';
        option.innerHTML = `<div class="n-base-select-option__content">${g}</div>`;
        option.addEventListener('click', () => {
          menu.remove();
          pattern.value = '';
          box.classList.add('n-base-selection--selected');
          box.querySelector('.n-base-selection-placeholder')?.remove();
          box
            .querySelector('.n-base-selection-label')!
            .insertAdjacentHTML(
              'beforeend',
              `<div class="n-base-selection-label__render-label n-base-selection-overlay"><div class="n-base-selection-overlay__wrapper">${g}</div></div>`,
            );
        });
        menu.append(option);
      }
      document.body.append(menu);
    };
    box.addEventListener('click', () => {
      box.classList.add('n-base-selection--active');
      draw();
    });
    pattern.addEventListener('input', draw);
  }

  it('names each control by its form item’s label; the select is chosen from its menu, not typed as text', async () => {
    document.body.innerHTML = `<div class="n-card"><div class="n-card-header__main" role="heading">Thông tin bên nữ</div>
      ${item('Số định danh cá nhân', '<div class="n-input"><div class="n-input__input"><input class="n-input__input-el" placeholder="12 chữ số"></div></div>')}
      ${item('Dân tộc', select)}</div>`;
    wire();
    const run = await fillDocument(
      document,
      people([['bride', person('H’Lan Niê', { pid: '066198001234' }, { ethnicity: { value: 'Ê Đê', prov: typed } })]]),
    );
    expect(value('.n-input__input-el')).toBe('066198001234');
    expect(document.querySelector('.n-base-selection-label__render-label')?.textContent).toBe('Ê Đê');
    expect(run.report.map((r) => [r.label, r.status, r.adapter])).toEqual(
      expect.arrayContaining([
        ['Số định danh cá nhân', 'filled', 'text'],
        ['Dân tộc', 'filled', 'naive-select'],
      ]),
    );
  });
});

describe('Radix’s RadioGroup as shadcn/ui draws it: bare buttons, each named by a label beside it', () => {
  it('chooses the button whose label names the option, and reads it back from aria-checked', async () => {
    document.body.innerHTML = `
      <div data-slot="form-item"><label data-slot="form-label" id="g-label">Giới tính</label>
        <div role="radiogroup" aria-labelledby="g-label" data-slot="radio-group">
          <div><button type="button" role="radio" aria-checked="false" data-state="unchecked" value="1" id="r-nam"></button>
            <label for="r-nam">Nam</label></div>
          <div><button type="button" role="radio" aria-checked="false" data-state="unchecked" value="2" id="r-nu"></button>
            <label for="r-nu">Nữ</label></div>
        </div></div>`;
    const radios = [...document.querySelectorAll<HTMLElement>('[role=radio]')];
    checkOnClick(radios);
    const run = await fillDocument(
      document,
      people([['subject', person('Nguyễn Thị Mai', {}, { sex: { value: 'Nữ', prov: typed } })]]),
    );
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(['false', 'true']);
    expect(status(run, 'Giới tính')).toMatchObject({ status: 'filled', adapter: 'radio' });
  });
});

describe('web components that keep their controls in shadow roots (Shoelace’s sl-radio-group and sl-select)', () => {
  /** A group drawn in its host's shadow root: its label there, its radios slotted in from the page. */
  function radioGroup(host: HTMLElement, label: string) {
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<fieldset role="radiogroup" aria-labelledby="label"><label id="label"><slot name="label">${label}</slot></label><slot></slot></fieldset>`;
    const radios = [...host.querySelectorAll<HTMLElement>('[role=radio]')];
    checkOnClick(radios);
    return radios;
  }

  it('a radio group in a shadow root, its radios slotted in, is named by its label there and chosen', async () => {
    document.body.innerHTML = `
      <x-radio-group name="gioiTinh"><x-radio role="radio" aria-checked="false" value="NAM">Nam</x-radio>
        <x-radio role="radio" aria-checked="false" value="NU">Nữ</x-radio></x-radio-group>`;
    const radios = radioGroup(document.querySelector('x-radio-group')!, '3. Giới tính');
    const run = await fillDocument(
      document,
      people([['subject', person('Nguyễn Thị Mai', {}, { sex: { value: 'Nữ', prov: typed } })]]),
    );
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(['false', 'true']);
    expect(status(run, 'Giới tính')).toMatchObject({ status: 'filled', adapter: 'radio' });
  });

  it('a combobox in a shadow root opens its list there, whose options are slotted in from the page', async () => {
    document.body.innerHTML = `<x-select name="danToc"><x-option role="option" value="01" hidden>Kinh</x-option>
      <x-option role="option" value="12" hidden>Ê-đê</x-option></x-select>`;
    const host = document.querySelector<HTMLElement>('x-select')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<label id="label" for="input">Dân tộc</label>
      <div class="popup"><div class="combobox"><input id="input" role="combobox" readonly aria-controls="listbox" aria-expanded="false"></div>
      <div id="listbox" role="listbox" hidden><slot></slot></div></div>`;
    const input = shadow.querySelector('input')!;
    const listbox = shadow.querySelector<HTMLElement>('#listbox')!;
    // Like Lit: the list opens on ArrowDown, and says so (aria-expanded) once it renders; a mousedown toggles it.
    const options = [...host.querySelectorAll<HTMLElement>('x-option')];
    const setOpen = (open: boolean) => {
      listbox.hidden = !open;
      // Slotted into the closed list, the options are not drawn (happy-dom lays nothing out: they are hidden).
      for (const option of options) option.hidden = !open;
      queueMicrotask(() => input.setAttribute('aria-expanded', String(open)));
    };
    input.addEventListener('keydown', (e) => e.key === 'ArrowDown' && setOpen(true));
    shadow.querySelector('.combobox')!.addEventListener('mousedown', () => setOpen(listbox.hidden));
    for (const option of options)
      option.addEventListener('mouseup', () => {
        input.value = option.textContent ?? '';
        setOpen(false);
      });
    const run = await fillDocument(
      document,
      people([['subject', person('H’Lan Niê', {}, { ethnicity: { value: 'Ê Đê', prov: typed } })]]),
    );
    expect(input.value).toBe('Ê-đê');
    expect(status(run, 'Dân tộc')).toMatchObject({ status: 'filled' });
  });
});

describe('a relation asked outside any block', () => {
  it('is "Bản thân" when the form’s unblocked fields are filled with the one person it is about', async () => {
    document.body.innerHTML = `
      <label for="ten">Họ và tên người yêu cầu</label><input id="ten">
      <label for="qh">Quan hệ với người được cấp giấy</label>
      <select id="qh"><option value="">-- Chọn --</option><option value="CHA_ME">Cha/Mẹ</option><option value="BAN_THAN">Bản thân</option></select>`;
    const run = await fillDocument(document, people([['subject', person('Lê Văn Khoa')]]));
    expect(value('#qh')).toBe('BAN_THAN');
    expect(run.report.find((r) => r.field === 'relation')?.status).not.toBe('check');
  });
});

describe('Element UI 2 (Vue 2): el-select without ARIA, el-date-picker that mounts its panel on focus', () => {
  /**
   * An el-select as Element UI 2.15 draws it: an el-input whose read-only box shows the chosen label, its menu
   * inside the select until first shown and then moved to the end of the body; a filterable one's box takes a
   * query only while open and shows it until the menu closes; the caret turns (`is-reverse`) while open.
   */
  function elSelect(prop: string, label: string, options: Array<[string, string]>, filterable: boolean) {
    return `<div class="el-form-item is-required"><label for="${prop}" class="el-form-item__label">${label}</label>
      <div class="el-form-item__content"><div class="el-select el-select--small" data-prop="${prop}">
      <div class="el-input el-input--small el-input--suffix"><input type="text" readonly autocomplete="off" placeholder="Chọn" class="el-input__inner">
      <span class="el-input__suffix"><i class="el-select__caret el-input__icon el-icon-arrow-up"></i></span></div>
      <div class="el-select-dropdown el-popper" style="display: none"><ul class="el-select-dropdown__list">${options
        .map(([, t]) => `<li class="el-select-dropdown__item"><span>${t}</span></li>`)
        .join('')}</ul></div></div></div></div>`.replace(
      'data-prop',
      filterable ? 'data-filterable data-prop' : 'data-prop',
    );
  }
  function wireSelect(prop: string, options: Array<[string, string]>, model: Record<string, string | null>) {
    const select = document.querySelector<HTMLElement>(`[data-prop="${prop}"]`)!;
    const input = select.querySelector('input')!;
    const caret = select.querySelector('.el-select__caret')!;
    const menu = select.querySelector<HTMLElement>('.el-select-dropdown')!;
    const filterable = select.hasAttribute('data-filterable');
    let label = '';
    const setOpen = (open: boolean) => {
      menu.style.display = open ? '' : 'none';
      caret.classList.toggle('is-reverse', open);
      // Vue patches the box on its next tick: read-only again when closed, the label back in it.
      queueMicrotask(() => {
        input.readOnly = !filterable || !open;
        if (!open) input.value = label;
        else if (filterable) input.value = '';
      });
      if (open && menu.parentElement !== document.body) document.body.append(menu);
      for (const li of menu.querySelectorAll<HTMLElement>('li')) li.style.display = '';
    };
    select.addEventListener('click', () => setOpen(menu.style.display === 'none'));
    input.addEventListener('input', () => {
      for (const li of menu.querySelectorAll<HTMLElement>('li'))
        li.style.display = li.textContent!.toLowerCase().includes(input.value.toLowerCase()) ? '' : 'none';
    });
    menu.querySelectorAll('li').forEach((li, i) => {
      li.addEventListener('click', (e) => {
        e.stopPropagation();
        model[prop] = options[i]![0];
        label = options[i]![1];
        setOpen(false);
      });
    });
  }

  const ethnicities: Array<[string, string]> = [
    ['01', 'Kinh'],
    ['02', 'Tày'],
    ['03', 'Thái'],
  ];
  const nationalities: Array<[string, string]> = [
    ['VN', 'Việt Nam'],
    ['LA', 'Lào'],
  ];

  it('opens each select, filters the filterable one, clicks the option in the menu moved to the body, and reads the label back once closed', async () => {
    document.body.innerHTML = `<div class="el-card"><div class="el-card__header"><div><span>3. THÔNG TIN NGƯỜI ĐƯỢC KHAI SINH</span></div></div>
      <div class="el-card__body">${elSelect('ksDanToc', 'Dân tộc', ethnicities, true)}${elSelect(
        'ksQuocTich',
        'Quốc tịch',
        nationalities,
        false,
      )}</div></div>`;
    const model: Record<string, string | null> = { ksDanToc: null, ksQuocTich: null };
    wireSelect('ksDanToc', ethnicities, model);
    wireSelect('ksQuocTich', nationalities, model);
    const baby = person(
      'Trần Bảo An',
      {},
      { ethnicity: { value: 'Thái', prov: typed }, nationality: { value: 'Việt Nam', prov: typed } },
    );
    const run = await fillDocument(document, people([['child', baby]]));
    expect(model).toEqual({ ksDanToc: '03', ksQuocTich: 'VN' });
    expect(status(run, 'Dân tộc')).toMatchObject({ status: 'filled' });
    expect(status(run, 'Quốc tịch')).toMatchObject({ status: 'filled' });
    // Both menus now live at the end of the body, closed.
    expect(document.querySelectorAll('body > .el-select-dropdown')).toHaveLength(2);
  });

  it('a select whose option was not taken is not marked filled: the box shows nothing chosen', async () => {
    document.body.innerHTML = `<h3>Thông tin người được khai sinh</h3>${elSelect('ksDanToc', 'Dân tộc', ethnicities, true)}`;
    const model: Record<string, string | null> = {};
    wireSelect('ksDanToc', ethnicities, model);
    // The page swallows clicks on its options (a stale menu): nothing is chosen.
    document.querySelector('.el-select-dropdown')!.addEventListener('click', (e) => e.stopImmediatePropagation(), true);
    const baby = person('Trần Bảo An', {}, { ethnicity: { value: 'Thái', prov: typed } });
    const run = await fillDocument(document, people([['child', baby]]));
    expect(model.ksDanToc).toBeUndefined();
    expect(status(run, 'Dân tộc')?.status).not.toBe('filled');
  });

  /**
   * An el-date-picker (type date or year): its panel is mounted when its box is first focused (a watcher, on
   * Vue's next tick); a change typed before that throws inside Element's handler and is lost. A typed value is
   * parsed on change; Enter closes the panel; the box then shows the model in the picker's format.
   */
  function elDatePicker(prop: string, label: string, placeholder: string) {
    return `<div class="el-form-item"><label for="${prop}" class="el-form-item__label">${label}</label>
      <div class="el-form-item__content"><div class="el-date-editor el-input el-input--small el-input--prefix el-input--suffix el-date-editor--date" data-prop="${prop}">
      <input type="text" autocomplete="off" placeholder="${placeholder}" class="el-input__inner"></div></div></div>`;
  }
  function wirePicker(prop: string, parse: (t: string) => string | null, model: Record<string, string | null>) {
    const input = document.querySelector<HTMLInputElement>(`[data-prop="${prop}"] input`)!;
    let mounted = false;
    let shown = '';
    input.addEventListener('focus', () => setTimeout(() => (mounted = true), 0));
    input.addEventListener('change', () => {
      if (!mounted) return; // Element: `this.picker.value = value` on an unmounted picker throws.
      const v = parse(input.value);
      if (v) {
        model[prop] = v;
        shown = input.value;
      }
    });
    input.addEventListener('blur', () => queueMicrotask(() => (input.value = shown)));
  }

  it('focuses the picker’s box and waits for its panel before typing, for a date and for a year', async () => {
    document.body.innerHTML = `<h3>Thông tin người cha</h3>${elDatePicker('chaNgaySinh', 'Ngày, tháng, năm sinh', 'dd/mm/yyyy')}
      ${elDatePicker('chaNamCap', 'Năm sinh', 'Chọn năm')}`;
    const model: Record<string, string | null> = {};
    wirePicker(
      'chaNgaySinh',
      (t) => (/^(\d\d)\/(\d\d)\/(\d{4})$/.test(t) ? t.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$2-$1') : null),
      model,
    );
    wirePicker('chaNamCap', (t) => (/^\d{4}$/.test(t) ? t : null), model);
    const dad = person(
      'Trần Văn Hùng',
      {},
      { birthDate: { value: { day: 3, month: 2, year: 1990, precision: 'day' }, prov: typed } },
    );
    const run = await fillDocument(document, people([['father', dad]]));
    expect(model).toEqual({ chaNgaySinh: '1990-02-03', chaNamCap: '1990' });
    expect(status(run, 'Ngày, tháng, năm sinh')).toMatchObject({ status: 'filled' });
    expect(status(run, 'Năm sinh')).toMatchObject({ status: 'filled' });
  });
});

describe('Element UI 2’s lazy el-cascader: a province, then its ward, as one path', () => {
  /**
   * As Element UI 2.15 draws it: a read-only box showing "Tỉnh / Xã", its dropdown inside the cascader until
   * first shown and then moved to the body; one `.el-cascader-menu` per level, the next level loaded (later) when
   * a node is clicked; a leaf's click sets the path and closes the dropdown.
   */
  const cascader = `<div class="el-card"><div class="el-card__header"><span>2. THÔNG TIN NGƯỜI ĐI ĐĂNG KÝ</span></div><div class="el-card__body">
    <div class="el-form-item"><label for="noiCuTru" class="el-form-item__label">Nơi cư trú (Tỉnh/Thành phố - Xã/Phường/Đặc khu)</label>
    <div class="el-form-item__content"><div class="el-cascader el-cascader--small">
    <div class="el-input el-input--small el-input--suffix"><input type="text" readonly autocomplete="off" placeholder="Chọn" class="el-input__inner">
    <span class="el-input__suffix"><i class="el-input__icon el-icon-arrow-down"></i></span></div>
    <div class="el-popper el-cascader__dropdown" style="display: none"><div class="el-cascader-panel"></div></div>
    </div></div></div></div></div>`;
  const tree: Record<string, Array<[string, string]>> = {
    '': [
      ['01', 'Thành phố Hà Nội'],
      ['79', 'Thành phố Hồ Chí Minh'],
    ],
    '01': [
      ['00004', 'Phường Ba Đình'],
      ['00008', 'Phường Ngọc Hà'],
    ],
  };
  function wireCascader(model: { path: string[] }, { wardDelayMs = 80 } = {}) {
    const root = document.querySelector<HTMLElement>('.el-cascader')!;
    const input = root.querySelector('input')!;
    const arrow = root.querySelector('.el-icon-arrow-down')!;
    const dropdown = root.querySelector<HTMLElement>('.el-cascader__dropdown')!;
    const panel = dropdown.querySelector('.el-cascader-panel')!;
    const setOpen = (open: boolean) => {
      dropdown.style.display = open ? '' : 'none';
      arrow.classList.toggle('is-reverse', open);
      if (open && dropdown.parentElement !== document.body) document.body.append(dropdown);
    };
    const labelOf = (level: number, code: string) =>
      tree[level === 0 ? '' : model.path[0]!]?.find(([c]) => c === code)?.[1] ?? code;
    const menu = (level: number, parent: string) => {
      const list = tree[parent] ?? [];
      const el = document.createElement('div');
      el.className = 'el-scrollbar el-cascader-menu';
      el.innerHTML = `<ul class="el-cascader-menu__list">${list
        .map(
          ([, t]) =>
            `<li role="menuitem" class="el-cascader-node"><span class="el-cascader-node__label">${t}</span></li>`,
        )
        .join('')}</ul>`;
      el.querySelectorAll('li').forEach((li, i) => {
        li.addEventListener('click', (e) => {
          e.stopPropagation();
          const code = list[i]![0];
          if (level === 1) {
            model.path = [pending!, code];
            input.value = `${labelOf(0, pending!)} / ${labelOf(1, code)}`;
            setOpen(false);
            return;
          }
          pending = code;
          panel.querySelectorAll('.el-cascader-menu').forEach((m, k) => {
            if (k > 0) m.remove();
          });
          setTimeout(() => panel.append(menu(1, code)), wardDelayMs);
        });
      });
      return el;
    };
    let pending: string | null = null;
    panel.append(menu(0, ''));
    root.addEventListener('click', () => setOpen(true));
    document.addEventListener('click', (e) => {
      if (root.isConnected && !root.contains(e.target as Node) && !dropdown.contains(e.target as Node)) setOpen(false);
    });
  }
  const mapped = (wardCode: string, wardName: string): FillPerson => ({
    person: person('Nguyễn Thị Mai', { address: 'Số 1 phố Quán Thánh, Phường Quán Thánh, Quận Ba Đình, Hà Nội' }),
    addresses: {
      permanentAddress: {
        candidates: [{ provinceCode: '01', provinceName: 'Thành phố Hà Nội', partial: false, wardCode, wardName }],
        detail: 'Số 1 phố Quán Thánh',
        reason: null,
      },
      currentAddress: null,
    },
  });

  it('clicks the province, waits for its wards, clicks the ward, and reads the path back from the box', async () => {
    document.body.innerHTML = cascader;
    const model = { path: [] as string[] };
    wireCascader(model);
    const run = await fillDocument(document, people([['requester', mapped('00008', 'Phường Ngọc Hà')]]));
    expect(model.path).toEqual(['01', '00008']);
    expect(status(run, 'Nơi cư trú')).toMatchObject({ status: 'filled' });
  });

  it('a ward its province does not list is left for the officer, the dropdown closed and nothing marked ✓', async () => {
    document.body.innerHTML = cascader;
    const model = { path: [] as string[] };
    wireCascader(model);
    const run = await fillDocument(document, people([['requester', mapped('00070', 'Phường Hoàn Kiếm')]]), {
      listTimeoutMs: 600,
    });
    expect(model.path).toEqual([]);
    expect(status(run, 'Nơi cư trú')?.status).not.toBe('filled');
    expect(document.querySelector<HTMLElement>('.el-cascader__dropdown')!.style.display).toBe('none');
  });
});

describe('date pickers that take typed text only as a person’s typing makes it', () => {
  const born = (name: string) =>
    person(name, {}, { birthDate: { value: { day: 15, month: 6, year: 1948, precision: 'day' }, prov: typed } });

  it('PrimeNG’s p-datepicker parses an input only after a key went down in its box', async () => {
    document.body.innerHTML = `<h3>Thông tin người chết</h3><label for="ns">Ngày, tháng, năm sinh</label>
      <span class="p-datepicker p-component p-inputwrapper"><input id="ns" type="text" class="p-datepicker-input" placeholder="dd/mm/yyyy"></span>`;
    const input = document.getElementById('ns') as HTMLInputElement;
    const model: { ns: string | null } = { ns: null };
    let keyDown = false;
    input.addEventListener('keydown', () => (keyDown = true));
    input.addEventListener('input', () => {
      if (!keyDown) return;
      keyDown = false;
      const m = input.value.match(/^(\d\d)\/(\d\d)\/(\d{4})$/);
      model.ns = m ? `${m[3]}-${m[2]}-${m[1]}` : null;
    });
    input.addEventListener('blur', () => {
      const m = model.ns?.match(/^(\d{4})-(\d\d)-(\d\d)$/);
      input.value = m ? `${m[3]}/${m[2]}/${m[1]}` : '';
    });
    const run = await fillDocument(document, people([['deceased', born('Hoàng Văn Hùng')]]));
    expect(model.ns).toBe('1948-06-15');
    expect(status(run, 'Ngày, tháng, năm sinh')).toMatchObject({ status: 'filled' });
  });

  it('React Aria’s DatePicker: segments the officer sees, the ISO date written to its autofill box beside it', async () => {
    document.body.innerHTML = `<h3>Thông tin bên nữ</h3><div class="react-aria-DatePicker"><span class="react-aria-Label" id="l">Ngày, tháng, năm sinh</span>
      <div role="group" aria-labelledby="l" class="react-aria-Group"><div class="react-aria-DateInput">
      <span role="spinbutton" aria-valuemin="1" aria-valuemax="31" aria-label="Ngày, " contenteditable="true" data-type="day">dd</span><span aria-hidden="true">/</span>
      <span role="spinbutton" aria-valuemin="1" aria-valuemax="12" aria-label="Tháng, " contenteditable="true" data-type="month">mm</span><span aria-hidden="true">/</span>
      <span role="spinbutton" aria-valuemin="1" aria-valuemax="9999" aria-label="Năm, " contenteditable="true" data-type="year">yyyy</span></div>
      <input hidden type="text" name="nuNgaySinh" value=""><button type="button" aria-haspopup="dialog">▾</button></div></div>
      <div aria-hidden="true" data-testid="hidden-dateinput-container"><input type="date" tabindex="-1" form="" name="nuNgaySinh"></div>`;
    const autofill = document.querySelector<HTMLInputElement>('input[type=date]')!;
    const model: { nuNgaySinh: string | null } = { nuNgaySinh: null };
    // As the library does: the autofill box's change sets the date, and the segments show it (vi-VN: no zeros).
    autofill.addEventListener('input', () => {
      const m = autofill.value.match(/^(\d{4})-(\d\d)-(\d\d)$/);
      if (!m) return;
      model.nuNgaySinh = autofill.value;
      const [day, month, year] = [...document.querySelectorAll('[role=spinbutton]')];
      day!.textContent = String(Number(m[3]));
      month!.textContent = String(Number(m[2]));
      year!.textContent = m[1]!;
    });
    const run = await fillDocument(document, people([['bride', born("H'Lan Niê")]]));
    expect(model.nuNgaySinh).toBe('1948-06-15');
    expect(status(run, 'Ngày, tháng, năm sinh')).toMatchObject({ status: 'filled' });
  });
});

describe('a list’s own search box, open in its popup on the body (Kendo’s DropDownList filter)', () => {
  it('is no field of its own: the scan lists the DropDownList once, under its label', () => {
    // As kendo-ui-core 2026 renders a filtered DropDownList: the widget span is the combobox; its popup, appended
    // to the body and shown while open (or closing), holds an input[role=searchbox] that opens the same listbox.
    document.body.innerHTML = `<form><h3>Thông tin người kê khai</h3>
      <label for="nkkXa">Xã/Phường/Đặc khu</label>
      <span role="combobox" aria-labelledby="nkkXa_label" aria-controls="nkkXa_listbox" aria-haspopup="listbox" class="k-dropdownlist">
        <span class="k-input-inner"><span class="k-input-value-text">-- Chọn Xã/Phường --</span></span>
        <input id="nkkXa" name="nkkXa" style="display: none"></span></form>
      <div class="k-animation-container"><div class="k-popup k-list-container">
        <span class="k-list-filter"><span class="k-searchbox k-input"><input class="k-input-inner" type="text" placeholder="Filter"
          role="searchbox" aria-haspopup="listbox" aria-autocomplete="list" aria-controls="nkkXa_listbox"></span></span>
        <div class="k-list"><ul id="nkkXa_listbox" role="listbox"><li role="option">Phường An Xuyên</li></ul></div></div></div>`;
    const fields = scanDocument(document);
    expect(fields.filter((f) => f.element.closest('.k-popup')).map((f) => f.element.outerHTML.slice(0, 60))).toEqual(
      [],
    );
    expect(fields.filter((f) => f.field === 'ward')).toHaveLength(1);
  });
});

describe('Vaadin’s web components, their inputs slotted into the light DOM', () => {
  const typedBy = { source: 'typed', confidence: 1, at: 'x', verifiedBy: null, verifiedAt: null, notes: [] };
  const deceased = () =>
    person(
      'Hoàng Văn Hùng',
      {},
      { birthDate: { value: { day: 15, month: 6, year: 1948, precision: 'day' }, prov: typedBy } },
    );
  /** vaadin-date-picker as the library does: the typed text is parsed on Enter; what it cannot parse stays shown, the value empty, the host marked invalid. */
  function datePicker(parse: (text: string) => string | null) {
    document.body.innerHTML = `<h3>Thông tin người chết</h3><vaadin-form-layout><vaadin-date-picker id="ns" label="Ngày, tháng, năm sinh">
      <label slot="label" id="l-ns" for="i-ns">Ngày, tháng, năm sinh</label>
      <input slot="input" id="i-ns" role="combobox" aria-haspopup="dialog" placeholder="dd/mm/yyyy" aria-labelledby="l-ns"></vaadin-date-picker></vaadin-form-layout>`;
    const host = document.getElementById('ns')!;
    const input = document.getElementById('i-ns') as HTMLInputElement;
    const model = { ns: null as string | null };
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      model.ns = parse(input.value);
      host.toggleAttribute('invalid', model.ns === null);
    });
    return model;
  }

  it('a date the picker parses on Enter is in its value and ✓', async () => {
    const model = datePicker(
      (t) =>
        t
          .match(/^(\d\d)\/(\d\d)\/(\d{4})$/)
          ?.slice(1)
          .reverse()
          .join('-') ?? null,
    );
    const run = await fillDocument(document, people([['deceased', deceased()]]));
    expect(model.ns).toBe('1948-06-15');
    expect(status(run, 'Ngày, tháng, năm sinh')).toMatchObject({ status: 'filled' });
  });

  it('a date the picker did not take (it marks itself invalid, its value empty) is never ✓, though its box shows it', async () => {
    const model = datePicker(() => null);
    const run = await fillDocument(document, people([['deceased', deceased()]]));
    expect(model.ns).toBeNull();
    expect(status(run, 'Ngày, tháng, năm sinh')).toMatchObject({ status: 'mismatch', reason: { code: 'pageInvalid' } });
  });

  it('a select button is named by its label, not by the value it shows; a combo box does not read the row’s other choices as its own', () => {
    document.body.innerHTML = `<h3>Thông tin người chết</h3><vaadin-form-layout>
      <vaadin-select id="gt"><label slot="label" id="l-gt">Giới tính</label>
        <vaadin-select-value-button slot="value" role="button" aria-haspopup="listbox" aria-labelledby="v-gt l-gt"><vaadin-select-item id="v-gt">Nam</vaadin-select-item></vaadin-select-value-button></vaadin-select>
      <vaadin-combo-box id="dt"><label slot="label" id="l-dt" for="i-dt">Dân tộc</label>
        <input slot="input" id="i-dt" role="combobox" aria-autocomplete="list" aria-labelledby="l-dt"></vaadin-combo-box></vaadin-form-layout>`;
    const fields = scanDocument(document);
    const sex = fields.find((f) => f.element.matches('vaadin-select-value-button'))!;
    expect(sex.labels[0]).toBe('Giới tính');
    expect(sex.field).toBe('sex');
    const ethnic = fields.find((f) => f.element.id === 'i-dt')!;
    expect(ethnic.adapter.read(ethnic)).toMatchObject({ ok: true, text: '' });
  });

  it('a ward box disabled until its province has loaded, its input hidden while the widget draws it greyed, is listed, waited for and filled', async () => {
    document.body.innerHTML = `<h3>Thông tin người chết</h3>
      <vaadin-combo-box id="xa" disabled><label slot="label" id="l-xa" for="i-xa">Xã/Phường/Đặc khu</label>
        <input slot="input" id="i-xa" role="combobox" aria-autocomplete="list" aria-labelledby="l-xa" disabled data-test-invisible></vaadin-combo-box>`;
    const input = document.getElementById('i-xa') as HTMLInputElement;
    expect(scanDocument(document).map((f) => f.field)).toEqual(['ward']);
    // A hidden disabled box with nothing drawn for it stays out.
    document.getElementById('xa')!.setAttribute('data-test-invisible', '');
    expect(scanDocument(document)).toEqual([]);
    document.getElementById('xa')!.removeAttribute('data-test-invisible');
    setTimeout(() => {
      input.disabled = false;
      input.removeAttribute('data-test-invisible');
    }, 300);
    const run = await fillDocument(document, people([['deceased', deceased()]]), { listTimeoutMs: 1500 });
    // The record has no address: the ward is listed as missing (not silently absent from the report).
    expect(status(run, 'Xã/Phường/Đặc khu')).toBeDefined();
  });
});

describe('a widget that hides its select and draws a combobox for it (Tom Select, bootstrap-select)', () => {
  it('lists the disabled ward once, as the combobox it draws, not also as the hidden select it took over', () => {
    document.body.innerHTML = `<h3>Thông tin người yêu cầu</h3><div class="mb-3">
      <label class="form-label" for="NguoiYeuCau_MaXa-ts-control" id="NguoiYeuCau_MaXa-ts-label">Xã/Phường <span class="text-danger">(*)</span></label>
      <select class="form-select tomselected ts-hidden-accessible" id="NguoiYeuCau_MaXa" name="NguoiYeuCau.MaXa" tabindex="-1" disabled data-test-invisible></select>
      <div class="form-select ts-wrapper single disabled"><div class="ts-control">
        <input type="select-one" role="combobox" aria-haspopup="listbox" aria-expanded="false" id="NguoiYeuCau_MaXa-ts-control" aria-labelledby="NguoiYeuCau_MaXa-ts-label" disabled>
      </div></div></div>`;
    const wards = scanDocument(document).filter((f) => f.field === 'ward');
    expect(wards.map((f) => f.element.id)).toEqual(['NguoiYeuCau_MaXa-ts-control']);
  });
});

describe('Arco Design Vue (a-select without ARIA, its popup at the end of body), and list-like boxes no adapter knows', () => {
  /**
   * An a-select as @arco-design/web-vue 2.59 draws it: a `span.arco-select-view` around an input and the shown
   * label, a label with no `for`, the field's name only on the wrapper column; its dropdown rendered at the end of
   * body from the start, hidden on the popup's wrapper, shown on a click on the view; typed text that picks
   * nothing is dropped when the popup closes.
   */
  function arco(prop: string, label: string, options: Array<[string, string]>, model: Record<string, string | null>) {
    const item = document.createElement('div');
    item.className = 'arco-form-item';
    item.innerHTML = `<div class="arco-form-item-label-col"><label class="arco-form-item-label">${label}</label></div>
      <div class="arco-form-item-wrapper-col" id="${prop}"><div class="arco-form-item-content">
      <span class="arco-select-view-single arco-select arco-select-view arco-select-view-search"><input class="arco-select-view-input" placeholder="Chọn">
      <span class="arco-select-view-value arco-select-view-value-hidden"></span></span></div></div>`;
    document.querySelector('.arco-card-body')!.append(item);
    const popup = document.createElement('div');
    popup.className = 'arco-trigger-popup';
    popup.innerHTML = `<div class="arco-trigger-popup-wrapper" style="display: none"><div class="arco-select-dropdown"><ul class="arco-select-dropdown-list">${options
      .map(([, t]) => `<li class="arco-select-option"><span class="arco-select-option-content">${t}</span></li>`)
      .join('')}</ul></div></div>`;
    document.body.append(popup);
    const view = item.querySelector<HTMLElement>('.arco-select-view')!;
    const input = view.querySelector('input')!;
    const shown = view.querySelector<HTMLElement>('.arco-select-view-value')!;
    const wrapper = popup.firstElementChild as HTMLElement;
    const setOpen = (open: boolean) => {
      wrapper.style.display = open ? '' : 'none';
      view.classList.toggle('arco-select-view-opened', open);
      if (!open) input.value = '';
      shown.classList.toggle('arco-select-view-value-hidden', open || !shown.textContent);
    };
    view.addEventListener('click', () => setOpen(wrapper.style.display === 'none'));
    input.addEventListener('input', () => {
      for (const li of wrapper.querySelectorAll<HTMLElement>('li'))
        li.style.display = li.textContent!.toLowerCase().includes(input.value.toLowerCase()) ? '' : 'none';
    });
    wrapper.querySelectorAll('li').forEach((li, i) => {
      li.addEventListener('click', () => {
        model[prop] = options[i]![0];
        shown.textContent = options[i]![1];
        setOpen(false);
      });
    });
  }
  const card = (title: string) =>
    `<div class="arco-card"><div class="arco-card-header"><div class="arco-card-header-title">${title}</div></div><div class="arco-card-body"></div></div>`;
  const hung = person(
    'Hoàng Văn Hùng',
    {},
    { ethnicity: { value: 'Tày', prov: typed }, nationality: { value: 'Việt Nam', prov: typed } },
  );

  it('opens each a-select by its view, searches, clicks the option in its own popup, and reads back the label it shows', async () => {
    document.body.innerHTML = card('Thông tin người chết');
    const model: Record<string, string | null> = { nktDanToc: null, nktQuocTich: null };
    arco(
      'nktDanToc',
      'Dân tộc',
      [
        ['01', 'Kinh'],
        ['02', 'Tày'],
      ],
      model,
    );
    arco(
      'nktQuocTich',
      'Quốc tịch',
      [
        ['LAO', 'Lào'],
        ['VNM', 'Việt Nam'],
      ],
      model,
    );
    const run = await fillDocument(document, people([['deceased', hung]]));
    expect(model).toEqual({ nktDanToc: '02', nktQuocTich: 'VNM' });
    expect(status(run, 'Dân tộc')).toMatchObject({ status: 'filled', adapter: 'arco-select' });
    expect(status(run, 'Quốc tịch')).toMatchObject({ status: 'filled', adapter: 'arco-select' });
  });

  it('a box inside a select no adapter knows is typed but never marked ✓: the page may not have taken it', async () => {
    document.body.innerHTML = `<h3>Thông tin người chết</h3><label for="dt">Dân tộc</label>
      <div class="tx-select tx-select--single"><input id="dt" class="tx-select__input"></div>
      <label for="ht">Họ và tên</label><div class="select-none"><input id="ht"></div>`;
    const run = await fillDocument(document, people([['deceased', hung]]));
    expect(value('#dt')).toBe('Tày');
    expect(status(run, 'Dân tộc')).toMatchObject({ status: 'check', reason: { code: 'listLikeText' } });
    // Tailwind's `select-none` styles text selection: a plain box, filled and ✓.
    expect(status(run, 'Họ và tên')).toMatchObject({ status: 'filled' });
  });
});

describe('a long placeholder is a hint, not the field’s name', () => {
  it('"Nơi chết" whose hint mentions "địa chỉ" is not filled with the deceased’s address', async () => {
    document.body.innerHTML = `<h3>Thông tin người chết</h3>
      <label for="dc">Địa chỉ</label><input id="dc">
      <label for="nc">Nơi chết</label><textarea id="nc" placeholder="Ghi rõ tên cơ sở y tế (nếu chết tại cơ sở y tế) hoặc địa chỉ nơi chết"></textarea>
      <label for="sn">Số nhà</label><input id="sn" placeholder="Số nhà, đường/phố, thôn/xóm">`;
    const hung = person('Hoàng Văn Hùng', { address: 'Xóm 2, Xã Hưng Đạo, Huyện Hòa An, Cao Bằng' });
    const run = await fillDocument(document, people([['deceased', hung]]));
    expect(value('#dc')).not.toBe('');
    expect(value('#nc')).toBe('');
    expect(run.report.filter((r) => r.label === 'Nơi chết' && r.status === 'filled')).toEqual([]);
  });
});

describe('a relation the records tell: the requester is the father the child’s record links', () => {
  it('chooses "Cha" for the father acknowledging his son, and leaves it to the officer without the link', async () => {
    const form = `
      <h3>Thông tin người yêu cầu</h3><label for="a">Họ, chữ đệm và tên</label><input id="a">
      <label for="qh">Quan hệ với người được nhận</label>
      <select id="qh"><option value="">Chọn quan hệ</option><option value="CHA">Cha</option><option value="ME">Mẹ</option><option value="CON">Con</option></select>
      <h3>Thông tin người được nhận là con</h3><label for="b">Họ, chữ đệm và tên</label><input id="b">`;
    const father = person('Trần Văn Bình');
    const son = person('Trần Bảo An');
    document.body.innerHTML = form;
    await fillDocument(
      document,
      people([
        ['requester', father],
        ['child', { person: son, parents: { father: father.id } }],
      ]),
    );
    expect([value('#a'), value('#qh'), value('#b')]).toEqual(['Trần Văn Bình', 'CHA', 'Trần Bảo An']);
    document.body.innerHTML = form;
    const run = await fillDocument(
      document,
      people([
        ['requester', father],
        ['child', son],
      ]),
    );
    expect(value('#qh')).toBe('');
    expect(run.report.find((r) => r.field === 'relation')?.status).toBe('check');
  });
});

describe('an editable combobox whose list stays open (Blueprint’s Suggest while its popover is open)', () => {
  it('is never ✓ from the text typed in it: the query is no choice', async () => {
    document.body.innerHTML = `
      <label for="dt">Dân tộc</label>
      <input id="dt" role="combobox" aria-autocomplete="list" aria-haspopup="listbox" aria-controls="lb" aria-expanded="false">
      <ul id="lb" role="listbox" hidden><li role="option"><a>Kinh</a></li><li role="option"><a>Tày</a></li></ul>`;
    const input = document.querySelector<HTMLInputElement>('#dt')!;
    const list = document.querySelector<HTMLElement>('#lb')!;
    // Opens on a key or a click; only the link in an option takes a click, which happy-dom never lands on.
    const open = () => {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    };
    input.addEventListener('keydown', open);
    input.addEventListener('click', open);
    const kinh = person('Lê Văn Khoa', {}, { ethnicity: { value: 'Kinh', prov: typed } });
    const run = await fillDocument(document, people([['subject', kinh]]), { listTimeoutMs: 300 });
    expect(input.value).toBe('Kinh');
    expect(run.report.find((r) => r.label === 'Dân tộc')?.status).not.toBe('filled');
  });
});

describe('a combobox whose popup is a menu (Blueprint’s DateInput)', () => {
  it('is a date box typed as its placeholder asks, not a list', async () => {
    document.body.innerHTML = `
      <label for="ns">Ngày, tháng, năm sinh</label>
      <input id="ns" role="combobox" aria-haspopup="menu" aria-expanded="false" placeholder="dd/mm/yyyy">`;
    const run = await fillDocument(document, people([['subject', person('Trần Bảo An', { dob: [5, 9, 2026] })]]));
    expect(value('#ns')).toBe('05/09/2026');
    expect(run.report.find((r) => r.label === 'Ngày, tháng, năm sinh')).toMatchObject({ adapter: 'text' });
  });
});
