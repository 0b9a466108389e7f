import { browser } from 'wxt/browser';
import { baselineRead } from '@/utils/capture/baseline';
import { fuse } from '@/utils/capture/fuse';
import { PlaceLexicon } from '@/utils/capture/places';
import { loadAdminUnits } from '@/utils/vn/admin-units-loader';
import { fromBitmap, loadFile } from '@/utils/capture/engines/load';
import { ocrWorker, recognise } from '@/utils/capture/engines/ocr';
import { decodeQr, prepareBundledZxing } from '@/utils/capture/engines/qr';
import { enlarge, qrRegions } from '@/utils/capture/qr-search';
import { readDocument, scanCard, type CaptureAssets, type ScanResult } from '@/utils/capture/engines/pipeline';
import type { Quad } from '@/utils/capture/image';
import { reviewOf } from '@/utils/capture/intake';
import { toCanvas } from '@/utils/capture/engines/load';

/** The extension's own copies of every engine file (see wxt.config.ts); nothing is fetched from elsewhere. */
export function captureAssets(): CaptureAssets {
  const url = (path: string) => browser.runtime.getURL(path as '/pages.html');
  return {
    ocr: {
      workerPath: url('/ocr/worker.js'),
      corePath: url('/ocr/tesseract-core-relaxedsimd-lstm.js'),
      langPath: url('/ocr/lang'),
    },
    zxingWasm: url('/zxing/zxing_reader.wasm'),
    pdfWorker: url('/pdf/pdf.worker.min.mjs'),
  };
}

let places: Promise<PlaceLexicon | null> | null = null;
/** Place names for repairing OCR'd addresses, from the shipped admin-units data (null if it cannot load). */
export function placeLexicon(): Promise<PlaceLexicon | null> {
  places ??= loadAdminUnits()
    .then((units) => new PlaceLexicon(units.placeTexts))
    .catch(() => null);
  return places;
}

/** Starts the page's one OCR worker while the officer is still reaching for the card. */
export function warmUp(assets: CaptureAssets): Promise<unknown> {
  // Before any decode: the QR decoder must find its WebAssembly in the extension, never on a CDN.
  prepareBundledZxing(assets.zxingWasm);
  return ocrWorker(assets.ocr);
}

/**
 * The engines, reachable from the page's window for `npm run bench`, which drives this very page in the
 * production build (an extension page: only the extension and the officer's own DevTools can reach it).
 */
export function exposeEngines(assets: CaptureAssets) {
  (window as unknown as { motcuaEngine: unknown }).motcuaEngine = {
    /** A photo scanned as the page does; with `quad`, the card's corners as the officer's handles would set them. */
    scanCard: (raster: Parameters<typeof scanCard>[0], ocr = true, quad?: Quad) =>
      scanCard(raster, assets, { ocr, ...(quad ? { quad } : {}) }),
    readDocument: (raster: Parameters<typeof readDocument>[0]) => readDocument(raster, assets),
    fuse: async (sources: Parameters<typeof fuse>[0]) => fuse(sources, { places: await placeLexicon() }),
    /** The review of scans, as the page makes it (each empty field with its reason). */
    review: async (scans: ScanResult[]) =>
      reviewOf(
        scans.map((result) => ({ result })),
        await placeLexicon(),
      ),
    loadFile: (blob: Blob) => loadFile(blob, assets.pdfWorker),
    fromBitmap,
    /** The QR decoder alone, and where the page would look for a code (for the bench's diagnostics). */
    decodeQr: (raster: Parameters<typeof scanCard>[0]) => decodeQr(raster),
    qrRegions: (raster: Parameters<typeof scanCard>[0]) => qrRegions(raster),
    enlarge: (raster: Parameters<typeof scanCard>[0], region: Parameters<typeof enlarge>[1]) => enlarge(raster, region),
    /** Plain tesseract.js on the whole photo as taken, with regular expressions: the baseline. */
    async baseline(raster: Parameters<typeof scanCard>[0]) {
      const page = await recognise(assets.ocr, toCanvas(raster), { mode: 'page' });
      return baselineRead(page.text);
    },
  };
}
