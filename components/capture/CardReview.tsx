import { useEffect, useRef, useState } from 'react';
import { mapAddress, type MappedAddress } from '@/utils/background/address-mapping';
import { toJpeg } from '@/utils/capture/engines/load';
import type { Review, ReviewField, ReviewFieldName } from '@/utils/capture/fuse';
import { translator, type Language } from '@/utils/i18n';
import { checkForm, emptyForm, formFieldLabels, type FormValues } from '@/utils/records/form';
import { mergePerson } from '@/utils/records/import/preview';
import { personFields, type Person, type PersonField, type Provenance } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';
import { addressFromText } from '@/utils/vn/admin-units';
import { parseDate } from '@/utils/vn/dates';
import { differingFields, MergeTable, type MergeChoice } from '@/components/records/MergeTable';
import type { Shot } from './CaptureApp';

export type CaptureValues = Partial<Record<PersonField | 'note' | 'expiry', string>>;

/** Review field → the person form's field (the card's expiry is shown, not stored in the person). */
const formFieldOf: Partial<Record<ReviewFieldName, PersonField>> = {
  fullName: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  personalId: 'personalId',
  oldId: 'oldId',
  nationality: 'nationality',
  hometown: 'hometown',
  placeOfBirth: 'placeOfBirth',
  permanentAddress: 'permanentAddress',
  idIssueDate: 'idIssueDate',
  idIssuePlace: 'idIssuePlace',
};

export function reviewToValues(review: Review): CaptureValues {
  const out: CaptureValues = {};
  for (const [name, field] of Object.entries(review) as Array<[ReviewFieldName, ReviewField]>) {
    const form = formFieldOf[name];
    if (form) out[form] = field.value;
    else if (name === 'expiry') out.expiry = field.value;
  }
  return out;
}

function reviewFor(review: Review, field: PersonField): ReviewField | undefined {
  const name = (Object.entries(formFieldOf) as Array<[ReviewFieldName, PersonField]>).find(([, f]) => f === field)?.[0];
  return name ? review[name] : undefined;
}

/** The person as captured, each field with its source and confidence, verified by the officer who saves it. */
function capturedPerson(review: Review, officerId: string, now: Date): Person {
  const at = now.toISOString();
  const person: Record<string, unknown> = { id: 'capture', createdAt: at, updatedAt: at, note: '' };
  for (const [name, field] of Object.entries(review) as Array<[ReviewFieldName, ReviewField]>) {
    const form = formFieldOf[name];
    if (!form) continue;
    const prov: Provenance = { source: field.source, confidence: field.confidence, at, verifiedBy: officerId, verifiedAt: at, notes: field.notes };
    let value: unknown = field.value;
    if (form === 'birthDate' || form === 'idIssueDate') {
      const parsed = parseDate(field.value);
      if (!parsed.ok) continue;
      value = parsed.date;
    }
    if (form === 'permanentAddress') value = addressFromText(field.value);
    person[form] = { value, prov };
  }
  return person as unknown as Person;
}

const shownFields: Array<PersonField | 'note'> = [...personFields, 'note'];

export function CardReview(props: {
  language: Language;
  store: RecordsStore;
  officerId: string;
  shots: Shot[];
  review: Review;
  values: CaptureValues;
  onChange: (field: PersonField | 'note', value: string) => void;
  onSaved: () => void;
  onReset: () => void;
}) {
  const { language, store, officerId, shots, review, values, onChange } = props;
  const t = translator(language);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [warnings, setWarnings] = useState<string[]>([]);
  const [merging, setMerging] = useState<{ existing: Person; draft: Omit<Person, 'id' | 'createdAt' | 'updatedAt'> } | null>(null);
  const [saved, setSaved] = useState('');
  // A new capture replaces the last "saved" notice.
  useEffect(() => {
    if (shots.length) setSaved('');
  }, [shots.length]);
  const [mapped, setMapped] = useState<MappedAddress | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const firstUncertain = useRef<string | null>(null);

  // The residence as written and mapped to its 2025 ward and province.
  const residence = values.permanentAddress ?? '';
  useEffect(() => {
    if (!residence) return setMapped(null);
    let live = true;
    void mapAddress(addressFromText(residence)).then((m) => live && setMapped(m));
    return () => {
      live = false;
    };
  }, [residence]);

  // Keyboard first: once a reading arrives, the cursor goes to the first field that needs a look.
  useEffect(() => {
    const first = shownFields.find((f) => f !== 'note' && reviewFor(review, f)?.uncertain);
    if (!first || first === firstUncertain.current) return;
    firstUncertain.current = first;
    form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }, [review]);

  if (shots.length === 0 && Object.values(values).every((v) => !v))
    return (
      <>
        {saved && <p role="status">{saved}</p>}
        <p className="hint">{t('capture.empty')}</p>
      </>
    );

  const save = async () => {
    const now = new Date();
    const original = capturedPerson(review, officerId, now);
    const formValues: FormValues = { ...emptyForm(), ...Object.fromEntries(Object.entries(values).filter(([k]) => k !== 'expiry')) };
    const check = checkForm(formValues, original, officerId, now);
    setErrors(check.errors);
    setWarnings(check.warnings);
    if (!check.person) return;
    const existing = check.person.personalId ? store.findByPersonalId(check.person.personalId.value) : undefined;
    if (existing) {
      const person = await store.get(existing.id, { audit: true });
      if (person) return setMerging({ existing: person, draft: check.person });
    }
    const person = await store.create(check.person, now);
    await finish(person);
  };

  const finish = async (person: Person) => {
    for (const shot of shots) {
      if (!shot.raster) continue;
      const side = shot.result?.reading?.side;
      await store.addDocument(
        person.id,
        {
          kind: side === 'front' ? 'id-front' : side === 'back' ? 'id-back' : 'other',
          fileName: shot.label,
          mimeType: 'image/jpeg',
          ocrText: shot.result?.ocrText ?? '',
          extracted: Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>,
          capturedAt: new Date().toISOString(),
        },
        await toJpeg(shot.raster, 0.85),
      );
    }
    setMerging(null);
    setSaved(t('capture.saved', { name: person.fullName.value, count: shots.filter((s) => s.raster).length }));
    props.onSaved();
  };

  return (
    <section className="capture-review">
      <div className="shots">
        {shots.map((s) => (
          <figure key={s.id}>
            {s.preview ? <img src={s.preview} alt={s.label} /> : <div className="wedge-shot">⌨ {s.label}</div>}
            <figcaption>
              {s.label}
              {s.result?.reading?.side && ` · ${t(`capture.side.${s.result.reading.side}`)}`}
              {s.result?.reading?.model && ` · ${t(`capture.model.${s.result.reading.model}`)}`}
              {s.result?.qr?.kind === 'citizen-id' && ` · ${t('capture.qr.read')}`}
            </figcaption>
          </figure>
        ))}
      </div>
      <form
        ref={form}
        className="editor"
        aria-label={t('capture.review')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          // Enter moves to the next field (the counter's habit); Ctrl+Enter saves.
          if (e.key !== 'Enter' || (e.target as HTMLElement).tagName === 'TEXTAREA') return;
          e.preventDefault();
          if (e.ctrlKey || e.metaKey) return void save();
          const inputs = [...(form.current?.querySelectorAll<HTMLInputElement>('input, select') ?? [])];
          inputs[inputs.indexOf(e.target as HTMLInputElement) + 1]?.focus();
        }}
      >
        {saved && <p role="status">{saved}</p>}
        <div className="grid">
          {shownFields.map((f) => {
            const r = f === 'note' ? undefined : reviewFor(review, f);
            const id = `capture-${f}`;
            return (
              <div key={f} className={`field${r?.uncertain ? ' uncertain' : ''}`} data-source={r?.source}>
                <label htmlFor={id}>{formFieldLabels[f]}</label>
                {r && (
                  <span className={`source source-${r.source}`} title={t('capture.confidence')} data-testid={`source-${f}`}>
                    {t(`capture.source.${r.source}`)} · {Math.round(r.confidence * 100)}%{r.uncertain ? ` · ${t('capture.check')}` : ''}
                  </span>
                )}
                {f === 'sex' ? (
                  <select id={id} name={f} value={values[f] ?? ''} onChange={(e) => onChange(f, e.target.value)}>
                    <option value="" />
                    <option value="Nam">Nam</option>
                    <option value="Nữ">Nữ</option>
                  </select>
                ) : (
                  <input id={id} name={f} value={values[f] ?? ''} aria-invalid={errors[f] ? true : undefined} aria-describedby={r?.notes.length ? `${id}-notes` : undefined} onChange={(e) => onChange(f, e.target.value)} />
                )}
                {errors[f] && <p className="field-error">{errors[f]}</p>}
                {r && r.notes.length > 0 && (
                  <ul id={`${id}-notes`} className="notes">
                    {r.notes.map((n, i) => <li key={i}>{n}</li>)}
                  </ul>
                )}
                {f === 'permanentAddress' && mapped && (
                  <p className="hint" data-testid="address-2025">
                    {mapped.candidates.length
                      ? t('capture.address2025', { units: mapped.candidates.map((c) => `${c.wardName}, ${c.provinceName}`).join(' / ') })
                      : mapped.reason}
                  </p>
                )}
              </div>
            );
          })}
          {values.expiry && (
            <div className={`field${review.expiry?.uncertain ? ' uncertain' : ''}`}>
              <label htmlFor="capture-expiry">{t('capture.expiry')}</label>
              <input id="capture-expiry" readOnly value={values.expiry} />
              {review.expiry?.notes.length ? <ul className="notes">{review.expiry.notes.map((n, i) => <li key={i}>{n}</li>)}</ul> : null}
            </div>
          )}
        </div>
        {warnings.length > 0 && <p className="warn">{warnings.join(' ')}</p>}
        <div className="actions">
          <button type="submit" className="primary">{t('capture.save')}</button>
          <button type="button" onClick={props.onReset}>{t('capture.reset')}</button>
          <span className="hint">{t('capture.keys')}</span>
        </div>
      </form>
      {merging && <MergeDialog language={language} existing={merging.existing} draft={merging.draft} onCancel={() => setMerging(null)} onMerge={async (choices) => finish(await store.update(mergePerson(merging.existing, merging.draft, choices)))} />}
    </section>
  );
}


/** The ID is already on record: field by field, the officer keeps the stored value or takes the card's. */
function MergeDialog({ language, existing, draft, onCancel, onMerge }: { language: Language; existing: Person; draft: Omit<Person, 'id' | 'createdAt' | 'updatedAt'>; onCancel: () => void; onMerge: (choices: Partial<Record<PersonField, 'existing' | 'incoming'>>) => Promise<void> }) {
  const t = translator(language);
  const incoming = draft as Record<string, unknown>;
  const differing = differingFields(existing, incoming);
  // The card is the fresher source: it wins by default where it differs.
  const [choices, setChoices] = useState<Partial<Record<PersonField, MergeChoice>>>({});
  // Modal, in the middle of the screen: "Lưu" sits at the foot of a long form, where an inline dialog opened off-screen.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-label={t('capture.merge.title')} onClose={onCancel}>
      <h3>{t('capture.merge.title')}</h3>
      <p>{t('capture.merge.intro', { name: existing.fullName.value })}</p>
      {differing.length === 0 ? (
        <p>{t('capture.merge.same')}</p>
      ) : (
        <MergeTable
          existing={existing}
          incoming={incoming}
          fields={differing}
          headers={[t('import.merge.existing'), t('capture.merge.card')]}
          choiceOf={(f) => choices[f] ?? 'incoming'}
          onChoose={(f, side) => setChoices((c) => ({ ...c, [f]: side }))}
        />
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void onMerge({ ...Object.fromEntries(differing.map((f) => [f, 'incoming'])), ...choices })}>{t('capture.merge.save')}</button>
        <button type="button" onClick={onCancel}>{t('capture.merge.cancel')}</button>
      </div>
    </dialog>
  );
}
