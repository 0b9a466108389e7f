import { useEffect, useState, type FormEvent } from 'react';
import { translator, type Language, type MessageKey, type Params } from '@/utils/i18n';
import { roles, type Role } from '@/utils/db/kinds';
import type { RecordsStore } from '@/utils/records/store';
import {
  addOfficer,
  listOfficers,
  type NewOfficer,
  refusalOf,
  releaseOfficer,
  resetSecrets,
} from '@/utils/security/officers';
import { currentSession, type UnlockedSession } from '@/utils/security/session';
import { OwnSecrets } from '@/components/records/OwnSecrets';
import { SecretField } from '@/components/records/SecretField';

type OfficerSummary = Awaited<ReturnType<typeof listOfficers>>[number];
type Message = { kind: 'ok' | 'error'; code: MessageKey; params?: Params };

/** The officers and trainers, and adding one (a supervisor's; on the settings page and the records page). */
export function OfficersTab({
  language,
  store,
  session,
}: {
  language: Language;
  store: RecordsStore;
  session: UnlockedSession;
}) {
  const t = translator(language);
  const [officers, setOfficers] = useState<OfficerSummary[]>([]);
  const [resetting, setResetting] = useState<OfficerSummary | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const reload = () => void listOfficers(store.db).then(setOfficers);
  useEffect(reload, [store]);

  // Everyone manages their own passphrase, PIN and security keys; officers and the rest are the supervisor's.
  if (session.role !== 'supervisor') return <OwnSecrets language={language} officerId={session.officerId} />;

  /** The data key of the open session: new officers and reset secrets seal it. */
  const withKey = async (work: (dataKey: CryptoKey) => Promise<Message>) => {
    const current = await currentSession();
    if (!current) return;
    try {
      setMessage(await work(current.dataKey));
      reload();
    } catch (e) {
      setMessage({ kind: 'error', ...refusalOf(e) });
    }
  };

  return (
    <section>
      <h3>{t('officers.title')}</h3>
      <OfficerTable
        language={language}
        officers={officers}
        selfId={session.officerId}
        onRelease={(o) => void releaseOfficer(store.db, session.officerId, o.id).then(reload)}
        onReset={setResetting}
      />
      {resetting && (
        <ResetSecrets
          language={language}
          officer={resetting}
          onCancel={() => setResetting(null)}
          onReset={(input) =>
            withKey(async (dataKey) => {
              await resetSecrets(store.db, dataKey, session.officerId, resetting.id, input);
              setResetting(null);
              return { kind: 'ok', code: 'officers.resetDone', params: { name: resetting.name } };
            })
          }
        />
      )}
      <AddOfficer
        language={language}
        onAdd={(officer, added) =>
          withKey(async (dataKey) => {
            await addOfficer(store.db, dataKey, session.officerId, officer);
            added();
            return { kind: 'ok', code: 'officers.added', params: { name: officer.name.trim() } };
          })
        }
      />
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {t(message.code, message.params)}
        </p>
      )}
      <OwnSecrets language={language} officerId={session.officerId} />
    </section>
  );
}

function OfficerTable(props: {
  language: Language;
  officers: OfficerSummary[];
  selfId: string;
  onRelease: (officer: OfficerSummary) => void;
  onReset: (officer: OfficerSummary) => void;
}) {
  const t = translator(props.language);
  return (
    <table>
      <tbody>
        {props.officers.map((o) => (
          <tr key={o.id}>
            <td>{o.name}</td>
            <td>{t(`role.${o.role}`)}</td>
            <td>
              {[
                o.hasPin && !o.needsPassphrase ? t('officers.hasPin') : '',
                o.deviceKeys.length ? t('officers.deviceKeys', { count: o.deviceKeys.length }) : '',
                o.needsPassphrase ? t('officers.needsPassphrase') : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </td>
            <td>
              {o.lockedOut && (
                <>
                  {t('officers.locked')}{' '}
                  <button type="button" onClick={() => props.onRelease(o)}>
                    {t('officers.release')}
                  </button>{' '}
                </>
              )}
              {o.id !== props.selfId && (
                <button
                  type="button"
                  aria-label={t('officers.resetFor', { name: o.name })}
                  onClick={() => props.onReset(o)}
                >
                  {t('officers.reset')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The form for a new officer; `onAdd` calls `added` once the officer is in, which empties the fields. */
function AddOfficer({
  language,
  onAdd,
}: {
  language: Language;
  onAdd: (officer: NewOfficer, added: () => void) => Promise<void>;
}) {
  const t = translator(language);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [secrets, setSecrets] = useState(noSecrets);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void onAdd({ name, role, passphrase: secrets.passphrase, pin: secrets.pin || null }, () => {
      setName('');
      setSecrets(noSecrets);
    });
  };
  return (
    <form onSubmit={add} aria-label={t('officers.add')}>
      <h3>{t('officers.add')}</h3>
      <label htmlFor="o-name">{t('officers.name')}</label>
      <input id="o-name" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="o-role">{t('officers.role')}</label>
      <select id="o-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <OfficerSecrets language={language} idPrefix="o" value={secrets} onChange={setSecrets} />{' '}
      <button type="submit" className="primary">
        {t('officers.add')}
      </button>
    </form>
  );
}

function ResetSecrets({
  language,
  officer,
  onCancel,
  onReset,
}: {
  language: Language;
  officer: OfficerSummary;
  onCancel: () => void;
  onReset: (input: { passphrase: string; pin: string | null }) => Promise<void>;
}) {
  const t = translator(language);
  const [secrets, setSecrets] = useState(noSecrets);
  return (
    <form
      aria-label={t('officers.resetFor', { name: officer.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void onReset({ passphrase: secrets.passphrase, pin: secrets.pin || null });
      }}
    >
      <h3>{t('officers.resetFor', { name: officer.name })}</h3>
      <OfficerSecrets language={language} idPrefix="r" value={secrets} onChange={setSecrets} />{' '}
      <button type="submit" className="primary">
        {t('officers.reset')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('dash.close')}
      </button>
    </form>
  );
}

/** A new officer's or a reset's secrets: the initial passphrase and the optional PIN. */
type Secrets = { passphrase: string; pin: string };
const noSecrets: Secrets = { passphrase: '', pin: '' };

function OfficerSecrets(props: {
  language: Language;
  idPrefix: string;
  value: Secrets;
  onChange: (value: Secrets) => void;
}) {
  const { value, onChange } = props;
  const t = translator(props.language);
  return (
    <>
      <SecretField
        id={`${props.idPrefix}-passphrase`}
        label={t('officers.passphrase')}
        autoComplete="new-password"
        value={value.passphrase}
        onChange={(passphrase) => onChange({ ...value, passphrase })}
      />
      <SecretField
        id={`${props.idPrefix}-pin`}
        label={t('officers.pin')}
        numeric
        value={value.pin}
        onChange={(pin) => onChange({ ...value, pin })}
      />
    </>
  );
}
