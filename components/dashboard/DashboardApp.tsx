import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { download } from '@/components/pages/download';
import { stamp } from '@/utils/records/export-file';
import { UnlockedPage } from '@/components/records/UnlockedPage';
import { BundleError, EnrolmentNeeded } from '@/utils/filings/bundle';
import type { CounterCheck, IntegrityProblem } from '@/utils/filings/integrity';
import { FilingLog, sortViews } from '@/utils/filings/log';
import { verifyInWorker } from '@/utils/filings/verify-client';
import {
  statusLabels,
  filingStatuses,
  type FilingEntry,
  type FilingPeople,
  type FilingStatus,
  type FilingView,
} from '@/utils/db/filing-schema';
import {
  applyFilter,
  filingsTable,
  noFilter,
  peopleLine,
  summarize,
  vnDateLabel,
  vnDateTime,
  type FilingFilter,
} from '@/utils/filings/view';
import { sayError, translator, type Language, type MessageKey, type Params } from '@/utils/i18n';
import type { CounterRow } from '@/utils/db/database';
import { tableCsv, tableXlsx } from '@/utils/records/export';
import { recordsDb } from '@/utils/db/instance';
import type { RecordsStore } from '@/utils/records/store';
import { currentSession } from '@/utils/security/session';
import { loadAdminUnits } from '@/utils/vn/admin-units-loader';
import { formatIsoDate, parseDate } from '@/utils/vn/dates';
import { BarChart } from './BarChart';
import './dashboard.css';

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

const peopleCache = new Map<string, FilingPeople | null>();

/**
 * The chained entries hold no personal data in clear, so reading them need not wait for the unlock: start at
 * once, in parallel with the page's start-up (100,000 entries take most of a second to come out of IndexedDB).
 */
let prefetched: Promise<FilingView[]> | null = recordsDb().filingViews.toArray();

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
  const [log, setLog] = useState<FilingLog | null>(null);
  const [filings, setFilings] = useState<FilingView[] | null>(null);
  const [counters, setCounters] = useState<CounterRow[]>([]);
  const [filter, setFilter] = useState<FilingFilter>(noFilter);
  const [selected, setSelected] = useState<FilingView | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [integrity, setIntegrity] = useState<string[] | 'running' | null>(null);
  const [wardName, setWardName] = useState('');
  const opener = useRef<HTMLElement | null>(null);

  const reload = useCallback(async () => {
    const current = await currentSession();
    if (!current) return;
    const opened = new FilingLog(recordsDb(), current.dataKey);
    const early = prefetched;
    prefetched = null;
    const [all, list] = await Promise.all([early ? early.then(sortViews) : opened.filings(), opened.counters()]);
    setLog(opened);
    setCounters(list);
    setFilings(all);
  }, []);
  useEffect(() => {
    performance.mark('motcua:dashboard-start');
    void reload();
  }, [reload]);
  useEffect(() => {
    if (wardCode) void loadAdminUnits().then((units) => setWardName(units.commune(wardCode)?.fullName ?? ''));
  }, [wardCode]);

  const visible = useMemo(() => (filings ? applyFilter(filings, filter) : []), [filings, filter]);
  const summary = useMemo(() => summarize(visible), [visible]);
  const officers = useMemo(
    () => [...new Map((filings ?? []).map((f) => [f.officerId, f.officerName])).entries()],
    [filings],
  );
  const procedures = useMemo(
    () => [
      ...new Map(
        (filings ?? [])
          .filter((f) => f.procedureCode)
          .map((f) => [f.procedureCode!, f.procedureName ?? f.procedureCode!]),
      ).entries(),
    ],
    [filings],
  );
  const counterName = useCallback(
    (id: string) => counters.find((c) => c.id === id)?.name ?? id.slice(0, 6),
    [counters],
  );
  const own = counters.find((c) => c.own === 1);

  // Timings the benchmark reads: ready with data on screen, and each filter change until its view is drawn.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `visible` is the point: it runs once each new view is drawn.
  useEffect(() => {
    if (!filings) return;
    if (performance.getEntriesByName('motcua:dashboard-ready').length === 0) {
      performance.mark('motcua:dashboard-ready');
      performance.measure('motcua:dashboard', 'motcua:dashboard-start', 'motcua:dashboard-ready');
    }
    if (performance.getEntriesByName('motcua:filter-start').length > 0) {
      performance.measure('motcua:filter', 'motcua:filter-start');
      performance.clearMarks('motcua:filter-start');
    }
  }, [filings, visible]);

  const change = (patch: Partial<FilingFilter>) => {
    performance.mark('motcua:filter-start');
    setFilter((f) => ({ ...f, ...patch }));
  };

  const peopleOf = useCallback(
    async (entries: FilingView[]) => {
      for (const e of entries)
        if (!peopleCache.has(`${e.counterId}:${e.id}`))
          peopleCache.set(`${e.counterId}:${e.id}`, (await log?.peopleOf(e)) ?? null);
      return (e: FilingView) => peopleCache.get(`${e.counterId}:${e.id}`) ?? null;
    },
    [log],
  );

  const exportAs = async (kind: 'csv' | 'xlsx') => {
    const rows = filingsTable(visible, await peopleOf(visible), counterName);
    // Names and masked IDs leave the page in a file: the audit trail says who exported what.
    await store.audit('filings.export', null, new Date(), `${kind}:${visible.length}`);
    if (kind === 'csv') download(tableCsv(rows), `ho-so-${stamp()}.csv`, 'text/csv');
    else
      download(
        await tableXlsx(rows, 'Hồ sơ'),
        `ho-so-${stamp()}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
  };

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

  if (!filings || !log) return <p role="status">{t('dash.loading')}</p>;
  const seconds = (ms: number | null) => (ms === null ? '—' : t('dash.seconds', { value: Math.round(ms / 1000) }));
  const percent = (r: number | null) =>
    r === null
      ? '—'
      : `${(r * 100).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 })} %`;

  return (
    <div className="dashboard">
      {own && isUnnamed(own.name) && (
        <p className="notice no-print" role="note">
          {t('dash.unnamed')} <a href="#counters">{t('dash.rename')}</a>
        </p>
      )}
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
        <DateField label={t('dash.from')} value={filter.from} onChange={(from) => change({ from })} />
        <DateField label={t('dash.to')} value={filter.to} onChange={(to) => change({ to })} />
        <Choice
          label={t('dash.officer')}
          all={t('dash.all')}
          value={filter.officerId}
          options={officers}
          onChange={(officerId) => change({ officerId })}
        />
        <Choice
          label={t('dash.procedure')}
          all={t('dash.all')}
          value={filter.procedureCode}
          options={procedures}
          onChange={(procedureCode) => change({ procedureCode })}
        />
        <Choice
          label={t('dash.status')}
          all={t('dash.all')}
          value={filter.status}
          options={filingStatuses.map((s) => [s, statusLabels[s]] as [string, string])}
          onChange={(status) => change({ status: status as FilingStatus | null })}
        />
        <Choice
          label={t('dash.counter')}
          all={t('dash.all')}
          value={filter.counterId}
          options={counters.map((c) => [c.id, c.name] as [string, string])}
          onChange={(counterId) => change({ counterId })}
        />
      </form>

      <section className="figures" aria-label={t('dash.title')}>
        <p className="big" data-testid="dash-total">
          {t('dash.total', { count: summary.total })}
        </p>
        <dl>
          <dt>{t('dash.medianFill')}</dt>
          <dd data-testid="dash-median-fill">{seconds(summary.medianMsToFill)}</dd>
          <dt>{t('dash.medianSubmit')}</dt>
          <dd>{seconds(summary.medianMsToSubmit)}</dd>
          <dt>{t('dash.filledShare')}</dt>
          <dd>{percent(summary.filledShare)}</dd>
          {filingStatuses.map((s) => (
            <div key={s}>
              <dt>{statusLabels[s]}</dt>
              <dd>{summary.byStatus[s]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="charts">
        <BarChart
          title={t('dash.perDay')}
          data={summary.perDay.map(([day, n]) => [vnDateLabel(day), n] as [string, number])}
          language={language}
        />
        <BarChart title={t('dash.perProcedure')} data={summary.perProcedure} horizontal language={language} />
        <BarChart title={t('dash.perOfficer')} data={summary.perOfficer} horizontal language={language} />
      </div>

      <div className="actions no-print">
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('dash.exportCsv')}
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')}>
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

      <FilingTable
        language={language}
        filings={visible}
        counterName={counterName}
        peopleOf={peopleOf}
        onOpen={(e, row) => {
          opener.current = row;
          setSelected(e);
        }}
      />
      {selected && (
        <FilingDetail
          language={language}
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

      <PrintReport language={language} wardName={wardName} filter={filter} summary={summary} />

      <Counters
        language={language}
        log={log}
        store={store}
        counters={counters}
        onChanged={reload}
        message={message}
        setMessage={setMessage}
      />
    </div>
  );
}

/** One line of the integrity check for a counter: intact, or every problem at its entry. */
function verdict(t: ReturnType<typeof translator>, check: CounterCheck, counter: string): string {
  if (check.problems.length === 0) return t('dash.verify.ok', { counter, count: check.count });
  return t('dash.verify.bad', { counter, reasons: check.problems.map((p) => problemText(t, p)).join('; ') });
}

function problemText(t: ReturnType<typeof translator>, problem: IntegrityProblem): string {
  const { code, ...params } = problem;
  return t(code, params as Params);
}

function isUnnamed(name: string): boolean {
  return name.startsWith('Quầy chưa đặt tên');
}

function Choice({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string | null;
  options: Array<[string, string]>;
  onChange: (v: string | null) => void;
}) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * A day typed as officers write it (dd/mm/yyyy), whatever language Chrome's own date picker would use; the
 * filter gets it as yyyy-mm-dd once it reads as a full date.
 */
function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ? vnDateLabel(value) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const read = (typed: string) => {
    setText(typed);
    if (!typed.trim()) {
      setProblem(null);
      return onChange(null);
    }
    const parsed = parseDate(typed);
    const iso = parsed.ok ? formatIsoDate(parsed.date) : null;
    setProblem(iso ? null : parsed.ok ? 'dd/mm/yyyy' : parsed.reason);
    if (iso) onChange(iso);
  };
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        maxLength={10}
        size={10}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => read(e.target.value)}
      />
      {problem && text.length >= 8 && (
        <small id={`${id}-problem`} className="error">
          {problem}
        </small>
      )}
    </span>
  );
}

/** "Trần Bảo An (0011•••••111); …" for a filing's people, or "…" until they are decrypted. */
function namesOf(e: FilingView): string {
  const part = peopleCache.get(`${e.counterId}:${e.id}`);
  return part ? peopleLine(part.people) : '…';
}

function FilingTable({
  language,
  filings,
  counterName,
  peopleOf,
  onOpen,
}: {
  language: Language;
  filings: FilingView[];
  counterName: (id: string) => string;
  peopleOf: (entries: FilingView[]) => Promise<(e: FilingView) => FilingPeople | null>;
  onOpen: (e: FilingView, row: HTMLElement) => void;
}) {
  const t = translator(language);
  const scroller = useRef<HTMLDivElement>(null);
  // Rows wrap (a long procedure, a long dossier code, several citizens): each is measured once drawn.
  const virtualizer = useVirtualizer({
    count: filings.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const [, setTick] = useState(0);
  // Names are decrypted only for the rows on screen.
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    void peopleOf(filings.slice(first, last + 1)).then(() => setTick((n) => n + 1));
  }, [filings, first, last, peopleOf]);
  if (filings.length === 0) return <p className="muted">{t('dash.noFilings')}</p>;
  // biome-ignore-start lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: a virtualized table: its rows are absolutely placed <div>s, which <table> cannot hold; the ARIA roles say what they are.
  return (
    <div className="table no-print" role="table" aria-label={t('dash.title')} aria-rowcount={filings.length}>
      <div className="row head" role="row">
        {[
          t('dash.col.at'),
          t('dash.counter'),
          t('dash.officer'),
          t('dash.procedure'),
          t('dash.status'),
          t('dash.col.code'),
          t('dash.col.people'),
          t('dash.col.fields'),
        ].map((h) => (
          <span key={h} role="columnheader">
            {h}
          </span>
        ))}
      </div>
      <div ref={scroller} className="scroll" data-testid="filing-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const e = filings[item.index]!;
            return (
              <div
                key={`${e.counterId}:${e.id}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                className="row"
                style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, width: '100%' }}
                tabIndex={0}
                onClick={(ev) => onOpen(e, ev.currentTarget)}
                onKeyDown={(k) => k.key === 'Enter' && onOpen(e, k.currentTarget)}
              >
                <span role="cell">{vnDateTime(e.at)}</span>
                <span role="cell">{counterName(e.counterId)}</span>
                <span role="cell">{e.officerName}</span>
                <span role="cell">{e.procedureName ?? '—'}</span>
                <span role="cell" data-status={e.status}>
                  {statusLabels[e.status]}
                </span>
                <span role="cell" className="code">
                  {e.dossierCode ?? ''}
                </span>
                <span role="cell">{namesOf(e)}</span>
                <span role="cell">
                  {e.fields.filled}/{e.fields.check}/{e.fields.missing}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
  // biome-ignore-end lint/a11y/useSemanticElements lint/a11y/useFocusableInteractive: the table ends here.
}

/** A filing's role in Vietnamese (the log keeps the form's role code, e.g. "subject"). */
function roleName(t: ReturnType<typeof translator>, role: string): string {
  const key = `dash.role.${role}` as MessageKey;
  return key in roleKeys ? t(key) : role;
}
const roleKeys = Object.fromEntries(
  ['subject', 'requester', 'child', 'father', 'mother', 'groom', 'bride', 'deceased', 'householdHead'].map((r) => [
    `dash.role.${r}`,
    true,
  ]),
);

/** A modal in the middle of the screen: the row that opened it may sit anywhere in a 100,000-row table. */
function FilingDetail({
  language,
  log,
  store,
  entry,
  counterName,
  onClose,
}: {
  language: Language;
  log: FilingLog;
  store: RecordsStore;
  entry: FilingView;
  counterName: (id: string) => string;
  onClose: () => void;
}) {
  const t = translator(language);
  const dialog = useRef<HTMLDialogElement>(null);
  const [history, setHistory] = useState<Array<{ entry: FilingEntry; people: FilingPeople | null }>>([]);
  useEffect(() => dialog.current?.showModal(), []);
  useEffect(() => {
    void log.history(entry.counterId, entry.root).then(async (list) => {
      const loaded = await Promise.all(list.map(async (e) => ({ entry: e, people: await log.peopleOf(e) })));
      setHistory(loaded);
      // Opening a filing shows its citizens: one audit event per person, so "who saw this citizen" has an answer.
      const seen = new Set(loaded.flatMap((h) => h.people?.people.map((p) => p.personId) ?? []));
      for (const personId of seen) await store.audit('filing.view', personId, new Date(), entry.root);
    });
  }, [log, store, entry]);
  const people = history.at(-1)?.people;
  return (
    <dialog ref={dialog} aria-label={t('dash.detail')} className="detail" onClose={onClose}>
      <h2>{t('dash.detail')}</h2>
      <p>
        {entry.procedureName ?? '—'} · {statusLabels[entry.status]}
        {entry.dossierCode ? ` · ${entry.dossierCode}` : ''} · {counterName(entry.counterId)} · {entry.portalHost}
      </p>
      <h3>{t('dash.detail.people')}</h3>
      <ul>
        {people?.people.map((p) => (
          <li key={`${p.role}:${p.personId}`}>
            {roleName(t, p.role)}: {p.name} {p.maskedId ?? ''}
          </li>
        ))}
      </ul>
      {people?.note && (
        <p>
          {t('dash.note')}: {people.note}
        </p>
      )}
      <h3>{t('dash.history')}</h3>
      <ol>
        {history.map(({ entry: e, people: p }) => (
          <li key={e.id}>
            #{e.seq} {vnDateTime(e.at, true)} · {e.officerName} · {statusLabels[e.status]}
            {e.dossierCode ? ` · ${e.dossierCode}` : ''}
            {p?.note ? ` · ${p.note}` : ''}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('dash.close')}
      </button>
    </dialog>
  );
}

function PrintReport({
  language,
  wardName,
  filter,
  summary,
}: {
  language: Language;
  wardName: string;
  filter: FilingFilter;
  summary: ReturnType<typeof summarize>;
}) {
  const t = translator(language);
  const day = (d: string | null) => (d ? d.split('-').reverse().join('/') : '…');
  return (
    <section className="print-only" data-testid="print-report">
      <p className="ward">{wardName}</p>
      <h2>{t('dash.report.title')}</h2>
      <p>
        {filter.from || filter.to
          ? t('dash.report.range', { from: day(filter.from), to: day(filter.to) })
          : t('dash.report.all')}
      </p>
      <p>
        {t('dash.total', { count: summary.total })} ·{' '}
        {filingStatuses.map((s) => `${statusLabels[s]}: ${summary.byStatus[s]}`).join(' · ')}
      </p>
      {(
        [
          ['dash.perProcedure', summary.perProcedure],
          ['dash.perOfficer', summary.perOfficer],
          ['dash.perDay', summary.perDay],
        ] as const
      ).map(([key, rows]) => (
        <table key={key}>
          <caption>{t(key)}</caption>
          <tbody>
            {rows.map(([label, n]) => (
              <tr key={label}>
                <th>{label}</th>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

type Message = { kind: 'ok' | 'error'; text: string };

function Counters({
  language,
  log,
  store,
  counters,
  onChanged,
  message,
  setMessage,
}: {
  language: Language;
  log: FilingLog;
  store: RecordsStore;
  counters: CounterRow[];
  onChanged: () => Promise<void>;
  message: Message | null;
  setMessage: (m: Message | null) => void;
}) {
  const t = translator(language);
  const own = counters.find((c) => c.own === 1);
  const [name, setName] = useState(own?.name ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [enrolling, setEnrolling] = useState<EnrolmentNeeded['counter'] | null>(null);
  useEffect(() => setName(own?.name && !isUnnamed(own.name) ? own.name : ''), [own?.name]);
  useEffect(() => void log.ownFingerprint().then(setFingerprint), [log]);
  const guard = async (work: () => Promise<string>) => {
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (e) {
      if (e instanceof EnrolmentNeeded) {
        setEnrolling(e.counter);
        setMessage(null);
      } else
        setMessage({
          kind: 'error',
          text: e instanceof BundleError ? t(e.code, e.params) : sayError(language, e),
        });
    }
  };
  const importBundle = async () => {
    const r = await log.importBundle(await file!.text(), passphrase);
    await store.audit('filings.bundle.import', null, new Date(), `${r.counterName}:${r.added}`);
    await onChanged();
    return t('dash.imported', { added: r.added, counter: r.counterName, total: r.total });
  };
  return (
    <section className="counters no-print" id="counters" aria-label={t('dash.counters')}>
      <h2>{t('dash.counters')}</h2>
      <label>
        {t('dash.ownCounter')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
      </label>
      <button
        type="button"
        disabled={!name.trim()}
        onClick={() =>
          void guard(async () => {
            await log.renameOwnCounter(name);
            await onChanged();
            return name;
          })
        }
      >
        {t('dash.rename')}
      </button>
      <p>
        {t('dash.fingerprint')}: <code data-testid="own-fingerprint">{fingerprint}</code>
      </p>
      <label>
        {t('dash.bundlePass')}
        <input
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void guard(async () => {
              const bundle = await log.exportBundle(passphrase);
              await store.audit('filings.bundle.export', null, new Date(), String(bundle.entries.length));
              download(
                new TextEncoder().encode(JSON.stringify(bundle)) as Uint8Array<ArrayBuffer>,
                `nhat-ky-${bundle.counter.id}-${stamp()}.json`,
                'application/json',
              );
              return `${bundle.counter.name}: ${bundle.entries.length}`;
            })
          }
        >
          {t('dash.exportBundle')}
        </button>
      </div>
      <label>
        {t('dash.bundleFile')}
        <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="button" disabled={!file} onClick={() => void guard(importBundle)}>
        {t('dash.importBundle')}
      </button>
      {enrolling && (
        <section aria-label={t('dash.enrol.title')} className="enrol">
          <h3>{t('dash.enrol.title')}</h3>
          <p>{t('bundle.enrol', { counter: enrolling.name, fingerprint: enrolling.fingerprint })}</p>
          <p className="fingerprint" data-testid="enrol-fingerprint">
            {enrolling.fingerprint}
          </p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void guard(async () => {
                const current = await currentSession();
                await log.enrolCounter(enrolling, current?.session.officerId ?? '');
                await store.audit(
                  'filings.counter.enrol',
                  null,
                  new Date(),
                  `${enrolling.id}:${enrolling.fingerprint}`,
                );
                setEnrolling(null);
                return importBundle();
              })
            }
          >
            {t('dash.enrol.confirm')}
          </button>{' '}
          <button type="button" onClick={() => setEnrolling(null)}>
            {t('dash.enrol.cancel')}
          </button>
        </section>
      )}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
