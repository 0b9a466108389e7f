import { filingStatuses, statusLabels } from '@/utils/db/filing-schema';
import { reportDay } from '@/utils/filings/dashboard';
import type { FilingFilter, Summary } from '@/utils/filings/view';
import type { Translate } from '@/utils/i18n';
import { CountTable } from '@/components/dashboard/CountTable';

export function PrintReport({
  t,
  wardName,
  filter,
  summary,
}: {
  t: Translate;
  wardName: string;
  filter: FilingFilter;
  summary: Summary;
}) {
  return (
    <section className="print-only" data-testid="print-report">
      <p className="ward">{wardName}</p>
      <h2>{t('dash.report.title')}</h2>
      <p>
        {filter.from || filter.to
          ? t('dash.report.range', { from: reportDay(filter.from), to: reportDay(filter.to) })
          : t('dash.report.all')}
      </p>
      <p>
        {t('dash.total', { count: summary.total })} ·{' '}
        {filingStatuses.map((s) => `${statusLabels[s]}: ${summary.byStatus[s]}`).join(' · ')}
      </p>
      {(
        [
          ['dash.perProcedure', summary.perProcedure],
          ['dash.perOfficer', summary.perOfficer],
          ['dash.perDay', summary.perDay],
        ] as const
      ).map(([key, rows]) => (
        <CountTable key={key} rows={rows} caption={t(key)} />
      ))}
    </section>
  );
}
