import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { bigSheetXlsx } from '../../tests/fixtures/spreadsheets/make';
import { extensionChromeArgs, findChrome } from '../../tests/e2e/harness/chrome';
import { extensionDir } from '../../tests/e2e/harness/paths';
import { round, type BenchArea, type Metric } from '../lib/measure';

const rows = Number(process.env.MOTCUA_BENCH_IMPORT_ROWS ?? 200_000);
/** Another build to measure the same way in the same run (the code before the worker, for the baseline). */
const baselineDir = process.env.MOTCUA_BENCH_BASELINE_EXTENSION;

interface Run {
  previewMs: number;
  longestTaskMs: number;
  blockedMs: number;
  shownRows: number;
}

/**
 * A 200,000-row sheet through the records page of a production build, as an officer opens it: from choosing the
 * file to the summary of every row, the longest task on the page's thread (what freezes the page), their sum,
 * and how many rows the preview lets the officer reach.
 */
async function measure(extension: string, file: string): Promise<Run> {
  const profile = mkdtempSync(join(tmpdir(), 'motcua-bench-import-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: extensionChromeArgs(extension, 'MAP * ~NOTFOUND'),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/setup.html`);
    await page.getByLabel('Họ và tên lãnh đạo/tổ trưởng').fill('Đo hiệu năng');
    await page.getByLabel('Cụm mật khẩu (ít nhất 10 ký tự)').fill('hoa sen nở giữa hồ');
    await page.getByLabel('Nhập lại cụm mật khẩu').fill('hoa sen nở giữa hồ');
    await page.getByRole('button', { name: 'Tạo tài khoản và bắt đầu' }).click();
    await page.waitForURL(/records\.html/);
    await page.getByRole('tab', { name: 'Nhập tệp' }).click();
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const start = Date.now();
    await page.getByLabel('Nhập tệp').setInputFiles(file);
    const seen = await waitForPreview(page);
    const previewMs = Date.now() - start;
    if (seen.alert) throw new Error(`the import said: ${seen.alert}`);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    // Scrolled to the bottom, the virtualised preview must reach the file's last row.
    let shownRows = 0;
    for (let i = 0; i < 50 && shownRows < rows; i++) {
      await page.evaluate(() => document.querySelector('[data-testid="import-preview"]')?.scrollTo(0, 1e9));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const numbers = await page
        .locator('.preview tr[data-row]')
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row'))));
      shownRows = Math.max(0, ...numbers.map((n) => n - 1));
    }
    return {
      previewMs,
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      blockedMs: tasks.reduce((a, b) => a + b, 0),
      shownRows,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Polls the page for the summary (or an alert); on a timeout says where the import stood. */
async function waitForPreview(page: Page): Promise<{ alert: string | null }> {
  let last = '';
  for (const deadline = Date.now() + 600_000; Date.now() < deadline; ) {
    const [progress, summary, alert] = await page.evaluate(() =>
      ['[data-testid="import-progress"]', '[data-testid="import-summary"]', '[role="alert"]'].map(
        (q) => document.querySelector(q)?.textContent ?? null,
      ),
    );
    if (summary) return { alert: null };
    if (alert) return { alert };
    last = progress ?? last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no preview after 10 minutes; last progress: ${last}`);
}

export const importBench: BenchArea = {
  area: 'import',
  async run(): Promise<Metric[]> {
    if (!existsSync(extensionDir))
      execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
    const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-sheet-'));
    const file = join(dir, `danh-sach-${rows}.xlsx`);
    writeFileSync(file, bigSheetXlsx(rows));
    try {
      const now = await measure(extensionDir, file);
      const before = baselineDir ? await measure(baselineDir, file) : null;
      const metric = (m: Omit<Metric, 'value' | 'baseline'>, key: keyof Run, scale = 1): Metric => ({
        ...m,
        value: round(now[key] * scale),
        ...(before ? { baseline: round(before[key] * scale) } : {}),
      });
      return [
        { name: 'sheet_rows', value: rows, unit: 'rows', better: 'higher' },
        metric({ name: 'preview_ready', unit: 's', better: 'lower' }, 'previewMs', 1 / 1000),
        metric({ name: 'longest_page_task', unit: 'ms', better: 'lower', target: 200 }, 'longestTaskMs'),
        metric({ name: 'page_blocked_total', unit: 's', better: 'lower' }, 'blockedMs', 1 / 1000),
        metric({ name: 'preview_rows_reachable', unit: 'rows', better: 'higher', target: rows }, 'shownRows'),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
