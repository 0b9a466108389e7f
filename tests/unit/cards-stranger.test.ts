import { describe, expect, it } from 'vitest';
import { checkDigit } from '../fixtures/cards-stranger/mrz.ts';
import { centuryDigit, decodeId, expiryFor, makePerson, modelFor } from '../fixtures/cards-stranger/people.ts';
import { fieldsOnSide } from '../fixtures/cards-stranger/photo.ts';
import { PROVINCES } from '../fixtures/cards-stranger/places.ts';

const people = Array.from({ length: 120 }, (_, i) => makePerson('unit', i, modelFor('unit', i)));

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();
}

describe('stranger cards: MRZ', () => {
  it('reproduces the check digits of the VIETNAM.md example', () => {
    expect(checkDigit('090012345')).toBe('0');
    expect(checkDigit('001090012345')).toBe('1');
    expect(checkDigit('900101')).toBe('1');
    expect(checkDigit('500101')).toBe('3');
  });

  it('has valid check digits and composite on every card', () => {
    for (const p of people) {
      const [l1, l2, l3] = p.truth.mrz;
      expect(l1).toHaveLength(30);
      expect(l2).toHaveLength(30);
      expect(l3).toHaveLength(30);
      expect(l1).toMatch(/^IDVNM\d{9}\d\d{12}<<\d$/);
      expect(l1.slice(5, 14)).toBe(p.truth.personalId.slice(3));
      expect(l1[14]).toBe(checkDigit(l1.slice(5, 14)));
      expect(l1.slice(15, 27)).toBe(p.truth.personalId);
      expect(l1[29]).toBe(checkDigit(l1.slice(15, 27)));
      expect(l2[6]).toBe(checkDigit(l2.slice(0, 6)));
      expect(l2[14]).toBe(checkDigit(l2.slice(8, 14)));
      expect(l2.slice(15, 18)).toBe('VNM');
      const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
      expect(l2[29]).toBe(checkDigit(composite));
      const [d, m, y] = p.truth.birthDate.split('/');
      expect(l2.slice(0, 6)).toBe(`${y!.slice(2)}${m}${d}`);
      expect(l2[7]).toBe(p.truth.sex === 'Nam' ? 'M' : 'F');
      if (p.truth.expiry !== 'Không thời hạn') {
        const [ed, em, ey] = p.truth.expiry.split('/');
        expect(l2.slice(8, 14)).toBe(`${ey!.slice(2)}${em}${ed}`);
      }
      const words = fold(p.truth.fullName).split(' ');
      expect(l3).toBe(`${words[0]}<<${words.slice(1).join('<')}`.slice(0, 30).padEnd(30, '<'));
      expect(l3).toMatch(/^[A-Z<]+$/);
    }
  });
});

describe('stranger cards: ID number', () => {
  it('encodes the legacy birth province, century/sex digit and year', () => {
    const codes = new Set(PROVINCES.map((p) => p.code));
    for (const p of people) {
      const id = p.truth.personalId;
      expect(id).toMatch(/^\d{12}$/);
      const decoded = decodeId(id);
      const year = Number(p.truth.birthDate.slice(6));
      expect(codes.has(decoded.province)).toBe(true);
      expect(decoded.year).toBe(year);
      expect(decoded.sex).toBe(p.truth.sex);
      expect(Number(id[3])).toBe(centuryDigit(year, p.truth.sex));
      expect(Number(id[3]) % 2).toBe(p.truth.sex === 'Nữ' ? 1 : 0);
    }
    expect(centuryDigit(1990, 'Nam')).toBe(0);
    expect(centuryDigit(1990, 'Nữ')).toBe(1);
    expect(centuryDigit(2005, 'Nam')).toBe(2);
    expect(centuryDigit(2019, 'Nữ')).toBe(3);
  });
});

describe('stranger cards: QR payload', () => {
  it('holds the fields by position, in order, NFC', () => {
    for (const p of people) {
      const t = p.truth;
      expect(t.qr).toBe(t.qr.normalize('NFC'));
      const f = t.qr.split('|');
      expect(f.length).toBeGreaterThanOrEqual(7);
      if (p.model === '2021') expect(f.length).toBe(7);
      expect(f[0]).toBe(t.personalId);
      expect(f[1]).toBe(t.oldId);
      expect(f[1]).toMatch(/^(\d{9})?$/);
      expect(f[2]).toBe(t.fullName);
      expect(f[3]).toBe(t.birthDate.replace(/\//g, ''));
      expect(f[4]).toBe(t.sex);
      expect(f[5]).toBe(t.residence);
      expect(f[6]).toBe(t.issueDate.replace(/\//g, ''));
      expect(f[3]).toMatch(/^\d{8}$/);
      expect(f[6]).toMatch(/^\d{8}$/);
    }
  });

  it('writes names in Title Case with diacritics and residence with three levels', () => {
    for (const p of people) {
      for (const w of p.truth.fullName.split(' ')) expect(w[0]).toBe(w[0]!.toLocaleUpperCase('vi'));
      expect(p.truth.residence.split(', ').length).toBeGreaterThanOrEqual(4);
      if (p.model === '2021') {
        expect(p.truth.hometown).not.toBe('');
        expect(p.truth.placeOfBirth).toBe('');
      } else {
        expect(p.truth.hometown).toBe('');
        expect(p.truth.placeOfBirth).not.toBe('');
      }
    }
  });
});

describe('stranger cards: dates', () => {
  it('sets the 2021 expiry by the renewal ages', () => {
    expect(expiryFor('2021', { y: 2000, m: 5, d: 3 }, { y: 2021, m: 6, d: 1 })).toEqual({ y: 2025, m: 5, d: 3 });
    expect(expiryFor('2021', { y: 1998, m: 5, d: 3 }, { y: 2021, m: 6, d: 1 })).toEqual({ y: 2038, m: 5, d: 3 });
    expect(expiryFor('2021', { y: 1970, m: 5, d: 3 }, { y: 2021, m: 6, d: 1 })).toEqual({ y: 2030, m: 5, d: 3 });
    expect(expiryFor('2021', { y: 1962, m: 5, d: 3 }, { y: 2021, m: 6, d: 1 })).toBe('none');
    expect(expiryFor('2024', { y: 2020, m: 5, d: 3 }, { y: 2024, m: 8, d: 1 })).toEqual({ y: 2034, m: 5, d: 3 });
  });

  it('issues 2021 cards from 14 on, and every card after the birth date', () => {
    for (const p of people) {
      const [bd, bm, by] = p.truth.birthDate.split('/').map(Number) as [number, number, number];
      const [id, im, iy] = p.truth.issueDate.split('/').map(Number) as [number, number, number];
      expect(Date.UTC(iy, im - 1, id)).toBeGreaterThan(Date.UTC(by, bm - 1, bd));
      if (p.model === '2021') expect(Date.UTC(iy, im - 1, id)).toBeGreaterThanOrEqual(Date.UTC(by + 14, bm - 1, bd));
    }
    expect(new Set(people.map((p) => p.model)).size).toBe(2);
    expect(fieldsOnSide('2024', 'back')).toContain('mrz');
  });
});
