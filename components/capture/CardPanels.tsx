import { parseMrz } from '@/utils/capture/passport';
import type { CitizenQr } from '@/utils/capture/qr-payload';
import type { translator } from '@/utils/i18n';

type T = ReturnType<typeof translator>;

/** The MRZ's lines (the card's three, a passport's two), monospace and editable, each check digit shown passing or failing as typed. */
export function MrzPanel({ lines, t, onChange }: { lines: string[]; t: T; onChange: (lines: string[]) => void }) {
  const parsed = parseMrz(lines);
  return (
    <div className="field mrz">
      <label htmlFor="capture-mrz">{t('capture.mrz')}</label>
      <textarea
        id="capture-mrz"
        name="mrz"
        rows={3}
        spellCheck={false}
        className="mono"
        aria-describedby="capture-mrz-checks"
        value={lines.join('\n')}
        onChange={(e) => onChange(e.target.value.toUpperCase().split('\n').slice(0, 3))}
      />
      <ul id="capture-mrz-checks" className="checks">
        {parsed.ok ? (
          parsed.mrz.checks.map((c) => (
            <li key={c.field} className={c.ok ? 'pass' : 'fail'}>
              {c.ok ? '✓' : '✗'} {t(`capture.mrz.${c.field}`)}: {t(c.ok ? 'capture.mrz.pass' : 'capture.mrz.fail')}
            </li>
          ))
        ) : (
          <li className="fail">✗ {t(parsed.reason.key, parsed.reason.params)}</li>
        )}
      </ul>
      <p className="hint">{t('capture.mrz.hint')}</p>
    </div>
  );
}

/** The QR code's text as read, and the fields after the seventh (the 2024 card's), each by its place. */
export function QrPanel({ qr, t }: { qr: CitizenQr; t: T }) {
  return (
    <div className="field qr-raw">
      <label htmlFor="capture-qr-raw">{t('capture.qr.raw')}</label>
      <textarea id="capture-qr-raw" readOnly rows={3} className="mono" value={qr.raw} />
      {qr.extra.length > 0 && (
        <>
          <p className="hint">{t('capture.qr.extra')}</p>
          <ul className="extra" data-testid="qr-extra">
            {qr.extra.map((value, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a field's place in the QR is its name
              <li key={i}>
                {i === qr.parents?.fatherAt
                  ? t('capture.qr.father')
                  : i === qr.parents?.motherAt
                    ? t('capture.qr.mother')
                    : t('capture.qr.field', { n: i + 8 })}
                : {value || '—'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
