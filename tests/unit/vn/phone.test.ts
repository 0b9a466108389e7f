import { describe, expect, it } from 'vitest';
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
    if (!r.ok) expect(r.reason).toMatch(/[Ss]ố điện thoại/);
  });

  it('writes the international form', () => {
    expect(toInternational('0912345678')).toBe('+84912345678');
  });
});
