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
