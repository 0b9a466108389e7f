/**
 * `npm run bench`: runs every benchmark area, prints one table and writes bench/results/<area>.json in the
 * shape of shared/DESIGN.md. Later areas (records, capture, autofill, filings) add themselves to `areas`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { autofillBench } from './areas/autofill';
import { captureBench } from './areas/capture';
import { filingsBench } from './areas/filings';
import { importBench } from './areas/import';
import { recordsBench } from './areas/records';
import { secretsBench } from './areas/secrets';
import { textBench } from './areas/text';
import { machine, type AreaResult, type BenchArea } from './lib/measure';

const areas: BenchArea[] = [
  textBench,
  recordsBench,
  importBench,
  captureBench,
  autofillBench,
  filingsBench,
  secretsBench,
];
const only = process.argv[2];
const resultsDir = new URL('./results/', import.meta.url);

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const rows: string[][] = [['area', 'metric', 'value', 'unit', 'target', 'baseline', 'ok']];
  let missed = 0;
  for (const area of areas.filter((a) => !only || a.area === only)) {
    const result: AreaResult = {
      area: area.area,
      machine: machine(),
      date: new Date().toISOString(),
      metrics: await area.run(),
    };
    writeFileSync(new URL(`${area.area}.json`, resultsDir), `${JSON.stringify(result, null, 2)}\n`);
    for (const m of result.metrics) {
      const ok =
        m.target === undefined ? '' : (m.better === 'lower' ? m.value <= m.target : m.value >= m.target) ? 'yes' : 'NO';
      if (ok === 'NO') missed += 1;
      rows.push([
        area.area,
        m.name,
        String(m.value),
        m.unit,
        m.target === undefined ? '' : String(m.target),
        m.baseline === undefined ? '' : String(m.baseline),
        ok,
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log(
      row.map((cell, j) => (j >= 2 && j <= 5 ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(
    `\n${machine()} · ${missed === 0 ? 'every target met' : `${missed} target(s) missed`} · JSON in bench/results/`,
  );
}

void main();
