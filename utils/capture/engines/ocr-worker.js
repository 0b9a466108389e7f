// The OCR worker the capture page starts: tesseract.js' own worker, with the core's informational stderr kept
// out of the console's errors. The LSTM-only core lacks two legacy parameters the `vie` model's config names
// ("Parameter not found"), and it reports its resolution guess; both are printed to stderr, which the browser
// shows as errors on the capture page. Leptonica, inside tesseract's layout analysis, also reports a blob's box
// that falls outside the image and is then clipped or skipped ("boxClipToRectangle: box outside rectangle",
// "pixScanForForeground: invalid box"), and tesseract counts the diacritics it joined to their letters: the
// recognition goes on and returns its result. These are logged as debug messages instead; every other message
// (a model that fails to load, a core that aborts, any other leptonica error) stays an error.
const informational = [
  /^Warning: Parameter not found: /,
  /^Estimating resolution as \d+/,
  /^Detected \d+ diacritics/,
  /^Error in boxClipToRectangle: box outside rectangle/,
  /^Error in pixScanForForeground: invalid box/,
];
const error = console.error.bind(console);
console.error = (...args) =>
  informational.some((line) => line.test(String(args[0]))) ? console.debug(...args) : error(...args);
importScripts('worker.min.js');
