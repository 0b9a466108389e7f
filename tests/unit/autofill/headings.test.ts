// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { roleForHeading } from '@/utils/autofill/labels';
import { scanDocument } from '@/utils/autofill/run';

// happy-dom lays nothing out: visible is what is not hidden (the real rules run in Chromium).
vi.mock('@/utils/autofill/visibility', () => ({
  isVisibleToOfficer: (el: Element | null | undefined) => Boolean(el?.isConnected && !el.closest('[hidden]')),
}));

describe('block headings and labels the held-out Ministry of Justice form taught', () => {
  it.each([
    ['ĐỀ NGHỊ CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN CHO NGƯỜI CÓ TÊN DƯỚI ĐÂY', 'subject'],
    ['THÔNG TIN NGƯỜI CHA', 'father'],
    // A long sentence that merely mentions a parent is no heading of a parent's block.
    ['Trường hợp cha hoặc mẹ không có mặt thì phải có văn bản ủy quyền của cha hoặc mẹ', null],
  ] as const)('%s → %s', (heading, role) => {
    expect(roleForHeading(heading)).toBe(role);
  });

  it('a required marker between the label and its control does not hide the label', () => {
    document.body.innerHTML = `<div class="tk-section"><div class="tk-section-title">THÔNG TIN NGƯỜI CHA</div>
      <div class="tk-row"><div class="tk-col">(1) Họ, chữ đệm, tên<span class="required">*</span>: <x-input name="HoTen"><input name="HoTen"></x-input></div></div></div>`;
    const [field] = scanDocument(document);
    expect(field).toMatchObject({ field: 'fullName', role: 'father' });
  });
});

describe('a tờ khai laid out as a table, a column per party (Bên nữ | Bên nam), a row per question', () => {
  const form = `<table>
    <tr><td colspan="3">II. NỘI DUNG TỜ KHAI</td></tr>
    <tr><th>Thông tin</th><th>Bên nữ</th><th>Bên nam</th></tr>
    <tr><td>Họ, chữ đệm, tên</td><td><input name="txtNu_HoTen"></td><td><input name="txtNam_HoTen"></td></tr>
    <tr><td>Dân tộc</td>
      <td><select id="nuDanToc" name="ddlNu_DanToc" hidden style="display:none"><option value=""></option><option value="01">Kinh</option></select>
        <div class="box" id="nuDanToc_chosen"><a><span>Ê-đê</span></a><div><input autocomplete="off"></div></div></td>
      <td><select id="namDanToc" name="ddlNam_DanToc" hidden style="display:none"><option value=""></option><option value="01">Kinh</option></select>
        <div class="box" id="namDanToc_chosen"><a><span>-- Chọn dân tộc --</span></a><div><input autocomplete="off"></div></div></td></tr>
    <tr><td>Nơi cư trú</td><td>
      <div><span>Tỉnh/Thành phố:</span><select id="nuTinh" name="ddlNu_Tinh" hidden style="display:none"><option value=""></option><option value="66">Tỉnh Đắk Lắk</option></select>
        <div class="box" id="nuTinh_chosen"><a><span>Tỉnh Đắk Lắk</span></a><div><input autocomplete="off"></div></div></div>
      <div><span>Số nhà, đường/phố, thôn/xóm:</span><input name="txtNu_DiaChi"></div></td><td></td></tr>
  </table>`;

  it('each column is its party’s block, each row’s first cell its label; a cell of several fields labels each by its own', () => {
    document.body.innerHTML = form;
    const fields = scanDocument(document).map((f) => [f.names[0], f.field, f.role, f.adapter.id]);
    expect(fields).toEqual([
      ['txtNu_HoTen', 'fullName', 'bride', 'text'],
      ['txtNam_HoTen', 'fullName', 'groom', 'text'],
      // Chosen's box after its hidden select: named by the select's id (its own shows a placeholder of its own).
      ['ddlNu_DanToc', 'ethnicity', 'bride', 'drawn-dropdown'],
      ['ddlNam_DanToc', 'ethnicity', 'groom', 'drawn-dropdown'],
      ['ddlNu_Tinh', 'province', 'bride', 'drawn-dropdown'],
      ['txtNu_DiaChi', 'addressDetail', 'bride', 'text'],
    ]);
  });
});

describe('a card header that carries a description beside its title', () => {
  it('names the block by the heading inside it, not by its whole text', () => {
    document.body.innerHTML = `<div class="card"><div class="card-header"><h5 class="mb-0">Thông tin người mẹ</h5>
      <small class="text-muted">Nhập đúng theo thẻ căn cước hoặc giấy tờ tùy thân còn hiệu lực của người mẹ; nếu người mẹ đã mất thì bỏ trống mục này</small></div>
      <div class="card-body"><label for="ht">Họ, chữ đệm, tên</label><input id="ht"></div></div>`;
    const [field] = scanDocument(document);
    expect(field).toMatchObject({ field: 'fullName', role: 'mother' });
    expect(field!.headings[0]).toBe('Thông tin người mẹ');
  });
});
