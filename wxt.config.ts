import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/** Replica portal pages that training mode runs inside the extension: the test replicas themselves. */
const trainingPortals = ['dichvucong.gov.vn/khai-sinh', 'dichvucong.gov.vn/cu-tru', 'dichvucong.gov.vn/api'];
const fixtures = fileURLToPath(new URL('./tests/fixtures/portals/', import.meta.url));
const modules = fileURLToPath(new URL('./node_modules/', import.meta.url));

/**
 * What capture runs, shipped inside the extension so nothing is fetched: tesseract.js' worker, one WebAssembly
 * core, the Vietnamese model, the ZXing QR decoder and pdf.js' worker. The core is the one Chromium loads here
 * (relaxed SIMD, LSTM only: on by default since Chrome 114, whatever the x86-64 or ARM64 CPU); it ships as its
 * loader and its `.wasm` beside the worker (where the loader looks), not as the base64 `.wasm.js` a third
 * larger. The other cores would never load.
 */
const captureAssets: Array<[string, string]> = [
  ['tesseract.js/dist/worker.min.js', 'ocr/worker.min.js'],
  // The worker the page starts: the one above, its informational stderr kept out of the console's errors.
  ['../utils/capture/engines/ocr-worker.js', 'ocr/worker.js'],
  ['tesseract.js-core/tesseract-core-relaxedsimd-lstm.js', 'ocr/tesseract-core-relaxedsimd-lstm.js'],
  ['tesseract.js-core/tesseract-core-relaxedsimd-lstm.wasm', 'ocr/tesseract-core-relaxedsimd-lstm.wasm'],
  [vieModel(), 'ocr/lang/vie.traineddata.gz'],
  ['zxing-wasm/dist/reader/zxing_reader.wasm', 'zxing/zxing_reader.wasm'],
  ['pdfjs-dist/build/pdf.worker.min.mjs', 'pdf/pdf.worker.min.mjs'],
];

/**
 * The `vie` model shipped: tessdata_best (as integers, from @tesseract.js-data/vie). `MOTCUA_OCR_MODEL=fast`
 * builds with tessdata_fast instead (Debian's tesseract-ocr-vie), only to compare the two on the bench.
 */
function vieModel(): string {
  if (process.env.MOTCUA_OCR_MODEL !== 'fast') return '@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz';
  const out = `${modules}.cache/motcua/vie-fast.traineddata.gz`;
  mkdirSync(`${modules}.cache/motcua`, { recursive: true });
  writeFileSync(out, gzipSync(readFileSync('/usr/share/tesseract-ocr/5/tessdata/vie.traineddata')));
  return '.cache/motcua/vie-fast.traineddata.gz';
}

/**
 * The administrative units (1.4 MB of indented JSON) ship gzipped, read back through DecompressionStream
 * (utils/vn/admin-units-loader.ts): a sixth of the size, the same data, its licence beside it.
 */
function gzipAdminUnits(files: Array<{ absoluteSrc?: string; relativeDest: string }>) {
  const out = `${modules}.cache/motcua/admin-units`;
  mkdirSync(out, { recursive: true });
  for (const file of files) {
    if (!file.absoluteSrc || !/^data\/admin-units\/(?!index\.json$).+\.json$/.test(file.relativeDest)) continue;
    const name = file.relativeDest.split('/').at(-1)!;
    const data = JSON.stringify(JSON.parse(readFileSync(file.absoluteSrc, 'utf8')));
    writeFileSync(`${out}/${name}.gz`, gzipSync(data, { level: 9 }));
    file.absoluteSrc = `${out}/${name}.gz`;
    file.relativeDest = `${file.relativeDest}.gz`;
  }
}

// https://wxt.dev/api/config.html
export default defineConfig({
  ...(process.env.MOTCUA_ANALYZE
    ? {
        analysis: {
          enabled: true,
          template: 'raw-data' as const,
          keepArtifacts: true,
          outputFile: '.output/stats.json',
        },
      }
    : {}),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      gzipAdminUnits(files as Array<{ absoluteSrc?: string; relativeDest: string }>);
      for (const [from, to] of captureAssets) files.push({ absoluteSrc: `${modules}${from}`, relativeDest: to });
      for (const dir of trainingPortals) {
        for (const name of readdirSync(`${fixtures}${dir}`)) {
          files.push({
            absoluteSrc: `${fixtures}${dir}/${name}`,
            relativeDest: `training/portal/${dir.split('/').at(-1)}/${name}`,
          });
        }
      }
    },
  },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    short_name: 'motcua',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: [
      // Settings, the officer-added portal hosts and (later) the unlocked session key.
      'storage',
      // Registers the content script on portal hosts an officer adds at run time, without a new build.
      'scripting',
      // A once-a-minute check that locks the records after the supervisor's idle time.
      'alarms',
    ],
    // Only requested, host by host, when an officer presses "Thêm cổng dịch vụ công". Nothing is granted at install.
    optional_host_permissions: ['https://*/*'],
    content_security_policy: {
      // Nothing leaves the machine from an extension page: every fetch, image, worker, frame and font is the
      // extension's own. 'wasm-unsafe-eval' lets OCR (tesseract.js), the QR decoder and Argon2id (hash-wasm)
      // compile their bundled WebAssembly; blob: and data: images are made in the page. Workers come from the
      // extension's files only: Chrome refuses to load an MV3 extension whose worker-src allows blob: ("insecure
      // CSP value"). Inline styles stay allowed (the training replicas carry <style>): CSS loads only what
      // img-src and font-src allow.
      extension_pages: [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self'",
        "img-src 'self' blob: data:",
        "worker-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    },
    // A province's IT presets ward, extra portal hosts and retention by policy (see README).
    storage: { managed_schema: 'managed_schema.json' },
    // The toolbar button opens the helper panel beside the tab (Chrome's side panel); Alt+K does the same.
    action: { default_title: '__MSG_extName__' },
    commands: {
      'open-panel': { suggested_key: { default: 'Alt+K' }, description: '__MSG_cmdOpenPanel__' },
    },
    options_ui: { page: 'settings.html', open_in_tab: true },
  },
});
