import { describe, expect, it } from 'vitest';
import { t } from '@/utils/i18n';
import { parsePhone, toInternational } from '@/utils/vn/phone';

describe('parsePhone', () => {
  it.each([
    ['0912345678', '0912345678', 'mobile', false],
    ['091 234 5678', '0912345678', 'mobile', false],
    ['0912.345.678', '0912345678', 'mobile', false],
    ['+84912345678', '0912345678', 'mobile', false],
    ['+84 912 345 678', '0912345678', 'mobile', false],
    ['0084912345678', '0912345678', 'mobile', false],
    ['84912345678', '0912345678', 'mobile', false],
    ['0387654321', '0387654321', 'mobile', false],
    ['912345678', '0912345678', 'mobile', true],
    [912345678, '0912345678', 'mobile', true],
    ['02438123456', '02438123456', 'landline', false],
    ['(024) 3812 3456', '02438123456', 'landline', false],
    ['2438123456', '02438123456', 'landline', true],
  ] as const)('%s → %s (%s, restored %s)', (raw, value, kind, restored) => {
    const r = parsePhone(raw);
    expect(r).toMatchObject({ ok: true, value, kind, restored });
  });

  it.each(['0112345678', '091234567', '09123456789', 'abc', '', '0612345678'])('%s is refused', (raw) => {
    const r = parsePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('vi', r.reason.key, r.reason.params)).toMatch(/[Ss]ố điện thoại/);
  });

  it('says why in the catalogue, word for word as before', () => {
    expect(parsePhone('')).toEqual({ ok: false, reason: { key: 'phone.empty' } });
    const r = parsePhone('0612345678');
    expect(r).toEqual({ ok: false, reason: { key: 'phone.badShape', params: { text: '0612345678' } } });
    if (!r.ok)
      expect(t('vi', r.reason.key, r.reason.params)).toBe(
        'Số điện thoại "0612345678" không đúng dạng: di động có 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định có 11 số bắt đầu bằng 02.',
      );
    expect(parsePhone('09x')).toMatchObject({ reason: { key: 'phone.notDigits', params: { text: '09x' } } });
  });

  it('writes the international form', () => {
    expect(toInternational('0912345678')).toBe('+84912345678');
  });
});
