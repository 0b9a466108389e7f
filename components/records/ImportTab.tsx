import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { importFieldLabel, importFields, type ImportField } from '@/utils/records/import/columns';
import type { Decision, PreviewRow } from '@/utils/records/import/preview';
import type { ImportPhase, ImportSession, ImportState } from '@/utils/records/import/session';
import { sayReason, type Reason } from '@/utils/records/reason';
import type { Person, PersonField } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';
import { differingFields, MergeTable } from '@/components/records/MergeTable';
import { useImportSession } from '@/components/records/useImportSession';

/** Estimated height of a preview row before it is measured (rows with notes grow). */
const rowEstimate = 36;

export function ImportTab({ language, store }: { language: Language; store: RecordsStore }) {
  const t = translator(language);
  const { session, state } = useImportSession(store);
  const [merging, setMerging] = useState<PreviewRow | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await session.open(file.name, new Uint8Array(await file.arrayBuffer()));
  };
  const blocker = session.blocker();
  const { loaded, preview } = state;
  return (
    <section>
      <label htmlFor="import-file">{t('import.file')}</label>
      <input id="import-file" type="file" accept=".csv,.txt,.tsv,.xlsx" onChange={(e) => void onFile(e)} />
      <p className="hint">{t('import.hint')}</p>
      <PhaseLine language={language} phase={state.phase} />
      {state.message && <Message language={language} kind={state.message.kind} reasons={state.message.reasons} />}
      {loaded && preview && (
        <>
          {loaded.resume && (
            <p className="warn">{t('import.resume', { done: loaded.resume.done, total: loaded.resume.total })}</p>
          )}
          <MappingTable
            language={language}
            labels={loaded.header.labels}
            mapping={state.mapping}
            onChange={(c, f) => void session.remap(c, f)}
          />
          <p role="status" data-testid="import-summary">
            {t('import.summary', {
              valid: preview.counts.valid,
              invalid: preview.counts.invalid,
              dupFile: preview.counts['duplicate-in-file'],
              dupExisting: preview.counts['duplicate-existing'],
            })}
          </p>
          {preview.notices.map((n) => (
            <p key={n.key + JSON.stringify(n.params)} className="hint">
              {sayReason(n, language)}
            </p>
          ))}
          <PreviewTable language={language} session={session} state={state} onMerge={setMerging} />
          {merging && (
            <MergeDialog
              language={language}
              store={store}
              row={merging}
              decision={session.decisionFor(merging)}
              onDone={(d) => {
                session.decide(merging, d);
                setMerging(null);
              }}
            />
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={blocker !== null || state.phase.kind !== 'ready'}
              aria-describedby={blocker ? 'import-blocker' : undefined}
              onClick={() => void session.commit()}
            >
              {t('import.commit')}
            </button>
          </div>
          {blocker && (
            <p id="import-blocker" className="warn" data-testid="import-blocker">
              {sayReason(blocker, language)}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Message({ language, kind, reasons }: { language: Language; kind: 'ok' | 'error'; reasons: Reason[] }) {
  return (
    <p className={kind} role={kind === 'error' ? 'alert' : 'status'}>
      {reasons.map((r) => sayReason(r, language)).join(' ')}
    </p>
  );
}

/** What the import is doing now, with real counts: reading, unpacking, checking rows, writing, or waiting for another tab. */
function PhaseLine({ language, phase }: { language: Language; phase: ImportPhase }) {
  const t = translator(language);
  if (phase.kind === 'idle' || phase.kind === 'ready') return null;
  let text: string;
  if (phase.kind === 'committing')
    text = phase.waiting ? t('import.waiting') : t('import.progress', { done: phase.done, total: phase.total });
  else if (phase.stage === 'unpack' || phase.stage === 'sheet')
    text = t(`import.stage.${phase.stage}`, {
      percent: phase.total ? Math.floor((phase.done / phase.total) * 100) : 0,
    });
  else text = t(`import.stage.${phase.stage}`, { done: phase.done, total: phase.total });
  const value = phase.total ? phase.done / phase.total : undefined;
  return (
    <div role="status" data-testid="import-progress">
      <progress max={1} value={value} aria-label={text} /> {text}
    </div>
  );
}

function MappingTable({
  language,
  labels,
  mapping,
  onChange,
}: {
  language: Language;
  labels: string[];
  mapping: Array<ImportField | null>;
  onChange: (column: number, field: ImportField) => void;
}) {
  const t = translator(language);
  return (
    <>
      <h3>{t('import.mapping')}</h3>
      <table>
        <tbody>
          {labels.map((label, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns of one file are fixed; the index is the column
            <tr key={c}>
              <td>{label || `#${c + 1}`}</td>
              <td>
                <select
                  aria-label={`${t('import.mapping')}: ${label || c + 1}`}
                  value={mapping[c] ?? 'ignore'}
                  onChange={(e) => onChange(c, e.target.value as ImportField)}
                >
                  {importFields.map((f) => (
                    <option key={f} value={f}>
                      {importFieldLabel(f, language)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Every row of the file, virtualised: only the rows in view are in the page. */
function PreviewTable({
  language,
  session,
  state,
  onMerge,
}: {
  language: Language;
  session: ImportSession;
  state: ImportState;
  onMerge: (row: PreviewRow) => void;
}) {
  const t = translator(language);
  const rows = state.preview!.rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowEstimate,
    overscan: 10,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="preview-scroll" ref={scrollRef} data-testid="import-preview">
      <table className="preview">
        <thead>
          <tr>
            <th>{t('import.col.row')}</th>
            <th>{t('import.col.name')}</th>
            <th>{t('import.col.status')}</th>
            <th>{t('import.col.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr className="spacer" style={{ height: top }} />}
          {items.map((item) => (
            <PreviewLine
              key={rows[item.index]!.index}
              language={language}
              session={session}
              row={rows[item.index]!}
              index={item.index}
              measure={virtual.measureElement}
              onMerge={onMerge}
            />
          ))}
          {bottom > 0 && <tr className="spacer" style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}

function statusText(language: Language, session: ImportSession, row: PreviewRow): string {
  const t = translator(language);
  if (session.writtenBefore(row)) return t('import.writtenBefore');
  const status = t(`import.status.${row.status}`, { row: (row.duplicateOfRow ?? 0) + 1 });
  return row.errors.length > 0 ? `${status}: ${row.errors.map((e) => sayReason(e, language)).join(' ')}` : status;
}

function linkText(language: Language, row: PreviewRow): string {
  const t = translator(language);
  return row.links
    .map(
      (l) =>
        `${t('import.link.planned', { kind: t(`relation.${l.kind}`), name: l.name })} (${'row' in l.target ? t('import.link.row', { row: l.target.row + 1 }) : t('import.link.record')})`,
    )
    .join(' · ');
}

function PreviewLine(props: {
  language: Language;
  session: ImportSession;
  row: PreviewRow;
  index: number;
  measure: (el: Element | null) => void;
  onMerge: (row: PreviewRow) => void;
}) {
  const { language, session, row, index, measure, onMerge } = props;
  const t = translator(language);
  const decision = session.decisionFor(row);
  const label = t('import.row', { row: row.index + 1 });
  return (
    <tr data-row={row.index + 1} data-index={index} ref={measure}>
      <td>{label}</td>
      <td>{row.name}</td>
      <td className={row.status === 'invalid' ? 'invalid' : row.status.startsWith('duplicate') ? 'dup' : ''}>
        {statusText(language, session, row)}
        {row.links.length > 0 && (
          <div className="hint">
            {t('import.links')}: {linkText(language, row)}
          </div>
        )}
        {row.notes.length > 0 && <div className="hint">{row.notes.map((n) => sayReason(n, language)).join(' ')}</div>}
      </td>
      <td>
        {row.status === 'duplicate-existing' && !session.writtenBefore(row) && (
          <>
            <select
              aria-label={`${label}: ${t('import.decision.merge')}`}
              value={decision.action}
              onChange={(e) => session.decide(row, { action: e.target.value as 'skip' })}
            >
              {(['skip', 'replace', 'merge'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`import.decision.${a}`)}
                </option>
              ))}
            </select>
            {decision.action === 'merge' && (
              <button type="button" aria-label={`${label}: ${t('import.merge.title')}`} onClick={() => onMerge(row)}>
                …
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function MergeDialog({
  language,
  store,
  row,
  decision,
  onDone,
}: {
  language: Language;
  store: RecordsStore;
  row: PreviewRow;
  decision: Decision;
  onDone: (d: Decision) => void;
}) {
  const t = translator(language);
  const [existing, setExisting] = useState<Person | null>(null);
  const [fields, setFields] = useState<Partial<Record<PersonField, 'existing' | 'incoming'>>>(
    decision.action === 'merge' ? (decision.fields ?? {}) : {},
  );
  useEffect(() => void store.get(row.existingId!, { audit: true }).then(setExisting), [store, row.existingId]);
  if (!existing || !row.draft) return null;
  const incoming = row.draft as Record<string, unknown>;
  return (
    <dialog open aria-label={t('import.merge.title')}>
      <h3>{t('import.merge.title')}</h3>
      <MergeTable
        language={language}
        existing={existing}
        incoming={incoming}
        fields={differingFields(existing, incoming)}
        headers={[t('import.merge.existing'), t('import.merge.incoming')]}
        choiceOf={(f) => fields[f] ?? (existing[f] ? 'existing' : 'incoming')}
        onChoose={(f, side) => setFields((x) => ({ ...x, [f]: side }))}
      />
      <button type="button" className="primary" onClick={() => onDone({ action: 'merge', fields })}>
        OK
      </button>
    </dialog>
  );
}
