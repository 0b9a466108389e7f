import { useEffect, useState } from 'react';
import { translator, type Language, type MessageKey, type Params } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import {
  changePassphrase,
  enrolDeviceKey,
  listOfficers,
  OfficerError,
  refusalOf,
  removeDeviceKey,
  setPin,
} from '@/utils/security/officers';
import { currentSession } from '@/utils/security/session';
import { browserPrf, deviceKeysSupported } from '@/utils/security/webauthn';
import { SecretField } from '@/components/records/SecretField';

type Message = { kind: 'ok' | 'error'; code: MessageKey; params?: Params };
type Act = (work: () => Promise<Message>) => Promise<void>;
type DeviceKey = { credentialId: string; label: string };

/**
 * The signed-in officer's own secrets: a new passphrase, the session PIN, and device keys (WebAuthn PRF).
 * Each change asks for the current passphrase, which opens the officer key behind them.
 */
export function OwnSecrets({ language, officerId }: { language: Language; officerId: string }) {
  const t = translator(language);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [pin, setPinValue] = useState('');
  const { keys, message, busy, act } = useOwnSecrets(officerId, () => setCurrent(''));
  const savePin = () =>
    act(async () => {
      const session = await currentSession();
      if (!session) throw new OfficerError({ code: 'secret.noOfficer' });
      await setPin(recordsDb(), session.dataKey, officerId, current, pin || null);
      setPinValue('');
      return { kind: 'ok', code: pin ? 'own.pinSet' : 'own.pinRemoved' };
    });
  const savePassphrase = () =>
    act(async () => {
      await changePassphrase(recordsDb(), officerId, current, next);
      setNext('');
      return { kind: 'ok', code: 'own.passphraseChanged' };
    });

  return (
    <section aria-label={t('own.title')}>
      <h3>{t('own.title')}</h3>
      <p className="muted">{t('own.currentHint')}</p>
      <SecretField
        id="own-current"
        label={t('own.current')}
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
      />
      <SecretField
        id="own-next"
        label={t('own.newPassphrase')}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
      />{' '}
      <button type="button" disabled={busy || !current || !next} onClick={() => void savePassphrase()}>
        {t('own.changePassphrase')}
      </button>
      <SecretField id="own-pin" label={t('own.newPin')} numeric value={pin} onChange={setPinValue} />{' '}
      <button type="button" disabled={busy || !current} onClick={() => void savePin()}>
        {t('own.setPin')}
      </button>
      <DeviceKeys language={language} officerId={officerId} current={current} keys={keys} busy={busy} act={act} />
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {t(message.code, message.params)}
        </p>
      )}
    </section>
  );
}

/** The officer's device keys, the message of the last change and the work in hand; `done` follows each change. */
function useOwnSecrets(officerId: string, done: () => void) {
  const [keys, setKeys] = useState<DeviceKey[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () =>
    void listOfficers(recordsDb()).then((list) => setKeys(list.find((o) => o.id === officerId)?.deviceKeys ?? []));
  useEffect(reload, [officerId]);
  const act: Act = async (work) => {
    setBusy(true);
    try {
      setMessage(await work());
      done();
      reload();
    } catch (e) {
      setMessage({ kind: 'error', ...refusalOf(e) });
    } finally {
      setBusy(false);
    }
  };
  return { keys, message, busy, act };
}

function DeviceKeys(props: {
  language: Language;
  officerId: string;
  current: string;
  keys: DeviceKey[];
  busy: boolean;
  act: Act;
}) {
  const { officerId, current, keys, busy, act } = props;
  const t = translator(props.language);
  const [label, setLabel] = useState('');
  const enrol = () =>
    act(async () => ({
      kind: 'ok',
      code: 'own.enrolled',
      params: { label: await enrolDeviceKey(recordsDb(), officerId, current, label, browserPrf) },
    }));
  const remove = (k: DeviceKey) =>
    act(async () => {
      await removeDeviceKey(recordsDb(), officerId, k.credentialId);
      return { kind: 'ok', code: 'own.removed' };
    });
  return (
    <>
      {deviceKeysSupported() ? (
        <>
          <label htmlFor="own-label">{t('own.deviceLabel')}</label>
          <input id="own-label" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />{' '}
          <button type="button" disabled={busy || !current} onClick={() => void enrol()}>
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
              <button type="button" onClick={() => void remove(k)}>
                {t('own.removeKey', { label: k.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
