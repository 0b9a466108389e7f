import { describe, expect, it } from 'vitest';
import { fitsSex } from '@/components/panel/FillPanel';

describe('which blocks a picked person may fill', () => {
  it.each([
    ['father', 'Nam', true],
    ['father', 'Nữ', false],
    ['groom', 'Nữ', false],
    ['mother', 'Nam', false],
    ['bride', 'Nữ', true],
    ['requester', 'Nữ', true],
    ['child', 'Nam', true],
    ['mother', null, true],
  ] as const)('%s ← %s: %s', (role, sex, fits) => {
    expect(fitsSex(role, sex)).toBe(fits);
  });
});
