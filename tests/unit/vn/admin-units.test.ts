import { t } from '@/utils/i18n';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminUnits, splitAddressLine } from '@/utils/vn/admin-units';
import { parseMergerNote, splitTopLevel } from '@/utils/vn/merger-notes';

const dir = new URL('../../../public/data/admin-units/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown;

let units: AdminUnits;
beforeAll(() => {
  const index = read('index.json') as { units: string; mergerNotes: string };
  units = AdminUnits.fromRaw(read(index.units), read(index.mergerNotes));
});

describe('merger notes parsing', () => {
  it('splits on commas and "và" outside parentheses only', () => {
    expect(splitTopLevel('A, B (x, y) và C')).toEqual(['A', 'B (x, y)', 'C']);
  });

  it('reads explicit, partial and remainder units with district hints', () => {
    const refs = parseMergerNote(
      'Phường Quán Thánh, Phường Trúc Bạch, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, ' +
        'một phần diện tích TN của phường Thụy Khuê, phần còn lại của phường Cửa Đông, Đồng Xuân sau khi sắp Xếp',
      'Phường Ba Đình',
    );
    expect(refs.map((r) => [r.name, r.partial])).toEqual([
      ['Quán Thánh', false],
      ['Trúc Bạch', false],
      ['Cửa Nam', true],
      ['Điện Biên', true],
      ['Thụy Khuê', true],
      ['Cửa Đông', true],
      ['Đồng Xuân', true],
    ]);
  });

  it('carries a district hint over a run of numbered wards', () => {
    const refs = parseMergerNote('Phường 12, Phường 13, Phường 14 (Quận 6)', 'Phường Phú Lâm');
    expect(refs.map((r) => [r.name, r.districtHint])).toEqual([
      ['12', '6'],
      ['13', '6'],
      ['14', '6'],
    ]);
  });

  it('reads "(phần còn lại ...)" as partial and "(huyện X)" as a hint', () => {
    const refs = parseMergerNote(
      'Xã Tam Hiệp (huyện Phúc Thọ), Phường Yên Phụ (phần còn lại sau khi sáp nhập vào phường Hồng Hà, phường X)',
      'Xã Hát Môn',
    );
    expect(refs).toMatchObject([
      { name: 'Tam Hiệp', districtHint: 'Phúc Thọ', partial: false },
      { name: 'Yên Phụ', districtHint: null, partial: true },
    ]);
  });

  it('maps "giữ nguyên" to the unit itself and skips descriptions', () => {
    expect(parseMergerNote('giữ nguyên', 'Xã Mù Cả')).toMatchObject([{ name: 'Mù Cả', partial: false }]);
    expect(
      parseMergerNote(
        'Xã Kim Trung, Xã Kim Đông và khu vực bãi bồi ven biển (do huyện Kim Sơn quản lý)',
        'Xã Kim Đông',
      ).map((r) => r.name),
    ).toEqual(['Kim Trung', 'Kim Đông']);
  });
});

describe('AdminUnits', () => {
  it('loads the 34 provinces and 3,321 communes in force', () => {
    expect(units.provinceCount).toBe(34);
    expect(units.communeCount).toBe(3321);
  });

  it('looks up by code and by folded name, legacy names and aliases included', () => {
    expect(units.province('01')?.name).toBe('Hà Nội');
    expect(units.commune('00004')?.fullName).toBe('Phường Ba Đình');
    expect(units.findProvinces('ha noi').map((p) => p.code)).toEqual(['01']);
    expect(units.findProvinces('Tỉnh Hoà Bình').map((p) => p.code)).toEqual(['25']);
    expect(units.findProvinces('Bắc Giang').map((p) => p.code)).toEqual(['24']);
    expect(units.findProvinces('Bà Rịa - Vũng Tàu').map((p) => p.code)).toEqual(['79']);
    expect(units.findProvinces('TP. HCM').map((p) => p.code)).toEqual(['79']);
    expect(units.findProvinces('Thừa Thiên Huế').map((p) => p.code)).toEqual(['46']);
    expect(units.findCommunes('phuong ba dinh', '01').map((c) => c.code)).toEqual(['00004']);
  });

  it('maps an old ward merged whole into one new ward', () => {
    const r = units.mapLegacyAddress({ ward: 'Phường Quán Thánh', district: 'Quận Ba Đình', province: 'Hà Nội' });
    expect(r).toMatchObject({ ok: true, ambiguous: false });
    if (r.ok) expect(r.candidates.map((c) => c.commune.fullName)).toEqual(['Phường Ba Đình']);
  });

  it('keeps every candidate of an old ward split over several new ones', () => {
    const r = units.mapLegacyAddress({ ward: 'Phường Thụy Khuê', district: 'Quận Tây Hồ', province: 'Hà Nội' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const names = r.candidates.map((c) => c.commune.fullName).sort();
    expect(names).toEqual(expect.arrayContaining(['Phường Ba Đình', 'Phường Tây Hồ']));
    expect(r.ambiguous).toBe(true);
    expect(r.candidates.some((c) => c.partial)).toBe(true);
  });

  it('uses the old district to tell numbered wards apart', () => {
    const r = units.mapLegacyAddress({ ward: 'Phường 12', district: 'Quận 6', province: 'TP Hồ Chí Minh' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.candidates.map((c) => c.commune.fullName)).toEqual(['Phường Phú Lâm']);
  });

  it('maps a commune of a legacy province into its 2025 province', () => {
    const r = units.mapLegacyAddress({ ward: 'Xã Tam Hiệp', district: 'Huyện Phúc Thọ', province: 'Hà Nội' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.candidates.map((c) => c.commune.fullName)).toEqual(['Xã Hát Môn']);
  });

  it('accepts an address already written with 2025 units', () => {
    const r = units.mapLegacyAddress({ ward: 'Phường Ba Đình', province: 'Thành phố Hà Nội' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.candidates.map((c) => c.commune.code)).toContain('00004');
  });

  it('says why it cannot map, as a code the UI says in its language', () => {
    const noProvince = units.mapLegacyAddress({ ward: 'Phường X', province: 'Atlantis' });
    expect(noProvince).toEqual({ ok: false, reason: { code: 'provinceUnknown', params: { province: 'Atlantis' } } });
    const noWard = units.mapLegacyAddress({ ward: 'Phường Không Có', province: 'Hà Nội' });
    expect(noWard).toEqual({
      ok: false,
      reason: { code: 'wardNotFound', params: { ward: 'Phường Không Có', provinces: 'Thành phố Hà Nội' } },
    });
    if (noWard.ok) return;
    const { code, params } = noWard.reason;
    expect(t('vi', `fill.reason.${code}`, params)).toBe(
      'Không tìm thấy "Phường Không Có" trong danh mục sắp xếp đơn vị hành chính 2025 của Thành phố Hà Nội. Hãy chọn xã/phường mới bằng tay.',
    );
    expect(t('en', `fill.reason.${code}`, params)).toBe(
      '"Phường Không Có" is not in the 2025 reorganisation list of Thành phố Hà Nội. Choose the new ward or commune by hand.',
    );
  });

  it('maps the QR example address', () => {
    const parts = splitAddressLine('Số 1 phố X, Phường Y, Quận Z, Hà Nội');
    expect(parts).toEqual({ detail: 'Số 1 phố X', ward: 'Phường Y', district: 'Quận Z', province: 'Hà Nội' });
    expect(splitAddressLine('Thôn 3, Xã Tam Hiệp, Phúc Thọ, Hà Nội')).toEqual({
      detail: 'Thôn 3, Xã Tam Hiệp',
      ward: 'Phúc Thọ',
      province: 'Hà Nội',
    });
    expect(splitAddressLine('Hà Nội')).toBeNull();
  });
});
