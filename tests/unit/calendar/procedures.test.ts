import { describe, expect, it } from 'vitest';
import { catalogueSchema, feeFor, formatDong, procedureByCode, procedures } from '@/utils/procedures/catalogue';
import data from '@/utils/procedures/catalogue.json';

describe('the procedure catalogue', () => {
  it('holds at least the 12 ward procedures, valid and with unique codes', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(12);
    for (const code of [
      '1.001193',
      '1.000894',
      '1.000656',
      '1.004873',
      '1.004884',
      '2.000815',
      '2.000884',
      '1.004222',
      '1.004194',
      '2.000986',
      'trich-luc',
      'hop-dong',
    ]) {
      expect(procedureByCode(code), code).not.toBeNull();
    }
  });

  it('refuses a file with a field path outside the person model or a duplicated code', () => {
    const broken = structuredClone(data);
    broken.procedures[0]!.fields.push('child.shoeSize');
    expect(catalogueSchema.safeParse(broken).success).toBe(false);
    const twice = structuredClone(data);
    twice.procedures.push(twice.procedures[0]!);
    expect(catalogueSchema.safeParse(twice).success).toBe(false);
  });
});

describe('fees', () => {
  const copy = procedureByCode('2.000815')!;
  it.each([
    [1, 1, 2000],
    [2, 1, 4000],
    [3, 1, 5000],
    [10, 2, 2 * (4000 + 8000)],
    // 300 pages would be 302,000 đ: capped at 200,000 đ per copy.
    [300, 1, 200_000],
    [300, 3, 600_000],
  ])('certified copy, %i pages × %i copies = %i đ', (pages, copies, amount) => {
    expect(feeFor(copy, { pages, copies })).toBe(amount);
  });

  it('per copy, per case, online rates, exemptions, and provincial fees left to the province', () => {
    expect(feeFor(procedureByCode('trich-luc')!, { copies: 3 })).toBe(24_000);
    expect(feeFor(procedureByCode('2.000884')!)).toBe(10_000);
    expect(feeFor(procedureByCode('1.004222')!)).toBe(20_000);
    expect(feeFor(procedureByCode('1.004222')!, { online: true })).toBe(10_000);
    expect(feeFor(procedureByCode('1.004222')!, { exemption: 'Hộ nghèo' })).toBe(0);
    expect(feeFor(procedureByCode('1.001193')!)).toBe(0);
    expect(feeFor(procedureByCode('1.004873')!)).toBeNull();
    expect(feeFor(procedureByCode('1.004873')!, { exemption: 'Người có công' })).toBe(0);
    expect(formatDong(200_000)).toBe('200.000 đồng');
  });
});
