import { useEffect, useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { idleMinutesRange, parseIdleMinutes } from '@/utils/settings/idle';
import { updateLocalSettings } from '@/utils/settings/store';

type Status = { kind: 'ok'; minutes: number } | { kind: 'error'; text: string } | null;

/** "Tự khoá sau": saved by its own Lưu (or Enter), checked, and said back with the value that now holds. */
export function IdleField({ language, value }: { language: Language; value: number }) {
  const t = translator(language);
  const [draft, setDraft] = useState(String(value));
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => setDraft(String(value)), [value]);
  const save = async () => {
    const check = parseIdleMinutes(draft);
    if (!check.ok) return setStatus({ kind: 'error', text: t(check.message, check.params) });
    const saved = await updateLocalSettings({ idleMinutes: check.minutes });
    setStatus({ kind: 'ok', minutes: saved.idleMinutes });
  };
  return (
    <div className="setting-row">
      <label htmlFor="idle">{t('security.idle')}</label>
      <input
        id="idle"
        type="number"
        min={idleMinutesRange.min}
        max={idleMinutesRange.max}
        value={draft}
        aria-describedby="idle-hint"
        onChange={(e) => {
          setDraft(e.target.value);
          setStatus(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && void save()}
      />{' '}
      <button type="button" aria-label={t('settings.idle.save')} onClick={() => void save()}>
        {t('settings.save')}
      </button>
      <p className="hint" id="idle-hint">
        {t('settings.idle.hint')}
      </p>
      {status?.kind === 'error' && (
        <p className="error" role="alert">
          {status.text}
        </p>
      )}
      {status?.kind === 'ok' && (
        <p className="ok" role="status">
          {t('settings.idle.saved', { minutes: status.minutes })}
        </p>
      )}
    </div>
  );
}
