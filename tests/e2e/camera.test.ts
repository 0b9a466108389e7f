import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCards, type GeneratedSet } from '../fixtures/cards/generate';
import { launchHarness, type Harness } from './harness/browser';
import { outsideRequests, requestsInNetLog } from './harness/netlog';
import { replicaHosts } from './harness/server';
import { tmpDir } from './harness/paths';
import { setUpAndImport } from './harness/records';

/**
 * A document camera, played by Chromium's fake capture device from a file of JPEG frames (MJPEG) showing a
 * card's QR code: the capture page finds the code in the live picture and fills the review.
 */

let h: Harness;
let cards: GeneratedSet;

beforeAll(async () => {
  cards = await generateCards(1, 53);
  const qr = readFileSync(join(cards.dir, cards.images.find((i) => i.side === 'qr')!.file));
  const video = join(tmpDir, 'camera.mjpeg');
  writeFileSync(video, Buffer.concat(Array.from({ length: 20 }, () => qr)));
  h = await launchHarness({
    chromeArgs: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  h.context.on('request', (r) => requested.push(r.url()));
  await setUpAndImport(h, 'family.csv', 4);
}, 120_000);
const requested: string[] = [];

let netLog = '';
afterAll(async () => {
  if (!netLog) await h?.close();
});

describe('capture from a camera', () => {
  it('finds the QR code in the live picture, stops the camera and fills the review', async () => {
    const t = cards.images[0]!.truth;
    const page = await h.context.newPage();
    await page.goto(h.extensionUrl('capture.html'));
    await page.getByRole('button', { name: 'Bật camera' }).click();
    await page.getByLabel('Hình từ camera').waitFor();
    await expect
      .poll(
        () =>
          page
            .getByLabel('Số định danh cá nhân', { exact: true })
            .inputValue()
            .catch(() => ''),
        { timeout: 20_000 },
      )
      .toBe(t.personalId);
    expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe(t.fullName);
    // Found: the camera is off again.
    await expect.poll(() => page.getByLabel('Hình từ camera').count()).toBe(0);
    expect(await page.locator('.shots figcaption').first().textContent()).toMatch(/Ảnh từ camera/);
  });

  it('decoded with the bundled QR decoder: nothing was fetched from outside', async () => {
    netLog = await h.close();
    expect(requested).toContain(`chrome-extension://${h.extensionId}/zxing/zxing_reader.wasm`);
    expect(requestsInNetLog(netLog).length).toBeGreaterThan(0);
    expect(outsideRequests(netLog, replicaHosts)).toEqual([]);
  });
});
