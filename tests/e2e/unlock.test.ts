import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './harness/browser';
import { setUpAndImport, supervisorPassphrase } from './harness/records';

/**
 * The one unlock of the extension pages, with a device key: Chromium's virtual authenticator (CDP WebAuthn,
 * a platform authenticator with user verification and the PRF extension) stands in for Windows Hello or a
 * security key. Enrol from "Mật khẩu và khoá bảo mật của tôi", lock, unlock with the key; a key whose
 * credential is gone opens nothing.
 */
let h: Harness;
let page: Page;
let cdp: CDPSession;
let authenticatorId = '';

beforeAll(async () => {
  h = await launchHarness();
  page = await setUpAndImport(h, 'family.csv', 4);
  cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  }));
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const lock = () => page.getByRole('button', { name: /Khoá/ }).click();
const signedIn = () => page.getByTestId('signed-in').textContent();

describe('unlocking with a device key (WebAuthn PRF)', () => {
  it('enrols the platform authenticator, proved by the current passphrase', async () => {
    await page.getByRole('tab', { name: 'Cán bộ và bảo mật' }).click();
    const own = page.getByRole('region', { name: 'Mật khẩu và khoá bảo mật của tôi' });
    await own.getByLabel('Cụm mật khẩu hiện tại').fill('không phải của tôi đâu');
    await own.getByLabel('Tên khoá (ví dụ: Windows Hello máy quầy 1)').fill('Windows Hello quầy thử');
    await own.getByRole('button', { name: 'Đăng ký khoá bảo mật' }).click();
    await expect.poll(() => own.getByRole('alert').textContent()).toContain('Sai');
    await expect
      .poll(
        async () => {
          if ((await own.getByRole('status').count()) === 0) {
            await own.getByLabel('Cụm mật khẩu hiện tại').fill(supervisorPassphrase);
            await own.getByRole('button', { name: 'Đăng ký khoá bảo mật' }).click();
          }
          return own.getByRole('status').textContent();
        },
        { timeout: 30_000, interval: 1500 },
      )
      .toBe('Đã đăng ký "Windows Hello quầy thử". Từ nay có thể mở khoá bằng khoá này.');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    await expect
      .poll(() => own.getByRole('list', { name: 'Khoá bảo mật đã đăng ký' }).textContent())
      .toContain('Windows Hello quầy thử');
  });

  it('locks, then opens the records with the key alone', async () => {
    await lock();
    const button = page.getByRole('button', { name: 'Mở khoá bằng khoá bảo mật' });
    await button.click();
    await expect.poll(signedIn).toBe('Cán bộ: Trần Thị Lan');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    // The authenticator really answered an assertion (its signature counter moved).
    expect(credentials[0]!.signCount).toBeGreaterThanOrEqual(1);
  });

  it('a key whose credential is gone from the authenticator opens nothing and says what to do', async () => {
    await lock();
    await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    await page.getByRole('button', { name: 'Mở khoá bằng khoá bảo mật' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('Chưa xác thực được bằng khoá bảo mật');
    expect(await page.getByTestId('signed-in').count()).toBe(0);
    // The passphrase still opens the records.
    await page.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(supervisorPassphrase);
    await page.getByRole('button', { name: 'Mở khoá', exact: true }).click();
    await expect.poll(signedIn).toBe('Cán bộ: Trần Thị Lan');
  });
});
