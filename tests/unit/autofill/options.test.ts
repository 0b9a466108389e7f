import { describe, expect, it } from 'vitest';
import { otherOption, pickChoice, sameChoice } from '@/utils/autofill/options';
import { placeKey } from '@/utils/vn/place-names';

const list = (...pairs: Array<[string, string]>) => pairs.map(([value, text]) => ({ value, text }));

describe('picking an option for what the record says', () => {
  it('by its text first, then by a code whose text does not say otherwise', () => {
    const ethnic = list(['', '-- Chọn --'], ['01', 'Kinh'], ['12', 'Ê-đê']);
    expect(pickChoice(ethnic, ['Ê Đê', 'Ê-đê', '12'])).toEqual({ index: 2, value: 'Ê Đê', loose: false });
    // Another portal numbers its list otherwise: "12" is not Ê Đê there, and the text wins.
    expect(pickChoice(list(['12', 'Hoa'], ['30', 'Ê Đê']), ['Ê Đê', '12'])).toMatchObject({ index: 1 });
    expect(pickChoice(list(['VN', 'VN']), ['Việt Nam', 'VN'])).toMatchObject({ index: 0 });
  });

  it('options that keep no codes (widgets) are real options, a placeholder is not', () => {
    expect(pickChoice(list(['', 'Cha'], ['', 'Mẹ'], ['', 'Người khác']), ['Mẹ đẻ', 'Mẹ'])).toEqual({
      index: 1,
      value: 'Mẹ',
      loose: false,
    });
    expect(pickChoice(list(['', '-- Chọn --'], ['', 'Chọn giới tính']), ['Chọn'])).toBeNull();
  });

  it('a loose match only when exactly one option fits', () => {
    expect(pickChoice(list(['1', 'Kháng']), ['Hán'])).toBeNull();
    expect(pickChoice(list(['a', 'Mông (Hmông)'], ['b', 'Mông Cổ']), ['Mông'])).toBeNull();
    expect(pickChoice(list(['a', 'Mông (Hmông)'], ['b', 'Kinh']), ['Mông'])).toEqual({
      index: 0,
      value: 'Mông',
      loose: true,
    });
    // "Lào Cai" is not Laos; "Myanma" is not the USA.
    expect(pickChoice(list(['LA', 'Lào'], ['US', 'Hoa Kỳ']), ['Lào Cai'])).toBeNull();
  });

  it('hyphens, apostrophes and spaces do not matter', () => {
    expect(pickChoice(list(['08', "H'Mông"]), ['HMông'])).toMatchObject({ index: 0, loose: false });
    expect(pickChoice(list(['12', 'Êđê']), ['Ê Đê'])).toMatchObject({ index: 0, loose: false });
  });

  it('places by their name without the unit word', () => {
    expect(
      pickChoice(list(['01', 'Thành phố Hà Nội'], ['79', 'TP. Hồ Chí Minh']), ['Hồ Chí Minh', '79'], placeKey),
    ).toMatchObject({ index: 1 });
    expect(pickChoice(list(['00070', 'Phường Hoàn Kiếm']), ['Phường Hoàn Kiếm', '00070'], placeKey)).toMatchObject({
      index: 0,
    });
  });

  it('"Khác" only when the list has exactly one', () => {
    expect(otherOption(list(['1', 'Kinh'], ['99', 'Khác']))).toBe(1);
    expect(otherOption(list(['1', 'Khác (ghi rõ)'], ['2', 'Khác']))).toBeNull();
  });

  it('what a widget shows is the option chosen: by code when both have one, else by text', () => {
    expect(sameChoice({ value: '12', text: 'Ê-đê' }, { value: '12', text: 'Ê Đê' })).toBe(true);
    expect(sameChoice({ value: '01', text: 'Kinh' }, { value: '12', text: 'Kinh' })).toBe(false);
    expect(sameChoice({ value: '', text: 'Mẹ' }, { value: '', text: 'Mẹ' })).toBe(true);
    expect(sameChoice(null, { value: '1', text: 'Nam' })).toBe(false);
  });
});
