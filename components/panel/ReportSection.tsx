import { roleLabels } from '@/utils/autofill/labels';
import { translator, sayError, type Language, type MessageKey } from '@/utils/i18n';
import { countsOf, type Notice, type PanelState, type ReportLine } from '@/utils/panel/session';

const icons: Record<ReportLine['status'], string> = {
  filled: '✓',
  check: '⚠',
  unverified: '⚠',
  readonly: '⚠',
  mismatch: '✗',
  failed: '✗',
  missing: '✗',
  unknown: '✗',
};

export function reasonText(language: Language, line: Pick<ReportLine, 'reason'>): string {
  if (!line.reason) return '';
  const t = translator(language);
  const key = `fill.reason.${line.reason.code}` as MessageKey;
  return t(key, line.reason.params ?? {});
}

export function noticeText(language: Language, notice: Notice): string {
  const t = translator(language);
  const params = notice.error ? { ...notice.params, detail: sayError(language, notice.error) } : notice.params;
  return t(`panel.${notice.code}` as MessageKey, params ?? {});
}

/** The fill's report: counts first, then each field with its mark and, when it is not ✓, why. */
export function ReportSection({ language, state }: { language: Language; state: PanelState }) {
  const t = translator(language);
  if (!state.report) return null;
  const counts = countsOf(state.report);
  return (
    <section aria-label={t('panel.fill')} className="report-section">
      <p role="status" data-testid="fill-summary">
        {t('panel.report', counts)}
      </p>
      <ul className="report">
        {state.report.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a report is replaced whole, never reordered; two lines may name the same field
          <li key={i} data-status={item.status}>
            <span aria-hidden="true">{icons[item.status]} </span>
            <span className="visually-hidden">{t(`fill.status.${item.status}` as MessageKey)}: </span>
            {item.role ? `${roleLabels[item.role]} — ` : ''}
            {item.label}
            {item.frameId !== 0 ? ` ${t('panel.frame')}` : ''}
            {item.reason && <span className="muted"> {reasonText(language, item)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
