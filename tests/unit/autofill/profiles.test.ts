// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/utils/autofill/visibility', () => ({
  isVisibleToOfficer: (el: Element | null) => Boolean(el?.isConnected),
}));

const collectFields = (doc: Document) => collectControls(searchRoots(doc)).controls;
import { classify } from '@/utils/autofill/classify';
import { ReasonError, sayError } from '@/utils/i18n';
import { collectControls, searchRoots } from '@/utils/autofill/collect';
import { baseName, profilesFor, ruleFor } from '@/utils/autofill/profiles';
import { loadProfiles } from '@/utils/autofill/profiles/schema';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('bundled site profiles', () => {
  const profiles = loadProfiles();

  it('are valid, with unique ids and no name claimed twice within a profile', () => {
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    for (const profile of profiles) {
      const names = profile.fields.flatMap((r) => r.names ?? []);
      expect(new Set(names).size, profile.id).toBe(names.length);
    }
    expect(profiles.map((p) => p.id).sort()).toEqual(['dichvucong-survey', 'lienthong', 'moj-eforms', 'moj-khai-tu']);
  });

  it('apply by URL, the most specific pattern first', () => {
    expect(profilesFor('https://tokhaidientu.moj.gov.vn/khai-tu/?x=1', profiles).map((p) => p.id)).toEqual([
      'moj-khai-tu',
      'moj-eforms',
    ]);
    expect(profilesFor('https://tokhaidientu.moj.gov.vn/khai-sinh/', profiles).map((p) => p.id)).toEqual([
      'moj-eforms',
    ]);
    expect(profilesFor('https://lienthong.dichvucong.gov.vn/khai-sinh/', profiles).map((p) => p.id)).toEqual([
      'lienthong',
    ]);
    expect(profilesFor('https://dichvucong.bacninh.gov.vn/', profiles)).toEqual([]);
    // A look-alike host is no portal of the profile.
    expect(profilesFor('https://tokhaidientu.moj.gov.vn.example.org/', profiles)).toEqual([]);
  });

  it('refuse a malformed file with the reason, in Vietnamese', () => {
    const refusal = (sources: Record<string, unknown>) => {
      try {
        loadProfiles(sources);
      } catch (e) {
        expect(e).toBeInstanceOf(ReasonError);
        return sayError('vi', e);
      }
      return 'accepted';
    };
    expect(
      refusal({
        hong: [{ id: 'x', portal: 'X', urlPatterns: ['http://a/*'], fields: [{ names: ['a'], field: 'tuoi' }] }],
      }),
    ).toMatch(/Hồ sơ trang hong.json không hợp lệ: .*urlPatterns.*https:\/\/<tên miền>/);
    expect(
      refusal({ hong: [{ id: 'x', portal: 'X', urlPatterns: ['https://a/*'], fields: [{ field: 'fullName' }] }] }),
    ).toMatch(/"names" hoặc "selector"/);
  });
});

describe('classifying with a profile', () => {
  const profiles = loadProfiles();
  const moj = profilesFor('https://tokhaidientu.moj.gov.vn/ket-hon/', profiles);

  it('strips version and date-part suffixes from names', () => {
    expect(baseName('citizenNDK_HoVaTenCha__41')).toEqual({ base: 'citizenNDK_HoVaTenCha', part: null });
    expect(baseName('NgaySinhBenNam-month')).toEqual({ base: 'NgaySinhBenNam', part: 'month' });
  });

  it('wins over labels the heuristics cannot read, and gives the block from the name', () => {
    document.body.innerHTML = `
      <table><tr><th>Bên nữ</th><th>Bên nam</th></tr>
      <tr><td>Giấy tờ tùy thân: <input name="SoDinhDanh_BenNu"></td><td>Giấy tờ tùy thân: <input name="SoDinhDanh_BenNam"></td></tr>
      <tr><td>Sinh: <input name="NgaySinhBenNu-day"><input name="NgaySinhBenNu-month"><input name="NgaySinhBenNu-year"></td></tr></table>`;
    const heuristic = collectFields(document).map((f) => classify(f));
    expect(heuristic[0]!.field).toBeNull();
    const profiled = collectFields(document).map((f) => classify(f, moj));
    // The three date boxes are one control, named by their common base.
    expect(profiled.map((f) => [f.names[0], f.field, f.role, f.part, f.profile])).toEqual([
      ['SoDinhDanh_BenNu', 'personalId', 'bride', null, 'moj-eforms'],
      ['SoDinhDanh_BenNam', 'personalId', 'groom', null, 'moj-eforms'],
      ['NgaySinhBenNu', 'birthDate', 'bride', null, 'moj-eforms'],
    ]);
  });

  it('falls back to the heuristics when the page no longer shows the widget the profile expects', () => {
    document.body.innerHTML =
      '<p>Quan hệ với người được khai sinh: <select name="QuanHe"><option>Mẹ đẻ</option></select></p>';
    const [field] = collectFields(document);
    // The profile says QuanHe is a radio group; this version made it a select.
    expect(ruleFor({ ...field!, kind: 'select' }, moj)).toBeNull();
    const classified = classify(field!, moj);
    expect(classified.field).toBe('relation');
    expect(classified.profile).toBeUndefined();
  });

  it('finds controls by selector too', () => {
    document.body.innerHTML = '<div class="eform-element-HoTen"><input title="Ô số 1"></div>';
    const rules = [
      {
        id: 'bn',
        portal: 'Bắc Ninh',
        urlPatterns: ['https://dichvucong.bacninh.gov.vn/*'],
        fields: [{ selector: '.eform-element-HoTen', field: 'fullName' as const }],
      },
    ];
    const [field] = collectFields(document);
    expect(classify(field!, rules)).toMatchObject({ field: 'fullName', role: null, profile: 'bn' });
  });
});
