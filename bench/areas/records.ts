import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, quietChromeFlags, sandboxFlags } from '../../tests/e2e/harness/chrome';
import { peopleCsvText, realisticQueries, syntheticPeople } from '../lib/people';
import { round, type BenchArea, type Metric } from '../lib/measure';

const peopleCount = Number(process.env.MOTCUA_BENCH_PEOPLE ?? 100_000);
const queryCount = 1000;
const dist = fileURLToPath(new URL('../browser/dist/', import.meta.url));

interface PageResult {
  rows: number;
  written: number;
  parsePreviewMs: number;
  commitMs: number;
  unlockKdfMs: number;
  unlockIndexMs: number;
  indexed: number;
  searchP50: number;
  searchP95: number;
  searchMax: number;
  hitRate: number;
  missed: string[];
}

/** Import, unlock and search of 100,000 synthetic people, measured in real Chromium. */
export const recordsBench: BenchArea = {
  area: 'records',
  async run(): Promise<Metric[]> {
    execFileSync('npx', ['vite', 'build', '--config', 'bench/browser/vite.config.ts'], { stdio: 'ignore' });
    const people = syntheticPeople(peopleCount);
    const csv = Buffer.from(`\ufeff${peopleCsvText(people)}`, 'utf8');
    const queries = realisticQueries(people, queryCount);

    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/people.csv') return void res.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
      const file = normalize(join(dist, path === '/' ? 'records.html' : path));
      if (!file.startsWith(dist)) return void res.writeHead(403).end();
      try {
        const body = readFileSync(file);
        const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const profile = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChrome(),
      headless: true,
      args: [...quietChromeFlags, ...sandboxFlags],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`http://127.0.0.1:${port}/records.html`);
      await page.waitForFunction(() => document.title === 'ready');
      const profiler = process.env.MOTCUA_BENCH_PROFILE ? await context.newCDPSession(page) : null;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.start');
      }
      const r = await page.evaluate(
        ([url, qs]) =>
          (window as unknown as { runRecordsBench(u: string, q: string[]): Promise<PageResult> }).runRecordsBench(
            url,
            qs,
          ),
        [`http://127.0.0.1:${port}/people.csv`, queries] as const,
      );
      if (profiler) printProfile((await profiler.send('Profiler.stop')).profile);
      if (r.missed.length > 0) console.error(`Truy vấn không tìm thấy ai (mẫu): ${r.missed.join(' | ')}`);
      if (r.written !== peopleCount || r.indexed !== peopleCount)
        throw new Error(`imported ${r.written}, indexed ${r.indexed} of ${peopleCount}`);
      const totalMs = r.parsePreviewMs + r.commitMs;
      return [
        { name: 'people', value: peopleCount, unit: 'rows', better: 'higher' },
        {
          name: 'import_rows_per_s',
          value: Math.round((peopleCount / totalMs) * 1000),
          unit: 'rows/s',
          better: 'higher',
          target: 10_000,
        },
        {
          name: 'import_parse_preview_rows_per_s',
          value: Math.round((peopleCount / r.parsePreviewMs) * 1000),
          unit: 'rows/s',
          better: 'higher',
        },
        {
          name: 'import_commit_rows_per_s',
          value: Math.round((peopleCount / r.commitMs) * 1000),
          unit: 'rows/s',
          better: 'higher',
        },
        {
          name: 'unlock_until_search_ready',
          value: round(r.unlockKdfMs + r.unlockIndexMs, 0),
          unit: 'ms',
          better: 'lower',
          target: 2000,
        },
        { name: 'unlock_kdf', value: round(r.unlockKdfMs, 0), unit: 'ms', better: 'lower' },
        { name: 'unlock_index_decrypt', value: round(r.unlockIndexMs, 0), unit: 'ms', better: 'lower' },
        { name: 'search_p50', value: round(r.searchP50), unit: 'ms', better: 'lower' },
        { name: 'search_p95', value: round(r.searchP95), unit: 'ms', better: 'lower', target: 20 },
        { name: 'search_max', value: round(r.searchMax), unit: 'ms', better: 'lower' },
        { name: 'search_hit_rate', value: round(r.hitRate, 3), unit: 'ratio', better: 'higher', target: 0.99 },
      ];
    } finally {
      await context.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
};

/** MOTCUA_BENCH_PROFILE=1: the functions that took the most CPU, for finding what to speed up. */
function printProfile(profile: {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}) {
  const self = new Map<number, number>();
  for (const [i, id] of (profile.samples ?? []).entries())
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}
