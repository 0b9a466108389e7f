import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { translator, type Language } from '@/utils/i18n';
import { formRoles, roleLabels, type FormRole } from '@/utils/autofill/labels';
import type { RemoteReportItem } from '@/utils/messaging/frame-protocol';
import { clearOutline, detectRoles, fillForm, outline, scanForm, type FillRun } from '@/utils/autofill/run';
import { usePanelSend } from './client';
import type { ResponseOf } from '@/utils/messaging/protocol';
import type { FillPerson } from '@/utils/autofill/values';
import { detectProcedure } from '@/utils/procedures/catalogue';
import { searchRoots } from '@/utils/autofill/collect';
import { FilingSection, useFiling } from './FilingSection';
import { ProcedureSection, type SlipRequest } from './ProcedureSection';
import { DossierSection } from './DossierSection';
import { WorkCalendar } from '@/utils/calendar/calendar';
import { bundledHolidayRules, currentCalendar } from '@/utils/calendar/store';

type Status = ResponseOf<'records/status'>;
type Result = ResponseOf<'records/search'>['results'][number];

interface Props {
  language: Language;
  host: HTMLElement;
  searchRef: React.RefObject<HTMLInputElement | null>;
}

/** Keeps only the 2025 ward the officer picked, for a person whose old ward was split. */
function withWardChoice(who: ResponseOf<'records/fill-data'>, wardCode: string | undefined): ResponseOf<'records/fill-data'> {
  const mapped = who.addresses.permanentAddress;
  if (!wardCode || !mapped) return who;
  const picked = mapped.candidates.filter((c) => c.wardCode === wardCode);
  if (picked.length === 0) return who;
  return { ...who, addresses: { ...who.addresses, permanentAddress: { ...mapped, candidates: picked } } };
}

/** Quiet time after DOM changes before the form is scanned again for its blocks. */
const rescanQuietMs = 400;

const menOnly = new Set<FormRole>(['father', 'groom']);
const womenOnly = new Set<FormRole>(['mother', 'bride']);

/** Whether someone of this sex (unknown fits anything) can fill a block. */
export function fitsSex(role: FormRole, sex: 'Nam' | 'Nữ' | null): boolean {
  if (sex === 'Nam') return !womenOnly.has(role);
  if (sex === 'Nữ') return !menOnly.has(role);
  return true;
}

const icons: Record<RemoteReportItem['status'], string> = { filled: '✓', check: '⚠', readonly: '⚠', failed: '✗', missing: '✗', unknown: '✗' };

/** The records side of the panel: lock state, search, who is who in the form, fill, report, undo. */
export function FillPanel({ language, host, searchRef }: Props) {
  const sendMessage = usePanelSend();
  const t = translator(language);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Result[]>([]);
  const [chosen, setChosen] = useState<Result[]>([]);
  const [roles, setRoles] = useState<FormRole[]>([]);
  const [assigned, setAssigned] = useState<Partial<Record<FormRole, string>>>({});
  const [run, setRun] = useState<FillRun | null>(null);
  const runRef = useRef<FillRun | null>(null);
  runRef.current = run;
  /** When the officer started on this form (the panel opened, or the portal moved to this step). */
  const startedAt = useRef(performance.now());
  const [detectedCode, setDetectedCode] = useState<string | null>(null);
  /** Bumped at each look at the page, so sections that read the page (dossier rows) look again too. */
  const [scans, setScans] = useState(0);
  /** The officer's own pick wins over what the page looks like (undefined: not picked). */
  const [pickedCode, setPickedCode] = useState<string | null | undefined>(undefined);
  const procedureCode = pickedCode !== undefined ? pickedCode : detectedCode;
  const [calendar, setCalendar] = useState(() => new WorkCalendar(bundledHolidayRules()));
  useEffect(() => void currentCalendar().then(setCalendar), []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [remoteReport, setRemoteReport] = useState<RemoteReportItem[]>([]);
  /** Old wards split over several 2025 wards: the officer's pick per person, and who still needs one. */
  const [wardChoice, setWardChoice] = useState<Record<string, string>>({});
  const [splitWards, setSplitWards] = useState<Array<{ personId: string; name: string; text: string; candidates: Array<{ wardCode: string; wardName: string }> }>>([]);

  const [gone, setGone] = useState(false);
  const filing = useFiling(Boolean(status?.unlocked));
  const refreshStatus = useCallback(
    () =>
      void sendMessage('records/status', {})
        .then(setStatus)
        .catch(() => {
          // The extension was updated or reloaded under this page: this old copy can no longer reach it.
          if (!browser.runtime?.id) setGone(true);
          setStatus(null);
        }),
    [],
  );
  const scan = useCallback(() => {
    // An SPA swapped the form (next step, another procedure): the last report points at nothing any more.
    const last = runRef.current;
    // (A frame that navigated leaves its old document connected but without a window.)
    if (last && last.report.length > 0 && last.report.every((r) => !r.element.isConnected || !r.element.ownerDocument.defaultView)) {
      setRun(null);
      setRemoteReport([]);
      setNotice(translator(language)('panel.pageMoved'));
      startedAt.current = performance.now();
    }
    // Headings of the page and of its same-origin frames (a form in an iframe names the procedure too).
    const roots = searchRoots(document, host);
    const headings = roots.flatMap((root) => [...root.querySelectorAll('h1,h2,h3')].map((h) => h.textContent ?? ''));
    const titles = roots.filter((r): r is Document => r instanceof Document || r.nodeType === 9).map((d) => d.title).join(' · ');
    setDetectedCode(detectProcedure({ url: location.href, title: titles, headings })?.code ?? null);
    setScans((n) => n + 1);
    const fields = scanForm(document, host, roots);
    const local = fields.some((f) => f.field) ? detectRoles(fields) : [];
    setRoles(local.length > 0 ? local : ['subject']);
    // Forms in cross-origin frames (Ministry of Justice e-forms) are scanned by their own content script.
    void sendMessage('fill/frames-scan', {})
      .then(({ roles: remote }) => {
        if (remote.length === 0) return;
        setRoles((current) => {
          const merged = new Set([...(local.length > 0 ? current : []), ...remote]);
          return formRoles.filter((r) => merged.has(r));
        });
      })
      .catch(() => undefined);
  }, [host, language]);
  useEffect(() => {
    refreshStatus();
    scan();
    const timer = setInterval(refreshStatus, 3000);
    // Portals render blocks late and SPAs swap whole pages: look again once the DOM has been quiet a moment.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver((mutations) => {
      if (mutations.every((m) => host.contains(m.target))) return;
      clearTimeout(pending);
      pending = setTimeout(scan, rescanQuietMs);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      clearInterval(timer);
      clearTimeout(pending);
      observer.disconnect();
    };
  }, [refreshStatus, scan, host]);

  useEffect(() => {
    if (!status?.unlocked || !query.trim()) return setResults([]);
    const handle = setTimeout(() => {
      void sendMessage('records/search', { query }).then((r) => setResults(r.results)).catch((e: Error) => setError(e.message));
    }, 120);
    return () => clearTimeout(handle);
  }, [query, status?.unlocked]);

  const pick = async (person: Result) => {
    setChosen((c) => (c.some((p) => p.id === person.id) ? c : [...c, person]));
    setQuery('');
    // The first free block the person can fill: a man is no mother or bride, a woman no father or groom.
    const free = roles.find((r) => !assigned[r] && fitsSex(r, person.sex));
    if (free) setAssigned((current) => (current[free] ? current : { ...current, [free]: person.id }));
    // Picking the child proposes the parents the records link to it; the officer may have assigned blocks
    // meanwhile, so only blocks still free take the proposal.
    if (free !== 'child' && free !== 'subject') return;
    const { relatives } = await sendMessage('records/relatives', { personId: person.id }).catch(() => ({ relatives: [] }));
    for (const r of relatives) {
      const role = r.direction === 'of' && (r.kind === 'father' || r.kind === 'mother') ? r.kind : null;
      if (!role || !roles.includes(role)) continue;
      setAssigned((current) => (current[role] ? current : { ...current, [role]: r.id }));
      setChosen((c) => (c.some((p) => p.id === r.id) ? c : [...c, { id: r.id, name: r.name, dob: null, maskedId: null, address: null, sex: null }]));
    }
  };

  const fill = async () => {
    const entries = Object.entries(assigned).filter(([, id]) => id) as Array<[FormRole, string]>;
    if (entries.length === 0) return setNotice(t('panel.nothingAssigned'));
    setBusy(true);
    setNotice(null);
    try {
      const fetched = (await Promise.all(entries.map(([, id]) => sendMessage('records/fill-data', { personId: id })))).map((who) =>
        withWardChoice(who, wardChoice[who.person.id]),
      );
      const people = new Map<FormRole, FillPerson>(entries.map(([role], i) => [role, fetched[i]!]));
      setSplitWards(
        fetched
          .filter((who) => (who.addresses.permanentAddress?.candidates.length ?? 0) > 1)
          .map((who) => ({
            personId: who.person.id,
            name: who.person.fullName.value,
            text: who.person.permanentAddress?.value.text ?? '',
            candidates: who.addresses.permanentAddress!.candidates,
          })),
      );
      if (run) clearOutline(run.report);
      const next = await fillForm(scanForm(document, host), people, () => scanForm(document, host));
      outline(next.report);
      const remote = await sendMessage('fill/frames-run', { people: Object.fromEntries(entries) }).catch(() => ({ report: [] }));
      setRun(next);
      setRemoteReport(remote.report);
      const all = [...next.report, ...remote.report];
      await filing.recorded({
        procedureCode,
        people: Object.fromEntries(entries),
        fields: {
          filled: all.filter((r) => r.status === 'filled').length,
          check: all.filter((r) => r.status === 'check' || r.status === 'readonly').length,
          missing: all.filter((r) => ['failed', 'missing', 'unknown'].includes(r.status)).length,
        },
        msToFill: Math.round(performance.now() - startedAt.current),
      });
    } catch (e) {
      setNotice(t('panel.error', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const pickProcedure = (code: string | null) => {
    setPickedCode(code);
    if (filing.filing?.status === 'draft' && code) void filing.update(filing.filing.root, { procedureCode: code });
  };

  const printSlip = (slip: SlipRequest) => {
    const role = (['requester', 'subject', 'child', 'deceased', 'groom', 'householdHead'] as FormRole[]).find((r) => assigned[r]);
    const citizenName = chosen.find((p) => p.id === (role ? assigned[role] : chosen[0]?.id))?.name ?? '';
    void sendMessage('slip/open', {
      ...slip,
      citizenName,
      officerName: status?.officerName ?? '',
      dossierCode: filing.filing?.dossierCode ?? null,
    }).catch((e: Error) => setNotice(t('panel.error', { detail: e.message })));
  };

  const undo = async () => {
    if (!run) return;
    const remote = await sendMessage('fill/frames-undo', {}).catch(() => ({ partial: [] as string[] }));
    setRemoteReport([]);
    const partial = [...run.undo(), ...remote.partial];
    clearOutline(run.report);
    setRun(null);
    setNotice(partial.length === 0 ? t('panel.undone') : `${t('panel.undone')} ${t('panel.undoRadio', { fields: partial.join(', ') })}`);
  };

  if (gone) return <p role="alert" className="warn">{t('panel.gone')}</p>;
  if (!status) return null;
  if (!status.setUp) return <p>{t('panel.notSetUp')}</p>;
  if (!status.unlocked) return <UnlockInPanel language={language} status={status} onDone={refreshStatus} />;

  const report: RemoteReportItem[] = run ? [...run.report, ...remoteReport] : [];
  const counts = run && {
    filled: report.filter((r) => r.status === 'filled').length,
    check: report.filter((r) => r.status === 'check' || r.status === 'readonly').length,
    missing: report.filter((r) => ['failed', 'missing', 'unknown'].includes(r.status)).length,
  };

  return (
    <div>
      <p className="muted" data-testid="panel-officer">{t('panel.signedIn', { name: status.officerName ?? '' })}</p>
      <label htmlFor="motcua-search">{t('panel.search')}</label>
      <input id="motcua-search" ref={searchRef} type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
      {error && <p role="alert" className="warn">{error}</p>}
      {query.trim() && (
        <ul className="results" aria-label={t('records.results')}>
          {results.length === 0 && <li className="muted">{t('panel.noResult')}</li>}
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" onClick={() => void pick(r)} aria-label={`${t('panel.pick')} ${r.name}`}>
                <strong>{r.name}</strong>
                <span className="muted">{[r.dob, r.maskedId, r.address].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset>
        <legend>{t('panel.roles')}</legend>
        {roles.map((role) => (
          <div key={role} className="role">
            <label htmlFor={`motcua-role-${role}`}>{roleLabels[role]}</label>
            <select
              id={`motcua-role-${role}`}
              value={assigned[role] ?? ''}
              onChange={(e) => setAssigned((a) => ({ ...a, [role]: e.target.value || undefined }))}
            >
              <option value="">{t('panel.role.none')}</option>
              {chosen.map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </div>
        ))}
        <button type="button" className="link" onClick={scan}>{t('panel.rescan')}</button>
      </fieldset>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void fill()}>
          {busy ? t('panel.filling') : t('panel.fill')}
        </button>
        {run && (
          <button type="button" onClick={() => void undo()}>{t('panel.undo')}</button>
        )}
      </div>
      {splitWards.map((split) => (
        <div key={split.personId} className="split">
          <label htmlFor={`motcua-ward-${split.personId}`}>{t('panel.splitWard', { name: split.name })}</label>
          <p className="muted">{split.text}</p>
          <select
            id={`motcua-ward-${split.personId}`}
            value={wardChoice[split.personId] ?? ''}
            onChange={(e) => setWardChoice((c) => ({ ...c, [split.personId]: e.target.value }))}
          >
            <option value="">{t('panel.role.none')}</option>
            {split.candidates.map((c) => (
              <option key={c.wardCode} value={c.wardCode}>{c.wardName}</option>
            ))}
          </select>
        </div>
      ))}
      {notice && <p role="status">{notice}</p>}
      {run && counts && (
        <section aria-label={t('panel.fill')}>
          <p role="status" data-testid="fill-summary">{t('panel.report', counts)}</p>
          <ul className="report">
            {report.map((item, i) => (
              <li key={i} data-status={item.status}>
                {icons[item.status]} {item.role ? `${roleLabels[item.role]} — ` : ''}{item.label}
                {item.detail && <span className="muted"> {item.detail}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ProcedureSection language={language} code={procedureCode ?? filing.filing?.procedureCode ?? null} onPick={pickProcedure} calendar={calendar} onSlip={printSlip} />
      <DossierSection language={language} procedureCode={procedureCode ?? filing.filing?.procedureCode ?? null} people={{ ...(filing.filing?.people ?? {}), ...assigned }} version={roles.length + scans} />
      <FilingSection language={language} filing={filing.filing} error={filing.error} onUpdate={filing.update} />
    </div>
  );
}

function UnlockInPanel({ language, status, onDone }: { language: Language; status: Status; onDone: () => void }) {
  const sendMessage = usePanelSend();
  const t = translator(language);
  const [officerId, setOfficerId] = useState(status.officers[0]?.id ?? '');
  const [secret, setSecret] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await sendMessage('records/unlock', { officerId, secret }).catch((err: Error) => ({ ok: false, reason: err.message }));
    setSecret('');
    if (r.ok) onDone();
    else {
      setReason(r.reason);
      inputRef.current?.focus();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <p>🔒 {t('panel.locked')}</p>
      <label htmlFor="motcua-officer">{t('panel.officer')}</label>
      <select id="motcua-officer" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
        {status.officers.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
      <label htmlFor="motcua-secret">{t('panel.secret')}</label>
      <input id="motcua-secret" ref={inputRef} type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!secret}>{t('panel.unlock')}</button>
      </div>
      {reason && <p role="alert" className="warn">{reason}</p>}
    </form>
  );
}
