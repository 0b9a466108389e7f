import { browser } from 'wxt/browser';
import { AdminUnits, adminUnitsIndexSchema } from '@/utils/vn/admin-units';
import { ReasonError } from '@/utils/i18n/reason-error';

/** Where the build ships the admin-units data (copied from shared/data/admin-units with its licence). */
export const adminUnitsBase = '/data/admin-units/';

let cached: Promise<AdminUnits> | null = null;

/** Loads the shipped edition once per context, from the extension's own files (never the network). */
export function loadAdminUnits(): Promise<AdminUnits> {
  cached ??= (async () => {
    const get = async (file: string, gzipped = false) => {
      const response = await fetch(browser.runtime.getURL(`${adminUnitsBase}${file}${gzipped ? '.gz' : ''}` as '/'));
      if (!response.ok || !response.body) throw new ReasonError('error.adminUnits.unreadable', { file });
      const body = gzipped ? response.body.pipeThrough(new DecompressionStream('gzip')) : response.body;
      return new Response(body).json() as Promise<unknown>;
    };
    // The index as it comes; the two data files as the build ships them, gzipped (wxt.config.ts).
    const index = adminUnitsIndexSchema.parse(await get('index.json'));
    const [units, notes] = await Promise.all([get(index.units, true), get(index.mergerNotes, true)]);
    return AdminUnits.fromRaw(units, notes);
  })();
  return cached;
}
