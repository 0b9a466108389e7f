import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  defaultLocalSettings,
  localSettingsSchema,
  resolveSettings,
  type EffectiveSettings,
  type LocalSettings,
} from './schema';

/** The officer's own settings, one typed item. Validated on read so a damaged value falls back, not crashes. */
export const localSettingsItem = storage.defineItem<LocalSettings>('local:settings', {
  fallback: defaultLocalSettings,
  version: 1,
});

export async function readLocalSettings(): Promise<LocalSettings> {
  const raw = await localSettingsItem.getValue();
  const parsed = localSettingsSchema.safeParse({ ...defaultLocalSettings, ...raw });
  return parsed.success ? parsed.data : defaultLocalSettings;
}

export async function updateLocalSettings(patch: Partial<LocalSettings>): Promise<LocalSettings> {
  const next = localSettingsSchema.parse({ ...(await readLocalSettings()), ...patch });
  await localSettingsItem.setValue(next);
  return next;
}

/** Policy values from `storage.managed`; empty where no policy is set (or the browser has none). */
export async function readManagedSettings(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, managed] = await Promise.all([readLocalSettings(), readManagedSettings()]);
  return resolveSettings(local, managed);
}

export function extraHostNames(settings: EffectiveSettings): string[] {
  return settings.extraPortalHosts.map((entry) => entry.host);
}
