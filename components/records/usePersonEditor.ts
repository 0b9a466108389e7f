import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { sayError, translator, type Language } from '@/utils/i18n';
import { namedRelations, saveEdited, type NamedRelation } from '@/utils/records/editor';
import { checkForm, emptyForm, personToForm, type FormValues } from '@/utils/records/form';
import type { DocumentMeta, Person, PersonField } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';

export type EditorStatus = { kind: 'ok' | 'error'; text: string };

/** The person being edited: loaded, checked as typed, saved; its relations and documents beside it. */
export function usePersonEditor(language: Language, store: RecordsStore, officerId: string, personId: string | null) {
  const t = translator(language);
  const [original, setOriginal] = useState<Person | null>(null);
  const [values, setValues] = useState<FormValues>(emptyForm());
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<EditorStatus | null>(null);
  const [relations, setRelations] = useState<NamedRelation[]>([]);
  const [documents, setDocuments] = useState<Array<DocumentMeta & { id: string }>>([]);
  const firstRef = useRef<HTMLInputElement>(null);

  const loadRelations = useCallback(async (id: string) => setRelations(await namedRelations(store, id)), [store]);
  const loadDocuments = useCallback(async (id: string) => setDocuments(await store.documentsOf(id)), [store]);

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
      await loadDocuments(person.id);
      await loadRelations(person.id);
      firstRef.current?.focus();
    })();
  }, [personId, store, loadRelations, loadDocuments, language]);

  const check = checkForm(values, original, officerId, undefined, language);
  const showError = (f: string) => (touched.has(f) || touched.has('*') ? check.errors[f as PersonField] : undefined);

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    setTouched(new Set(['*']));
    if (!check.person) return setStatus({ kind: 'error', text: t('edit.fixErrors') });
    try {
      const saved = await saveEdited(store, original, check.person);
      setOriginal(saved);
      setValues(personToForm(saved));
      setStatus({ kind: 'ok', text: t('edit.saved') });
    } catch (e) {
      setStatus({ kind: 'error', text: t('error.unknown', { detail: sayError(language, e) }) });
    }
  };

  const set = (f: PersonField | 'note', v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setStatus(null);
  };
  const touch = (f: string) => setTouched((s) => new Set(s).add(f));

  return {
    original,
    values,
    status,
    relations,
    documents,
    firstRef,
    warnings: check.warnings,
    showError,
    save,
    set,
    touch,
    loadRelations,
    loadDocuments,
  };
}
