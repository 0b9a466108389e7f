// The OCR worker the capture page starts: tesseract.js' own worker, with the core's informational stderr kept
// out of the console's errors. The LSTM-only core lacks two legacy parameters the `vie` model's config names
// ("Parameter not found"), and it reports its resolution guess; both are printed to stderr, which the browser
// shows as errors on the capture page. They are logged as debug messages instead; every other error stays.
const informational = /^(Warning: Parameter not found: |Estimating resolution as \d+)/;
const error = console.error.bind(console);
console.error = (...args) => (informational.test(String(args[0])) ? console.debug(...args) : error(...args));
importScripts('worker.min.js');
