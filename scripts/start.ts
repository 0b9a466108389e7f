/**
 * `npm start`: builds the production extension, starts the replica portals over HTTPS on 127.0.0.1, and
 * opens Chromium (its own profile under .output/) with motcua loaded, the training page and a replica
 * portal page open. Real portal host names are mapped to the replicas in this browser only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { extensionChromeArgs, findChrome } from '../tests/e2e/harness/chrome';
import { extensionDir, rootDir } from '../tests/e2e/harness/paths';
import { replicaHosts, startReplicaServer } from '../tests/e2e/harness/server';
import { buildReplicaApps } from '../tests/fixtures/portal-apps/build';

const profileDir = `${rootDir}.output/start-profile`;
const headless = process.env.MOTCUA_HEADLESS === '1';

async function main() {
  console.log('Đang đóng gói tiện ích (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  buildReplicaApps();

  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'Không có màn hình (biến DISPLAY trống) nên không mở được Chromium. Hãy chạy trong phiên đồ hoạ, ' +
        'hoặc dùng MOTCUA_HEADLESS=1 npm start để chạy không giao diện.',
    );
    process.exit(1);
  }

  const server = await startReplicaServer();
  mkdirSync(profileDir, { recursive: true });
  const rules = replicaHosts.map((host) => `MAP ${host} 127.0.0.1:${server.port}`).join(', ');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChrome(),
    headless,
    viewport: null,
    ignoreHTTPSErrors: true,
    args: extensionChromeArgs(extensionDir, rules),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const [first] = context.pages();
  const training = first ?? (await context.newPage());
  await training.goto(`chrome-extension://${extensionId}/training.html`);
  const portal = await context.newPage();
  await portal.goto('https://dichvucong.gov.vn/khai-sinh/');
  await training.bringToFront();

  console.log(`Đã mở Chromium với motcua (mã tiện ích ${extensionId}).`);
  console.log(`Trang đào tạo: chrome-extension://${extensionId}/training.html`);
  console.log(
    'Cổng mô phỏng: https://dichvucong.gov.vn/khai-sinh/, /nop-ho-so/khai-sinh/, /khai-tu/, /cu-tru/, https://lienthong.dichvucong.gov.vn/khai-sinh/, https://tokhaidientu.moj.gov.vn/khai-sinh/ (chỉ trong trình duyệt này).',
  );

  if (headless) {
    await portal
      .locator('motcua-panel .panel, motcua-panel .tab')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await training.screenshot({ path: `${rootDir}.output/start-training.png` });
    await portal.screenshot({ path: `${rootDir}.output/start-portal.png` });
    await context.close();
    await server.close();
    return;
  }
  console.log('Đóng cửa sổ Chromium để kết thúc.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
