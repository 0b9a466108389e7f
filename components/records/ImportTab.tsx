import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { importFieldLabels, importFields, type ImportField } from '@/utils/records/import/columns';
import { commitImport, sha256Hex } from '@/utils/records/import/commit';
import { guessHeader, type HeaderGuess } from '@/utils/records/import/header';
import { buildPreview, defaultDecision, type Decision, type PreviewRow } from '@/utils/records/import/preview';
import { ImportFileError, readTable, type Table } from '@/utils/records/import/read-table';
import type { Person, PersonField } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';
import { differingFields, MergeTable } from './MergeTable';

/** Rows shown in the preview table; the counts cover all of them. */
const previewLimit = 300;

interface Loaded {
  fileName: string;
  fileHash: string;
  table: Table;
  header: HeaderGuess;
  resume: { done: number; total: number } | null;
}

export function ImportTab({ language, store }: { language: Language; store: RecordsStore }) {
  const t = translator(language);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<Array<ImportField | null>>([]);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error' | 'status'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [merging, setMerging] = useState<PreviewRow | null>(null);

  const preview = useMemo(() => {
    if (!loaded) return null;
    return buildPreview(loaded.table, { ...loaded.header, mapping }, (d) =>
      d.personalId ? store.findByPersonalId(d.personalId.value)?.id : d.oldId ? store.findByPersonalId(d.oldId.value)?.id : undefined,
    );
  }, [loaded, mapping, store]);

  const decisionFor = (row: PreviewRow) => decisions.get(row.index) ?? defaultDecision(row);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage({ kind: 'status', text: t('import.reading') });
    setLoaded(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const table = await readTable(file.name, bytes);
      const header = guessHeader(table);
      if (!header) return setMessage({ kind: 'error', text: t('import.noHeader') });
      const fileHash = await sha256Hex(bytes);
      const job = await store.db.importJobs.where('fileHash').equals(fileHash).filter((j) => j.status !== 'done').first();
      setLoaded({ fileName: file.name, fileHash, table, header, resume: job ? { done: job.committedRows, total: job.totalRows } : null });
      setMapping(header.mapping);
      setDecisions(new Map());
      setMessage(null);
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ImportFileError ? e.message : t('import.error', { detail: String(e) }) });
    }
  };

  const commit = async () => {
    if (!loaded || !preview) return;
    setBusy(true);
    try {
      const all = new Map(preview.rows.map((r) => [r.index, decisionFor(r)]));
      const result = await commitImport(store, {
        fileName: loaded.fileName,
        fileHash: loaded.fileHash,
        rows: preview.rows,
        decisions: all,
        onProgress: (done, total) => setMessage({ kind: 'status', text: t('import.progress', { done, total }) }),
      });
      setMessage({ kind: 'ok', text: t('import.done', { written: result.written }) });
      setLoaded(null);
    } catch (e) {
      setMessage({ kind: 'error', text: t('import.error', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <label htmlFor="import-file">{t('import.file')}</label>
      <input id="import-file" type="file" accept=".csv,.txt,.tsv,.xlsx" onChange={(e) => void onFile(e)} />
      <p className="hint">{t('import.hint')}</p>
      {message && (
        <p className={message.kind === 'status' ? '' : message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {loaded && preview && (
        <>
          {loaded.resume && <p className="warn">{t('import.resume', loaded.resume)}</p>}
          <h3>{t('import.mapping')}</h3>
          <table>
            <tbody>
              {loaded.header.labels.map((label, c) => (
                <tr key={c}>
                  <td>{label || `#${c + 1}`}</td>
                  <td>
                    <select
                      aria-label={`${t('import.mapping')}: ${label || c + 1}`}
                      value={mapping[c] ?? 'ignore'}
                      onChange={(e) => setMapping((m) => m.map((f, i) => (i === c ? (e.target.value as ImportField) : f)))}
                    >
                      {importFields.map((f) => (
                        <option key={f} value={f}>{importFieldLabels[f]}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p role="status" data-testid="import-summary">
            {t('import.summary', {
              valid: preview.counts.valid,
              invalid: preview.counts.invalid,
              dupFile: preview.counts['duplicate-in-file'],
              dupExisting: preview.counts['duplicate-existing'],
            })}
          </p>
          <table className="preview">
            <tbody>
              {preview.rows.slice(0, previewLimit).map((row) => (
                <tr key={row.index} data-row={row.index + 1}>
                  <td>{t('import.row', { row: row.index + 1 })}</td>
                  <td>{row.draft?.fullName.value ?? ''}</td>
                  <td className={row.status === 'invalid' ? 'invalid' : row.status.startsWith('duplicate') ? 'dup' : ''}>
                    {t(`import.status.${row.status}`, { row: (row.duplicateOfRow ?? 0) + 1 })}
                    {row.errors.length > 0 && `: ${row.errors.join(' ')}`}
                    {row.notes.length > 0 && <div className="hint">{row.notes.join(' ')}</div>}
                  </td>
                  <td>
                    {row.status === 'duplicate-existing' && (
                      <>
                        <select
                          aria-label={`${t('import.row', { row: row.index + 1 })}: ${t('import.decision.merge')}`}
                          value={decisionFor(row).action}
                          onChange={(e) => setDecisions((d) => new Map(d).set(row.index, { action: e.target.value as 'skip' }))}
                        >
                          {(['skip', 'replace', 'merge'] as const).map((a) => (
                            <option key={a} value={a}>{t(`import.decision.${a}`)}</option>
                          ))}
                        </select>
                        {decisionFor(row).action === 'merge' && (
                          <button type="button" onClick={() => setMerging(row)}>…</button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.rows.length > previewLimit && <p className="hint">{t('import.more', { count: preview.rows.length - previewLimit })}</p>}
          {merging && (
            <MergeDialog
              language={language}
              store={store}
              row={merging}
              decision={decisionFor(merging)}
              onDone={(d) => {
                setDecisions((all) => new Map(all).set(merging.index, d));
                setMerging(null);
              }}
            />
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void commit()}>
              {t('import.commit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function MergeDialog({ language, store, row, decision, onDone }: { language: Language; store: RecordsStore; row: PreviewRow; decision: Decision; onDone: (d: Decision) => void }) {
  const t = translator(language);
  const [existing, setExisting] = useState<Person | null>(null);
  const [fields, setFields] = useState<Partial<Record<PersonField, 'existing' | 'incoming'>>>(decision.action === 'merge' ? (decision.fields ?? {}) : {});
  useEffect(() => void store.get(row.existingId!, { audit: true }).then(setExisting), [store, row.existingId]);
  if (!existing || !row.draft) return null;
  const incoming = row.draft as Record<string, unknown>;
  return (
    <dialog open aria-label={t('import.merge.title')}>
      <h3>{t('import.merge.title')}</h3>
      <MergeTable
        existing={existing}
        incoming={incoming}
        fields={differingFields(existing, incoming)}
        headers={[t('import.merge.existing'), t('import.merge.incoming')]}
        choiceOf={(f) => fields[f] ?? (existing[f] ? 'existing' : 'incoming')}
        onChoose={(f, side) => setFields((x) => ({ ...x, [f]: side }))}
      />
      <button type="button" className="primary" onClick={() => onDone({ action: 'merge', fields })}>OK</button>
    </dialog>
  );
}
