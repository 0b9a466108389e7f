import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { OcrLine } from '@/utils/capture/card-fields';

/**
 * One warm tesseract.js worker for the page, with the worker script, the WebAssembly core and the `vie`
 * model all loaded from the extension's own files. `createWorker(langs, oem, options)` is positional: paths
 * in the wrong place would silently fall back to a CDN, so they are given here, and the e2e test watches
 * every request to prove nothing leaves.
 */

export interface OcrPaths {
  workerPath: string;
  corePath: string;
  langPath: string;
}

let worker: Promise<Worker> | null = null;

export function ocrWorker(paths: OcrPaths): Promise<Worker> {
  worker ??= createWorker('vie', OEM.LSTM_ONLY, {
    workerPath: paths.workerPath,
    corePath: paths.corePath,
    langPath: paths.langPath,
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  }).catch((e: unknown) => {
    worker = null;
    throw e;
  });
  return worker;
}

export interface OcrPage {
  text: string;
  lines: OcrLine[];
  confidence: number;
}

export type OcrImage = HTMLCanvasElement | OffscreenCanvas;

function cut(image: OcrImage, r: { left: number; top: number; width: number; height: number }): OffscreenCanvas {
  const out = new OffscreenCanvas(Math.max(1, Math.round(r.width)), Math.max(1, Math.round(r.height)));
  out.getContext('2d')!.drawImage(image, r.left, r.top, r.width, r.height, 0, 0, out.width, out.height);
  return out;
}

export async function recognise(
  paths: OcrPaths,
  image: OcrImage,
  options: {
    mode?: 'page' | 'block' | 'line';
    whitelist?: string;
    rectangle?: { left: number; top: number; width: number; height: number };
  } = {},
): Promise<OcrPage> {
  const w = await ocrWorker(paths);
  await w.setParameters({
    tessedit_pageseg_mode:
      options.mode === 'line' ? PSM.SINGLE_LINE : options.mode === 'block' ? PSM.SINGLE_BLOCK : PSM.AUTO,
    tessedit_char_whitelist: options.whitelist ?? '',
    preserve_interword_spaces: '0',
  });
  // A region is sent cut out, not the whole card with a rectangle: the worker then encodes and decodes a few
  // thousand pixels instead of the card's million, which is most of a second look's time.
  const r = options.rectangle;
  // Too small a region has no text to read (tesseract reports its empty layout as errors).
  if (r && (r.width < 8 || r.height < 8)) return { text: '', lines: [], confidence: 0 };
  const source = r ? cut(image, r) : image;
  const result = await w.recognize(source, {}, { blocks: true, text: true });
  const lines: OcrLine[] = [];
  for (const block of result.data.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+$/, '').normalize('NFC');
        if (text.trim())
          lines.push({
            text,
            confidence: line.confidence,
            bbox: line.bbox,
            words: line.words.map((w) => ({ text: w.text.normalize('NFC'), bbox: w.bbox })),
          });
      }
    }
  }
  lines.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  return { text: result.data.text.normalize('NFC'), lines, confidence: result.data.confidence };
}
