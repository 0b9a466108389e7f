import { execFileSync } from 'node:child_process';
import { faker } from '@faker-js/faker/locale/vi';
import { launchHarness } from '../../tests/e2e/harness/browser';
import { setUpAndImport } from '../../tests/e2e/harness/records';
import { chainEntry, currentFilings, verifyChain } from '../../utils/filings/chain';
import { procedures } from '../../utils/procedures/catalogue';
import { viewOf, type FilingEntry } from '../../utils/db/filing-schema';
import { quantile, round, type BenchArea, type Metric } from '../lib/measure';

const count = Number(process.env.MOTCUA_BENCH_FILINGS ?? 100_000);
const counterId = 'b3c4d5e6f7a8b9c0';

/** A counter's realistic log: 40 officers, the catalogue's procedures, a year of days, a third of the filings corrected. */
async function makeLog(n: number): Promise<FilingEntry[]> {
  faker.seed(2026);
  const officers = Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, name: faker.person.fullName() }));
  const entries: FilingEntry[] = [];
  const start = Date.parse('2025-12-01T01:00:00.000Z');
  let previous: FilingEntry | null = null;
  let root: FilingEntry | null = null;
  for (let i = 0; i < n; i++) {
    const officer = officers[i % officers.length]!;
    const procedure = procedures[(i * 7) % procedures.length]!;
    const at = new Date(start + Math.floor((i / n) * 360 * 86_400_000)).toISOString();
    const correcting = root !== null && i % 3 === 2;
    const id = `f${i}`;
    const entry: FilingEntry = await chainEntry(counterId, previous, {
      id,
      root: correcting ? root!.root : id,
      refersTo: correcting ? root!.id : null,
      at,
      officerId: officer.id,
      officerName: officer.name,
      procedureCode: procedure.code,
      procedureName: procedure.name,
      portalHost: 'dichvucong.gov.vn',
      status: correcting ? (i % 9 === 8 ? 'cancelled' : 'submitted') : 'draft',
      fields: { filled: 10 + (i % 15), check: i % 4, missing: i % 5 === 0 ? 1 : 0 },
      msToFill: 20_000 + (i % 97) * 1000,
      msToSubmit: correcting ? 60_000 + (i % 89) * 1000 : null,
      dossierCode: correcting ? `G22.99-${at.slice(2, 10).replace(/-/g, '')}-${String(i).padStart(6, '0')}` : null,
      peopleDigest: '0'.repeat(64),
    });
    entries.push(entry);
    previous = entry;
    if (!correcting) root = entry;
  }
  return entries;
}

/**
 * The supervisor dashboard with 100,000 filing-log entries in the real extension: time until the page shows
 * them (from navigation), filter changes until the new view is drawn, and the chain check (in the page, and in
 * Node for reference).
 */
export const filingsBench: BenchArea = {
  area: 'filings',
  async run(): Promise<Metric[]> {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    const entries = await makeLog(count);
    const nodeStarted = performance.now();
    const check = await verifyChain(entries, counterId);
    const nodeVerifyMs = performance.now() - nodeStarted;
    if (!check.ok) throw new Error('the generated chain is broken');
    const h = await launchHarness();
    try {
      await setUpAndImport(h, 'family.csv', 4);
      const page = await h.context.newPage();
      await page.goto(h.extensionUrl('dashboard.html'));
      await page.getByTestId('dash-total').waitFor();
      // Straight into the extension's own IndexedDB, in chunks (the entries are built and hashed in Node).
      const views = currentFilings(entries).map(viewOf);
      for (let i = 0; i < entries.length; i += 10_000) {
        const chunk = JSON.stringify(entries.slice(i, i + 10_000));
        const viewChunk = JSON.stringify(views.slice((i / entries.length) * views.length, ((i + 10_000) / entries.length) * views.length));
        await page.evaluate(`new Promise((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['filings', 'filingViews', 'counters'], 'readwrite');
            for (const e of ${chunk}) tx.objectStore('filings').put(e);
            for (const v of ${viewChunk}) tx.objectStore('filingViews').put(v);
            tx.objectStore('counters').put({ id: '${counterId}', name: 'Quầy thử tải', publicJwk: {}, own: 0 });
            tx.oncomplete = () => { db.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        })`);
      }
      const ready: number[] = [];
      for (let run = 0; run < 3; run++) {
        await page.reload();
        await page.getByTestId('dash-total').waitFor();
        ready.push(await page.evaluate(() => performance.getEntriesByName('motcua:dashboard-ready')[0]!.startTime));
      }
      const filters: number[] = [];
      const officerSelect = page.getByLabel('Cán bộ', { exact: true });
      const options = (await officerSelect.locator('option').allTextContents()).slice(1, 12);
      for (const option of options) {
        await officerSelect.selectOption({ label: option });
        await page.waitForFunction(() => performance.getEntriesByName('motcua:filter').length > 0);
        filters.push(await page.evaluate(() => {
          const m = performance.getEntriesByName('motcua:filter').at(-1)!.duration;
          performance.clearMeasures('motcua:filter');
          return m;
        }));
      }
      const verifyStarted = Date.now();
      await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
      await page.getByRole('list', { name: 'Kiểm tra tính toàn vẹn' }).getByText(/Quầy thử tải: .* nguyên vẹn/).waitFor({ timeout: 120_000 });
      const pageVerifyMs = Date.now() - verifyStarted;
      return [
        { name: 'entries', value: entries.length, unit: 'entries', better: 'higher' },
        { name: 'filings', value: views.length, unit: 'filings', better: 'higher' },
        { name: 'dashboard_ready_median', value: round(quantile(ready, 0.5), 0), unit: 'ms', better: 'lower', target: 1500 },
        { name: 'filter_change_median', value: round(quantile(filters, 0.5), 1), unit: 'ms', better: 'lower', target: 100 },
        { name: 'filter_change_max', value: round(Math.max(...filters), 1), unit: 'ms', better: 'lower' },
        { name: 'chain_verify_in_page', value: pageVerifyMs, unit: 'ms', better: 'lower' },
        { name: 'chain_verify_node', value: round(nodeVerifyMs, 0), unit: 'ms', better: 'lower' },
      ];
    } finally {
      await h.close();
    }
  },
};
