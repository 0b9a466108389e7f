import { useMemo, useState } from 'react';
import { dueDate, type WorkCalendar } from '@/utils/calendar/calendar';
import { translator, type Language } from '@/utils/i18n';
import { feeFor, formatDong, needsOptionalMark, procedureByCode, procedures } from '@/utils/procedures/catalogue';

export interface SlipRequest {
  procedureCode: string;
  fee: number | null;
  received: string;
  due: string | null;
  receivedAt: string;
}

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai, 30/11/2026" */
export function vnDateLong(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()]}, ${d}/${m}/${y}`;
}

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
  const ticked = new Set(procedure?.papers.filter((p) => papers.includes(p.name)).map((p) => p.id) ?? []);
  const [pages, setPages] = useState(1);
  const [copies, setCopies] = useState(1);
  const [online, setOnline] = useState(false);
  const [exemption, setExemption] = useState('');
  const fee = procedure ? feeFor(procedure, { pages, copies, online, exemption: exemption || null }) : null;
  // Recomputed on each render: the cut-off depends on the time the officer looks.
  const now = new Date();
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed once a minute, not at every render's new Date
  const dates = useMemo(
    () =>
      procedure?.processing.workingDays === null || !procedure
        ? null
        : dueDate(now, procedure.processing.workingDays, calendar, procedure.processing.cutoff ?? '24:00'),
    // Keyed on the minute, not on `now` itself: the due date changes only when the clock passes a minute.
    [procedure, calendar, Math.floor(now.getTime() / 60_000)],
  );
  const missing = procedure?.papers.filter((p) => p.required && !ticked.has(p.id)) ?? [];

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
          <fieldset>
            <legend>{t('proc.papers')}</legend>
            {procedure.papers.map((paper) => (
              <label key={paper.id} className="check">
                <input
                  type="checkbox"
                  checked={ticked.has(paper.id)}
                  onChange={(e) =>
                    onPapers(e.target.checked ? [...papers, paper.name] : papers.filter((n) => n !== paper.name))
                  }
                />
                {paper.name}
                {needsOptionalMark(paper) ? ` ${t('proc.optional')}` : ''}
              </label>
            ))}
          </fieldset>
          {procedure.fee.perPage && (
            <>
              <label htmlFor="motcua-pages">{t('proc.pages')}</label>
              <input
                id="motcua-pages"
                type="number"
                min={1}
                value={pages}
                onChange={(e) => setPages(Math.max(1, Number(e.target.value) || 1))}
              />
            </>
          )}
          {(procedure.fee.perPage || procedure.fee.perCopy) && (
            <>
              <label htmlFor="motcua-copies">{t('proc.copies')}</label>
              <input
                id="motcua-copies"
                type="number"
                min={1}
                value={copies}
                onChange={(e) => setCopies(Math.max(1, Number(e.target.value) || 1))}
              />
            </>
          )}
          {procedure.fee.online !== undefined && (
            <label className="check">
              <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />
              {t('proc.online')}
            </label>
          )}
          {procedure.fee.exemptions.length > 0 && (
            <>
              <label htmlFor="motcua-exemption">{t('proc.exemption')}</label>
              <select id="motcua-exemption" value={exemption} onChange={(e) => setExemption(e.target.value)}>
                <option value="">{t('proc.noExemption')}</option>
                {procedure.fee.exemptions.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </>
          )}
          <p data-testid="proc-fee">
            {t('proc.fee')}: {fee === null ? procedure.fee.note : formatDong(fee)}
          </p>
          <p data-testid="proc-due">
            {t('proc.due')}: {dates ? vnDateLong(dates.due) : (procedure.processing.note ?? '—')}
          </p>
          {missing.length > 0 && <p className="muted">{t('proc.missing', { count: missing.length })}</p>}
          <button
            type="button"
            onClick={() =>
              onSlip({
                procedureCode: procedure.code,
                fee,
                received: dates?.received ?? now.toISOString().slice(0, 10),
                due: dates?.due ?? null,
                receivedAt: now.toISOString(),
              })
            }
          >
            {t('proc.slip')}
          </button>
        </>
      )}
    </details>
  );
}
