import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { kindChoices } from '@/utils/records/field-kinds';
import { citizenFields, noteField, type CitizenFieldSpec } from '@/utils/records/fields';
import { checkForm, emptyForm, personToForm, type FormValues } from '@/utils/records/form';
import {
  documentKinds,
  relationKinds,
  type DocumentKind,
  type DocumentMeta,
  type Person,
  type PersonField,
  type Provenance,
  type Relation,
  type RelationKind,
} from '@/utils/records/schema';
import type { SearchResult } from '@/utils/records/search-index';
import type { RecordsStore } from '@/utils/records/store';
import { download, stamp } from '../pages/download';

interface Props {
  language: Language;
  store: RecordsStore;
  officerId: string;
  personId: string | null;
  onClose: () => void;
}

/** The editor's fields, from the one table, then the note. */
const editorFields: ReadonlyArray<
  Pick<CitizenFieldSpec, 'key' | 'label' | 'wide'> & { kind?: CitizenFieldSpec['kind'] }
> = [...citizenFields, { ...noteField, wide: true }];

export function PersonEditor({ language, store, officerId, personId, onClose }: Props) {
  const t = translator(language);
  const [original, setOriginal] = useState<Person | null>(null);
  const [values, setValues] = useState<FormValues>(emptyForm());
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [relations, setRelations] = useState<Array<Relation & { otherName: string }>>([]);
  const [documents, setDocuments] = useState<Array<DocumentMeta & { id: string }>>([]);
  const firstRef = useRef<HTMLInputElement>(null);

  const loadRelations = useCallback(
    async (id: string) => {
      const list = await store.relationsOf(id);
      setRelations(
        await Promise.all(
          list.map(async (r) => {
            const otherId = r.fromId === id ? r.toId : r.fromId;
            return { ...r, otherName: (await store.get(otherId, { audit: false }))?.fullName.value ?? '?' };
          }),
        ),
      );
    },
    [store],
  );

  useEffect(() => {
    if (!personId) {
      firstRef.current?.focus();
      return;
    }
    void (async () => {
      const person = await store.get(personId);
      if (!person) return setStatus({ kind: 'error', text: translator(language)('edit.notFound') });
      setOriginal(person);
      setValues(personToForm(person));
      setDocuments(await store.documentsOf(person.id));
      await loadRelations(person.id);
      firstRef.current?.focus();
    })();
  }, [personId, store, loadRelations, language]);

  const check = checkForm(values, original, officerId, undefined, language);
  const showError = (f: string) => (touched.has(f) || touched.has('*') ? check.errors[f as PersonField] : undefined);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setTouched(new Set(['*']));
    if (!check.person) return setStatus({ kind: 'error', text: t('edit.fixErrors') });
    try {
      const saved = original
        ? await store.update({ ...original, ...check.person } as Person)
        : await store.create(check.person);
      setOriginal(saved);
      setValues(personToForm(saved));
      setStatus({ kind: 'ok', text: t('edit.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('error.unknown', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const erase = async () => {
    if (!original || !confirm(t('edit.eraseConfirm', { name: original.fullName.value }))) return;
    await store.erase(original.id);
    onClose();
  };

  const exportSubject = async () => {
    if (!original) return;
    const data = await store.exportSubject(original.id);
    download(
      new TextEncoder().encode(JSON.stringify(data, null, 2)) as Uint8Array<ArrayBuffer>,
      `du-lieu-ca-nhan-${stamp()}.json`,
      'application/json',
    );
  };

  const set = (f: PersonField | 'note', v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setStatus(null);
  };

  return (
    <form
      className="editor"
      aria-label={original ? t('edit.title') : t('edit.title.new')}
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <h2>{original ? `${t('edit.title')}: ${original.fullName.value}` : t('edit.title.new')}</h2>
      <FieldGrid
        language={language}
        values={values}
        original={original}
        showError={showError}
        firstRef={firstRef}
        onTouch={(f) => setTouched((s) => new Set(s).add(f))}
        onChange={set}
      />
      {check.warnings.map((w) => (
        <p key={w} className="warn">
          ⚠ {w}
        </p>
      ))}
      <div className="actions">
        <button type="submit" className="primary">
          {t('edit.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('edit.cancel')}
        </button>
        {original && (
          <button type="button" onClick={() => void exportSubject()}>
            {t('edit.subject')}
          </button>
        )}
        {original && (
          <button type="button" onClick={() => void erase()}>
            {t('edit.erase')}
          </button>
        )}
      </div>
      {status && (
        <p className={status.kind} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {original && (
        <>
          <h3>{t('edit.relations')}</h3>
          {relations.length === 0 && <p className="hint">{t('edit.relations.none')}</p>}
          <ul>
            {relations.map((r) => (
              <li key={r.id}>
                {r.fromId === original.id
                  ? `${r.otherName} ${t('relation.of', { kind: t(`relation.${r.kind}` as 'relation.father').toLocaleLowerCase('vi') })} ${original.fullName.value}`
                  : `${original.fullName.value} ${t('relation.of', { kind: t(`relation.${r.kind}` as 'relation.father').toLocaleLowerCase('vi') })} ${r.otherName}`}{' '}
                <button type="button" onClick={() => void store.unlink(r.id).then(() => loadRelations(original.id))}>
                  {t('edit.relations.remove')}
                </button>
              </li>
            ))}
          </ul>
          <RelationAdder
            language={language}
            store={store}
            person={original}
            onAdded={() => void loadRelations(original.id)}
          />
          <h3>{t('edit.documents')}</h3>
          {documents.length === 0 ? (
            <p className="hint">{t('edit.documents.none')}</p>
          ) : (
            <ul>
              {documents.map((d) => (
                <li key={d.id}>
                  {d.fileName} ({t(`doc.kind.${d.kind}`)})
                </li>
              ))}
            </ul>
          )}
          <DocumentAdder
            language={language}
            store={store}
            personId={original.id}
            onAdded={() => void store.documentsOf(original.id).then(setDocuments)}
          />
        </>
      )}
    </form>
  );
}

/** A scan kept with the person, sealed like the record (the capture page adds them too). */
function DocumentAdder({
  language,
  store,
  personId,
  onAdded,
}: {
  language: Language;
  store: RecordsStore;
  personId: string;
  onAdded: () => void;
}) {
  const t = translator(language);
  const [kind, setKind] = useState<DocumentKind>('id-front');
  const [error, setError] = useState<string | null>(null);
  const add = async (file: File) => {
    if (!/^(image\/(jpeg|png|webp)|application\/pdf)$/.test(file.type)) return setError(t('doc.badType'));
    if (file.size > maxDocumentBytes) return setError(t('doc.tooBig'));
    setError(null);
    await store.addDocument(
      personId,
      {
        kind,
        fileName: file.name,
        mimeType: file.type,
        ocrText: '',
        extracted: {},
        capturedAt: new Date().toISOString(),
      },
      new Uint8Array(await file.arrayBuffer()),
    );
    onAdded();
  };
  return (
    <div className="doc-adder">
      <label htmlFor="doc-kind">{t('doc.kind')}</label>
      <select id="doc-kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
        {documentKinds.map((k) => (
          <option key={k} value={k}>
            {t(`doc.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="doc-file">{t('doc.add')}</label>
      <input
        id="doc-file"
        type="file"
        accept="image/jpeg,image/png,image/webp,application/pdf"
        onChange={(e) => e.target.files?.[0] && void add(e.target.files[0])}
      />
      {error && <p role="alert">{error}</p>}
    </div>
  );
}

/** Scans bigger than this are refused (a phone photo is 2–8 MB; the portals take 2 MB, compressed on attaching). */
const maxDocumentBytes = 40 * 1024 * 1024;

function RelationAdder({
  language,
  store,
  person,
  onAdded,
}: {
  language: Language;
  store: RecordsStore;
  person: Person;
  onAdded: () => void;
}) {
  const t = translator(language);
  const [kind, setKind] = useState<RelationKind>('father');
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResult[]>([]);
  useEffect(() => {
    if (!query.trim()) return setHits([]);
    void store.search(query, 8).then((r) => setHits(r.filter((h) => h.id !== person.id)));
  }, [query, store, person.id]);
  return (
    <fieldset>
      <legend>{t('edit.relations.add')}</legend>
      <label htmlFor="rel-kind">{t('edit.relations.kind')}</label>
      <select id="rel-kind" value={kind} onChange={(e) => setKind(e.target.value as RelationKind)}>
        {relationKinds.map((k) => (
          <option key={k} value={k}>
            {t(`relation.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="rel-person">{t('edit.relations.person')}</label>
      <input id="rel-person" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      <ul>
        {hits.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              onClick={() =>
                void store.link(person.id, kind, h.id).then(() => {
                  setQuery('');
                  onAdded();
                })
              }
            >
              {t(`relation.${kind}`)}: {h.name} {h.dob ? `(${h.dob})` : ''}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function FieldGrid(props: {
  language: Language;
  values: FormValues;
  original: Person | null;
  showError: (f: string) => string | undefined;
  firstRef: RefObject<HTMLInputElement | null>;
  onTouch: (f: PersonField | 'note') => void;
  onChange: (f: PersonField | 'note', value: string) => void;
}) {
  const { language, values, original, showError, firstRef, onTouch, onChange } = props;
  const t = translator(language);
  return (
    <div className="grid">
      {editorFields.map((spec, i) => {
        const f = spec.key as PersonField | 'note';
        const id = `f-${f}`;
        const error = showError(f);
        const prov = original && f !== 'note' ? (original[f] as { prov: Provenance } | undefined)?.prov : undefined;
        const common = {
          id,
          value: values[f],
          'aria-invalid': Boolean(error),
          'aria-describedby': error ? `${id}-error` : undefined,
          onBlur: () => onTouch(f),
        };
        const choices = spec.kind ? kindChoices(spec.kind) : null;
        const control = choices ? (
          <select {...common} onChange={(e) => onChange(f, e.target.value)}>
            <option value="">—</option>
            {choices.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            ref={i === 0 ? firstRef : undefined}
            placeholder={spec.kind === 'date' ? 'dd/mm/yyyy' : undefined}
            inputMode={
              spec.kind === 'personalId' || spec.kind === 'oldId' || spec.kind === 'phone' ? 'numeric' : undefined
            }
            onChange={(e) => onChange(f, e.target.value)}
          />
        );
        return (
          <div key={f} style={spec.wide ? { gridColumn: '1 / -1' } : undefined}>
            <label htmlFor={id}>{t(spec.label)}</label>
            {control}
            {error && (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error}
              </p>
            )}
            {prov && (
              <p className="hint">
                {t('edit.source', { source: t(`source.${prov.source}`) })}
                {prov.notes.length > 0 ? ` — ${prov.notes.join(' ')}` : ''}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
