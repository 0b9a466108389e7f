import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
import { catalogue } from '@/utils/i18n/messages';

describe('message catalogue', () => {
  it('has the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.vi).sort());
    for (const lang of ['vi', 'en'] as const) {
      for (const [key, text] of Object.entries(catalogue[lang])) expect(text.trim(), `${lang}:${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogue.vi) as Array<keyof typeof catalogue.vi>) {
      expect(names(catalogue.en[key]), key).toEqual(names(catalogue.vi[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('vi', 'panel.fields', { fields: 3, frames: 2 })).toBe('Phát hiện 3 ô nhập liệu trong 2 khung trang.');
    expect(t('en', 'panel.fields', { fields: 3 })).toBe('Found 3 input fields in {frames} frames.');
  });
});
