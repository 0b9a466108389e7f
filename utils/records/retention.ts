import type { RecordsStore } from '@/utils/records/store';

const lastPurgeKey = 'lastRetentionPurgeAt';
/** The automatic purge runs at most once a day, at an unlock. */
const purgeEveryMs = 24 * 60 * 60 * 1000;

/**
 * Applies the retention period (a supervisor or policy setting; null = never) at most once a day: people
 * not used for that many days are erased, with audit events. Returns how many, or null when it did not run.
 */
export async function applyRetention(
  store: RecordsStore,
  retentionDays: number | null,
  now = new Date(),
): Promise<number | null> {
  if (retentionDays === null) return null;
  const last = (await store.db.meta.get(lastPurgeKey))?.value as string | undefined;
  if (last && now.getTime() - new Date(last).getTime() < purgeEveryMs) return null;
  const count = await store.purgeUnused(retentionDays, now);
  await store.db.meta.put({ key: lastPurgeKey, value: now.toISOString() });
  return count;
}
