import type { ScanResult } from '@/utils/capture/engines/pipeline';
import type { Reason, translator } from '@/utils/i18n';

/**
 * Why a QR code is not the ID card's, in the page's language. A VietQR code's reason carries its bank, account
 * and name as they were found (any may be missing); the sentence names those there are.
 */
export function sayQr({ key, params = {} }: Reason, t: ReturnType<typeof translator>): string {
  if (key !== 'qr.vietqr') return t(key, params);
  const who = [
    params.bank !== undefined && t('qr.vietqr.bank', { bank: params.bank }),
    params.account !== undefined && t('qr.vietqr.account', { account: params.account }),
    params.name,
  ]
    .filter((p) => p !== undefined && p !== false && p !== '')
    .join(', ');
  return who ? t('qr.vietqr.of', { who }) : t('qr.vietqr');
}

/** What the officer should know about one scanned image, in the page's language. */
export function explainScan(result: ScanResult, label: string, t: ReturnType<typeof translator>): string[] {
  const out: string[] = [];
  const citizen = result.qr?.kind === 'citizen-id';
  if (result.blank) return [t('capture.error.blank', { name: label })];
  const unrecognised = Boolean(result.reading && !result.reading.side && !result.qr);
  // The page's own message for an unrecognised card replaces the reading's.
  out.push(...result.warnings.filter((w) => !(unrecognised && /mặt trước hay mặt sau/.test(w))));
  if (result.qr && result.qr.kind !== 'citizen-id') out.push(sayQr(result.qr.message, t));
  if (result.qr?.kind === 'citizen-id') out.push(...result.qr.card.warnings);
  const mrz = result.reading?.mrz;
  if (mrz && !mrz.ok && mrz.reason.key === 'mrz.passportPage') out.push(t(mrz.reason.key, mrz.reason.params));
  if (mrz?.ok) {
    out.push(...mrz.mrz.repairs);
    const failed = mrz.mrz.checks.filter((c) => !c.ok).map((c) => t(`capture.mrz.${c.field}`));
    if (failed.length) out.push(t('capture.mrz.failed', { fields: failed.join(', ') }));
  }
  const passport =
    result.reading?.passport ||
    (result.reading && !result.reading.side && /passport|ho chieu|hộ chiếu/i.test(result.ocrText));
  if (passport)
    out.push(t(mrz?.ok && mrz.mrz.format === 'td3' ? 'capture.error.passportMrz' : 'capture.error.passport'));
  else if (unrecognised && !citizen)
    return [...new Set([...out.map((p) => `${label}: ${p}`), t('capture.error.noCard', { name: label })])];
  return [...new Set(out)].map((p) => `${label}: ${p}`);
}
