import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { Point, Raster } from '@/utils/capture/image';

/**
 * QR decoding with ZXing-C++ compiled to WebAssembly (zxing-wasm), the .wasm bundled in the extension: never
 * fetched from a CDN. Photos of cards give small, tilted, blurred codes: try harder, rotations and denoising.
 */

let prepared = false;
export function prepareBundledZxing(wasmUrl: string) {
  if (prepared) return;
  prepared = true;
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
  });
}

const options: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  tryDenoise: true,
  maxNumberOfSymbols: 1,
};
/** For a cut-out already enlarged: a QR code is found at any rotation without `tryRotate`, and a card's is never inverted. */
const quickOptions: ReaderOptions = {
  ...options,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  tryDenoise: false,
};

export interface QrHit {
  text: string;
  /** Corners in the image's pixels: top-left, top-right, bottom-right, bottom-left of the code. */
  corners: [Point, Point, Point, Point];
}

export async function decodeQr(image: Raster, quick = false): Promise<QrHit | null> {
  const data = new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
  const results = await readBarcodes(data, quick ? quickOptions : options);
  const hit = results.find((r) => r.isValid && r.text);
  if (!hit) return null;
  const p = hit.position;
  return {
    text: hit.text,
    corners: [
      [p.topLeft.x, p.topLeft.y],
      [p.topRight.x, p.topRight.y],
      [p.bottomRight.x, p.bottomRight.y],
      [p.bottomLeft.x, p.bottomLeft.y],
    ],
  };
}
