import { useRef, useState } from 'react';
import { saveFile } from '@/components/pages/download';
import { UnlockedPage } from '@/components/records/UnlockedPage';
import type { CounterRow } from '@/utils/db/database';
import type { FilingView } from '@/utils/db/filing-schema';
import { filingsFile, isUnnamed, verdict } from '@/utils/filings/dashboard';
import { verifyInWorker } from '@/utils/filings/verify-client';
import { filingsTable } from '@/utils/filings/view';
import { sayError, translator, type Language, type Translate } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';
import { currentSession } from '@/utils/security/session';
import { Counters } from '@/components/dashboard/Counters';
import { Figures } from '@/components/dashboard/Figures';
import { FilingDetail } from '@/components/dashboard/FilingDetail';
import { FilingTable } from '@/components/dashboard/FilingTable';
import { Filters } from '@/components/dashboard/Filters';
import { PrintReport } from '@/components/dashboard/PrintReport';
import { useFilingLog, useFilteredFilings, useWardName } from '@/components/dashboard/useDashboard';
import '@/components/dashboard/dashboard.css';

export function DashboardApp() {
  return (
    <UnlockedPage title="dash.title">
      {(open, settings) =>
        open.session.role !== 'supervisor' ? (
          <p role="alert">{translator(settings.language)('dash.supervisorOnly')}</p>
        ) : (
          <Dashboard language={settings.language} wardCode={settings.ward.value?.wardCode ?? null} store={open.store} />
        )
      }
    </UnlockedPage>
  );
}

function Dashboard({
  language,
  wardCode,
  store,
}: {
  language: Language;
  wardCode: string | null;
  store: RecordsStore;
}) {
  const t = translator(language);
  const { log, filings, counters, reload, peopleOf, namesOf } = useFilingLog();
  const view = useFilteredFilings(filings, counters);
  const { filter, visible, summary, counterName } = view;
  const wardName = useWardName(wardCode);
  const [selected, setSelected] = useState<FilingView | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  if (!filings || !log) return <p role="status">{t('dash.loading')}</p>;
  const exportAs = async (format: 'csv' | 'xlsx') => {
    const rows = filingsTable(visible, await peopleOf(visible), counterName);
    // Names and masked IDs leave the page in a file: the audit trail says who exported what.
    await store.audit('filings.export', null, new Date(), `${format}:${visible.length}`);
    saveFile(await filingsFile(rows, format));
  };
  return (
    <div className="dashboard">
      <UnnamedNotice t={t} counters={counters} />
      <Filters
        t={t}
        filter={filter}
        onChange={view.change}
        officers={view.officers}
        procedures={view.procedures}
        counters={counters}
      />
      <Figures t={t} language={language} summary={summary} />
      <DashboardActions t={t} language={language} counterName={counterName} onExport={exportAs} />
      <FilingTable
        t={t}
        filings={visible}
        counterName={counterName}
        peopleOf={peopleOf}
        namesOf={namesOf}
        onOpen={(e, row) => {
          opener.current = row;
          setSelected(e);
        }}
      />
      {selected && (
        <FilingDetail
          t={t}
          log={log}
          store={store}
          entry={selected}
          counterName={counterName}
          onClose={() => {
            setSelected(null);
            opener.current?.focus();
          }}
        />
      )}
      <PrintReport t={t} wardName={wardName} filter={filter} summary={summary} />
      <Counters t={t} language={language} log={log} store={store} counters={counters} onChanged={reload} />
    </div>
  );
}

function UnnamedNotice({ t, counters }: { t: Translate; counters: CounterRow[] }) {
  const own = counters.find((c) => c.own === 1);
  if (!own || !isUnnamed(own.name)) return null;
  return (
    <p className="notice no-print" role="note">
      {t('dash.unnamed')} <a href="#counters">{t('dash.rename')}</a>
    </p>
  );
}

/** Export, print, and the integrity check of every counter's chain. */
function DashboardActions({
  t,
  language,
  counterName,
  onExport,
}: {
  t: Translate;
  language: Language;
  counterName: (id: string) => string;
  onExport: (format: 'csv' | 'xlsx') => Promise<void>;
}) {
  const [integrity, setIntegrity] = useState<string[] | 'running' | null>(null);
  const verify = async () => {
    const current = await currentSession();
    if (!current) return;
    setIntegrity('running');
    performance.mark('motcua:verify-start');
    try {
      // Off the main thread: the filters, the table and the charts stay usable while 100,000 entries are checked.
      const checks = await verifyInWorker(current.dataKey);
      performance.measure('motcua:verify', 'motcua:verify-start');
      setIntegrity(checks.map((check) => verdict(t, check, counterName(check.counterId))));
    } catch (e) {
      setIntegrity([t('dash.verify.failed', { detail: sayError(language, e) })]);
    }
  };
  return (
    <>
      <div className="actions no-print">
        <button type="button" onClick={() => void onExport('csv')}>
          {t('dash.exportCsv')}
        </button>
        <button type="button" onClick={() => void onExport('xlsx')}>
          {t('dash.exportXlsx')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('dash.print')}
        </button>
        <button type="button" disabled={integrity === 'running'} onClick={() => void verify()}>
          {t('dash.verify')}
        </button>
      </div>
      {integrity === 'running' && (
        <p role="status" data-testid="verify-running">
          {t('dash.verify.running')}
        </p>
      )}
      {Array.isArray(integrity) && (
        <ul className="integrity" aria-label={t('dash.verify')}>
          {integrity.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
