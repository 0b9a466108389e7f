import { useState } from 'react';
import { rowMatchesPaper, type AttachReason } from '@/utils/autofill/attach';
import { isMessageKey, translator, type Language } from '@/utils/i18n';
import { procedureByCode } from '@/utils/procedures/catalogue';
import type { PanelSession, PanelState } from '@/utils/panel/session';

interface Outcome {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * "Thành phần hồ sơ": on the portal's dossier page, each file row the officer sees matched to the procedure's
 * paper, and the scans the records hold for the form's people attached through the row's own file input.
 */
export function DossierSection({
  language,
  session,
  state,
}: {
  language: Language;
  session: PanelSession;
  state: PanelState;
}) {
  const t = translator(language);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const procedure = procedureByCode(session.procedureCode);
  const rows = Object.entries(state.scans).flatMap(([frameId, scan]) =>
    scan.dossierRows.map((r) => ({ ...r, frameId: Number(frameId) })),
  );
  if (rows.length === 0 || !procedure) return null;
  const people = { ...(state.filing?.people ?? {}), ...state.assigned };
  const matched = rows.map((row) => ({
    row,
    paper: procedure.papers.find((p) => rowMatchesPaper(row.name, p.name)) ?? null,
  }));

  const attachAll = async () => {
    setBusy(true);
    const results = await session.attach(
      matched.map(({ row, paper }) => ({
        frameId: row.frameId,
        row: row.index,
        personId: paper?.scan ? (people[paper.scan.of] ?? null) : null,
        kind: paper?.scan?.kind ?? null,
      })),
    );
    setOutcomes(
      results.map((r, i) => ({
        name: matched[i]!.row.name,
        ok: r.ok,
        detail: sayAttach(r.reason, t),
      })),
    );
    setBusy(false);
  };

  return (
    <section className="dossier" aria-labelledby="motcua-dossier-title">
      <h2 id="motcua-dossier-title">{t('dossier.title')}</h2>
      <ul>
        {matched.map(({ row, paper }) => (
          <li key={`${row.frameId}-${row.index}`}>
            {row.name}
            {paper?.scan ? '' : ` — ${t('dossier.manual')}`}
          </li>
        ))}
      </ul>
      <button type="button" disabled={busy} onClick={() => void attachAll()}>
        {t('dossier.attach')}
      </button>
      {outcomes.length > 0 && (
        <ul className="report" data-testid="dossier-report">
          {outcomes.map((o) => (
            <li key={o.name} data-status={o.ok ? 'filled' : 'failed'}>
              {o.ok ? '✓' : '✗'} {o.name}
              {o.detail && <span className="muted"> {o.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Why a paper was or was not attached, in the panel's language; a code this catalogue lacks, as it came. */
function sayAttach(reason: AttachReason | null, t: ReturnType<typeof translator>): string {
  if (!reason) return '';
  const key = `dossier.reason.${reason.code}`;
  return isMessageKey(key) ? t(key, reason.params) : reason.code;
}
