import type { CounterRow, MotcuaDB } from '@/utils/db/database';
import { counterIdOf, generateCounterKeys } from '@/utils/filings/signing';

/** A counter's name as it starts before anyone names it: a person can still tell which PC it is. */
export function unnamedCounter(id: string): string {
  return `Quầy chưa đặt tên (${id.slice(0, 4).toUpperCase()})`;
}

/** This install's counter, made (with its key pair) on first use; `name` names a new one (setup asks). */
export async function ensureOwnCounter(db: MotcuaDB, name?: string): Promise<CounterRow> {
  const existing = await db.counters.where('own').equals(1).first();
  if (existing) return existing;
  const keys = await generateCounterKeys();
  const id = await counterIdOf(keys.publicJwk);
  const row: CounterRow = {
    id,
    name: name?.trim().slice(0, 100) || unnamedCounter(id),
    publicJwk: keys.publicJwk,
    own: 1,
    privateKey: keys.privateKey,
  };
  // Two contexts racing on the first use: the first key pair written wins.
  await db.transaction('rw', db.counters, async () => {
    if (!(await db.counters.where('own').equals(1).first())) await db.counters.add(row);
  });
  return (await db.counters.where('own').equals(1).first())!;
}
