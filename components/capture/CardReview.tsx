import { useEffect, useRef, useState } from 'react';
import { mapAddress, type MappedAddress } from '@/utils/background/address-mapping';
import { toJpeg } from '@/utils/capture/engines/load';
import type { Quad } from '@/utils/capture/image';
import {
  completeMerge,
  reviewFor,
  reviewNameOf,
  saveCapture,
  type CaptureValues,
  type Reviewed,
  type SaveInput,
  type SaveStep,
  type Shot,
} from '@/utils/capture/intake';
import { translator, type Language } from '@/utils/i18n';
import { personFields, type PersonField } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';
import { addressFromText } from '@/utils/vn/admin-units';
import { MrzPanel, QrPanel } from '@/components/capture/CardPanels';
import { MergeDialog } from '@/components/capture/MergeDialog';
import { FieldRow } from '@/components/capture/ReviewFields';
import { ShotList } from '@/components/capture/ShotList';

const shownFields: Array<PersonField | 'note'> = [...personFields, 'note'];
type Translate = ReturnType<typeof translator>;

export interface CardReviewProps {
  language: Language;
  store: RecordsStore;
  officerId: string;
  shots: Shot[];
  reviewed: Reviewed;
  values: CaptureValues;
  /** A photo is being read: the empty page's hint gives way to the progress. */
  busy: boolean;
  mrzLines: string[] | null;
  onMrz: (lines: string[]) => void;
  onChange: (field: PersonField | 'note', value: string) => void;
  onRescan: (id: string, quad: Quad) => void;
  onSaved: () => void;
  onReset: () => void;
}

/** The review: the shots beside every field of the person, the card's MRZ and QR text, and "Lưu". */
export function CardReview(props: CardReviewProps) {
  const { language, shots, reviewed, values, onChange } = props;
  const t = translator(language);
  const form = useRef<HTMLFormElement>(null);
  const { step, setStep, saved, save, done, input } = useCardSave(props, t);
  useFirstUncertain(form, reviewed);

  if (shots.length === 0 && Object.values(values).every((v) => !v))
    return <>{saved ? <p role="status">{saved}</p> : !props.busy && <p className="hint">{t('capture.empty')}</p>}</>;

  const qr = shots.map((s) => s.wedge ?? (s.result?.qr?.kind === 'citizen-id' ? s.result.qr.card : null)).find(Boolean);
  const mrz = props.mrzLines ?? scannedMrz(shots);

  return (
    <section className="capture-review">
      <ShotList shots={shots} t={t} onRescan={props.onRescan} />
      <form
        ref={form}
        className="editor"
        aria-label={t('capture.review')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => enterMoves(e, form.current, save)}
      >
        {saved && <p role="status">{saved}</p>}
        <ReviewGrid
          reviewed={reviewed}
          values={values}
          errors={step?.kind === 'invalid' ? step.errors : {}}
          t={t}
          onChange={onChange}
        />
        {mrz && <MrzPanel lines={mrz} t={t} onChange={props.onMrz} />}
        {qr && <QrPanel qr={qr} t={t} />}
        {step && step.warnings.length > 0 && <p className="warn">{step.warnings.join(' ')}</p>}
        <div className="actions">
          <button type="submit" className="primary">
            {t('capture.save')}
          </button>
          <button type="button" onClick={props.onReset}>
            {t('capture.reset')}
          </button>
          <span className="hint">{t('capture.keys')}</span>
        </div>
      </form>
      {step?.kind === 'merge' && (
        <MergeDialog
          language={language}
          existing={step.existing}
          draft={step.draft}
          onCancel={() => setStep(null)}
          onMerge={async (choices) => done(await completeMerge(props.store, step, choices, input))}
        />
      )}
    </section>
  );
}

/** The save of a reviewed capture: its step (invalid, a merge to decide, saved) and the last "saved" notice. */
function useCardSave(props: CardReviewProps, t: Translate) {
  const [step, setStep] = useState<SaveStep | null>(null);
  const [saved, setSaved] = useState('');
  // A new capture replaces the last "saved" notice.
  useEffect(() => {
    if (props.shots.length) setSaved('');
  }, [props.shots.length]);
  const input: SaveInput = {
    review: props.reviewed.review,
    values: props.values,
    shots: props.shots,
    officerId: props.officerId,
    encode: (r) => toJpeg(r, 0.85),
  };
  const done = (s: SaveStep) => {
    setStep(s);
    if (s.kind !== 'saved') return;
    setSaved(t('capture.saved', { name: s.person.fullName.value, count: s.documents }));
    setStep(null);
    props.onSaved();
  };
  const save = async () => done(await saveCapture(props.store, input));
  return { step, setStep, saved, save, done, input };
}

/** Every field of the person with what was read for it, the residence's 2025 units under it, then the expiry. */
function ReviewGrid(props: {
  reviewed: Reviewed;
  values: CaptureValues;
  errors: Partial<Record<PersonField | 'note', string>>;
  t: Translate;
  onChange: (field: PersonField | 'note', value: string) => void;
}) {
  const { reviewed, values, errors, t } = props;
  const mapped = useMapped(values.permanentAddress ?? '');
  return (
    <div className="grid">
      {shownFields.map((f) => {
        const name = f === 'note' ? undefined : reviewNameOf(f);
        return (
          <FieldRow
            key={f}
            field={f}
            review={f === 'note' ? undefined : reviewFor(reviewed.review, f)}
            value={values[f] ?? ''}
            error={errors[f]}
            reason={name ? reviewed.missing[name] : undefined}
            extra={f === 'permanentAddress' ? addressNote(mapped, t) : undefined}
            t={t}
            onChange={(v) => props.onChange(f, v)}
          />
        );
      })}
      <ExpiryRow reviewed={reviewed} value={values.expiry} t={t} />
    </div>
  );
}

/** The 2025 ward and province a residence maps to, or why it maps to none. */
function addressNote(mapped: MappedAddress | null, t: Translate): string | undefined {
  if (!mapped) return undefined;
  if (!mapped.candidates.length)
    return mapped.reason ? t(`fill.reason.${mapped.reason.code}`, mapped.reason.params) : undefined;
  return t('capture.address2025', {
    units: mapped.candidates.map((c) => `${c.wardName}, ${c.provinceName}`).join(' / '),
  });
}

/** The card's expiry: shown (read-only), not kept in the person; its reason when it could not be read. */
function ExpiryRow({ reviewed, value, t }: { reviewed: Reviewed; value: string | undefined; t: Translate }) {
  const r = reviewed.review.expiry;
  const reason = reviewed.missing.expiry;
  if (!value && !reason) return null;
  const notes = [
    ...(r?.notes ?? []),
    ...(!value && reason
      ? [
          reason.code === 'noCard'
            ? t('capture.missing.noCard', { field: t('capture.expiry') })
            : t(`capture.missing.${reason.code}`, {
                field: t('capture.expiry'),
                side: t(`capture.side.${reason.side}`),
              }),
        ]
      : []),
  ];
  return (
    <div className={`field${r?.uncertain ? ' uncertain' : ''}`}>
      <label htmlFor="capture-expiry">{t('capture.expiry')}</label>
      <input
        id="capture-expiry"
        readOnly
        value={value ?? ''}
        aria-describedby={notes.length ? 'capture-expiry-notes' : undefined}
      />
      {notes.length > 0 && (
        <ul id="capture-expiry-notes" className="notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The MRZ lines a back's scan read (after repair), or null when no back was read. */
function scannedMrz(shots: Shot[]): string[] | null {
  const backs = shots.map((s) => s.result?.reading).filter((r) => r?.mrz || r?.side === 'back');
  const ok = backs.map((r) => r?.mrz).find((m) => m?.ok);
  if (ok?.ok) return [...ok.mrz.lines];
  return backs.length ? ['', '', ''] : null;
}

/** Enter moves to the next field (the counter's habit; an address's lines wrap by themselves); Ctrl+Enter saves. */
function enterMoves(e: React.KeyboardEvent, form: HTMLFormElement | null, save: () => Promise<void>) {
  const target = e.target as HTMLElement;
  if (e.key !== 'Enter' || e.shiftKey || target.id === 'capture-mrz') return;
  e.preventDefault();
  if (e.ctrlKey || e.metaKey) return void save();
  const inputs = [...(form?.querySelectorAll<HTMLElement>('input, select, textarea') ?? [])];
  inputs[inputs.indexOf(target) + 1]?.focus();
}

/** The residence as written, mapped to its 2025 ward and province. */
function useMapped(residence: string): MappedAddress | null {
  const [mapped, setMapped] = useState<MappedAddress | null>(null);
  useEffect(() => {
    if (!residence) return setMapped(null);
    let live = true;
    void mapAddress(addressFromText(residence)).then((m) => live && setMapped(m));
    return () => {
      live = false;
    };
  }, [residence]);
  return mapped;
}

/** Keyboard first: once a reading arrives, the cursor goes to the first field that needs a look. */
function useFirstUncertain(form: React.RefObject<HTMLFormElement | null>, reviewed: Reviewed) {
  const first = useRef<string | null>(null);
  useEffect(() => {
    const field = shownFields.find((f) => f !== 'note' && reviewFor(reviewed.review, f)?.uncertain);
    if (!field || field === first.current) return;
    first.current = field;
    form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }, [reviewed, form]);
}
