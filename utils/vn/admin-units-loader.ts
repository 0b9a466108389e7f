import { browser } from 'wxt/browser';
import { AdminUnits, adminUnitsIndexSchema } from './admin-units';

/** Where the build ships the admin-units data (copied from shared/data/admin-units with its licence). */
export const adminUnitsBase = '/data/admin-units/';

let cached: Promise<AdminUnits> | null = null;

/** Loads the shipped edition once per context, from the extension's own files (never the network). */
export function loadAdminUnits(): Promise<AdminUnits> {
  cached ??= (async () => {
    const get = async (file: string) => {
      const response = await fetch(browser.runtime.getURL(`${adminUnitsBase}${file}` as '/'));
      if (!response.ok) throw new Error(`Không đọc được dữ liệu đơn vị hành chính (${file}).`);
      return response.json() as Promise<unknown>;
    };
    const index = adminUnitsIndexSchema.parse(await get('index.json'));
    const [units, notes] = await Promise.all([get(index.units), get(index.mergerNotes)]);
    return AdminUnits.fromRaw(units, notes);
  })();
  return cached;
}
