import { useEffect, useState, type FormEvent } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { recordsDb } from '@/utils/db/instance';
import { listOfficers } from '@/utils/security/officers';

type OfficerSummary = Awaited<ReturnType<typeof listOfficers>>[number];

export function UnlockForm({ language, onUnlock }: { language: Language; onUnlock: (officerId: string, secret: string) => Promise<string | null> }) {
  const t = translator(language);
  const [officers, setOfficers] = useState<OfficerSummary[]>([]);
  const [officerId, setOfficerId] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void listOfficers(recordsDb()).then((list) => {
      setOfficers(list);
      setOfficerId((id) => id || list[0]?.id || '');
    });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await onUnlock(officerId, secret);
    setBusy(false);
    if (problem) {
      setError(problem);
      setSecret('');
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('unlock.title')}>
      <h2>🔒 {t('unlock.title')}</h2>
      <label htmlFor="officer">{t('unlock.officer')}</label>
      <select id="officer" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
        {officers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} — {t(`role.${o.role}`)}
          </option>
        ))}
      </select>
      <label htmlFor="secret">{t('unlock.secret')}</label>
      <input id="secret" type="password" autoComplete="off" autoFocus value={secret} onChange={(e) => setSecret(e.target.value)} />{' '}
      <button type="submit" className="primary" disabled={busy || !secret}>
        {busy ? t('unlock.working') : t('unlock.submit')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
