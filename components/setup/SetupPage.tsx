import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { WardPicker } from '@/components/settings/WardPicker';
import { translator, type MessageKey, type Params } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import { ensureOwnCounter } from '@/utils/filings/counter';
import { beginSession, isSetUp, OfficerError, setUp } from '@/utils/security/officers';

/**
 * First run: the centre's ward, this counter's name, and the first supervisor: a passphrase (Argon2id: what
 * opens the records when the browser starts) and, if they like, a PIN for quick unlocks within the session.
 */
export function SetupPage() {
  const { settings } = useSettings();
  const [already, setAlready] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [counter, setCounter] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<{ code: MessageKey; params?: Params } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void isSetUp(recordsDb()).then(setAlready), []);
  if (!settings || already === null) return null;
  const t = translator(settings.language);
  const counterName = counter ?? t('setup.counterDefault');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (secret !== confirm) return setError({ code: 'setup.mismatch' });
    setBusy(true);
    setError(null);
    try {
      const { officer, dataKey } = await setUp(recordsDb(), { name, passphrase: secret, pin: pin || null });
      await ensureOwnCounter(recordsDb(), counterName);
      await beginSession({ ok: true, officer, dataKey, pin: pin || null, choosePassphrase: false });
      location.href = browser.runtime.getURL('/records.html' as '/settings.html');
    } catch (e) {
      setError(e instanceof OfficerError ? e.reason : { code: 'error.unknown', params: { detail: String(e) } });
      setBusy(false);
    }
  };

  return (
    <PageShell language={settings.language} title={t('setup.title')}>
      {already ? (
        <p role="status">
          {t('setup.done')}{' '}
          <a href={browser.runtime.getURL('/records.html' as '/settings.html')}>{t('records.title')}</a>
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{t('setup.intro')}</p>
          <WardPicker language={settings.language} value={settings.ward.value} locked={settings.ward.locked} />
          <label htmlFor="counter">{t('setup.counter')}</label>
          <input id="counter" value={counterName} onChange={(e) => setCounter(e.target.value)} maxLength={100} />
          <label htmlFor="name">{t('setup.name')}</label>
          <input id="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          <label htmlFor="secret">{t('setup.secret')}</label>
          <input
            id="secret"
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="new-password"
          />
          <label htmlFor="confirm">{t('setup.confirm')}</label>
          <input
            id="confirm"
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="new-password"
          />
          <label htmlFor="pin">{t('setup.pin')}</label>
          <input
            id="pin"
            type="password"
            inputMode="numeric"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            autoComplete="off"
            aria-describedby="pin-hint"
          />
          <p id="pin-hint" className="muted">
            {t('setup.pinHint')}
          </p>
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('setup.working') : t('setup.submit')}
            </button>
          </p>
          {error && (
            <p className="error" role="alert">
              {t(error.code, error.params)}
            </p>
          )}
        </form>
      )}
    </PageShell>
  );
}
