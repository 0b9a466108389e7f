import { useEffect, useState } from 'react';
import type { CounterRow } from '@/utils/db/database';
import {
  bundleFailure,
  type EnrolCounter,
  enrolBundleCounter,
  exportBundleFile,
  importBundleText,
} from '@/utils/filings/bundle-flow';
import { isUnnamed } from '@/utils/filings/dashboard';
import type { FilingLog } from '@/utils/filings/log';
import { sayError, type Language, type Translate } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';
import { currentSession } from '@/utils/security/session';
import { saveFile } from '@/components/pages/download';

type Message = { kind: 'ok' | 'error'; text: string };

/** This counter's name and key, and the bundles that carry logs between counters. */
export function Counters({
  t,
  language,
  log,
  store,
  counters,
  onChanged,
}: {
  t: Translate;
  language: Language;
  log: FilingLog;
  store: RecordsStore;
  counters: CounterRow[];
  onChanged: () => Promise<void>;
}) {
  const { message, enrolling, setEnrolling, guard } = useGuard(t, language);
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const importBundle = async () => {
    const r = await importBundleText(log, store, await file!.text(), passphrase);
    await onChanged();
    return t('dash.imported', { added: r.added, counter: r.counterName, total: r.total });
  };
  const exportBundle = async () => {
    const { file: bundle, said } = await exportBundleFile(log, store, passphrase);
    saveFile(bundle);
    return said;
  };
  const enrol = async (counter: EnrolCounter) => {
    const current = await currentSession();
    await enrolBundleCounter(log, store, counter, current?.session.officerId ?? '');
    setEnrolling(null);
    return importBundle();
  };
  return (
    <section className="counters no-print" id="counters" aria-label={t('dash.counters')}>
      <h2>{t('dash.counters')}</h2>
      <OwnCounter t={t} log={log} counters={counters} onRename={(work) => void guard(work)} onChanged={onChanged} />
      <label>
        {t('dash.bundlePass')}
        <input
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <div className="actions">
        <button type="button" onClick={() => void guard(exportBundle)}>
          {t('dash.exportBundle')}
        </button>
      </div>
      <label>
        {t('dash.bundleFile')}
        <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="button" disabled={!file} onClick={() => void guard(importBundle)}>
        {t('dash.importBundle')}
      </button>
      {enrolling && (
        <EnrolPrompt
          t={t}
          counter={enrolling}
          onConfirm={() => void guard(() => enrol(enrolling))}
          onCancel={() => setEnrolling(null)}
        />
      )}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}

/**
 * Runs a step and says how it went; a counter not enrolled yet is asked about (EnrolPrompt) rather than
 * reported as an error.
 */
function useGuard(t: Translate, language: Language) {
  const [message, setMessage] = useState<Message | null>(null);
  const [enrolling, setEnrolling] = useState<EnrolCounter | null>(null);
  const guard = async (work: () => Promise<string>) => {
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (e) {
      const failure = bundleFailure(e);
      if (failure.kind === 'enrol') {
        setEnrolling(failure.counter);
        setMessage(null);
      } else
        setMessage({
          kind: 'error',
          text: failure.kind === 'reason' ? t(failure.code, failure.params) : sayError(language, failure.error),
        });
    }
  };
  return { message, enrolling, setEnrolling, guard };
}

/** This counter's name (empty while it has the default one) and the fingerprint other counters enrol it by. */
function OwnCounter({
  t,
  log,
  counters,
  onRename,
  onChanged,
}: {
  t: Translate;
  log: FilingLog;
  counters: CounterRow[];
  onRename: (work: () => Promise<string>) => void;
  onChanged: () => Promise<void>;
}) {
  const own = counters.find((c) => c.own === 1);
  const [name, setName] = useState(own?.name ?? '');
  const [fingerprint, setFingerprint] = useState('');
  useEffect(() => setName(own?.name && !isUnnamed(own.name) ? own.name : ''), [own?.name]);
  useEffect(() => void log.ownFingerprint().then(setFingerprint), [log]);
  const rename = async () => {
    await log.renameOwnCounter(name);
    await onChanged();
    return name;
  };
  return (
    <>
      <label>
        {t('dash.ownCounter')}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
      </label>
      <button type="button" disabled={!name.trim()} onClick={() => onRename(rename)}>
        {t('dash.rename')}
      </button>
      <p>
        {t('dash.fingerprint')}: <code data-testid="own-fingerprint">{fingerprint}</code>
      </p>
    </>
  );
}

function EnrolPrompt({
  t,
  counter,
  onConfirm,
  onCancel,
}: {
  t: Translate;
  counter: EnrolCounter;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <section aria-label={t('dash.enrol.title')} className="enrol">
      <h3>{t('dash.enrol.title')}</h3>
      <p>{t('bundle.enrol', { counter: counter.name, fingerprint: counter.fingerprint })}</p>
      <p className="fingerprint" data-testid="enrol-fingerprint">
        {counter.fingerprint}
      </p>
      <button type="button" className="primary" onClick={onConfirm}>
        {t('dash.enrol.confirm')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('dash.enrol.cancel')}
      </button>
    </section>
  );
}
