import { useEffect, useState } from 'react';
import { attachToRow, dossierRows, fitScan, rowMatchesPaper, type DossierRow } from '@/utils/autofill/attach';
import type { FormRole } from '@/utils/autofill/labels';
import { translator, type Language } from '@/utils/i18n';
import { procedureByCode } from '@/utils/procedures/catalogue';
import { fromBase64 } from '@/utils/security/crypto';
import { usePanelSend } from './client';

interface Outcome {
  row: string;
  ok: boolean;
  detail: string;
}

/**
 * "Thành phần hồ sơ": on the portal's dossier page, each file row matched to the procedure's paper, and the
 * scans the records hold for the people of the form attached through the portal's own file input.
 */
export function DossierSection({ language, procedureCode, people, version }: { language: Language; procedureCode: string | null; people: Partial<Record<FormRole, string>>; version: number }) {
  const t = translator(language);
  const send = usePanelSend();
  const [rows, setRows] = useState<DossierRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  useEffect(() => setRows(dossierRows(document)), [version]);
  const procedure = procedureByCode(procedureCode);
  if (rows.length === 0 || !procedure) return null;
  const matched = rows.map((row) => ({ row, paper: procedure.papers.find((p) => rowMatchesPaper(row.name, p.name)) ?? null }));

  const attachAll = async () => {
    setBusy(true);
    const results: Outcome[] = [];
    for (const { row, paper } of matched) {
      const personId = paper?.scan ? people[paper.scan.of] : undefined;
      if (!paper?.scan || !personId) {
        results.push({ row: row.name, ok: false, detail: t('dossier.noScanKind') });
        continue;
      }
      const { document: stored } = await send('records/document', { personId, kind: paper.scan.kind }).catch(() => ({ document: null }));
      if (!stored) {
        results.push({ row: row.name, ok: false, detail: t('dossier.noScan') });
        continue;
      }
      const scan = { fileName: stored.fileName, mimeType: stored.mimeType, bytes: fromBase64(stored.base64) };
      const outcome = await attachToRow(row.element, (accepted) => fitScan(scan, accepted));
      results.push({ row: row.name, ...outcome });
    }
    setOutcomes(results);
    setBusy(false);
  };

  return (
    <section className="dossier" aria-label={t('dossier.title')}>
      <h3>{t('dossier.title')}</h3>
      <ul>
        {matched.map(({ row, paper }) => (
          <li key={row.name}>{row.name}{paper?.scan ? '' : ` — ${t('dossier.manual')}`}</li>
        ))}
      </ul>
      <button type="button" disabled={busy} onClick={() => void attachAll()}>{t('dossier.attach')}</button>
      {outcomes.length > 0 && (
        <ul className="report" data-testid="dossier-report">
          {outcomes.map((o) => (
            <li key={o.row} data-status={o.ok ? 'filled' : 'failed'}>{o.ok ? '✓' : '✗'} {o.row}{o.detail && <span className="muted"> {o.detail}</span>}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
