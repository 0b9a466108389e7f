import { describe, expect, it } from 'vitest';
import { PlaceLexicon } from '../../../utils/capture/places';

const lexicon = new PlaceLexicon([
  'Quảng Nam', 'Hà Nội', 'Bình Định',
  'phường Hàng Bạc, phường Hàng Buồm (quận Hoàn Kiếm) và một phần phường Lý Thái Tổ',
  'xã Thạch Hoà, xã Tiến Xuân (huyện Thạch Thất)',
  'Phường Bến Nghé', 'Quy Nhơn', 'Hạ Long', 'Hà Long',
]);

describe('PlaceLexicon', () => {
  it('puts back marks OCR lost or confused in place names', () => {
    const r = lexicon.repair('Số 3 Trần Hưng Đạo, Phường Hàng Bạc, Quận Hoàn Kiêm, Hà Nội');
    expect(r.value).toBe('Số 3 Trần Hưng Đạo, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội');
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatch(/Hoàn Kiêm" → ".*Hoàn Kiếm"/);
    expect(lexicon.repair('Điện Bàn, Quáng Nam').value).toBe('Điện Bàn, Quảng Nam');
    expect(lexicon.repair('Xã Thạch Hòa, Huyện Thạch Thát, Hà Nội').value).toBe('Xã Thạch Hòa, Huyện Thạch Thất, Hà Nội');
  });

  it('knows a unit word before a name as addresses write it ("quận Ba Đình" → "Quận Ba Đình")', () => {
    const withDistrict = new PlaceLexicon(['phường Điện Biên (quận Ba Đình)', 'Quản Bạ']);
    expect(withDistrict.repair('Phường Quán Thánh, Quản Bạ Đình, Hà Nội').value).toBe('Phường Quán Thánh, Quận Ba Đình, Hà Nội');
  });

  it('keeps the card’s tone placement, and leaves what it cannot decide', () => {
    expect(lexicon.repair('Xã Thạch Hòa').changes).toEqual([]);
    const r = lexicon.repair('Phường Ha Long');
    expect(r.value).toBe('Phường Ha Long');
    expect(r.ambiguous).toContain('Ha');
  });
});
