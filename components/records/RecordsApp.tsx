import { useState } from 'react';
import { browser } from 'wxt/browser';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { translator } from '@/utils/i18n';
import { ImportTab } from '@/components/records/ImportTab';
import { OfficersTab } from '@/components/records/OfficersTab';
import { PeopleTab } from '@/components/records/PeopleTab';
import { sessionGate } from '@/components/records/SessionGate';
import { useRecordsSession } from '@/components/records/useRecordsSession';
import '@/components/records/records.css';

type Tab = 'people' | 'import' | 'officers';

export function RecordsApp() {
  const { settings } = useSettings();
  const { state, unlock, lock } = useRecordsSession();
  const [tab, setTab] = useState<Tab>('people');
  if (!settings) return null;
  const language = settings.language;
  const t = translator(language);

  let body = sessionGate(state, language, unlock);
  if (body === null && state.phase === 'open') {
    const tabs: Tab[] = ['people', 'import', 'officers'];
    body = (
      <>
        <div className="toolbar">
          <span data-testid="signed-in">{t('records.signedIn', { name: state.session.officerName })}</span>
          <span>
            {state.session.role === 'supervisor' && (
              <a href={browser.runtime.getURL('/settings.html')}>⚙ {t('settings.title')}</a>
            )}{' '}
            <button type="button" onClick={() => void lock()}>
              🔒 {t('records.lock')}
            </button>
          </span>
        </div>
        <div role="tablist" className="tabs">
          {tabs.map((id) => (
            <button key={id} role="tab" type="button" aria-selected={tab === id} onClick={() => setTab(id)}>
              {t(`records.tab.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel">
          {tab === 'people' && (
            <PeopleTab
              language={language}
              store={state.store}
              officerId={state.session.officerId}
              onImport={() => setTab('import')}
            />
          )}
          {tab === 'import' && <ImportTab language={language} store={state.store} />}
          {tab === 'officers' && <OfficersTab language={language} store={state.store} session={state.session} />}
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
