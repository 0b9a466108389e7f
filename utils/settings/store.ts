import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  defaultLocalSettings,
  localSettingsSchema,
  resolveSettings,
  type EffectiveSettings,
  type LocalSettings,
} from '@/utils/settings/schema';

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

let pendingUpdate: Promise<unknown> = Promise.resolve();

/**
 * Read, patch, write: one at a time in this page, so two fields saved together (the idle lock's blur and the
 * retention's Lưu) cannot each write the other's old value back.
 */
export function updateLocalSettings(patch: Partial<LocalSettings>): Promise<LocalSettings> {
  const run = pendingUpdate.then(async () => {
    const next = localSettingsSchema.parse({ ...(await readLocalSettings()), ...patch });
    await localSettingsItem.setValue(next);
    return next;
  });
  pendingUpdate = run.catch(() => undefined);
  return run;
}

/** The last policy seen, so policy values apply at once while Chrome's policy service is still starting. */
const managedCacheItem = storage.defineItem<Record<string, unknown>>('local:managedPolicyCache', { fallback: {} });

/**
 * How long a reader waits for `storage.managed` before using the cached policy. Chrome answers it only
 * once its policy service is up (seen: ~3 s after start), which must not stall a content script.
 */
export const managedWaitMs = 300;

let managedLive: Promise<Record<string, unknown>> | null = null;

/** Policy values from `storage.managed`; empty where no policy is set (or the browser has none). */
export async function readManagedSettings(waitMs = managedWaitMs): Promise<unknown> {
  managedLive ??= browser.storage.managed
    .get()
    .then(async (value) => {
      const policy = (value ?? {}) as Record<string, unknown>;
      await managedCacheItem.setValue(policy);
      return policy;
    })
    .catch(() => ({}));
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, waitMs));
  return (await Promise.race([managedLive, timeout])) ?? managedCacheItem.getValue();
}

/** The policy changed: the next read asks Chrome again. */
export function forgetManagedSettings() {
  managedLive = null;
}

export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, managed] = await Promise.all([readLocalSettings(), readManagedSettings()]);
  return resolveSettings(local, managed);
}

export function extraHostNames(settings: EffectiveSettings): string[] {
  return settings.extraPortalHosts.map((entry) => entry.host);
}
