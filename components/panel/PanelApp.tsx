import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { UnlockForm } from '@/components/records/UnlockForm';
import { useUnlockActions } from '@/components/records/useRecordsSession';
import { WorkCalendar } from '@/utils/calendar/calendar';
import { bundledHolidayRules, currentCalendar } from '@/utils/calendar/store';
import { translator, type Language } from '@/utils/i18n';
import type { PanelSend } from '@/utils/panel/send';
import type { PanelSession, PanelState } from '@/utils/panel/session';
import type { PageTransport } from '@/utils/panel/transport';
import { BlocksSection } from '@/components/panel/BlocksSection';
import { DossierSection } from '@/components/panel/DossierSection';
import { FilingSection } from '@/components/panel/FilingSection';
import { ProcedureSection } from '@/components/panel/ProcedureSection';
import { noticeText, ReportSection } from '@/components/panel/ReportSection';
import { SearchSection } from '@/components/panel/SearchSection';
import { usePanelSession } from '@/components/panel/usePanelSession';

interface Props {
  tabId: number;
  language: Language;
  send: PanelSend;
  page: PageTransport;
  /** Training answers from its sandbox: nothing to lock. */
  lockable?: boolean;
}

/**
 * The helper panel, in the extension's origin: the lock, then search → people in blocks → fill → report →
 * undo, the procedure and its slip, the dossier's papers and the filing. Alt+K puts the cursor in "Tìm công
 * dân" (in the PIN when locked); Ctrl+Enter fills.
 */
export function PanelApp({ tabId, language, send, page, lockable = true }: Props) {
  const t = translator(language);
  const { session, state } = usePanelSession(tabId, send, page, lockable);
  const searchRef = useRef<HTMLInputElement>(null);
  const unlocked = Boolean(state.lock?.unlocked);
  // The PIN or passphrase is typed here, in the extension's own page; the background's store follows the session.
  const unlock = useUnlockActions(useCallback(() => session.refreshLock(), [session]));
  usePanelKeys(tabId, session, state.busy, unlocked, searchRef);

  let body: ReactNode;
  if (!state.lock)
    body = state.offline ? (
      <p role="alert" className="warn">
        {t('panel.offline')}
      </p>
    ) : null;
  else if (!state.lock.setUp) body = <p>{t('panel.notSetUp')}</p>;
  else if (!state.lock.unlocked) body = <UnlockForm language={language} unlock={unlock} />;
  else body = <PanelWork language={language} session={session} state={state} searchRef={searchRef} />;
  return (
    <main className="motcua-panel" lang={language}>
      <h1>{t('panel.title')}</h1>
      {body}
      <p className="pages-link">
        <a href={browser.runtime.getURL('/pages.html')} target="_blank" rel="noreferrer">
          {t('panel.pages')}
        </a>
      </p>
    </main>
  );
}

/**
 * Alt+K (the background's command, relayed as a 'focus' message) puts the cursor in the search, or in the
 * secret when locked; Ctrl+Enter fills.
 */
function usePanelKeys(
  tabId: number,
  session: PanelSession,
  busy: boolean,
  unlocked: boolean,
  searchRef: RefObject<HTMLInputElement | null>,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `unlocked` puts the cursor in the search once the PIN opened the records
  useEffect(() => {
    const focusWork = () => (document.getElementById('secret') ?? searchRef.current)?.focus();
    focusWork();
    const onMessage = (message: unknown) => {
      const m = message as { channel?: string; type?: string; tabId?: number } | null;
      if (m?.channel === 'motcua-panel' && m.type === 'focus' && m.tabId === tabId) focusWork();
      return undefined;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && e.ctrlKey && !busy) {
        e.preventDefault();
        void session.fill();
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    document.addEventListener('keydown', onKey);
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      document.removeEventListener('keydown', onKey);
    };
  }, [tabId, session, busy, unlocked, searchRef]);
}

/** The unlocked panel: who is signed in, then the search, the blocks, fill and undo, the report and the filing. */
function PanelWork(props: {
  language: Language;
  session: PanelSession;
  state: PanelState;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { language, session, state } = props;
  const t = translator(language);
  const [calendar, setCalendar] = useState(() => new WorkCalendar(bundledHolidayRules()));
  useEffect(() => void currentCalendar().then(setCalendar), []);
  return (
    <>
      <p className="muted" data-testid="panel-officer">
        {t('panel.signedIn', { name: state.lock?.officerName ?? '' })}
      </p>
      <SearchSection language={language} session={session} state={state} searchRef={props.searchRef} />
      <BlocksSection language={language} session={session} state={state} />
      <div className="actions">
        <button type="button" className="primary" disabled={state.busy} onClick={() => void session.fill()}>
          {state.busy ? t('panel.filling') : t('panel.fill')}
        </button>
        {state.report && (
          <button type="button" onClick={() => void session.undo()}>
            {t('panel.undo')}
          </button>
        )}
      </div>
      {state.notice && (
        <p role="status" className={state.notice.code === 'error' ? 'warn' : ''}>
          {noticeText(language, state.notice)}
        </p>
      )}
      <ReportSection language={language} state={state} />
      <ProcedureSection
        language={language}
        code={session.procedureCode}
        onPick={(code) => session.pickProcedure(code)}
        calendar={calendar}
        papers={state.papers}
        onPapers={(p) => session.setPapers(p)}
        onSlip={(slip) => void session.printSlip(slip)}
      />
      <DossierSection language={language} session={session} state={state} />
      <FilingSection language={language} session={session} state={state} />
    </>
  );
}
