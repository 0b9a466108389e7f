import type { Raster } from '../image';

/**
 * Turns what the officer gives (a file, a pasted image, a camera frame) into rasters: images decoded by the
 * browser, PDFs page by page with pdf.js (its worker bundled). Refuses with a Vietnamese reason, never throws
 * raw errors at the officer.
 */

export const maxFileBytes = 25 * 1024 * 1024;
const maxSide = 2400;

export type Loaded = { ok: true; pages: Array<{ raster: Raster; label: string }> } | { ok: false; reason: string };

export async function loadFile(file: Blob & { name?: string }, pdfWorkerUrl: string): Promise<Loaded> {
  const name = file.name ?? 'ảnh dán';
  if (file.size > maxFileBytes) {
    return { ok: false, reason: `Tệp "${name}" nặng ${(file.size / 1048576).toFixed(0)} MB, quá giới hạn ${maxFileBytes / 1048576} MB. Hãy chụp lại ở độ phân giải thấp hơn hoặc quét ở 300 dpi.` };
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const isPdf = head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46;
  if (isPdf || file.type === 'application/pdf') return loadPdf(file, name, pdfWorkerUrl);
  try {
    const bitmap = await createImageBitmap(file);
    return { ok: true, pages: [{ raster: fromBitmap(bitmap), label: name }] };
  } catch {
    return { ok: false, reason: `Tệp "${name}" không phải ảnh đọc được (chỉ nhận JPEG, PNG, WebP hoặc PDF), hoặc ảnh bị hỏng.` };
  }
}

export function fromBitmap(bitmap: ImageBitmap | HTMLVideoElement | HTMLCanvasElement, width?: number, height?: number): Raster {
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
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
    const pages: Array<{ raster: Raster; label: string }> = [];
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
      pages.push({ raster: { width: canvas.width, height: canvas.height, data: data.data }, label: `${name} — trang ${i}/${doc.numPages}` });
    }
    await doc.destroy();
    return { ok: true, pages };
  } catch {
    return { ok: false, reason: `Tệp PDF "${name}" bị hỏng hoặc có mật khẩu, không mở được. Hãy xuất lại PDF hoặc chụp ảnh giấy tờ.` };
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
