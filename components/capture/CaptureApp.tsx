import { useMemo } from 'react';
import { UnlockedPage } from '@/components/records/UnlockedPage';
import { translator, type Language } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';
import { Camera } from '@/components/capture/Camera';
import { CardReview } from '@/components/capture/CardReview';
import { DocumentMode } from '@/components/capture/DocumentMode';
import { Inputs } from '@/components/capture/Inputs';
import { stageOrder, useCapture, type Progress } from '@/components/capture/useCapture';
import '@/components/records/records.css';
import '@/components/capture/capture.css';

export function CaptureApp() {
  return (
    <UnlockedPage title="capture.title">
      {(open, settings) => (
        <Capture language={settings.language} store={open.store} officerId={open.session.officerId} />
      )}
    </UnlockedPage>
  );
}

/** The capture page's layout; its flows are `useCapture` and `utils/capture/intake`. */
function Capture({ language, store, officerId }: { language: Language; store: RecordsStore; officerId: string }) {
  // One translator per language: the session's effects must not run again on every render (a stale one
  // restored the last review's values after "Lưu" had cleared them).
  const t = useMemo(() => translator(language), [language]);
  const c = useCapture(t);
  const mixed = c.people.length > 1 ? t('capture.error.twoPeople', { ids: c.people.join(', ') }) : '';
  return (
    <div className="capture">
      <div role="radiogroup" aria-label={t('capture.mode')} className="tabs">
        {(['card', 'document'] as const).map((m) => (
          // biome-ignore lint/a11y/useSemanticElements: tab-like buttons named as radios since the first release (officers and the e2e tests use them)
          <button key={m} type="button" role="radio" aria-checked={c.mode === m} onClick={() => c.setMode(m)}>
            {t(`capture.mode.${m}`)}
          </button>
        ))}
      </div>
      <Inputs language={language} onFiles={(f) => void c.addImages(f)} onWedge={c.addWedge} />
      <Camera
        language={language}
        onFrame={c.onCameraQr}
        onCapture={(r) => void c.addFrame(r, t('capture.camera.label'))}
      />
      {c.progress && <Stage progress={c.progress} t={t} />}
      {mixed && (
        <p role="alert" className="capture-errors">
          {mixed}
        </p>
      )}
      {c.errors.length > 0 && (
        <div role="alert" className="capture-errors">
          <ul>
            {c.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: messages are appended, never reordered, and may repeat
              <li key={`${i}-${e}`}>{e}</li>
            ))}
          </ul>
          <button type="button" onClick={() => c.setErrors([])}>
            {t('capture.errors.clear')}
          </button>
        </div>
      )}
      {c.mode === 'card' ? (
        <CardReview
          language={language}
          store={store}
          officerId={officerId}
          shots={c.shots}
          reviewed={c.reviewed}
          values={c.values}
          busy={c.progress !== null}
          mrzLines={c.mrzLines}
          onMrz={c.setMrzLines}
          onChange={c.change}
          onRescan={(id, quad) => void c.rescan(id, quad)}
          onSaved={c.reset}
          onReset={c.reset}
        />
      ) : (
        <DocumentMode
          language={language}
          store={store}
          documents={c.documents}
          onChange={c.setDocuments}
          onSaved={c.reset}
        />
      )}
    </div>
  );
}

/** Which step of reading a photo the page is at, named, with a bar: the officer sees it move. */
function Stage({ progress, t }: { progress: Progress; t: ReturnType<typeof translator> }) {
  const step = stageOrder.indexOf(progress.stage) + 1;
  return (
    <div role="status" className="stage">
      <p>{t(`capture.stage.${progress.stage}`, { name: progress.name })}</p>
      <progress max={stageOrder.length} value={step} aria-label={t('capture.stage.progress')} />
    </div>
  );
}
