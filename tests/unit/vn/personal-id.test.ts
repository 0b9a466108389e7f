import { t } from '@/utils/i18n';
import { describe, expect, it } from 'vitest';
import {
  crossCheckId,
  decodePersonalId,
  legacyProvince,
  legacyProvinces,
  maskId,
  parseIdNumber,
} from '@/utils/vn/personal-id';
import { parseDate, type VnDate } from '@/utils/vn/dates';

const date = (text: string): VnDate => {
  const r = parseDate(text);
  if (!r.ok) throw new Error(r.reason);
  return r.date;
};

describe('parseIdNumber', () => {
  it.each([
    ['001090012345', 'personal-id', '001090012345', false],
    [' 001 090 012 345 ', 'personal-id', '001090012345', false],
    ['123456789', 'old-id', '123456789', false],
    ['1090012345', 'personal-id', '001090012345', true],
    ['79090012345', 'personal-id', '079090012345', true],
    ['12345678', 'old-id', '012345678', true],
    [1090012345, 'personal-id', '001090012345', true],
  ] as const)('%s → %s %s (restored %s)', (raw, kind, value, restored) => {
    const r = parseIdNumber(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.id).toMatchObject({ kind, value, restored });
    expect(r.id.notes.length > 0).toBe(restored);
    if (restored) expect(r.id.notes[0]).toContain('Đã thêm số 0');
  });

  it.each([
    ['1.09001E+11', 'id.parse.exponent', 'số mũ'],
    ['00109001234X', 'id.parse.notDigits', 'chỉ được có chữ số'],
    ['1234567', 'id.parse.length', 'có 7 chữ số'],
    ['0010900123456', 'id.parse.length', 'có 13 chữ số'],
  ])('%s is refused (%s: %s)', (raw, key, words) => {
    const r = parseIdNumber(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.key).toBe(key);
    if (!r.ok) expect(t('vi', r.reason.key, r.reason.params)).toContain(words);
  });

  it('says a rounded number in the same words as before', () => {
    const r = parseIdNumber(1e21);
    expect(r).toEqual({ ok: false, reason: { key: 'id.parse.rounded' } });
    if (!r.ok)
      expect(t('vi', r.reason.key)).toBe(
        'Số giấy tờ bị bảng tính làm tròn (dạng số mũ), không khôi phục được. Hãy định dạng cột là Văn bản rồi nhập lại.',
      );
  });
});

describe('decodePersonalId', () => {
  it('decodes the VIETNAM.md example 001090012345', () => {
    expect(decodePersonalId('001090012345')).toMatchObject({
      provinceCode: '001',
      province: { name: 'Hà Nội', newProvinceCode: '01' },
      abroad: false,
      sex: 'Nam',
      birthYear: 1990,
    });
  });

  it.each([
    ['001190012345', 'Nữ', 1990],
    ['079203000001', 'Nam', 2003],
    ['079305000001', 'Nữ', 2005],
    ['036425000001', 'Nam', 2125],
  ] as const)('%s → %s %d', (id, sex, year) => {
    expect(decodePersonalId(id)).toMatchObject({ sex, birthYear: year });
  });

  it('uses the legacy table, not the 2025 codes that reuse the numbers', () => {
    // 015 was Yên Bái; 15 is now the new Lào Cai. 052 was Bình Định, now part of Gia Lai (52).
    expect(decodePersonalId('015090000001')?.province).toMatchObject({ name: 'Yên Bái', newProvinceCode: '15' });
    expect(decodePersonalId('052090000001')?.province).toMatchObject({ name: 'Bình Định', newProvinceCode: '52' });
    expect(decodePersonalId('024090000001')?.province).toMatchObject({ name: 'Bắc Giang', newProvinceCode: '24' });
    expect(decodePersonalId('080090000001')?.province).toMatchObject({ name: 'Long An', newProvinceCode: '80' });
    expect(decodePersonalId('044090000001')?.province).toMatchObject({ name: 'Quảng Bình', newProvinceCode: '44' });
  });

  it('flags births registered abroad', () => {
    expect(decodePersonalId('101090000001')).toMatchObject({ abroad: true, province: null });
    expect(decodePersonalId('295090000001')).toMatchObject({ abroad: true });
    expect(decodePersonalId('12345')).toBeNull();
  });

  it('has all 63 legacy provinces, each mapped to a 2025 province', () => {
    expect(legacyProvinces()).toHaveLength(63);
    expect(new Set(legacyProvinces().map((p) => p.newProvinceCode)).size).toBe(34);
    expect(legacyProvince('079')?.newProvinceCode).toBe('79');
    expect(legacyProvince('074')?.newProvinceCode).toBe('79');
  });
});

describe('crossCheckId', () => {
  it('is silent when number, birth year and sex agree', () => {
    expect(crossCheckId('001090012345', { birthDate: date('01/01/1990'), sex: 'Nam' })).toEqual([]);
  });

  it('warns, without refusing, on each disagreement', () => {
    const issues = crossCheckId('001090012345', { birthDate: date('01/01/1991'), sex: 'Nữ' });
    expect(issues.map((i) => i.field).sort()).toEqual(['birthYear', 'sex']);
    expect(issues.find((i) => i.field === 'birthYear')?.message).toEqual({
      key: 'id.mismatch.birthYear',
      params: { suggested: 1990, written: 1991 },
    });
    const sex = issues.find((i) => i.field === 'sex')!.message;
    expect(t('vi', sex.key, sex.params)).toBe(
      'Số định danh gợi ý giới tính Nam, nhưng giới tính ghi là Nữ; hãy kiểm tra lại.',
    );
  });

  it('warns on a prefix that is no province', () => {
    expect(crossCheckId('003090012345', {}).map((i) => i.field)).toEqual(['province']);
  });
});

describe('maskId', () => {
  it('shows the first four and last three digits', () => {
    expect(maskId('001090012345')).toBe('0010•••••345');
    expect(maskId('123456789')).toBe('1234••789');
  });
});
