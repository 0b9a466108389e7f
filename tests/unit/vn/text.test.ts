import { describe, expect, it } from 'vitest';
import { cleanSpaces, fold, matchKey, nfc, setTonePlacement } from '@/utils/vn/text';

describe('nfc', () => {
  it('composes decomposed input from keyboards and PDFs', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn');
    expect(nfc(nfd)).toBe('Nguyễn');
  });
});

describe('fold', () => {
  it.each([
    ['Nguyễn Văn Đức', 'Nguyen Van Duc'],
    ['ĐẶNG THỊ Ấu', 'DANG THI Au'],
    ['đường Lê Lợi', 'duong Le Loi'],
    ['Thừa Thiên Huế'.normalize('NFD'), 'Thua Thien Hue'],
    ['Ứng Hoà', 'Ung Hoa'],
    ['plain ascii', 'plain ascii'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('matchKey', () => {
  it.each([
    ['Hoà Bình', 'Hòa Bình'],
    ['Thuỷ', 'Thủy'],
    ['Khoá', 'Khóa'],
    ['Quí', 'Quý'],
    ['Kì Anh', 'Kỳ Anh'],
    ['Lí Sơn', 'Lý Sơn'],
    ['Ê Đê', 'Ê-đê'],
    ['Cơ Ho', 'Cơ-ho'],
    ["H'Mông", 'H Mông'],
    ['  Nguyễn   Văn  A ', 'nguyen van a'],
    ['Nguyễn'.normalize('NFD'), 'NGUYEN'],
  ])('%s matches %s', (a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
  });

  it.each([
    ['Thuỷ', 'Thui'],
    ['Huy', 'Hui'],
    ['Hán', 'Kháng'],
    ['Lào', 'Lào Cai'],
  ])('%s does not match %s', (a, b) => {
    expect(matchKey(a)).not.toBe(matchKey(b));
  });
});

describe('setTonePlacement', () => {
  it.each([
    ['Hoà', 'classic', 'Hòa'],
    ['Hòa', 'modern', 'Hoà'],
    ['Thuỷ', 'classic', 'Thủy'],
    ['Thủy', 'modern', 'Thuỷ'],
    ['Khoá', 'classic', 'Khóa'],
    ['khỏe', 'modern', 'khoẻ'],
    ['HOÀ', 'classic', 'HÒA'],
    ['Hoàng', 'classic', 'Hoàng'],
    ['Hoàng', 'modern', 'Hoàng'],
    ['Thuyền', 'modern', 'Thuyền'],
    ['Quý', 'classic', 'Quý'],
    ['Quý', 'modern', 'Quý'],
    ['Ứng Hoà, Hà Nội', 'classic', 'Ứng Hòa, Hà Nội'],
  ] as const)('%s (%s) → %s', (input, style, expected) => {
    expect(setTonePlacement(input, style)).toBe(expected);
  });

  it('round-trips between the two styles', () => {
    for (const word of ['Hòa', 'Thủy', 'Khóa', 'Xòe', 'Họa', 'Túy']) {
      expect(setTonePlacement(setTonePlacement(word, 'modern'), 'classic')).toBe(word);
    }
  });
});

describe('cleanSpaces', () => {
  it('collapses non-breaking and zero-width spaces', () => {
    expect(cleanSpaces(' Số\u00a01 \u200b phố  X ')).toBe('Số 1 phố X');
  });
});
