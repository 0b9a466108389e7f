import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { isBrowserHousekeeping, requestsInNetLog } from './harness/netlog';
import { replicaHosts } from './harness/server';

const localSchemes = ['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:'];

function leavesForOutside(raw: string): boolean {
  const url = new URL(raw);
  if (localSchemes.includes(url.protocol)) return false;
  return !(replicaHosts as readonly string[]).includes(url.hostname);
}

let h: Harness;
let netLog = '';

beforeAll(async () => {
  h = await launchHarness();
  // Walk through everything the extension does today: portal pages with iframes, every extension page.
  for (const url of [
    'https://dichvucong.gov.vn/nop-ho-so/',
    // The React + SurveyJS wizard, where the page-world bridge also runs.
    'https://dichvucong.gov.vn/nop-ho-so/khai-sinh/',
    'https://dichvucong.bacninh.gov.vn/',
    'https://example.org/nhung-cong.html',
    h.extensionUrl('training.html'),
    h.extensionUrl('settings.html'),
  ]) {
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await page.close();
  }
  netLog = await h.close();
});

afterAll(async () => {
  if (!netLog) await h?.close();
});

describe('no citizen data leaves the machine', () => {
  it('pages and the extension made requests only to the replica server and the extension’s own files', () => {
    const requests = requestsInNetLog(netLog);
    // The log really captured the walk: without these the assertion below would prove nothing.
    expect(requests.map((r) => r.url)).toContain('https://dichvucong.gov.vn/nop-ho-so/');
    expect(
      requests.some((r) => r.url === 'https://dichvucong.gov.vn/nop-ho-so/khung.html' && r.requestType === 'subframe'),
    ).toBe(true);

    const ours = requests.filter((r) => !isBrowserHousekeeping(r));
    expect(ours.length).toBeGreaterThan(5);
    expect(ours.filter((r) => leavesForOutside(r.url))).toEqual([]);
  });

  it('the browser’s own housekeeping requests go only to its vendor’s services', () => {
    const housekeeping = requestsInNetLog(netLog).filter(isBrowserHousekeeping);
    for (const r of housekeeping)
      expect(new URL(r.url).hostname).toMatch(/(^|\.)(google\.com|googleapis\.com|gvt1\.com)$/);
  });

  it('the replica server saw only replica hosts', () => {
    expect(h.server.requests.length).toBeGreaterThan(0);
    for (const request of h.server.requests) expect(replicaHosts).toContain(request.host);
  });
});
