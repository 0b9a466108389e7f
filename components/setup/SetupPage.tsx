import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { SecretField } from '@/components/records/SecretField';
import { WardPicker } from '@/components/settings/WardPicker';
import { translator, type Language } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import type { EffectiveSettings } from '@/utils/settings/schema';
import { isSetUp, type Reason, refusalOf } from '@/utils/security/officers';
import { firstRun } from '@/utils/setup/first-run';

const recordsPage = () => browser.runtime.getURL('/records.html' as '/settings.html');

/**
 * First run: the centre's ward, this counter's name, and the first supervisor: a passphrase (Argon2id: what
 * opens the records when the browser starts) and, if they like, a PIN for quick unlocks within the session.
 */
export function SetupPage() {
  const { settings } = useSettings();
  const [already, setAlready] = useState<boolean | null>(null);
  useEffect(() => void isSetUp(recordsDb()).then(setAlready), []);
  if (!settings || already === null) return null;
  const t = translator(settings.language);
  return (
    <PageShell language={settings.language} title={t('setup.title')}>
      {already ? (
        <p role="status">
          {t('setup.done')} <a href={recordsPage()}>{t('records.title')}</a>
        </p>
      ) : (
        <SetupForm language={settings.language} ward={settings.ward} />
      )}
    </PageShell>
  );
}

function SetupForm({ language, ward }: { language: Language; ward: EffectiveSettings['ward'] }) {
  const t = translator(language);
  const [name, setName] = useState('');
  const [counter, setCounter] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  const [confirm, setConfirm] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<Reason | null>(null);
  const [busy, setBusy] = useState(false);
  const counterName = counter ?? t('setup.counterDefault');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (secret !== confirm) return setError({ code: 'setup.mismatch' });
    setBusy(true);
    setError(null);
    try {
      await firstRun(recordsDb(), { name, passphrase: secret, pin: pin || null, counterName });
      location.href = recordsPage();
    } catch (e) {
      setError(refusalOf(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <p>{t('setup.intro')}</p>
      <WardPicker language={language} value={ward.value} locked={ward.locked} />
      <label htmlFor="counter">{t('setup.counter')}</label>
      <input id="counter" value={counterName} onChange={(e) => setCounter(e.target.value)} maxLength={100} />
      <label htmlFor="name">{t('setup.name')}</label>
      <input id="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      <SecretField
        id="secret"
        label={t('setup.secret')}
        autoComplete="new-password"
        value={secret}
        onChange={setSecret}
      />
      <SecretField
        id="confirm"
        label={t('setup.confirm')}
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />
      <SecretField id="pin" label={t('setup.pin')} numeric value={pin} onChange={setPin} describedBy="pin-hint" />
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
  );
}
