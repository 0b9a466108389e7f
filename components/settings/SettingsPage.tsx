import type { ReactNode } from 'react';
import { PageShell } from '@/components/pages/PageShell';
import { useSettings } from '@/components/pages/useSettings';
import { OfficersTab } from '@/components/records/OfficersTab';
import { sessionGate } from '@/components/records/SessionGate';
import { useRecordsSession, type SessionState, type UnlockActions } from '@/components/records/useRecordsSession';
import { translator, type Language } from '@/utils/i18n';
import type { EffectiveSettings } from '@/utils/settings/schema';
import { updateLocalSettings } from '@/utils/settings/store';
import { HolidayRulesField } from '@/components/settings/HolidayRules';
import { IdleField } from '@/components/settings/IdleField';
import { PortalHosts } from '@/components/settings/PortalHosts';
import { RetentionSection } from '@/components/settings/RetentionSection';
import { WardPicker } from '@/components/settings/WardPicker';
import '@/components/settings/settings.css';

/**
 * The one settings page. Language and the centre's ward for everyone at this machine; below, what a supervisor
 * decides (the idle lock, officers and trainers, retention, portal hosts, holidays), once unlocked as one.
 */
export function SettingsPage() {
  const { settings, reload } = useSettings();
  const { state, unlock, lock } = useRecordsSession();
  if (!settings) return null;
  const language = settings.language;
  const t = translator(language);
  return (
    <PageShell language={language} title={t('settings.title')}>
      <section aria-labelledby="general-title">
        <h2 id="general-title">{t('settings.section.general')}</h2>
        <label htmlFor="language">{t('settings.language')}</label>
        <select
          id="language"
          value={language}
          onChange={(e) => void updateLocalSettings({ language: e.target.value as Language })}
        >
          <option value="vi">Tiếng Việt</option>
          <option value="en">English</option>
        </select>
        <WardPicker language={language} value={settings.ward.value} locked={settings.ward.locked} />
      </section>
      <section aria-labelledby="supervisor-title">
        <h2 id="supervisor-title">{t('settings.section.supervisor')}</h2>
        <SupervisorGate language={language} state={state} unlock={unlock} lock={lock}>
          {(open) => <SupervisorSettings language={language} open={open} settings={settings} reload={reload} />}
        </SupervisorGate>
      </section>
    </PageShell>
  );
}

type Open = Extract<SessionState, { phase: 'open' }>;

function SupervisorGate(props: {
  language: Language;
  state: SessionState;
  unlock: UnlockActions;
  lock: () => Promise<void>;
  children: (open: Open) => ReactNode;
}) {
  const { language, state, unlock, lock, children } = props;
  const t = translator(language);
  const gate = sessionGate(state, language, unlock);
  if (gate !== null) {
    return (
      <>
        <p className="hint">{t('settings.supervisor.unlock')}</p>
        {gate}
      </>
    );
  }
  if (state.phase !== 'open') return null;
  if (state.session.role !== 'supervisor') {
    return (
      <p role="alert">
        {t('settings.supervisor.only', { name: state.session.officerName })}{' '}
        <button type="button" onClick={() => void lock()}>
          🔒 {t('records.lock')}
        </button>
      </p>
    );
  }
  return <>{children(state)}</>;
}

function SupervisorSettings({
  language,
  open,
  settings,
  reload,
}: {
  language: Language;
  open: Open;
  settings: EffectiveSettings;
  reload: () => Promise<void>;
}) {
  const t = translator(language);
  return (
    <>
      <p data-testid="signed-in">{t('records.signedIn', { name: open.session.officerName })}</p>
      <nav aria-label={t('settings.section.supervisor')} className="settings-nav">
        <a href="#security-title">{t('settings.section.security')}</a> ·{' '}
        <a href="#officers-title">{t('settings.section.officers')}</a> ·{' '}
        <a href="#hosts-title">{t('settings.hosts')}</a> · <a href="#holidays-title">{t('holidays.title')}</a>
      </nav>
      <section aria-labelledby="security-title">
        <h3 id="security-title">{t('settings.section.security')}</h3>
        <IdleField language={language} value={settings.idleMinutes} />
        <RetentionSection language={language} store={open.store} settings={settings} />
      </section>
      <section aria-labelledby="officers-title">
        <h3 id="officers-title">{t('settings.section.officers')}</h3>
        <OfficersTab language={language} store={open.store} session={open.session} />
      </section>
      <section aria-labelledby="hosts-title">
        <h3 id="hosts-title">{t('settings.hosts')}</h3>
        <PortalHosts language={language} extra={settings.extraPortalHosts} onChange={reload} />
      </section>
      <HolidayRulesField language={language} />
    </>
  );
}
