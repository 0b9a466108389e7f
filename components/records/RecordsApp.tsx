import { useState } from 'react';
import { browser } from 'wxt/browser';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { translator } from '@/utils/i18n';
import { ImportTab } from './ImportTab';
import { OfficersTab } from './OfficersTab';
import { PeopleTab } from './PeopleTab';
import { UnlockForm } from './UnlockForm';
import { useRecordsSession } from './useRecordsSession';
import './records.css';

type Tab = 'people' | 'import' | 'officers';

export function RecordsApp() {
  const { settings } = useSettings();
  const { state, unlock, lock } = useRecordsSession();
  const [tab, setTab] = useState<Tab>('people');
  if (!settings) return null;
  const language = settings.language;
  const t = translator(language);

  let body;
  if (state.phase === 'loading') body = null;
  else if (state.phase === 'not-set-up')
    body = (
      <p role="alert">
        {t('unlock.notSetUp')} <a href={browser.runtime.getURL('/setup.html' as '/settings.html')}>{t('setup.title')}</a>
      </p>
    );
  else if (state.phase === 'locked') body = <UnlockForm language={language} onUnlock={unlock} />;
  else if (state.phase === 'opening') body = <p role="status">{t('unlock.opening')}</p>;
  else {
    const tabs: Tab[] = ['people', 'import', 'officers'];
    body = (
      <>
        <div className="toolbar">
          <span data-testid="signed-in">{t('records.signedIn', { name: state.session.officerName })}</span>
          <button type="button" onClick={() => void lock()}>
            🔒 {t('records.lock')}
          </button>
        </div>
        <div role="tablist" className="tabs">
          {tabs.map((id) => (
            <button key={id} role="tab" type="button" aria-selected={tab === id} onClick={() => setTab(id)}>
              {t(`records.tab.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel">
          {tab === 'people' && <PeopleTab language={language} store={state.store} officerId={state.session.officerId} />}
          {tab === 'import' && <ImportTab language={language} store={state.store} />}
          {tab === 'officers' && <OfficersTab language={language} store={state.store} session={state.session} settings={settings} />}
        </div>
      </>
    );
  }
  return (
    <PageShell language={language} title={t('records.title')}>
      {body}
    </PageShell>
  );
}
