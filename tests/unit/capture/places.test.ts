import { describe, expect, it } from 'vitest';
import { PlaceLexicon } from '../../../utils/capture/places';

const lexicon = new PlaceLexicon([
  'Quảng Nam',
  'Hà Nội',
  'Bình Định',
  'phường Hàng Bạc, phường Hàng Buồm (quận Hoàn Kiếm) và một phần phường Lý Thái Tổ',
  'xã Thạch Hoà, xã Tiến Xuân (huyện Thạch Thất)',
  'Phường Bến Nghé',
  'Quy Nhơn',
  'Hạ Long',
  'Hà Long',
]);

describe('PlaceLexicon', () => {
  it('puts back marks OCR lost or confused in place names', () => {
    const r = lexicon.repair('Số 3 Trần Hưng Đạo, Phường Hàng Bạc, Quận Hoàn Kiêm, Hà Nội');
    expect(r.value).toBe('Số 3 Trần Hưng Đạo, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội');
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatch(/Hoàn Kiêm" → ".*Hoàn Kiếm"/);
    expect(lexicon.repair('Điện Bàn, Quáng Nam').value).toBe('Điện Bàn, Quảng Nam');
    expect(lexicon.repair('Xã Thạch Hòa, Huyện Thạch Thát, Hà Nội').value).toBe(
      'Xã Thạch Hòa, Huyện Thạch Thất, Hà Nội',
    );
  });

  it('tells a part that is only a piece of a known name ("Thang" of "Thạch Thang"): a word may have been lost', () => {
    // Held-out card: "Thạch Thang, Hải Châu, Đà Nẵng" read "Thang, …", every word known, shown unflagged.
    const danang = new PlaceLexicon(['phường Thạch Thang, phường Hải Châu I (quận Hải Châu)', 'Đà Nẵng']);
    expect(danang.repair('Thang, Hải Châu, Đà Nẵng').partial).toEqual(['Thang']);
    expect(danang.repair('Thạch Thang, Hải Châu, Đà Nẵng').partial).toEqual([]);
    expect(danang.repair('Phường Thạch Thang, Quận Hải Châu, Đà Nẵng').partial).toEqual([]);
    // Inside a longer part ("Số 2 Thang …") it is not a part of its own.
    expect(danang.repair('Số 2 Thang Long, Hải Châu, Đà Nẵng').partial).toEqual([]);
  });

  it('knows a unit word before a name as addresses write it ("quận Ba Đình" → "Quận Ba Đình")', () => {
    const withDistrict = new PlaceLexicon(['phường Điện Biên (quận Ba Đình)', 'Quản Bạ']);
    expect(withDistrict.repair('Phường Quán Thánh, Quản Bạ Đình, Hà Nội').value).toBe(
      'Phường Quán Thánh, Quận Ba Đình, Hà Nội',
    );
  });

  it('reads a unit word OCR misspelled as the unit, when the words after it are one place', () => {
    // The data names the ward Ba Đình, never "quận Ba Đình".
    const withDistrict = new PlaceLexicon(['phường Điện Biên, phường Ba Đình', 'Quản Bạ', 'Hà Giang']);
    const r = withDistrict.repair('Quản Bạ Đình, Hà Nội');
    expect(r.value).toBe('Quận Ba Đình, Hà Nội');
    expect(r.changes).toEqual(['"Quản" → "Quận"', '"Bạ Đình" → "Ba Đình"']);
    // The district of Hà Giang is itself a place: left as written.
    expect(withDistrict.repair('Quản Bạ, Hà Giang').value).toBe('Quản Bạ, Hà Giang');
  });

  it('puts back a letter OCR confused (a digit for a letter, O for Đ, a doubled vowel), and only such slips', () => {
    const places = new PlaceLexicon(['Ba Đình', 'Nam Định', 'Gia Lâm', 'Hà Nội', 'Lê Lợi']);
    expect(places.repair('8a Định, Hà Nội').value).toBe('Ba Đình, Hà Nội');
    expect(places.repair('Huyện Hải Hậu, Nam Oịnh').value).toBe('Huyện Hải Hậu, Nam Định');
    expect(places.repair('Huyện Gia Lâàm, Hà Nội').value).toBe('Huyện Gia Lâm, Hà Nội');
    // "Lê Lai" is a street of its own, one letter from "Lê Lợi" but not by an OCR slip.
    expect(places.repair('Số 9 Lê Lai, Hà Nội').value).toBe('Số 9 Lê Lai, Hà Nội');
    // Nor does a dot make a slip ("TP." is how addresses write it).
    expect(new PlaceLexicon(['TP Hồ Chí Minh']).repair('Quận 1, TP. Hồ Chí Minh').value).toBe(
      'Quận 1, TP. Hồ Chí Minh',
    );
  });

  it('decides between places of the same letters by the province the address names', () => {
    const places = new PlaceLexicon([
      { text: 'Nam Định', province: '37', isProvince: true },
      { text: 'Huế', province: '46', isProvince: true },
      { text: 'xã Hải Đường, xã Hải Trung (huyện Hải Hậu)', province: '37' },
      { text: 'xã Hải Dương, xã Hương Phong', province: '46' },
    ]);
    expect(places.repair('Xã Hải Dưỡng, Huyện Hải Hậu, Nam Định').value).toBe('Xã Hải Đường, Huyện Hải Hậu, Nam Định');
    expect(places.repair('Xã Hải Dưỡng, Huế').value).toBe('Xã Hải Dương, Huế');
    // No province to go by: both stay possible, and the words are left as read.
    expect(places.repair('Xã Hải Dưỡng').value).toBe('Xã Hải Dưỡng');
  });

  it('counts the words it recognises and those it does not, to compare two readings of one address', () => {
    const clean = lexicon.repair('Số 46 Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội');
    expect(clean).toMatchObject({ unknown: 0, known: 10 });
    const junk = lexicon.repair('bi su LÀh Số 46 Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội |');
    expect(junk.unknown).toBe(4);
    expect(lexicon.repair('Phường Hàng Bạc, Ị Quận Hoàn Kiếm').unknown).toBe(1);
  });

  it('ends an address at its province and drops marks that are neither words nor numbers, saying so', () => {
    const places = new PlaceLexicon([
      { text: 'Hà Nội', province: '01', isProvince: true },
      { text: 'Nam Định', province: '37', isProvince: true },
      'xã Thạch Hoà (huyện Thạch Thất)',
    ]);
    expect(places.repair('Thạch Hòa, Thạch Thất, Hà Nội LAI Xã Lê')).toMatchObject({
      value: 'Thạch Hòa, Thạch Thất, Hà Nội',
      dropped: ['LAI Xã Lê'],
      unknown: 3,
    });
    expect(places.repair('Huyện Hải Hậu, 2+ Nam Định')).toMatchObject({
      value: 'Huyện Hải Hậu, Nam Định',
      dropped: ['2+'],
    });
    // Within the address, a place named like a province is no ending; nor is a dash.
    expect(places.repair('Số 5 Hà Nội, Thạch Thất - Hà Nội').value).toBe('Số 5 Hà Nội, Thạch Thất - Hà Nội');
  });

  it('keeps the card’s tone placement, and leaves what it cannot decide', () => {
    expect(lexicon.repair('Xã Thạch Hòa').changes).toEqual([]);
    const r = lexicon.repair('Phường Ha Long');
    expect(r.value).toBe('Phường Ha Long');
    expect(r.ambiguous).toContain('Ha');
  });
});
