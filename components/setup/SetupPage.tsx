import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { WardPicker } from '@/components/settings/WardPicker';
import { translator } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import { isSetUp, OfficerError, setUp } from '@/utils/security/officers';
import { startSession } from '@/utils/security/session';

export function SetupPage() {
  const { settings } = useSettings();
  const [already, setAlready] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void isSetUp(recordsDb()).then(setAlready), []);
  if (!settings || already === null) return null;
  const t = translator(settings.language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (secret !== confirm) return setError(t('setup.mismatch'));
    setBusy(true);
    setError(null);
    try {
      const { officer, dataKey } = await setUp(recordsDb(), { name, secretKind: 'passphrase', secret });
      await startSession(officer, dataKey);
      location.href = browser.runtime.getURL('/records.html' as '/settings.html');
    } catch (e) {
      setError(e instanceof OfficerError ? e.message : t('error.unknown', { detail: String(e) }));
      setBusy(false);
    }
  };

  return (
    <PageShell language={settings.language} title={t('setup.title')}>
      {already ? (
        <p role="status">
          {t('setup.done')} <a href={browser.runtime.getURL('/records.html' as '/settings.html')}>{t('records.title')}</a>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('setup.intro')}</p>
          <WardPicker language={settings.language} value={settings.ward.value} locked={settings.ward.locked} />
          <label htmlFor="name">{t('setup.name')}</label>
          <input id="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          <label htmlFor="secret">{t('setup.secret')}</label>
          <input id="secret" type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" />
          <label htmlFor="confirm">{t('setup.confirm')}</label>
          <input id="confirm" type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('setup.working') : t('setup.submit')}
            </button>
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </PageShell>
  );
}
