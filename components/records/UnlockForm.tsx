import { useEffect, useRef, useState, type FormEvent } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import { listOfficers, type Reason } from '@/utils/security/officers';
import { armedPinsItem } from '@/utils/security/quick-pin';
import { unlockHint } from '@/utils/security/unlock-hint';
import { deviceKeysSupported } from '@/utils/security/webauthn';
import { SecretField } from '@/components/records/SecretField';
import type { UnlockActions, UnlockOutcome } from '@/components/records/useRecordsSession';

type OfficerSummary = Awaited<ReturnType<typeof listOfficers>>[number];

/**
 * The one unlock of the extension's pages and the side panel: the officer, then their PIN (when armed for
 * this browser session) or passphrase, or a device key; a version-5 officer with only a PIN chooses a
 * passphrase next. Secrets are typed here only, in the extension's origin.
 */
export function UnlockForm({ language, unlock }: { language: Language; unlock: UnlockActions }) {
  const t = translator(language);
  const { officers, officerId, setOfficerId, armed } = useUnlockOfficers();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<Reason | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  // The cursor waits in the secret field (a ref, not autoFocus: it also returns there after a refusal).
  useEffect(() => field.current?.focus(), []);

  const officer = officers.find((o) => o.id === officerId);
  const run = async (attempt: () => Promise<UnlockOutcome>) => {
    setBusy(true);
    setError(null);
    const outcome = await attempt();
    setBusy(false);
    setSecret('');
    field.current?.focus();
    if (outcome && 'reason' in outcome) setError(outcome.reason);
    if (outcome && 'choosePassphrase' in outcome) setChoosing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => unlock.secret(officerId, secret));
  };

  if (choosing) return <ChoosePassphrase language={language} unlock={unlock} />;
  return (
    <form onSubmit={submit} aria-label={t('unlock.title')} className="unlock">
      <h2>🔒 {t('unlock.title')}</h2>
      <OfficerSelect
        language={language}
        officers={officers}
        value={officerId}
        onChange={(id) => {
          setOfficerId(id);
          setError(null);
        }}
      />
      <SecretField
        inputRef={field}
        id="secret"
        label={t('unlock.secret')}
        value={secret}
        onChange={setSecret}
        describedBy="unlock-hint"
      />{' '}
      <button type="submit" className="primary" disabled={busy || !secret}>
        {busy ? t('unlock.working') : t('unlock.submit')}
      </button>
      <p id="unlock-hint" className="muted" data-testid="unlock-hint">
        {armed && officer && t(unlockHint(officer, armed))}
      </p>
      {officer && officer.deviceKeys.length > 0 && deviceKeysSupported() && (
        <p>
          <button type="button" disabled={busy} onClick={() => void run(() => unlock.deviceKey(officerId))}>
            🔑 {t('unlock.device')}
          </button>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {t(error.code, error.params)}
        </p>
      )}
    </form>
  );
}

/** The officers of this centre (the first chosen), and those with a PIN armed in this browser session. */
function useUnlockOfficers() {
  const [officers, setOfficers] = useState<OfficerSummary[]>([]);
  const [officerId, setOfficerId] = useState('');
  // Null until read: the hint would otherwise ask a PIN-armed officer for the passphrase for a moment.
  const [armed, setArmed] = useState<string[] | null>(null);
  useEffect(() => {
    void listOfficers(recordsDb()).then((list) => {
      setOfficers(list);
      setOfficerId((id) => id || list[0]?.id || '');
    });
    void armedPinsItem.getValue().then((pins) => setArmed(Object.keys(pins)));
    return armedPinsItem.watch((pins) => setArmed(Object.keys(pins ?? {})));
  }, []);
  return { officers, officerId, setOfficerId, armed };
}

function OfficerSelect(props: {
  language: Language;
  officers: OfficerSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  const t = translator(props.language);
  return (
    <>
      <label htmlFor="officer">{t('unlock.officer')}</label>
      <select id="officer" value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.officers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} — {t(`role.${o.role}`)}
          </option>
        ))}
      </select>
    </>
  );
}

function ChoosePassphrase({ language, unlock }: { language: Language; unlock: UnlockActions }) {
  const t = translator(language);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<Reason | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== confirm) return setError({ code: 'unlock.mismatch' });
    setBusy(true);
    const outcome = await unlock.choosePassphrase(passphrase);
    setBusy(false);
    if (outcome && 'reason' in outcome) setError(outcome.reason);
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('unlock.choose.title')}>
      <h2>🔒 {t('unlock.choose.title')}</h2>
      <p>{t('unlock.choose.intro')}</p>
      <SecretField
        inputRef={first}
        id="new-passphrase"
        label={t('unlock.choose.passphrase')}
        autoComplete="new-password"
        value={passphrase}
        onChange={setPassphrase}
      />
      <SecretField
        id="new-passphrase-2"
        label={t('unlock.choose.confirm')}
        autoComplete="new-password"
        value={confirm}
        onChange={setConfirm}
      />{' '}
      <button type="submit" className="primary" disabled={busy || !passphrase}>
        {busy ? t('unlock.working') : t('unlock.choose.submit')}
      </button>
      {error && (
        <p className="error" role="alert">
          {t(error.code, error.params)}
        </p>
      )}
    </form>
  );
}
