import { describe, expect, it } from 'vitest';
import {
  hostMatches,
  isBuiltInPortalHost,
  isPortalUrl,
  parseHostInput,
  portalIncludeGlobs,
} from '@/utils/portals/hosts';

describe('portal hosts', () => {
  it.each([
    ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', true],
    ['https://lienthong.dichvucong.gov.vn/khai-sinh', true],
    ['https://tokhaidientu.moj.gov.vn/', true],
    ['https://dichvucongnganhtuphap.moj.gov.vn/', true],
    ['https://dichvucong.bacninh.gov.vn/', true],
    ['https://dichvucong.hanoi.gov.vn/x?y=z', true],
    ['http://dichvucong.gov.vn/', false],
    ['https://example.org/', false],
    ['https://moj.gov.vn/', false],
    ['https://chinhphu.gov.vn/', false],
    ['https://dichvucong.a.b.gov.vn/', false],
    ['https://dichvucong.gov.vn.evil.com/', false],
    ['https://evildichvucong.gov.vn/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isPortalUrl(url)).toBe(expected);
  });

  it('accepts officer-added hosts exactly', () => {
    expect(isPortalUrl('https://dvc.example.vn/abc', ['dvc.example.vn'])).toBe(true);
    expect(isPortalUrl('https://other.example.vn/abc', ['dvc.example.vn'])).toBe(false);
  });

  it('matches wildcards only on whole labels', () => {
    expect(hostMatches('a.dichvucong.gov.vn', '*.dichvucong.gov.vn')).toBe(true);
    expect(hostMatches('dichvucong.gov.vn', '*.dichvucong.gov.vn')).toBe(false);
    expect(isBuiltInPortalHost('dichvucong.gov.vn')).toBe(true);
  });

  it('builds one include glob per built-in host', () => {
    expect(portalIncludeGlobs).toContain('https://dichvucong.*.gov.vn/*');
    expect(portalIncludeGlobs).toContain('https://tokhaidientu.moj.gov.vn/*');
  });

  it.each([
    ['dichvucong.example.gov.vn', 'dichvucong.example.gov.vn'],
    ['  HTTPS://DVC.Example.vn/some/path ', 'dvc.example.vn'],
    ['http://dvc.example.vn', 'dvc.example.vn'],
    ['dvc.example.vn:8443', 'dvc.example.vn'],
    ['', null],
    ['not a host', null],
    ['localhost', null],
    ['ftp://x.vn', null],
    ['*.gov.vn', null],
  ])('parseHostInput(%s) → %s', (input, expected) => {
    expect(parseHostInput(input)).toBe(expected);
  });
});
