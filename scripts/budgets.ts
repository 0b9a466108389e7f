/**
 * The build's budgets (issue 17), printed after `npm run build` and kept: the content script every portal
 * page loads, the unpacked extension, and one tesseract core. A budget exceeded fails the build.
 * (No dev dependency in the product is a unit test: tests/unit/training/no-dev-deps.test.ts.)
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? '.output/chrome-mv3';
const kB = 1000;
const MB = 1000 * kB;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const all = files(root);
const size = (path: string) => statSync(path).size;
const budgets: Array<{ what: string; value: number; limit: number; unit: 'kB' | 'MB' | '' }> = [
  {
    what: 'content script (content.js)',
    value: size(join(root, 'content-scripts/content.js')),
    limit: 200 * kB,
    unit: 'kB',
  },
  { what: 'unpacked extension', value: all.reduce((sum, f) => sum + size(f), 0), limit: 10 * MB, unit: 'MB' },
  { what: 'tesseract cores', value: all.filter((f) => /tesseract-core.*\.wasm$/.test(f)).length, limit: 1, unit: '' },
];

let over = false;
console.log('\nBudgets');
for (const b of budgets) {
  const shown = (n: number) =>
    b.unit === 'kB' ? `${(n / kB).toFixed(1)} kB` : b.unit === 'MB' ? `${(n / MB).toFixed(2)} MB` : String(n);
  const ok = b.value <= b.limit;
  over ||= !ok;
  console.log(`  ${ok ? '✓' : '✗'} ${b.what.padEnd(30)} ${shown(b.value).padStart(10)}  ≤ ${shown(b.limit)}`);
}
if (over) {
  console.error('A budget is exceeded (see above).');
  process.exit(1);
}
