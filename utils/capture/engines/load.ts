import { reason, type Reason } from '@/utils/i18n/reason-error';
import type { Raster } from '@/utils/capture/image';

/**
 * Turns what the officer gives (a file, a pasted image, a camera frame) into rasters: images decoded by the
 * browser, PDFs page by page with pdf.js (its worker bundled). Refuses with a reason code, never throws
 * raw errors at the officer.
 */

export const maxFileBytes = 25 * 1024 * 1024;
const maxSide = 2400;

export interface LoadedPage {
  raster: Raster;
  label: string;
  /** The image's own size, when it was decoded reduced (a photo larger than `maxSide`). */
  reduced?: { width: number; height: number };
}

export type Loaded = { ok: true; pages: LoadedPage[] } | { ok: false; reason: Reason };

/**
 * An image's width and height from its header (PNG, JPEG, WebP, GIF), without decoding it: a 16,000 × 16,000
 * photo is then decoded straight to its reduced size instead of a gigabyte of pixels.
 */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const u16 = (i: number) => (b[i]! << 8) | b[i + 1]!;
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return { width: u32(16), height: u32(20) };
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46)
    return { width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  if (b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45) {
    const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
    if (chunk === 'VP8X')
      return {
        width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)),
        height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)),
      };
    if (chunk === 'VP8 ')
      return { width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
    if (chunk === 'VP8L')
      return {
        width: 1 + (b[21]! | ((b[22]! & 0x3f) << 8)),
        height: 1 + ((b[22]! >> 6) | (b[23]! << 2) | ((b[24]! & 0x0f) << 10)),
      };
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    // JPEG: the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC) holds the size.
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: u16(i + 7), height: u16(i + 5) };
      i += 2 + u16(i + 2);
    }
  }
  return null;
}

export async function loadFile(file: Blob & { name?: string }, pdfWorkerUrl: string): Promise<Loaded> {
  const name = file.name ?? 'ảnh dán';
  if (file.size > maxFileBytes) {
    return {
      ok: false,
      reason: reason('capture.load.tooBig', {
        name,
        size: (file.size / 1048576).toFixed(0),
        limit: maxFileBytes / 1048576,
      }),
    };
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const isPdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
  if (isPdf || file.type === 'application/pdf') return loadPdf(file, name, pdfWorkerUrl);
  try {
    // The JPEG's size may sit after its metadata: the first 256 KB hold it in practice.
    const size = imageSize(new Uint8Array(await file.slice(0, 262_144).arrayBuffer()));
    const scale = size ? Math.min(1, maxSide / Math.max(size.width, size.height)) : 1;
    const bitmap =
      scale < 1 && size
        ? await createImageBitmap(file, {
            resizeWidth: Math.round(size.width * scale),
            resizeHeight: Math.round(size.height * scale),
            resizeQuality: 'medium',
          })
        : await createImageBitmap(file);
    const page: LoadedPage = { raster: fromBitmap(bitmap), label: name };
    bitmap.close();
    return { ok: true, pages: [scale < 1 && size ? { ...page, reduced: size } : page] };
  } catch {
    return {
      ok: false,
      reason: reason('capture.load.notImage', { name }),
    };
  }
}

export function fromBitmap(
  bitmap: ImageBitmap | HTMLVideoElement | HTMLCanvasElement,
  width?: number,
  height?: number,
): Raster {
  const w0 = width ?? (bitmap as ImageBitmap).width;
  const h0 = height ?? (bitmap as ImageBitmap).height;
  const scale = Math.min(1, maxSide / Math.max(w0, h0));
  const w = Math.round(w0 * scale);
  const h = Math.round(h0 * scale);
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0, w, h);
  const data = ctx.getImageData(0, 0, w, h);
  return { width: w, height: h, data: data.data };
}

async function loadPdf(file: Blob, name: string, workerUrl: string): Promise<Loaded> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  try {
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(await file.arrayBuffer()),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
    const pages: LoadedPage[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, 10); i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: 1 });
      const scale = Math.min(3, 1600 / Math.max(viewport.width, viewport.height));
      const v = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(v.width);
      canvas.height = Math.round(v.height);
      await page.render({ canvasContext: canvas.getContext('2d')!, viewport: v }).promise;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      pages.push({
        raster: { width: canvas.width, height: canvas.height, data: data.data },
        label: `${name} — trang ${i}/${doc.numPages}`,
      });
    }
    await doc.destroy();
    return { ok: true, pages };
  } catch {
    return {
      ok: false,
      reason: reason('capture.load.badPdf', { name }),
    };
  }
}

export function toCanvas(r: Raster): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = r.width;
  canvas.height = r.height;
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(r.data), r.width, r.height), 0, 0);
  return canvas;
}

export async function toJpeg(r: Raster, quality = 0.85): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(r.width, r.height);
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(r.data), r.width, r.height), 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Uint8Array(await blob.arrayBuffer());
}

/** An object URL of the raster as a JPEG, for showing it beside the review (the caller revokes it). */
export async function previewUrl(r: Raster): Promise<string> {
  return URL.createObjectURL(new Blob([await toJpeg(r, 0.8)], { type: 'image/jpeg' }));
}
