import { describe, expect, it } from 'vitest';
import { joinName, splitName, toTitleVi, toUpperVi } from '@/utils/vn/names';

describe('case', () => {
  it.each([
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An'],
    ['ĐẶNG THỊ ẤU', 'Đặng Thị Ấu'],
    ['  LÊ   THỊ   ÚT ', 'Lê Thị Út'],
    ['ĐỖ ĐỨC ĐẠT', 'Đỗ Đức Đạt'],
  ])('%s ↔ %s', (upper, title) => {
    expect(toTitleVi(upper)).toBe(title);
    expect(toUpperVi(title)).toBe(upper.trim().replace(/\s+/g, ' '));
  });

  it('title-cases lower-case input', () => {
    expect(toTitleVi('đặng thị ấu')).toBe('Đặng Thị Ấu');
  });

  it('upper-cases decomposed input into composed capitals', () => {
    expect(toUpperVi('Nguyễn'.normalize('NFD'))).toBe('NGUYỄN');
  });
});

describe('splitName / joinName', () => {
  it.each([
    ['Nguyễn Văn A', 'Nguyễn', 'Văn', 'A'],
    ['Trần Thị Thu Hà', 'Trần', 'Thị Thu', 'Hà'],
    ['Lê Lợi', 'Lê', '', 'Lợi'],
    ['Âu Dương Phong', 'Âu Dương', '', 'Phong'],
    ['Tôn Nữ Minh Châu', 'Tôn Nữ', 'Minh', 'Châu'],
    ['TÔN THẤT THUYẾT', 'TÔN THẤT', '', 'THUYẾT'],
    ['Hà', '', '', 'Hà'],
    ['Tôn Nữ', 'Tôn', '', 'Nữ'],
  ])('%s → %s | %s | %s', (full, family, middle, given) => {
    const parts = splitName(full);
    expect(parts).toEqual({ family, middle, given });
    expect(joinName(parts)).toBe(full);
  });

  it('takes the officer’s surname list over the default', () => {
    expect(splitName('Nguyễn Phúc Bảo Long', ['Nguyễn Phúc'])).toEqual({
      family: 'Nguyễn Phúc',
      middle: 'Bảo',
      given: 'Long',
    });
  });
});
