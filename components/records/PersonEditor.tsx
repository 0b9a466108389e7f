import { useEffect, useState, type RefObject } from 'react';
import { translator, type Language } from '@/utils/i18n';
import { kindChoices } from '@/utils/records/field-kinds';
import { citizenFields, noteField, type CitizenFieldSpec } from '@/utils/records/fields';
import { relationSentence, type NamedRelation } from '@/utils/records/editor';
import type { FormValues } from '@/utils/records/form';
import {
  documentKinds,
  relationKinds,
  type DocumentKind,
  type DocumentMeta,
  type Person,
  type PersonField,
  type Provenance,
  type RelationKind,
} from '@/utils/records/schema';
import type { SearchResult } from '@/utils/records/search-index';
import type { RecordsStore } from '@/utils/records/store';
import { stamp } from '@/utils/records/export-file';
import { download } from '@/components/pages/download';
import { usePersonEditor } from '@/components/records/usePersonEditor';

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
  const editor = usePersonEditor(language, store, officerId, personId);
  const { original, status, save } = editor;

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
        values={editor.values}
        original={original}
        showError={editor.showError}
        firstRef={editor.firstRef}
        onTouch={editor.touch}
        onChange={editor.set}
      />
      {editor.warnings.map((w) => (
        <p key={w} className="warn">
          ⚠ {w}
        </p>
      ))}
      <EditorActions language={language} store={store} person={original} onClose={onClose} />
      {status && (
        <p className={status.kind} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {original && (
        <>
          <RelationsSection
            language={language}
            store={store}
            person={original}
            relations={editor.relations}
            onChanged={() => void editor.loadRelations(original.id)}
          />
          <DocumentsSection
            language={language}
            store={store}
            personId={original.id}
            documents={editor.documents}
            onAdded={() => void editor.loadDocuments(original.id)}
          />
        </>
      )}
    </form>
  );
}

/** Save, cancel, and for a saved person the subject's export and the erasure. */
function EditorActions(props: { language: Language; store: RecordsStore; person: Person | null; onClose: () => void }) {
  const { store, person, onClose } = props;
  const t = translator(props.language);
  const erase = async () => {
    if (!person || !confirm(t('edit.eraseConfirm', { name: person.fullName.value }))) return;
    await store.erase(person.id);
    onClose();
  };
  const exportSubject = async () => {
    if (!person) return;
    const data = await store.exportSubject(person.id);
    download(
      new TextEncoder().encode(JSON.stringify(data, null, 2)) as Uint8Array<ArrayBuffer>,
      `du-lieu-ca-nhan-${stamp()}.json`,
      'application/json',
    );
  };
  return (
    <div className="actions">
      <button type="submit" className="primary">
        {t('edit.save')}
      </button>
      <button type="button" onClick={onClose}>
        {t('edit.cancel')}
      </button>
      {person && (
        <button type="button" onClick={() => void exportSubject()}>
          {t('edit.subject')}
        </button>
      )}
      {person && (
        <button type="button" onClick={() => void erase()}>
          {t('edit.erase')}
        </button>
      )}
    </div>
  );
}

function RelationsSection(props: {
  language: Language;
  store: RecordsStore;
  person: Person;
  relations: NamedRelation[];
  onChanged: () => void;
}) {
  const { language, store, person, relations, onChanged } = props;
  const t = translator(language);
  return (
    <>
      <h3>{t('edit.relations')}</h3>
      {relations.length === 0 && <p className="hint">{t('edit.relations.none')}</p>}
      <ul>
        {relations.map((r) => (
          <li key={r.id}>
            {relationSentence(language, r, person)}{' '}
            <button type="button" onClick={() => void store.unlink(r.id).then(onChanged)}>
              {t('edit.relations.remove')}
            </button>
          </li>
        ))}
      </ul>
      <RelationAdder language={language} store={store} person={person} onAdded={onChanged} />
    </>
  );
}

function DocumentsSection(props: {
  language: Language;
  store: RecordsStore;
  personId: string;
  documents: Array<DocumentMeta & { id: string }>;
  onAdded: () => void;
}) {
  const t = translator(props.language);
  return (
    <>
      <h3>{t('edit.documents')}</h3>
      {props.documents.length === 0 ? (
        <p className="hint">{t('edit.documents.none')}</p>
      ) : (
        <ul>
          {props.documents.map((d) => (
            <li key={d.id}>
              {d.fileName} ({t(`doc.kind.${d.kind}`)})
            </li>
          ))}
        </ul>
      )}
      <DocumentAdder language={props.language} store={props.store} personId={props.personId} onAdded={props.onAdded} />
    </>
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
