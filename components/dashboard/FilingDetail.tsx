import { useEffect, useRef, useState } from 'react';
import { type FilingEntry, type FilingPeople, type FilingView, statusLabels } from '@/utils/db/filing-schema';
import { roleName } from '@/utils/filings/dashboard';
import type { FilingLog } from '@/utils/filings/log';
import { vnDateTime } from '@/utils/filings/view';
import type { Translate } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';

type Step = { entry: FilingEntry; people: FilingPeople | null };

/** A modal in the middle of the screen: the row that opened it may sit anywhere in a 100,000-row table. */
export function FilingDetail({
  t,
  log,
  store,
  entry,
  counterName,
  onClose,
}: {
  t: Translate;
  log: FilingLog;
  store: RecordsStore;
  entry: FilingView;
  counterName: (id: string) => string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [history, setHistory] = useState<Step[]>([]);
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
