import { useId, useState } from 'react';
import { filingStatuses, statusLabels } from '@/utils/db/filing-schema';
import type { CounterRow } from '@/utils/db/database';
import type { Options } from '@/utils/filings/dashboard';
import { type FilingFilter, vnDateLabel } from '@/utils/filings/view';
import type { MessageKey, Translate } from '@/utils/i18n';
import { formatIsoDate, parseDate } from '@/utils/vn/dates';

const statusOptions: Options = filingStatuses.map((s) => [s, statusLabels[s]]);

/** The filters chosen from a list; the days are typed. */
type ChoiceKey = 'officerId' | 'procedureCode' | 'status' | 'counterId';

export function Filters({
  t,
  filter,
  onChange,
  officers,
  procedures,
  counters,
}: {
  t: Translate;
  filter: FilingFilter;
  onChange: (patch: Partial<FilingFilter>) => void;
  officers: Options;
  procedures: Options;
  counters: CounterRow[];
}) {
  const choices: Array<[MessageKey, ChoiceKey, Options]> = [
    ['dash.officer', 'officerId', officers],
    ['dash.procedure', 'procedureCode', procedures],
    ['dash.status', 'status', statusOptions],
    ['dash.counter', 'counterId', counters.map((c) => [c.id, c.name])],
  ];
  return (
    <form className="filters no-print" onSubmit={(e) => e.preventDefault()}>
      <DateField label={t('dash.from')} value={filter.from} onChange={(from) => onChange({ from })} />
      <DateField label={t('dash.to')} value={filter.to} onChange={(to) => onChange({ to })} />
      {choices.map(([label, key, options]) => (
        <Choice
          key={key}
          label={t(label)}
          all={t('dash.all')}
          value={filter[key]}
          options={options}
          // The status choice offers only statuses (statusOptions), so its value is one.
          onChange={(value) => onChange({ [key]: value } as Partial<FilingFilter>)}
        />
      ))}
    </form>
  );
}

function Choice({
  label,
  all,
  value,
  options,
  onChange,
}: {
  label: string;
  all: string;
  value: string | null;
  options: Options;
  onChange: (v: string | null) => void;
}) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * A day typed as officers write it (dd/mm/yyyy), whatever language Chrome's own date picker would use; the
 * filter gets it as yyyy-mm-dd once it reads as a full date.
 */
function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value ? vnDateLabel(value) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const read = (typed: string) => {
    setText(typed);
    if (!typed.trim()) {
      setProblem(null);
      return onChange(null);
    }
    const parsed = parseDate(typed);
    const iso = parsed.ok ? formatIsoDate(parsed.date) : null;
    setProblem(iso ? null : parsed.ok ? 'dd/mm/yyyy' : parsed.reason);
    if (iso) onChange(iso);
  };
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        maxLength={10}
        size={10}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => read(e.target.value)}
      />
      {problem && text.length >= 8 && (
        <small id={`${id}-problem`} className="error">
          {problem}
        </small>
      )}
    </span>
  );
}
