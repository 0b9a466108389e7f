import { useEffect, useState } from 'react';
import { toJpeg } from '@/utils/capture/engines/load';
import { type PaperPage, savePapers, withPageText } from '@/utils/capture/papers';
import { translator, type Language, type Translate } from '@/utils/i18n';
import { documentKinds, type DocumentKind } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';
import type { SearchResult } from '@/utils/records/search-index';

/**
 * Any paper (birth notice, death notice, an old household book): its text beside the image, to copy fields
 * from, and kept with a person as an encrypted document.
 */
export function DocumentMode({
  language,
  store,
  documents,
  onChange,
  onSaved,
}: {
  language: Language;
  store: RecordsStore;
  documents: PaperPage[];
  onChange: (d: PaperPage[]) => void;
  onSaved: () => void;
}) {
  const t = translator(language);
  const target = useDocumentTarget(store);
  const [saved, setSaved] = useState('');
  if (documents.length === 0) return <p className="hint">{saved || t('capture.document.empty')}</p>;
  const save = async () => {
    const { person, kind } = target;
    if (!person) return;
    const count = await savePapers(store, person.id, kind, documents, (raster) => toJpeg(raster, 0.85));
    setSaved(t('capture.document.saved', { count, name: person.name }));
    onSaved();
  };
  return (
    <section className="capture-review">
      {documents.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pages are only ever appended, in the order scanned
        <div key={i} className="document">
          <img src={d.preview} alt={d.label} />
          <label>
            {t('capture.document.text')} — {d.label}
            <textarea rows={14} value={d.text} onChange={(e) => onChange(withPageText(documents, i, e.target.value))} />
          </label>
        </div>
      ))}
      <DocumentTarget t={t} target={target} onSave={() => void save()} />
    </section>
  );
}

/** The kind of paper and the person it belongs to, found by search; kept while pages come and go. */
function useDocumentTarget(store: RecordsStore) {
  const [kind, setKind] = useState<DocumentKind>('birth-certificate');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [person, setPerson] = useState<SearchResult | null>(null);
  useEffect(() => {
    if (!query.trim()) return setResults([]);
    void store.search(query, 8).then(setResults);
  }, [query, store]);
  return { kind, setKind, query, setQuery, results, person, setPerson };
}

function DocumentTarget({
  t,
  target,
  onSave,
}: {
  t: Translate;
  target: ReturnType<typeof useDocumentTarget>;
  onSave: () => void;
}) {
  const { kind, setKind, query, setQuery, results, person, setPerson } = target;
  return (
    <div className="editor">
      <label>
        {t('capture.document.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
          {documentKinds.map((k) => (
            <option key={k} value={k}>
              {t(`doc.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('capture.document.person')}
        <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('capture.document.search')} />
      </label>
      <ul className="results">
        {results.map((r) => (
          <li key={r.id}>
            <label>
              <input type="radio" name="document-person" checked={person?.id === r.id} onChange={() => setPerson(r)} />{' '}
              {r.name} {r.dob ? `(${r.dob})` : ''} {r.maskedId ?? ''}
            </label>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" disabled={!person} onClick={onSave}>
          {t('capture.document.save')}
        </button>
      </div>
    </div>
  );
}
