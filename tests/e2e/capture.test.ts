import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflate } from 'node:zlib';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegToPdf } from '../../utils/autofill/attach';
import { buildTd3 } from '../../utils/capture/passport';
import { generateCards, type GeneratedSet } from '../fixtures/cards/generate';
import { launchHarness, type Harness } from './harness/browser';
import { isBrowserHousekeeping, outsideRequests, requestsInNetLog } from './harness/netlog';
import { tmpDir } from './harness/paths';
import { setUpAndImport } from './harness/records';
import { replicaHosts } from './harness/server';

/**
 * The capture page in the production build: photos of synthetic cards (damaged like phone photos) through QR,
 * MRZ and OCR into the review, saved into the encrypted records with the scans; a handheld scanner's typing;
 * other papers; bad input; and Chromium's own network log proving the engines never fetched anything.
 */

let h: Harness;
let page: Page;
let cards: GeneratedSet;
let upsideDown: GeneratedSet;
/** Tuning photos on cluttered desks: card 2's front crop takes in the papers beside it, its text leaning 7°. */
let cluttered: GeneratedSet;
let innerCrop: GeneratedSet;
const requested: string[] = [];
/** What the capture page and its OCR worker print as errors (tesseract's stderr once landed here). */
const consoleErrors: string[] = [];
const file = (set: GeneratedSet, i: number, side: 'front' | 'back' | 'qr') =>
  join(set.dir, set.images.find((x, k) => Math.floor(k / 3) === i && x.side === side)!.file);
const truth = (i: number) => cards.images[i * 3]!.truth;

beforeAll(async () => {
  cards = await generateCards(3, 41);
  upsideDown = await generateCards(1, 43, { upsideDown: true });
  cluttered = await generateCards(3, 2026, { rendering: 'tuning' });
  // Card 16 of the tuning set 3031: a pale card on a pale scanner bed, its guilloche lines a quadrilateral inside it.
  innerCrop = await generateCards(17, 3031, { rendering: 'tuning' });
  h = await launchHarness();
  h.context.on('request', (r) => requested.push(r.url()));
  await setUpAndImport(h, 'family.csv', 4);
  page = await h.context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text())));
  await page.goto(h.extensionUrl('capture.html'));
  await page.getByLabel('Chọn ảnh').waitFor();
}, 120_000);

afterAll(async () => {
  await h?.close().catch(() => undefined);
});

/** A PNG of one colour, `width` × `height`, written row by row (never the whole image in memory). */
async function writeBlankPng(path: string, width: number, height: number) {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const row = Buffer.alloc(width + 1, 0xf0);
  row[0] = 0;
  const deflate = createDeflate({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (d: Buffer) => parts.push(d));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let y = 0; y < height; y++)
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
  deflate.end();
  await done;
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', Buffer.concat(parts)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A photographed paper drawn in the page: lines of text on a plain ground, as a JPEG. */
async function paperJpeg(
  width: number,
  height: number,
  ground: string,
  lines: Array<[text: string, font: string, x: number, y: number]>,
): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ([w, h, g, ls]) => {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#111';
      for (const [text, font, x, y] of ls) {
        ctx.font = font;
        ctx.fillText(text, x, y);
      }
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    },
    [width, height, ground, lines] as const,
  );
  return Buffer.from(bytes);
}

const field = (label: string) => page.getByLabel(label, { exact: true });
async function startOver() {
  await page
    .getByRole('button', { name: 'Làm lại' })
    .click()
    .catch(() => undefined);
  await page
    .getByRole('button', { name: 'Ẩn thông báo' })
    .click({ timeout: 500 })
    .catch(() => undefined);
}

describe('capture from the ID card', () => {
  it('a photo of the QR code fills the review from the QR, and "Lưu" saves the person with the scan', async () => {
    const t = truth(0);
    await page.getByLabel('Chọn ảnh').setInputFiles(file(cards, 0, 'qr'));
    await expect.poll(() => field('Số định danh cá nhân').inputValue()).toBe(t.personalId);
    expect(await field('Họ và tên').inputValue()).toBe(t.fullName);
    expect(await field('Ngày sinh').inputValue()).toBe(t.birthDate);
    expect(await field('Giới tính').inputValue()).toBe(t.sex);
    expect(await field('Nơi thường trú').inputValue()).toBe(t.residence);
    expect(await field('Ngày cấp').inputValue()).toBe(t.issueDate);
    // What the card holds is shown: the QR's raw text, and the long address on several lines.
    expect(await field('Nội dung mã QR').inputValue()).toBe(t.qr);
    expect(await field('Nơi thường trú').evaluate((e) => e.tagName)).toBe('TEXTAREA');
    // Each field says where it came from and how sure it is.
    await expect.poll(() => page.locator('.field[data-source="qr"]').count()).toBeGreaterThanOrEqual(6);
    // The address is shown as written and in its 2025 units.
    await expect
      .poll(() => page.getByTestId('address-2025').textContent())
      .toMatch(/Theo đơn vị hành chính từ 1\/7\/2025: .+|Không tìm thấy|Không nhận ra/);

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(`Đã lưu hồ sơ của ${t.fullName} cùng 1 ảnh giấy tờ`).waitFor();
    // Saving cleared the page for the next citizen.
    expect(await page.getByLabel('Số định danh cá nhân').count()).toBe(0);

    const records = await h.context.newPage();
    await records.goto(h.extensionUrl('records.html'));
    await records.getByLabel('Tìm công dân', { exact: true }).fill(t.personalId);
    await records.getByText(t.fullName).first().click();
    await records
      .getByText(/\(Khác\)|\(Giấy tờ khác\)|\(Thẻ căn cước/)
      .first()
      .waitFor();
    expect(await records.getByLabel('Ngày sinh').inputValue()).toBe(t.birthDate);
    await records.close();
  });

  it('the same ID again opens the merge dialog, where the officer keeps or takes each differing field', async () => {
    const t = truth(0);
    await page.getByLabel('Chọn ảnh').setInputFiles(file(cards, 0, 'qr'));
    await expect.poll(() => field('Số định danh cá nhân').inputValue()).toBe(t.personalId);
    await field('Số điện thoại').fill('0912345678');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Số định danh đã có trong hồ sơ' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('0912345678');
    await dialog.getByRole('button', { name: 'Gộp và lưu' }).click();
    await page.getByText(`Đã lưu hồ sơ của ${t.fullName}`).waitFor();
  });

  it('photos of the front and back are read by OCR and the MRZ, checked against each other, fields flagged when unsure', async () => {
    const t = truth(1);
    await page.getByLabel('Chọn ảnh').setInputFiles([file(cards, 1, 'front'), file(cards, 1, 'back')]);
    // While it reads, the page says which step it is at, and no longer that there is no image.
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toMatch(/Đang (mở|tìm thẻ|tìm và đọc mã QR|nhận dạng chữ|đọc lại từng trường)/);
    expect(await page.getByText('Chưa có ảnh nào').count()).toBe(0);
    await expect.poll(() => page.locator('.shots figure').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.locator('.shots').textContent()).toMatch(/mặt trước/);
    await expect.poll(() => page.locator('.shots').textContent()).toMatch(/mặt sau/);
    // The MRZ's check digits vouch for these.
    expect(await field('Ngày sinh').inputValue()).toBe(t.birthDate);
    expect(await field('Giới tính').inputValue()).toBe(t.sex);
    expect(await field('Số định danh cá nhân').inputValue()).toBe(t.personalId);
    // The name comes from OCR; when unsure it is highlighted, never silently accepted.
    const name = await field('Họ và tên').inputValue();
    const highlighted = await page.locator('.field.uncertain #capture-fullName').count();
    expect(name === t.fullName || highlighted === 1).toBe(true);
    expect(await page.locator('.field[data-source="mrz"], .field[data-source="ocr"]').count()).toBeGreaterThanOrEqual(
      4,
    );
    // The MRZ's three lines, editable, each check digit shown; a digit typed wrong fails its check at once.
    const mrz = field('MRZ');
    const lines = (await mrz.inputValue()).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(t.personalId);
    expect(await page.locator('#capture-mrz-checks .pass').count()).toBeGreaterThanOrEqual(4);
    await mrz.fill(
      [t.mrz[0], `${t.mrz[1].slice(0, 6)}${(Number(t.mrz[1][6]) + 1) % 10}${t.mrz[1].slice(7)}`, t.mrz[2]].join('\n'),
    );
    await expect.poll(() => page.locator('#capture-mrz-checks .fail').count()).toBeGreaterThanOrEqual(1);
    await startOver();
  });

  it('a front alone says why the back’s fields are empty', async () => {
    await page.getByLabel('Chọn ảnh').setInputFiles(file(cards, 1, 'front'));
    await page.getByText(/Ngày cấp in ở mặt sau thẻ: hãy chụp mặt sau/).waitFor({ timeout: 30_000 });
    await startOver();
  });

  it('the page prints no errors while it reads cards (the OCR core’s informational stderr is not an error)', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('a card photographed upside down is turned round and read', async () => {
    const t = upsideDown.images[0]!.truth;
    await page.getByLabel('Chọn ảnh').setInputFiles(file(upsideDown, 0, 'back'));
    await page
      .getByText(/lộn ngược; đã tự xoay lại/)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => field('Ngày sinh').inputValue()).toBe(t.birthDate);
    await startOver();
  });

  it('a card whose crop took in the papers beside it is read along its leaning lines', async () => {
    const t = cluttered.images[2 * 3]!.truth;
    await page.getByLabel('Chọn ảnh').setInputFiles(file(cluttered, 2, 'front'));
    await expect.poll(() => field('Số định danh cá nhân').inputValue(), { timeout: 30_000 }).toBe(t.personalId);
    await startOver();
  });

  it('a crop cut inside the card by its own lines (a name read, nothing else) gives way to a frame that reads the card', async () => {
    const t = innerCrop.images[16 * 3]!.truth;
    await page.getByLabel('Chọn ảnh').setInputFiles(file(innerCrop, 16, 'front'));
    await expect.poll(() => field('Số định danh cá nhân').inputValue(), { timeout: 30_000 }).toBe(t.personalId);
    expect(await field('Ngày sinh').inputValue()).toBe(t.birthDate);
    expect(await field('Quê quán').inputValue()).toBe(t.hometown);
    await startOver();
  });

  it('a card the emblem found among papers, its turn misread under a glare, is levelled along its lines and read', async () => {
    const t = innerCrop.images[0]!.truth;
    await page.getByLabel('Chọn ảnh').setInputFiles(file(innerCrop, 0, 'front'));
    await expect.poll(() => field('Số định danh cá nhân').inputValue(), { timeout: 30_000 }).toBe(t.personalId);
    expect(await field('Ngày sinh').inputValue()).toBe(t.birthDate);
    await startOver();
  });

  it('a handheld scanner typing the payload (mangled by the keyboard code page) fills the review', async () => {
    const t = truth(2);
    const mangled = [...new TextEncoder().encode(t.qr)].map((b) => String.fromCharCode(b)).join('');
    const input = page.getByLabel('Mã QR từ máy quét cầm tay');
    await input.fill(mangled);
    await input.press('Enter');
    await expect.poll(() => field('Họ và tên').inputValue()).toBe(t.fullName);
    expect(await field('Số định danh cá nhân').inputValue()).toBe(t.personalId);
    await page.getByText(/Windows-1252/).waitFor();
    await startOver();
  });
});

describe('paste', () => {
  it('an image pasted from the clipboard is read, even with the cursor in the scanner field', async () => {
    const t = truth(1);
    const b64 = readFileSync(file(cards, 1, 'qr')).toString('base64');
    await page.getByLabel('Mã QR từ máy quét cầm tay').focus();
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'image.jpg', { type: 'image/jpeg' }),
      );
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, b64);
    await expect.poll(() => field('Số định danh cá nhân').inputValue()).toBe(t.personalId);
    await startOver();
  });
});

describe('bad input gets a clear Vietnamese message and keeps what was extracted', () => {
  it('not an image, a corrupt PDF, a 40 MB photo and a payment QR code are each named; the review stays', async () => {
    const t = truth(2);
    await page.getByLabel('Chọn ảnh').setInputFiles(file(cards, 2, 'qr'));
    await expect.poll(() => field('Số định danh cá nhân').inputValue()).toBe(t.personalId);

    const vietQr = join(tmpDir, 'vietqr.png');
    writeFileSync(
      vietQr,
      await QRCode.toBuffer(
        '00020101021238540010A00000072701240006970436011001234567890208QRIBFTTA5303704540450005802VN5910NGUYEN VAN6304ABCD',
        { width: 500 },
      ),
    );
    await page.getByLabel('Chọn ảnh').setInputFiles([
      { name: 'giay-to.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('đây không phải ảnh') },
      {
        name: 'hong.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'),
      },
      { name: 'rat-lon.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(40 * 1024 * 1024, 0xff) },
      { name: 'vietqr.png', mimeType: 'image/png', buffer: readFileSync(vietQr) },
    ]);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/VietQR/);
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/"giay-to\.jpg" không phải ảnh đọc được/);
    expect(text).toMatch(/PDF "hong\.pdf" bị hỏng/);
    expect(text).toMatch(/"rat-lon\.jpg" nặng 40 MB, quá giới hạn/);
    expect(text).toMatch(/chuyển khoản VietQR \(ngân hàng 970436, tài khoản 0123456789/);
    // Nothing already read was lost.
    expect(await field('Số định danh cá nhân').inputValue()).toBe(t.personalId);
    expect(await field('Họ và tên').inputValue()).toBe(t.fullName);
    await startOver();
  });

  it('a 16,000 × 16,000 image is decoded reduced, and a blank page is named as one', async () => {
    const big = join(tmpDir, 'rat-rong.png');
    await writeBlankPng(big, 16_000, 16_000);
    await page.getByLabel('Chọn ảnh').setInputFiles(big);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 60_000 }).toMatch(/gần như trống/);
    expect(await alert.textContent()).toMatch(/rất lớn \(16000 × 16000\); đã đọc ở kích thước thu nhỏ/);
    await startOver();
  });

  it('the cards of two different people in one capture are named, not mixed', async () => {
    await page.getByLabel('Chọn ảnh').setInputFiles([file(cards, 0, 'qr'), file(cards, 1, 'qr')]);
    await page.getByText(/thẻ của hai người khác nhau/).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/thẻ của hai người khác nhau/).textContent()).toContain(truth(1).personalId);
    await startOver();
  });

  it('a passport photographed instead of the ID card is named as such, and its MRZ read', async () => {
    const mrz = buildTd3({
      number: 'C1234567',
      birth: '900101',
      sex: 'M',
      expiry: '300101',
      personalId: '001090012345',
      surname: 'NGUYEN',
      givenNames: 'VAN AN',
    });
    const jpeg = await paperJpeg(1000, 640, '#e8eef0', [
      ['HỘ CHIẾU / PASSPORT', 'bold 34px "DejaVu Sans"', 300, 80],
      ['Họ và tên / Full name: NGUYỄN VĂN AN', '26px "DejaVu Sans"', 300, 160],
      [mrz[0], 'bold 21px "DejaVu Sans Mono"', 20, 540],
      [mrz[1], 'bold 21px "DejaVu Sans Mono"', 20, 590],
    ]);
    await page.getByLabel('Chọn ảnh').setInputFiles({ name: 'ho-chieu.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/hộ chiếu/);
    // What the passport's MRZ vouches for is read, its two lines shown with their checks.
    await expect.poll(() => field('Số định danh cá nhân').inputValue()).toBe('001090012345');
    expect(await field('Ngày sinh').inputValue()).toBe('01/01/1990');
    expect(await field('Giới tính').inputValue()).toBe('Nam');
    expect((await field('MRZ').inputValue()).split('\n')).toEqual(mrz);
    expect(await page.locator('#capture-mrz-checks .pass').count()).toBe(5);
    await startOver();
  });
});

describe('other papers', () => {
  it('a PDF of a paper is read page by page into text and kept with a person', async () => {
    const t = truth(0);
    const jpeg = await paperJpeg(1200, 800, '#fff', [
      ['GIẤY CHỨNG SINH', 'bold 44px "DejaVu Sans"', 330, 120],
      ['Họ và tên mẹ: Phạm Thị Thu Hà', '34px "DejaVu Sans"', 80, 260],
      ['Sinh con lúc: 08 giờ 30 ngày 12/10/2026', '34px "DejaVu Sans"', 80, 340],
    ]);
    const pdf = join(tmpDir, 'giay-chung-sinh.pdf');
    writeFileSync(pdf, jpegToPdf(new Uint8Array(jpeg), 1200, 800));
    await page.getByRole('radio', { name: 'Giấy tờ khác' }).click();
    await page.getByLabel('Chọn ảnh').setInputFiles(pdf);
    const text = page.getByLabel(/Nội dung nhận dạng/);
    await expect.poll(() => text.inputValue(), { timeout: 30_000 }).toMatch(/CHỨNG SINH/);
    expect(await text.inputValue()).toMatch(/Phạm Thị Thu Hà/);
    await page.getByLabel('Lưu vào hồ sơ của').fill(t.personalId);
    await page.getByRole('radio', { name: new RegExp(t.fullName) }).check();
    await page.getByRole('button', { name: 'Lưu giấy tờ' }).click();
    await page.getByText(`Đã lưu 1 trang giấy tờ vào hồ sơ của ${t.fullName}.`).waitFor();
    await page.getByRole('radio', { name: 'Thẻ căn cước' }).click();
  });
});

describe('nothing leaves the machine', () => {
  it('the OCR worker, core, Vietnamese model, QR decoder and PDF worker came from the extension, and no request left', async () => {
    const netLog = await h.close();
    const requests = requestsInNetLog(netLog).filter((r) => !isBrowserHousekeeping(r));
    const seen = [...requested, ...requests.map((r) => r.url)];
    // Each engine file was really loaded, from the extension itself: without these the check below proves nothing.
    for (const path of [
      'ocr/worker.js',
      'ocr/worker.min.js',
      'ocr/tesseract-core-relaxedsimd-lstm.js',
      'ocr/tesseract-core-relaxedsimd-lstm.wasm',
      'ocr/lang/vie.traineddata.gz',
      'zxing/zxing_reader.wasm',
      'pdf/pdf.worker.min.mjs',
    ]) {
      expect(
        seen.some((u) => u.startsWith(`chrome-extension://${h.extensionId}/${path}`)),
        path,
      ).toBe(true);
    }
    const outside = outsideRequests(netLog, replicaHosts);
    expect(outside).toEqual([]);
  });
});
