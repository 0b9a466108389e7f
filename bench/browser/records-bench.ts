/**
 * Runs in real Chromium (built by Vite, driven by bench/areas/records.ts): the shipped records code against
 * IndexedDB and WebCrypto, as the extension's pages run it.
 */
import { MotcuaDB } from '@/utils/db/database';
import { commitImport, sha256Hex } from '@/utils/records/import/commit';
import { guessHeader } from '@/utils/records/import/header';
import { recordsLookup } from '@/utils/records/import/lookup';
import { buildPreview, defaultDecision } from '@/utils/records/import/preview';
import { readTable } from '@/utils/records/import/read-table';
import { RecordsStore } from '@/utils/records/store';
import { setUp, unlockWithSecret } from '@/utils/security/officers';

const secret = 'cụm mật khẩu đo hiệu năng';

async function run(csvUrl: string, queries: string[]) {
  const bytes = new Uint8Array(await (await fetch(csvUrl)).arrayBuffer());
  const name = `bench-${Date.now()}`;
  const db = new MotcuaDB(name);
  const { officer, dataKey } = await setUp(db, { name: 'Đo hiệu năng', passphrase: secret });
  const store = await RecordsStore.open(db, dataKey, { officerId: officer.id });

  const t0 = performance.now();
  const table = await readTable('people.csv', bytes);
  const header = guessHeader(table)!;
  const preview = await buildPreview(table, header, recordsLookup(store));
  const t1 = performance.now();
  const decisions = new Map(preview.rows.map((r) => [r.index, defaultDecision(r)]));
  const result = await commitImport(store, {
    fileName: 'people.csv',
    fileHash: await sha256Hex(bytes),
    rows: preview.rows,
    decisions,
  });
  const t2 = performance.now();
  db.close();

  // Unlock from cold: a new connection, the officer's passphrase, the encrypted index decrypted.
  const u0 = performance.now();
  const db2 = new MotcuaDB(name);
  const unlocked = await unlockWithSecret(db2, officer.id, secret);
  if (!unlocked.ok) throw new Error(unlocked.reason.code);
  const u1 = performance.now();
  const reopened = await RecordsStore.open(db2, unlocked.dataKey, { officerId: officer.id });
  const u2 = performance.now();

  const times: number[] = [];
  let hits = 0;
  const missed: string[] = [];
  for (const q of queries) {
    const s = performance.now();
    const found = await reopened.search(q, 50);
    times.push(performance.now() - s);
    if (found.length > 0) hits += 1;
    else if (missed.length < 10) missed.push(q);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  db2.close();
  await MotcuaDB.delete(name);
  return {
    rows: preview.rows.length,
    written: result.written,
    parsePreviewMs: t1 - t0,
    commitMs: t2 - t1,
    unlockKdfMs: u1 - u0,
    unlockIndexMs: u2 - u1,
    indexed: reopened.size,
    searchP50: q(0.5),
    searchP95: q(0.95),
    searchMax: times[times.length - 1]!,
    hitRate: hits / queries.length,
    missed,
  };
}

(window as unknown as { runRecordsBench: typeof run }).runRecordsBench = run;
document.title = 'ready';
