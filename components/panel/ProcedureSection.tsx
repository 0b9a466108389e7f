import { useMemo, useState } from 'react';
import type { WorkCalendar } from '@/utils/calendar/calendar';
import { translator, type Language, type Translate } from '@/utils/i18n';
import {
  formatDong,
  needsOptionalMark,
  type Procedure,
  procedureByCode,
  procedures,
} from '@/utils/procedures/catalogue';
import {
  countTyped,
  dueDates,
  type FeeEntry,
  feeOf,
  missingPapers,
  noFeeEntry,
  type SlipRequest,
  slipRequest,
  tickedPapers,
  vnDateLong,
  withPaper,
} from '@/utils/procedures/reception';

/**
 * The procedure of the form: recognised from the page or picked; the papers to tick, the fee from what the
 * officer enters, the date results are due (working days, holidays, the 15:00 cut-off), and the receipt slip.
 */
export function ProcedureSection({
  language,
  code,
  onPick,
  calendar,
  onSlip,
  papers,
  onPapers,
}: {
  language: Language;
  code: string | null;
  onPick: (code: string | null) => void;
  calendar: WorkCalendar;
  onSlip: (slip: SlipRequest) => void;
  /** The papers ticked, by name: kept with the filing so that the slip printed after submission has them. */
  papers: string[];
  onPapers: (papers: string[]) => void;
}) {
  const t = translator(language);
  const procedure = procedureByCode(code);
  const ticked = tickedPapers(procedure, papers);
  const [entry, setEntry] = useState<FeeEntry>(noFeeEntry);
  const fee = feeOf(procedure, entry);
  // Recomputed on each render: the cut-off depends on the time the officer looks.
  const now = new Date();
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed once a minute, not at every render's new Date
  const dates = useMemo(
    () => dueDates(procedure, now, calendar),
    // Keyed on the minute, not on `now` itself: the due date changes only when the clock passes a minute.
    [procedure, calendar, Math.floor(now.getTime() / 60_000)],
  );
  const missing = missingPapers(procedure, ticked);

  return (
    <details className="procedure" open={Boolean(procedure)}>
      <summary>{procedure ? `${t('proc.title')}: ${procedure.name}` : t('proc.title')}</summary>
      <label htmlFor="motcua-procedure">{t('filing.procedure')}</label>
      <select id="motcua-procedure" value={code ?? ''} onChange={(e) => onPick(e.target.value || null)}>
        <option value="">{t('filing.procedure.none')}</option>
        {procedures.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
      {procedure && (
        <>
          <PaperList
            t={t}
            procedure={procedure}
            ticked={ticked}
            onTick={(name, on) => onPapers(withPaper(papers, name, on))}
          />
          <FeeFields
            t={t}
            procedure={procedure}
            entry={entry}
            onEntry={(patch) => setEntry((e) => ({ ...e, ...patch }))}
          />
          <p data-testid="proc-fee">
            {t('proc.fee')}: {fee === null ? procedure.fee.note : formatDong(fee)}
          </p>
          <p data-testid="proc-due">
            {t('proc.due')}: {dates ? vnDateLong(dates.due) : (procedure.processing.note ?? '—')}
          </p>
          {missing.length > 0 && <p className="muted">{t('proc.missing', { count: missing.length })}</p>}
          <button type="button" onClick={() => onSlip(slipRequest(procedure, fee, dates, now))}>
            {t('proc.slip')}
          </button>
        </>
      )}
    </details>
  );
}

function PaperList({
  t,
  procedure,
  ticked,
  onTick,
}: {
  t: Translate;
  procedure: Procedure;
  ticked: ReadonlySet<string>;
  onTick: (name: string, ticked: boolean) => void;
}) {
  return (
    <fieldset>
      <legend>{t('proc.papers')}</legend>
      {procedure.papers.map((paper) => (
        <label key={paper.id} className="check">
          <input
            type="checkbox"
            checked={ticked.has(paper.id)}
            onChange={(e) => onTick(paper.name, e.target.checked)}
          />
          {paper.name}
          {needsOptionalMark(paper) ? ` ${t('proc.optional')}` : ''}
        </label>
      ))}
    </fieldset>
  );
}

/** Only the inputs the procedure's fee depends on: pages, copies, online filing, an exemption. */
function FeeFields({
  t,
  procedure: { fee },
  entry,
  onEntry,
}: {
  t: Translate;
  procedure: Procedure;
  entry: FeeEntry;
  onEntry: (patch: Partial<FeeEntry>) => void;
}) {
  return (
    <>
      {fee.perPage && (
        <CountField
          id="motcua-pages"
          label={t('proc.pages')}
          value={entry.pages}
          onCount={(pages) => onEntry({ pages })}
        />
      )}
      {(fee.perPage || fee.perCopy) && (
        <CountField
          id="motcua-copies"
          label={t('proc.copies')}
          value={entry.copies}
          onCount={(copies) => onEntry({ copies })}
        />
      )}
      {fee.online !== undefined && (
        <label className="check">
          <input type="checkbox" checked={entry.online} onChange={(e) => onEntry({ online: e.target.checked })} />
          {t('proc.online')}
        </label>
      )}
      {fee.exemptions.length > 0 && (
        <>
          <label htmlFor="motcua-exemption">{t('proc.exemption')}</label>
          <select
            id="motcua-exemption"
            value={entry.exemption}
            onChange={(e) => onEntry({ exemption: e.target.value })}
          >
            <option value="">{t('proc.noExemption')}</option>
            {fee.exemptions.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </>
      )}
    </>
  );
}

function CountField({
  id,
  label,
  value,
  onCount,
}: {
  id: string;
  label: string;
  value: number;
  onCount: (count: number) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={1} value={value} onChange={(e) => onCount(countTyped(e.target.value))} />
    </>
  );
}
