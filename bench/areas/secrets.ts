import { execFileSync, spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { launchHarness } from '../../tests/e2e/harness/browser';
import { setUpAndImport, supervisorPassphrase } from '../../tests/e2e/harness/records';
import { argon2Iterations, argon2MemoryKiB, argon2Parallelism, pbkdf2Iterations } from '../../utils/security/kdf';
import { quantile, round, type BenchArea, type Metric } from '../lib/measure';

/**
 * What one guess costs an attacker who copied the browser profile, per core, before and after issue 14:
 * before, the 6-digit PIN's PBKDF2-SHA-256 (600,000) wrap sat on disk; after, only the Argon2id passphrase
 * wrap does (the PIN lives in session memory). Costs are CPU time of one thread, so other work on the PC does
 * not inflate them: Node's WebCrypto (OpenSSL) for PBKDF2; for Argon2id the WebAssembly we ship, and the
 * reference C implementation (`argon2` from Debian) where it is installed. Then what the officer waits in the
 * real extension: the Argon2id of a passphrase unlock in the records page.
 */
const runs = 5;
const salt = new Uint8Array(16).fill(7);

async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await cpuMs(work));
  return quantile(times, 0.5);
}

async function pbkdf2Guess(): Promise<void> {
  const material = await webcrypto.subtle.importKey('raw', new TextEncoder().encode('482915'), 'PBKDF2', false, [
    'deriveBits',
  ]);
  await webcrypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: pbkdf2Iterations },
    material,
    256,
  );
}

function argon2Wasm(): Promise<unknown> {
  return argon2id({
    password: 'một cụm mật khẩu đoán thử',
    salt,
    memorySize: argon2MemoryKiB,
    iterations: argon2Iterations,
    parallelism: argon2Parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
}

/** The reference implementation's CPU time (user + system of the child), or null where it is not installed. */
function argon2Native(): number | null {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(
      'bash',
      [
        '-c',
        `TIMEFORMAT='%U %S'; time (printf %s 'guess' | argon2 saltsaltsalt -id -t ${argon2Iterations} -k ${argon2MemoryKiB} -p ${argon2Parallelism} -l 32 -r >/dev/null)`,
      ],
      { encoding: 'utf8' },
    );
    if (out.status !== 0) return null;
    const [user, system] = out.stderr.trim().split(/\s+/).map(Number);
    times.push(((user ?? 0) + (system ?? 0)) * 1000);
  }
  return quantile(times, 0.5);
}

/** Passphrase unlocks in the built extension's records page: the Argon2id the page itself timed. */
async function inPageUnlock(): Promise<number> {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  const h = await launchHarness();
  try {
    const page = await setUpAndImport(h, 'family.csv', 4);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: /Khoá/ }).click();
      await page.evaluate(() => performance.clearMeasures('motcua:argon2id'));
      await page.getByLabel('Mã PIN hoặc cụm mật khẩu').fill(supervisorPassphrase);
      await page.getByRole('button', { name: 'Mở khoá', exact: true }).click();
      await page.getByTestId('signed-in').waitFor();
      waits.push(await page.evaluate(() => performance.getEntriesByName('motcua:argon2id')[0]!.duration));
    }
    return quantile(waits, 0.5);
  } finally {
    await h.close();
  }
}

export const secretsBench: BenchArea = {
  area: 'secrets',
  async run(): Promise<Metric[]> {
    const pbkdf2 = await median(pbkdf2Guess);
    const wasm = await median(argon2Wasm);
    const native = argon2Native();
    const page = await inPageUnlock();
    const pinSpaceHours = (1e6 * pbkdf2) / 3_600_000;
    return [
      { name: 'before_pin_guess_pbkdf2_600k', value: round(pbkdf2, 0), unit: 'ms/core', better: 'higher' },
      { name: 'before_all_6digit_pins', value: round(pinSpaceHours, 1), unit: 'core-hours', better: 'higher' },
      {
        name: 'after_passphrase_guess_argon2id_wasm',
        value: round(wasm, 0),
        unit: 'ms/core',
        better: 'higher',
        target: 500,
        baseline: round(pbkdf2, 0),
      },
      ...(native === null
        ? []
        : [
            {
              name: 'after_passphrase_guess_argon2id_native',
              value: round(native, 0),
              unit: 'ms/core',
              better: 'higher' as const,
              target: 500,
              baseline: round(pbkdf2, 0),
            },
          ]),
      { name: 'argon2id_memory', value: argon2MemoryKiB / 1024, unit: 'MiB', better: 'higher', target: 64 },
      { name: 'officer_wait_unlock_in_page', value: round(page, 0), unit: 'ms', better: 'lower' },
    ];
  },
};
