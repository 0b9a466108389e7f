import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Slip } from '@/utils/messaging/protocol';

/**
 * Receipt slips waiting to be printed: in storage.session (memory only, extension pages only), for an hour.
 * The slip page reads its own by id; the citizen's name never goes into a URL.
 */
export const slipsItem = storage.defineItem<Record<string, Slip & { savedAt: number }>>('session:slips', {
  fallback: {},
});
const keepMs = 3600_000;

export async function openSlip(slip: Slip, now = Date.now()) {
  const id = crypto.randomUUID();
  const kept = Object.fromEntries(
    Object.entries(await slipsItem.getValue()).filter(([, s]) => now - s.savedAt < keepMs),
  );
  await slipsItem.setValue({ ...kept, [id]: { ...slip, savedAt: now } });
  await browser.tabs.create({ url: browser.runtime.getURL(`/slip.html?id=${id}`) });
  return { id };
}
