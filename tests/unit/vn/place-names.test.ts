import { describe, expect, it } from 'vitest';
import { placeKey, stripUnitPrefix } from '@/utils/vn/place-names';

describe('stripUnitPrefix', () => {
  it.each([
    ['Phường Bạch Mai', 'Bạch Mai', 'ward'],
    ['P. Bạch Mai', 'Bạch Mai', 'ward'],
    ['P.12', '12', 'ward'],
    ['P12', '12', 'ward'],
    ['P 12', '12', 'ward'],
    ['Xã Tam Hiệp', 'Tam Hiệp', 'commune'],
    ['X. Tam Hiệp', 'Tam Hiệp', 'commune'],
    ['Thị trấn Đông Anh', 'Đông Anh', 'township'],
    ['TT. Đông Anh', 'Đông Anh', 'township'],
    ['TT Đông Anh', 'Đông Anh', 'township'],
    ['Quận Ba Đình', 'Ba Đình', 'district'],
    ['Q. Ba Đình', 'Ba Đình', 'district'],
    ['Q.1', '1', 'district'],
    ['Huyện Gia Lâm', 'Gia Lâm', 'district'],
    ['H. Gia Lâm', 'Gia Lâm', 'district'],
    ['Thị xã Sơn Tây', 'Sơn Tây', 'town'],
    ['TX. Sơn Tây', 'Sơn Tây', 'town'],
    ['Tỉnh Lào Cai', 'Lào Cai', 'province'],
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh', 'city'],
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh', 'city'],
    ['TP Hồ Chí Minh', 'Hồ Chí Minh', 'city'],
    ['Tp. Huế', 'Huế', 'city'],
    ['Đặc khu Côn Đảo', 'Côn Đảo', 'special'],
    ['xã Yên Bình', 'Yên Bình', 'commune'],
    ['Phuong Bach Mai', 'Bach Mai', 'ward'],
    ['Hà Nội', 'Hà Nội', null],
    ['Hải Phòng', 'Hải Phòng', null],
    ['Tình Cương', 'Tình Cương', null],
    ['Quang Trung', 'Quang Trung', null],
    ['Phú Thọ', 'Phú Thọ', null],
    ['Xuân La', 'Xuân La', null],
  ])('%s → %s (%s)', (input, name, kind) => {
    expect(stripUnitPrefix(input)).toEqual({ name, kind });
  });
});

describe('placeKey', () => {
  it.each([
    ['Phường 05', 'P.5'],
    ['Xã Hoà Bình', 'Hòa Bình'],
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Tỉnh Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu'],
  ])('%s = %s', (a, b) => {
    expect(placeKey(a)).toBe(placeKey(b));
  });
});
