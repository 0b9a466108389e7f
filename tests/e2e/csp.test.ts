import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { extensionDir } from './harness/paths';
import { setUpAndImport } from './harness/records';

/**
 * The extension pages' Content Security Policy enforces the promise that nothing leaves the machine: a
 * `fetch` or an image to another host fails in the page itself. The probe host is a replica host that does
 * answer (a portal tab reaches it), so only the policy can be what stops the request; capture's OCR still runs.
 */
let h: Harness;
const probeHost = 'https://dichvucong.gov.vn';

beforeAll(async () => {
  h = await launchHarness();
  await setUpAndImport(h, 'family.csv', 4);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Tries a fetch and an image to `probeHost` from the page; returns what happened and the policy's reports. */
function probe(page: Page, tag: string) {
  return page.evaluate(
    async ([host, name]) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
      const fetched = await fetch(`${host}/csp-probe/${name}.json`).then(
        (r) => `status ${r.status}`,
        (e: Error) => `failed: ${e.name}`,
      );
      const image = await new Promise<string>((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('failed');
        img.src = `${host}/csp-probe/${name}.png`;
      });
      // The violation events are queued as tasks: let them arrive.
      await new Promise((r) => setTimeout(r, 50));
      return { fetched, image, violations };
    },
    [probeHost, tag] as const,
  );
}

const probed = () => h.server.requests.filter((r) => r.path.startsWith('/csp-probe/')).map((r) => r.path);

describe('the extension pages’ CSP', () => {
  it('is the policy the issue names, in the built manifest', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      content_security_policy: { extension_pages: string };
    };
    const policy = manifest.content_security_policy.extension_pages.split(';').map((d) => d.trim());
    expect(policy).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self'",
        "img-src 'self' blob: data:",
        // Not blob:: Chrome refuses to load an MV3 extension whose worker-src allows it.
        "worker-src 'self'",
      ]),
    );
    expect(policy.join(';')).not.toMatch(/https?:|\*/);
  });

  it('the probe host answers from a portal tab (so a failure below is the policy’s doing)', async () => {
    const portal = await h.openPortal(`${probeHost}/khai-sinh/`);
    const answer = await portal.evaluate(
      async (host) => (await fetch(`${host}/csp-probe/portal.json`)).status,
      probeHost,
    );
    expect(answer).toBeGreaterThanOrEqual(200);
    expect(probed()).toContain('/csp-probe/portal.json');
    await portal.close();
  });

  it.each(['records.html', 'dashboard.html', 'capture.html', 'settings.html', 'pages.html'])(
    '%s can neither fetch nor load an image from another host',
    async (path) => {
      const page = await h.context.newPage();
      await page.goto(h.extensionUrl(path));
      const tag = path.replace('.html', '');
      const result = await probe(page, tag);
      expect(result.fetched).toBe('failed: TypeError');
      expect(result.image).toBe('failed');
      expect(result.violations).toEqual(
        expect.arrayContaining([
          `connect-src ${probeHost}/csp-probe/${tag}.json`,
          `img-src ${probeHost}/csp-probe/${tag}.png`,
        ]),
      );
      expect(probed().filter((p) => p.includes(`/${tag}.`))).toEqual([]);
      await page.close();
    },
  );

  it('capture’s OCR still reads a paper under the policy', async () => {
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('capture.html'));
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const jpeg = await page.evaluate(async () => {
      const c = new OffscreenCanvas(1200, 600);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 1200, 600);
      ctx.fillStyle = '#111';
      ctx.font = 'bold 44px "DejaVu Sans"';
      ctx.fillText('GIẤY CHỨNG SINH', 330, 120);
      ctx.font = '34px "DejaVu Sans"';
      ctx.fillText('Họ và tên mẹ: Phạm Thị Thu Hà', 80, 260);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await page.getByRole('radio', { name: 'Giấy tờ khác' }).click();
    await page
      .getByLabel('Chọn ảnh')
      .setInputFiles({ name: 'giay.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
    const text = page.getByLabel(/Nội dung nhận dạng/);
    await expect.poll(() => text.inputValue(), { timeout: 60_000 }).toMatch(/CHỨNG SINH/);
    expect(violations).toEqual([]);
    await page.close();
  });
});
