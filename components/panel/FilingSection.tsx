import { useState } from 'react';
import { isDossierCode } from '@/utils/filings/dossier';
import { translator, type Language } from '@/utils/i18n';
import type { PanelSession, PanelState } from '@/utils/panel/session';

/**
 * The tab's filing: its state and dossier code, the officer's note, cancelling it (asked twice), and the code
 * typed by the officer where the portal's confirmation was not recognised.
 */
export function FilingSection({
  language,
  session,
  state,
}: {
  language: Language;
  session: PanelSession;
  state: PanelState;
}) {
  const t = translator(language);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const filing = state.filing;
  if (!filing) return null;
  return (
    <section className="filing" aria-labelledby="motcua-filing-title" data-testid="filing">
      <h2 id="motcua-filing-title">{t('filing.title')}</h2>
      <p data-testid="filing-status">
        {t(`filing.status.${filing.status}`)}
        {filing.dossierCode ? ` — ${t('filing.code')}: ${filing.dossierCode}` : ''}
      </p>
      {filing.status === 'draft' && <ManualCode language={language} session={session} />}
      <label htmlFor="motcua-note">{t('filing.note')}</label>
      <textarea id="motcua-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <button type="button" onClick={() => void session.updateFiling({ note })}>
          {t('filing.saveNote')}
        </button>
        {filing.status === 'draft' && !confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('filing.cancel')}
          </button>
        )}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="motcua-cancel-q" className="confirm">
          <p id="motcua-cancel-q">{t('filing.cancelConfirm')}</p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              onClick={() => void session.updateFiling({ status: 'cancelled' }).then(() => setConfirming(false))}
            >
              {t('filing.cancelYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('filing.cancelNo')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The dossier code typed by the officer, where the portal's confirmation was not recognised. */
function ManualCode({ language, session }: { language: Language; session: PanelSession }) {
  const t = translator(language);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState(false);
  const markSubmitted = () => {
    const typed = code.trim().toUpperCase();
    setCodeError(!isDossierCode(typed));
    if (isDossierCode(typed))
      void session.updateFiling({ status: 'submitted', dossierCode: typed }).then(() => setCode(''));
  };
  return (
    <div className="manual-code">
      <label htmlFor="motcua-code">{t('filing.manualCode')}</label>
      <input
        id="motcua-code"
        value={code}
        maxLength={42}
        aria-invalid={codeError}
        aria-describedby={codeError ? 'motcua-code-error' : undefined}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && markSubmitted()}
      />
      <button type="button" onClick={markSubmitted}>
        {t('filing.markSubmitted')}
      </button>
      {codeError && (
        <p id="motcua-code-error" role="alert" className="error">
          {t('filing.manualCodeInvalid')}
        </p>
      )}
    </div>
  );
}
