import { filingStatuses, statusLabels } from '@/utils/db/filing-schema';
import { percentText, secondsText } from '@/utils/filings/dashboard';
import { type Summary, vnDateLabel } from '@/utils/filings/view';
import type { Language, Translate } from '@/utils/i18n';
import { BarChart } from '@/components/dashboard/BarChart';

/** The figures of the filings shown, and their charts. */
export function Figures({ t, language, summary }: { t: Translate; language: Language; summary: Summary }) {
  return (
    <>
      <section className="figures" aria-label={t('dash.title')}>
        <p className="big" data-testid="dash-total">
          {t('dash.total', { count: summary.total })}
        </p>
        <dl>
          <dt>{t('dash.medianFill')}</dt>
          <dd data-testid="dash-median-fill">{secondsText(t, summary.medianMsToFill)}</dd>
          <dt>{t('dash.medianSubmit')}</dt>
          <dd>{secondsText(t, summary.medianMsToSubmit)}</dd>
          <dt>{t('dash.filledShare')}</dt>
          <dd>{percentText(language, summary.filledShare)}</dd>
          {filingStatuses.map((s) => (
            <div key={s}>
              <dt>{statusLabels[s]}</dt>
              <dd>{summary.byStatus[s]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="charts">
        <BarChart
          title={t('dash.perDay')}
          data={summary.perDay.map(([day, n]) => [vnDateLabel(day), n] as [string, number])}
          language={language}
        />
        <BarChart title={t('dash.perProcedure')} data={summary.perProcedure} horizontal language={language} />
        <BarChart title={t('dash.perOfficer')} data={summary.perOfficer} horizontal language={language} />
      </div>
    </>
  );
}
