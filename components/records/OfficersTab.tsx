import { useEffect, useState, type FormEvent } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { roles, type Role } from '@/utils/db/kinds';
import type { RecordsStore } from '@/utils/records/store';
import { addOfficer, listOfficers, OfficerError, releaseOfficer } from '@/utils/security/officers';
import { currentSession, type UnlockedSession } from '@/utils/security/session';
import type { SecretKind } from '@/utils/security/secrets';

type OfficerSummary = Awaited<ReturnType<typeof listOfficers>>[number];

/** The officers and trainers, and adding one (a supervisor's; on the settings page and the records page). */
export function OfficersTab({ language, store, session }: { language: Language; store: RecordsStore; session: UnlockedSession }) {
  const t = translator(language);
  const [officers, setOfficers] = useState<OfficerSummary[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [kind, setKind] = useState<SecretKind>('pin');
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const reload = () => void listOfficers(store.db).then(setOfficers);
  useEffect(reload, [store]);

  if (session.role !== 'supervisor') return <p>{t('security.supervisorOnly')}</p>;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const current = await currentSession();
    if (!current) return;
    try {
      await addOfficer(store.db, current.dataKey, session.officerId, { name, role, secretKind: role === 'supervisor' ? 'passphrase' : kind, secret });
      setMessage({ kind: 'ok', text: t('officers.added', { name: name.trim() }) });
      setName('');
      setSecret('');
      reload();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof OfficerError ? e.message : String(e) });
    }
  };

  return (
    <section>
      <h3>{t('officers.title')}</h3>
      <table>
        <tbody>
          {officers.map((o) => (
            <tr key={o.id}>
              <td>{o.name}</td>
              <td>{t(`role.${o.role}`)}</td>
              <td>
                {o.lockedOut && (
                  <>
                    {t('officers.locked')}{' '}
                    <button type="button" onClick={() => void releaseOfficer(store.db, session.officerId, o.id).then(reload)}>
                      {t('officers.release')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void add(e)} aria-label={t('officers.add')}>
        <h3>{t('officers.add')}</h3>
        <label htmlFor="o-name">{t('officers.name')}</label>
        <input id="o-name" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="o-role">{t('officers.role')}</label>
        <select id="o-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>{t(`role.${r}`)}</option>
          ))}
        </select>
        <label htmlFor="o-kind">{t('officers.kind')}</label>
        <select id="o-kind" value={role === 'supervisor' ? 'passphrase' : kind} disabled={role === 'supervisor'} onChange={(e) => setKind(e.target.value as SecretKind)}>
          <option value="pin">{t('officers.kind.pin')}</option>
          <option value="passphrase">{t('officers.kind.passphrase')}</option>
        </select>
        <label htmlFor="o-secret">{t('officers.secret')}</label>
        <input id="o-secret" type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} />{' '}
        <button type="submit" className="primary">{t('officers.add')}</button>
      </form>
      {message && (
        <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
