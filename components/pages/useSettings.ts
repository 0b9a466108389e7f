import { useCallback, useEffect, useState } from 'react';
import type { EffectiveSettings } from '@/utils/settings/schema';
import { localSettingsItem, readEffectiveSettings } from '@/utils/settings/store';

/** Effective settings for an extension page, kept fresh when another page changes them. */
export function useSettings() {
  const [settings, setSettings] = useState<EffectiveSettings | null>(null);
  const reload = useCallback(async () => setSettings(await readEffectiveSettings()), []);
  useEffect(() => {
    void reload();
    return localSettingsItem.watch(() => void reload());
  }, [reload]);
  return { settings, reload };
}
