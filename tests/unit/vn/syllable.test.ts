import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable } from '@/utils/vn/syllable';

describe('isVietnameseSyllable', () => {
  it.each([
    'Đặng',
    'Diễm',
    'Hữu',
    'Việt',
    'Quách',
    'quyết',
    'Quỳnh',
    'giếng',
    'gì',
    'giữa',
    'khuếch',
    'thuở',
    'xoong',
    'Khuỷu',
    'hươu',
    'Yến',
    'NGUYỄN',
  ])('%s is one', (word) => expect(isVietnameseSyllable(word)).toBe(true));
  it.each([
    ['Ỹn', 'no rhyme "yn"'],
    ['Quaùch', 'no rhyme "auch"'],
    ['Quaựch', 'no rhyme "aưch"'],
    ['Hoáàng', 'two tones'],
    ['hoàc', 'a checked rhyme takes only sắc or nặng'],
    ['café', 'f is no Vietnamese letter'],
    ['ĐiƠm', 'no rhyme "iơm"'],
  ])('%s is not (%s)', (word) => expect(isVietnameseSyllable(word)).toBe(false));
});
