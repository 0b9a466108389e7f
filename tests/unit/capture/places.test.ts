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
    expect(r.changes).toEqual(['"Hoàn Kiêm" → "Hoàn Kiếm"']);
    expect(lexicon.repair('Điện Bàn, Quáng Nam').value).toBe('Điện Bàn, Quảng Nam');
    expect(lexicon.repair('Xã Thạch Hòa, Huyện Thạch Thát, Hà Nội').value).toBe('Xã Thạch Hòa, Huyện Thạch Thất, Hà Nội');
  });

  it('keeps the card’s tone placement, and leaves what it cannot decide', () => {
    expect(lexicon.repair('Xã Thạch Hòa').changes).toEqual([]);
    const r = lexicon.repair('Phường Ha Long');
    expect(r.value).toBe('Phường Ha Long');
    expect(r.ambiguous).toContain('Ha');
  });
});
