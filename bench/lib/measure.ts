import { cpus } from 'node:os';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  better: 'lower' | 'higher';
  target?: number;
  baseline?: number;
}

export interface AreaResult {
  area: string;
  machine: string;
  date: string;
  metrics: Metric[];
}

export interface BenchArea {
  area: string;
  run(): Promise<Metric[]>;
}

export function machine(): string {
  const list = cpus();
  return `${list[0]?.model.trim() ?? 'unknown cpu'}, ${list.length} cores`;
}

/** Calls `fn` over `inputs` round-robin for at least `minMs` (after a warm-up) and returns calls per second. */
export function opsPerSecond<T>(fn: (input: T) => unknown, inputs: readonly T[], minMs = 400): number {
  let sink = 0;
  for (let i = 0; i < Math.min(inputs.length, 2000); i++) sink += fn(inputs[i]!) ? 1 : 0;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 1000; i++) {
      sink += fn(inputs[(calls + i) % inputs.length]!) ? 1 : 0;
    }
    calls += 1000;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink); // keeps the calls from being optimised away
  return Math.round((calls / elapsed) * 1000);
}

/** Median and 95th percentile, in ms, of `repeats` runs of `fn`. */
export async function latency(fn: () => unknown, repeats: number): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { median: round(quantile(times, 0.5)), p95: round(quantile(times, 0.95)) };
}

/** The value at quantile `q` (0.5: median, 0.95: p95) of unsorted `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
