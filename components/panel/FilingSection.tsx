import { useCallback, useEffect, useRef, useState } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { findDossierCode, pageText } from '@/utils/filings/dossier';
import type { FilingStatus } from '@/utils/db/filing-schema';
import { usePanelSend } from './client';
import type { RequestOf } from '@/utils/messaging/protocol';

export interface FilingState {
  root: string;
  procedureCode: string | null;
  status: FilingStatus;
  dossierCode: string | null;
  /** Who filled which block (from the fill, or remembered across the portal's page loads). */
  people: Partial<Record<string, string>>;
}

/** How long the page's text must be quiet before it is read again for the dossier code. */
const readEveryMs = 250;

/**
 * The tab's filing: recorded at each fill, followed to the portal's confirmation (also across the portal's
 * page loads: the background remembers it per tab) where the dossier code is read, and changed by the officer.
 */
export function useFiling(unlocked: boolean) {
  const sendMessage = usePanelSend();
  const [filing, setFiling] = useState<FilingState | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A code the page already showed when the form was filled here (a list of earlier dossiers, a draft's
   * number) is not this filing's confirmation. */
  const shownAtFill = useRef<string | null>(null);

  useEffect(() => {
    if (!unlocked) return;
    void sendMessage('filings/pending', {})
      .then(({ pending }) => pending && setFiling((f) => f ?? { ...pending, dossierCode: null }))
      .catch(() => undefined);
  }, [unlocked]);

  const update = useCallback(
    async (root: string, change: Omit<RequestOf<'filings/update'>, 'root'>) => {
      try {
        const r = await sendMessage('filings/update', { root, ...change });
        setFiling((f) => (f && f.root === root ? { ...f, ...r, procedureCode: change.procedureCode ?? f.procedureCode } : f));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [],
  );

  // Follow the portal to its confirmation: the dossier code appears in the page's own text.
  const root = filing?.status === 'draft' ? filing.root : null;
  useEffect(() => {
    if (!root) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      const code = findDossierCode(pageText(document));
      if (!code || code === shownAtFill.current) return;
      observer.disconnect();
      void update(root, { status: 'submitted', dossierCode: code });
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(read, readEveryMs);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    read();
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [root, update]);

  const recorded = useCallback(
    async (request: Omit<RequestOf<'filings/record'>, 'root'>) => {
      shownAtFill.current = findDossierCode(pageText(document));
      try {
        const r = await sendMessage('filings/record', { ...request, root: filing?.status === 'draft' ? filing.root : null });
        setFiling({ root: r.root, procedureCode: r.procedure?.code ?? request.procedureCode, status: 'draft', dossierCode: null, people: request.people });
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [filing],
  );

  return { filing, recorded, update, error };
}

export function FilingSection({ language, filing, error, onUpdate }: { language: Language; filing: FilingState | null; error: string | null; onUpdate: (root: string, change: Omit<RequestOf<'filings/update'>, 'root'>) => Promise<void> }) {
  const t = translator(language);
  const [note, setNote] = useState('');
  if (!filing) return error ? <p role="alert" className="warn">{error}</p> : null;
  const statusText = t(`filing.status.${filing.status}`);
  return (
    <section className="filing" aria-label={t('filing.title')} data-testid="filing">
      <h3>{t('filing.title')}</h3>
      <p data-testid="filing-status">
        {statusText}
        {filing.dossierCode ? ` — ${t('filing.code')}: ${filing.dossierCode}` : ''}
      </p>
      {error && <p role="alert" className="warn">{error}</p>}
      <label htmlFor="motcua-note">{t('filing.note')}</label>
      <textarea id="motcua-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <button type="button" onClick={() => void onUpdate(filing.root, { note })}>{t('filing.saveNote')}</button>
        {filing.status === 'draft' && (
          <button type="button" onClick={() => void onUpdate(filing.root, { status: 'cancelled' })}>{t('filing.cancel')}</button>
        )}
      </div>
    </section>
  );
}
