import { useEffect, useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { retentionDaysSchema } from '@/utils/settings/schema';
import { updateLocalSettings } from '@/utils/settings/store';

/** The retention period, a supervisor setting (records page), unless the province's policy fixes it. */
export function RetentionField({
  language,
  value,
  locked,
}: {
  language: Language;
  value: number | null;
  locked: boolean;
}) {
  const t = translator(language);
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [status, setStatus] = useState<'idle' | 'saved' | 'invalid'>('idle');
  useEffect(() => setDraft(value === null ? '' : String(value)), [value]);
  const save = async () => {
    if (draft.trim() === '') {
      await updateLocalSettings({ retentionDays: null });
      return setStatus('saved');
    }
    const parsed = retentionDaysSchema.safeParse(Number(draft));
    if (!parsed.success) return setStatus('invalid');
    await updateLocalSettings({ retentionDays: parsed.data });
    setStatus('saved');
  };
  return (
    <>
      <label htmlFor="retention">{t('settings.retention')}</label>
      <input
        id="retention"
        inputMode="numeric"
        value={draft}
        disabled={locked}
        onChange={(e) => setDraft(e.target.value)}
      />{' '}
      {!locked && (
        <button type="button" onClick={() => void save()}>
          {t('settings.save')}
        </button>
      )}
      {locked && <p className="locked">🔒 {t('settings.locked')}</p>}
      {status === 'invalid' && (
        <p className="error" role="alert">
          {t('settings.retention.invalid')}
        </p>
      )}
      {status === 'saved' && (
        <p className="ok" role="status">
          {t('settings.saved')}
        </p>
      )}
    </>
  );
}
