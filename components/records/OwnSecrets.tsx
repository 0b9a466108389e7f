import { useEffect, useState } from 'react';
import { translator, type Language, type MessageKey, type Params } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import {
  changePassphrase,
  enrolDeviceKey,
  listOfficers,
  OfficerError,
  removeDeviceKey,
  setPin,
} from '@/utils/security/officers';
import { currentSession } from '@/utils/security/session';
import { browserPrf, deviceKeysSupported } from '@/utils/security/webauthn';

type Message = { kind: 'ok' | 'error'; code: MessageKey; params?: Params };

/**
 * The signed-in officer's own secrets: a new passphrase, the session PIN, and device keys (WebAuthn PRF).
 * Each change asks for the current passphrase, which opens the officer key behind them.
 */
export function OwnSecrets({ language, officerId }: { language: Language; officerId: string }) {
  const t = translator(language);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [pin, setPinValue] = useState('');
  const [label, setLabel] = useState('');
  const [keys, setKeys] = useState<Array<{ credentialId: string; label: string }>>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () =>
    void listOfficers(recordsDb()).then((list) => setKeys(list.find((o) => o.id === officerId)?.deviceKeys ?? []));
  useEffect(reload, [officerId]);

  const act = async (work: () => Promise<Message>) => {
    setBusy(true);
    try {
      setMessage(await work());
      setCurrent('');
      reload();
    } catch (e) {
      setMessage(
        e instanceof OfficerError
          ? { kind: 'error', ...e.reason }
          : { kind: 'error', code: 'error.unknown', params: { detail: String(e) } },
      );
    } finally {
      setBusy(false);
    }
  };
  const savePin = () =>
    act(async () => {
      const session = await currentSession();
      if (!session) throw new OfficerError({ code: 'secret.noOfficer' });
      await setPin(recordsDb(), session.dataKey, officerId, current, pin || null);
      setPinValue('');
      return { kind: 'ok', code: pin ? 'own.pinSet' : 'own.pinRemoved' };
    });

  return (
    <section aria-label={t('own.title')}>
      <h3>{t('own.title')}</h3>
      <p className="muted">{t('own.currentHint')}</p>
      <label htmlFor="own-current">{t('own.current')}</label>
      <input
        id="own-current"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <label htmlFor="own-next">{t('own.newPassphrase')}</label>
      <input
        id="own-next"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />{' '}
      <button
        type="button"
        disabled={busy || !current || !next}
        onClick={() =>
          void act(async () => {
            await changePassphrase(recordsDb(), officerId, current, next);
            setNext('');
            return { kind: 'ok', code: 'own.passphraseChanged' };
          })
        }
      >
        {t('own.changePassphrase')}
      </button>
      <label htmlFor="own-pin">{t('own.newPin')}</label>
      <input
        id="own-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(e) => setPinValue(e.target.value)}
      />{' '}
      <button type="button" disabled={busy || !current} onClick={() => void savePin()}>
        {t('own.setPin')}
      </button>
      {deviceKeysSupported() ? (
        <>
          <label htmlFor="own-label">{t('own.deviceLabel')}</label>
          <input id="own-label" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />{' '}
          <button
            type="button"
            disabled={busy || !current}
            onClick={() =>
              void act(async () => ({
                kind: 'ok',
                code: 'own.enrolled',
                params: { label: await enrolDeviceKey(recordsDb(), officerId, current, label, browserPrf) },
              }))
            }
          >
            🔑 {t('own.enrol')}
          </button>
        </>
      ) : (
        <p className="muted">{t('own.noDevice')}</p>
      )}
      {keys.length > 0 && (
        <ul aria-label={t('own.keys')}>
          {keys.map((k) => (
            <li key={k.credentialId}>
              {k.label}{' '}
              <button
                type="button"
                onClick={() =>
                  void act(async () => {
                    await removeDeviceKey(recordsDb(), officerId, k.credentialId);
                    return { kind: 'ok', code: 'own.removed' };
                  })
                }
              >
                {t('own.removeKey', { label: k.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {t(message.code, message.params)}
        </p>
      )}
    </section>
  );
}
