import type { ReviewField } from '@/utils/capture/fuse';
import type { MissingReason } from '@/utils/capture/missing';
import type { translator } from '@/utils/i18n';
import { formFieldLabels } from '@/utils/records/form';
import type { PersonField } from '@/utils/records/schema';

type T = ReturnType<typeof translator>;

/** Addresses and places are long: written on several lines, so the officer sees all of it at once. */
export const longFields = new Set<PersonField | 'note'>([
  'permanentAddress',
  'currentAddress',
  'hometown',
  'placeOfBirth',
  'note',
]);

/** The words for why a field the card prints is empty. */
export function reasonText(reason: MissingReason, label: string, t: T): string {
  if (reason.code === 'noCard') return t('capture.missing.noCard', { field: label });
  return t(`capture.missing.${reason.code}`, { field: label, side: t(`capture.side.${reason.side}`) });
}

export interface FieldRowProps {
  field: PersonField | 'note';
  review: ReviewField | undefined;
  value: string;
  error: string | undefined;
  reason: MissingReason | undefined;
  /** Shown under the field (the residence in its 2025 units). */
  extra?: string | undefined;
  t: T;
  onChange: (value: string) => void;
}

/** One field of the review: its label, where its value came from and how sure, the value, and its notes. */
export function FieldRow({ field, review: r, value, error, reason, extra, t, onChange }: FieldRowProps) {
  const id = `capture-${field}`;
  const label = formFieldLabels[field];
  const notes = [...(r?.notes ?? []), ...(reason && !value ? [reasonText(reason, label, t)] : [])];
  const describedBy = notes.length ? `${id}-notes` : undefined;
  return (
    <div
      className={`field${r?.uncertain ? ' uncertain' : ''}${reason && !value ? ' missing' : ''}`}
      data-source={r?.source}
    >
      <label htmlFor={id}>{label}</label>
      {r && (
        <span className={`source source-${r.source}`} title={t('capture.confidence')} data-testid={`source-${field}`}>
          {t(`capture.source.${r.source}`)} · {Math.round(r.confidence * 100)}%
          {r.uncertain ? ` · ${t('capture.check')}` : ''}
        </span>
      )}
      {field === 'sex' ? (
        <select
          id={id}
          name={field}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="" />
          <option value="Nam">Nam</option>
          <option value="Nữ">Nữ</option>
        </select>
      ) : longFields.has(field) ? (
        <textarea
          id={id}
          name={field}
          rows={2}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          name={field}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {error && <p className="field-error">{error}</p>}
      {notes.length > 0 && (
        <ul id={describedBy} className="notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {extra && (
        <p className="hint" data-testid={field === 'permanentAddress' ? 'address-2025' : undefined}>
          {extra}
        </p>
      )}
    </div>
  );
}
