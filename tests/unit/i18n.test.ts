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
    expect(t('vi', 'panel.report', { check: 1, missing: 2, filled: 3 })).toBe(
      '⚠ 1 cần xem · ✗ 2 chưa điền đúng · ✓ 3 đã điền và đã kiểm',
    );
    expect(t('en', 'panel.report', { check: 1, filled: 3 })).toBe(
      '⚠ 1 to check · ✗ {missing} not filled right · ✓ 3 filled and checked',
    );
  });

  it('has words for every reason the filler gives, in both languages', async () => {
    const { reasonCodes } = await import('@/utils/autofill/control');
    for (const code of reasonCodes) expect(catalogue.vi, code).toHaveProperty(`fill.reason.${code}`);
  });
});
