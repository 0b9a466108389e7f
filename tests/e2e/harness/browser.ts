import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { extensionChromeArgs, findChrome } from './chrome';
import { extensionDir, tmpDir } from './paths';
import { replicaHosts, startReplicaServer, type ReplicaServer } from './server';

export interface Harness {
  context: BrowserContext;
  server: ReplicaServer;
  extensionId: string;
  extensionUrl(path: string): string;
  openPortal(url: string): Promise<Page>;
  /** Closes the browser and the server; returns Chromium's own log of every network request it made. */
  close(): Promise<string>;
}

/**
 * Launches the system Chromium with the production build loaded and every replica host mapped to the
 * local HTTPS server; every other host fails to resolve, so nothing can leave the machine unnoticed.
 */
export async function launchHarness(options: { chromeArgs?: string[] } = {}): Promise<Harness> {
  const server = await startReplicaServer();
  mkdirSync(tmpDir, { recursive: true });
  const profile = mkdtempSync(join(tmpDir, 'profile-'));
  const netLogPath = join(profile, 'netlog.json');
  const rules = [...replicaHosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`), 'MAP * ~NOTFOUND'].join(', ');

  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    locale: 'vi-VN',
    // The portals and their users are in Vietnam: dates and Form.io's datetime values depend on it.
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: extensionChromeArgs(extensionDir, rules, [`--log-net-log=${netLogPath}`, ...(options.chromeArgs ?? [])]),
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  // A fresh install opens the setup page in front; close it so the tests' own pages are the active tab
  // (Chromium throttles animation frames in background tabs, which slows every Playwright action).
  const setupTab =
    context.pages().find((p) => p.url().endsWith('/setup.html')) ??
    (await context
      .waitForEvent('page', {
        predicate: (p) => p.url().endsWith('/setup.html') || p.url() === 'about:blank',
        timeout: 5_000,
      })
      .catch(() => null));
  if (setupTab) {
    await setupTab.waitForURL(/setup\.html$/, { timeout: 5_000 }).catch(() => undefined);
    if (setupTab.url().endsWith('/setup.html')) await setupTab.close();
  }
  context.on('page', (page) => void page.bringToFront().catch(() => undefined));

  return {
    context,
    server,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async openPortal(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      const netLog = existsSync(netLogPath) ? readFileSync(netLogPath, 'utf8') : '';
      if (process.env.MOTCUA_E2E_KEEP_PROFILE !== '1') rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      return netLog;
    },
  };
}

/**
 * The extension's service worker. Playwright sometimes misses the event of a worker that started with the
 * browser (a flaky "Timeout … waiting for event serviceworker"): look at the list as well, and after a few
 * seconds wake the worker from the setup page the install opened (it messages the background).
 */
async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const event = context.waitForEvent('serviceworker', { timeout: 30_000 }).catch(() => null);
  for (let waited = 0; waited < 30_000; waited += 250) {
    const known = context.serviceWorkers()[0];
    if (known) return known;
    const seen = await Promise.race([event, new Promise<null>((r) => setTimeout(() => r(null), 250))]);
    if (seen) return seen;
    if (waited === 5_000) {
      const setup = context.pages().find((p) => p.url().endsWith('/setup.html'));
      await setup?.reload().catch(() => undefined);
    }
  }
  throw new Error('The extension’s service worker did not start in 30 s.');
}
