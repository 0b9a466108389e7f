import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CounterRow } from '@/utils/db/database';
import type { FilingView } from '@/utils/db/filing-schema';
import { recordsDb } from '@/utils/db/instance';
import { counterNamer, officerOptions, PeopleCache, procedureOptions } from '@/utils/filings/dashboard';
import { FilingLog, sortViews } from '@/utils/filings/log';
import { applyFilter, type FilingFilter, noFilter, summarize } from '@/utils/filings/view';
import { currentSession } from '@/utils/security/session';
import { loadAdminUnits } from '@/utils/vn/admin-units-loader';

const peopleCache = new PeopleCache();

/**
 * The chained entries hold no personal data in clear, so reading them need not wait for the unlock: start at
 * once, in parallel with the page's start-up (100,000 entries take most of a second to come out of IndexedDB).
 */
let prefetched: Promise<FilingView[]> | null = recordsDb().filingViews.toArray();

/** The log, its filings and counters, read once unlocked and again after a change (a rename, an import). */
export function useFilingLog() {
  const [log, setLog] = useState<FilingLog | null>(null);
  const [filings, setFilings] = useState<FilingView[] | null>(null);
  const [counters, setCounters] = useState<CounterRow[]>([]);
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
  const peopleOf = useCallback(
    (entries: FilingView[]) => peopleCache.load(entries, async (e) => (await log?.peopleOf(e)) ?? null),
    [log],
  );
  const namesOf = useCallback((e: FilingView) => peopleCache.namesOf(e), []);
  return { log, filings, counters, reload, peopleOf, namesOf };
}

/** The filter, the filings it lets through, their figures, and the choices each filter offers. */
export function useFilteredFilings(filings: FilingView[] | null, counters: CounterRow[]) {
  const [filter, setFilter] = useState<FilingFilter>(noFilter);
  const visible = useMemo(() => (filings ? applyFilter(filings, filter) : []), [filings, filter]);
  const summary = useMemo(() => summarize(visible), [visible]);
  const officers = useMemo(() => officerOptions(filings ?? []), [filings]);
  const procedures = useMemo(() => procedureOptions(filings ?? []), [filings]);
  const counterName = useMemo(() => counterNamer(counters), [counters]);
  const change = (patch: Partial<FilingFilter>) => {
    performance.mark('motcua:filter-start');
    setFilter((f) => ({ ...f, ...patch }));
  };
  useTimings(filings, visible);
  return { filter, change, visible, summary, officers, procedures, counterName };
}

/** Timings the benchmark reads: ready with data on screen, and each filter change until its view is drawn. */
function useTimings(filings: FilingView[] | null, visible: FilingView[]) {
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
}

/** The ward's full name for the printed report. */
export function useWardName(wardCode: string | null) {
  const [wardName, setWardName] = useState('');
  useEffect(() => {
    if (wardCode) void loadAdminUnits().then((units) => setWardName(units.commune(wardCode)?.fullName ?? ''));
  }, [wardCode]);
  return wardName;
}
