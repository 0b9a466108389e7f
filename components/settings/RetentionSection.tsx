import { useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';
import type { EffectiveSettings } from '@/utils/settings/schema';
import { RetentionField } from '@/components/settings/RetentionField';

/** The retention period and "erase now" (people not used for that many days), a supervisor's. */
export function RetentionSection({
  language,
  store,
  settings,
}: {
  language: Language;
  store: RecordsStore;
  settings: EffectiveSettings;
}) {
  const t = translator(language);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const days = settings.retentionDays.value;
  const purge = async () => {
    if (days === null) return setMessage({ kind: 'error', text: t('security.purgeOff') });
    const count = await store.purgeUnused(days);
    setMessage({ kind: 'ok', text: t('security.purged', { count }) });
  };
  return (
    <>
      <RetentionField language={language} value={days} locked={settings.retentionDays.locked} />
      <p>
        <button type="button" onClick={() => void purge()} disabled={days === null}>
          {days === null ? t('security.purgeOff') : t('security.purge', { days })}
        </button>
      </p>
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </>
  );
}
