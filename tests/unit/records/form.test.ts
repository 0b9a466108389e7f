import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, personToForm } from '@/utils/records/form';
import { personSchema } from '@/utils/records/schema';
import { personInput, typed } from './helpers';

const form = (patch: Partial<ReturnType<typeof emptyForm>>) => ({ ...emptyForm(), ...patch });

describe('checkForm', () => {
  it('builds a typed, verified record from valid input', () => {
    const now = new Date('2026-11-28T08:00:00Z');
    const check = checkForm(
      form({
        fullName: ' Nguyễn  Văn An ',
        birthDate: '1/1/1990',
        sex: 'Nam',
        personalId: '001 090 012 345',
        phone: '+84 912 345 678',
        permanentAddress: 'Số 1, Phường Quán Thánh, Quận Ba Đình, Hà Nội',
      }),
      null,
      'officer-1',
      now,
    );
    expect(check.errors).toEqual({});
    expect(check.warnings).toEqual([]);
    expect(check.person).toMatchObject({
      fullName: {
        value: 'Nguyễn Văn An',
        prov: { source: 'typed', confidence: 1, verifiedBy: 'officer-1', verifiedAt: now.toISOString() },
      },
      birthDate: { value: { day: 1, month: 1, year: 1990, precision: 'day' } },
      personalId: { value: '001090012345' },
      phone: { value: '0912345678' },
      permanentAddress: {
        value: { legacy: { ward: 'Phường Quán Thánh', district: 'Quận Ba Đình', province: 'Hà Nội' } },
      },
    });
  });

  it.each([
    ['fullName', '', 'Bắt buộc'],
    ['birthDate', '31/02/1990', 'chỉ có 28 ngày'],
    ['personalId', '1090012345', 'đúng 12 chữ số'],
    ['oldId', '12345', 'đúng 9 chữ số'],
    ['phone', '912345678', 'thiếu số 0'],
    ['phone', '12345', 'không đúng dạng'],
    ['email', 'an@', 'không đúng dạng'],
    ['idIssueDate', 'hôm qua', 'Không đọc được ngày'],
  ] as const)('%s = "%s" → %s', (field, value, message) => {
    const check = checkForm(form({ fullName: 'A', [field]: value }), null, 'o');
    expect(check.person).toBeNull();
    expect(check.errors[field]).toContain(message);
  });

  it('warns, without blocking, when the ID disagrees with birth year and sex', () => {
    const check = checkForm(
      form({ fullName: 'A', birthDate: '01/01/1991', sex: 'Nữ', personalId: '001090012345' }),
      null,
      'o',
    );
    expect(check.person).not.toBeNull();
    expect(check.warnings).toHaveLength(2);
  });

  it('keeps the provenance of fields the officer did not change', () => {
    const qr = { ...typed, source: 'qr' as const, confidence: 0.99 };
    const original = personSchema.parse({
      ...personInput('Lê Thị Hoa', { pid: '001190000001' }),
      personalId: { value: '001190000001', prov: qr },
      id: 'p1',
      createdAt: 'x',
      updatedAt: 'x',
    });
    const values = { ...personToForm(original), phone: '0912345678' };
    const check = checkForm(values, original, 'o');
    expect(check.person?.personalId?.prov.source).toBe('qr');
    expect(check.person?.phone?.prov.source).toBe('typed');
  });
});
