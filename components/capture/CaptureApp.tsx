import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { UnlockedPage } from '@/components/records/UnlockedPage';
import { loadFile, previewUrl } from '@/utils/capture/engines/load';
import { scanCard, readDocument, type ScanResult } from '@/utils/capture/engines/pipeline';
import { decodeQr } from '@/utils/capture/engines/qr';
import { fuse, type Review } from '@/utils/capture/fuse';
import type { Raster } from '@/utils/capture/image';
import { classifyQr, type CitizenQr } from '@/utils/capture/qr-payload';
import { repairWedge } from '@/utils/capture/wedge';
import { translator, type Language } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';
import { captureAssets, exposeEngines, placeLexicon, warmUp } from './useCaptureEngine';
import type { PlaceLexicon } from '@/utils/capture/places';
import { CardReview, reviewToValues, type CaptureValues } from './CardReview';
import { DocumentMode, type PaperPage } from './DocumentMode';
import { Camera } from './Camera';
import '@/components/records/records.css';
import './capture.css';

export interface Shot {
  id: string;
  label: string;
  /** Object URL of what to show: the straightened card, or the photo as given. */
  preview: string | null;
  raster: Raster | null;
  result: ScanResult | null;
  /** A payload typed by a handheld scanner (no image). */
  wedge?: CitizenQr;
}

type Mode = 'card' | 'document';

export function CaptureApp() {
  return (
    <UnlockedPage title="capture.title">
      {(open, settings) => <Capture language={settings.language} store={open.store} officerId={open.session.officerId} />}
    </UnlockedPage>
  );
}

function Capture({ language, store, officerId }: { language: Language; store: RecordsStore; officerId: string }) {
  const t = translator(language);
  const assets = useMemo(captureAssets, []);
  const [mode, setMode] = useState<Mode>('card');
  const [shots, setShots] = useState<Shot[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [values, setValues] = useState<CaptureValues>({});
  const edited = useRef(new Set<string>());
  const [places, setPlaces] = useState<PlaceLexicon | null>(null);
  useEffect(() => void placeLexicon().then(setPlaces), []);
  const [documents, setDocuments] = useState<PaperPage[]>([]);

  useEffect(() => {
    void warmUp(assets).catch(() => setErrors((e) => [...e, t('capture.error.engine')]));
    exposeEngines(assets);
  }, [assets, t]);

  const review: Review = useMemo(() => {
    const qrShot = shots.find((s) => s.wedge || (s.result?.qr?.kind === 'citizen-id'));
    const qr = qrShot?.wedge ?? (qrShot?.result?.qr?.kind === 'citizen-id' ? qrShot.result.qr.card : null);
    const mrz = shots.map((s) => s.result?.reading?.mrz).find((m) => m?.ok);
    const readings = shots.flatMap((s) => (s.result?.reading ? [s.result.reading] : []));
    return fuse({ qr, mrz: mrz?.ok ? mrz.mrz : null, ocr: readings }, { places });
  }, [shots, places]);

  // Two cards of two people in one capture: say so, rather than mix them.
  const people = new Set(shots.map((s) => s.wedge?.personalId ?? (s.result?.qr?.kind === 'citizen-id' ? s.result.qr.card.personalId : null)).filter(Boolean));
  const mixed = people.size > 1 ? t('capture.error.twoPeople', { ids: [...people].join(', ') }) : '';

  // New readings fill every field the officer has not typed into.
  useEffect(() => {
    const next = reviewToValues(review);
    setValues((current) => {
      const merged: CaptureValues = { ...current };
      for (const [k, v] of Object.entries(next)) if (!edited.current.has(k)) merged[k as keyof CaptureValues] = v;
      return merged;
    });
  }, [review]);

  /** One image of a card (a file's page or a camera frame): scanned, its problems told, shown beside the review. */
  const addScan = useCallback(
    async (raster: Raster, label: string) => {
      try {
        const result = await scanCard(raster, assets);
        const problems = explain(result, t);
        if (problems.length) setErrors((e) => [...e, ...problems.map((p) => `${label}: ${p}`)]);
        const preview = await previewUrl(result.card ?? raster);
        setShots((s) => [...s, { id: crypto.randomUUID(), label, preview, raster, result }]);
      } catch (e) {
        setErrors((list) => [...list, t('capture.error.scan', { name: label, reason: e instanceof Error ? e.message : String(e) })]);
      }
    },
    [assets, t],
  );

  const addImages = useCallback(
    async (files: Array<Blob & { name?: string }>) => {
      for (const file of files) {
        setStatus(t('capture.status.reading', { name: file.name ?? t('capture.pasted') }));
        const loaded = await loadFile(file, assets.pdfWorker);
        if (!loaded.ok) {
          setErrors((e) => [...e, loaded.reason]);
          continue;
        }
        for (const page of loaded.pages) {
          if (mode === 'document') {
            const read = await readDocument(page.raster, assets);
            const preview = await previewUrl(page.raster);
            setDocuments((d) => [...d, { label: page.label, text: read.text, raster: page.raster, preview }]);
            continue;
          }
          await addScan(page.raster, page.label);
        }
      }
      setStatus('');
    },
    [assets, mode, t, addScan],
  );

  const addWedge = useCallback(
    (raw: string): boolean => {
      const repaired = repairWedge(raw);
      const payload = classifyQr(repaired.text);
      if (payload.kind !== 'citizen-id') {
        setErrors((e) => [...e, payload.message]);
        return false;
      }
      const notes = [...repaired.repairs, ...payload.card.warnings];
      if (repaired.diacriticsLost) notes.push(t('capture.wedge.diacritics'));
      if (notes.length) setErrors((e) => [...e, ...notes]);
      setShots((s) => [...s, { id: crypto.randomUUID(), label: t('capture.wedge.label'), preview: null, raster: null, result: null, wedge: payload.card }]);
      return true;
    },
    [t],
  );

  // Paste: an image from the clipboard, or the text a scanner app copied.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      // An image is taken wherever the cursor is; text typed into a field stays the field's.
      const files = [...(event.clipboardData?.files ?? [])];
      if (files.length) {
        event.preventDefault();
        void addImages(files);
        return;
      }
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.includes('|')) {
        event.preventDefault();
        addWedge(text);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [addImages, addWedge]);

  const reset = () => {
    shots.forEach((s) => s.preview && URL.revokeObjectURL(s.preview));
    documents.forEach((d) => URL.revokeObjectURL(d.preview));
    setShots([]);
    setValues({});
    edited.current.clear();
    setErrors([]);
    setDocuments([]);
  };

  const onCameraQr = async (raster: Raster): Promise<boolean> => {
    const hit = await decodeQr(raster);
    if (!hit) return false;
    const payload = classifyQr(hit.text);
    if (payload.kind !== 'citizen-id') {
      setErrors((e) => (e.at(-1) === payload.message ? e : [...e, payload.message]));
      return false;
    }
    const preview = await previewUrl(raster);
    setShots((s) => [...s, { id: crypto.randomUUID(), label: t('capture.camera.label'), preview, raster, result: { qr: payload, reading: null, card: null, ocrText: '', upsideDown: false, timings: { qrMs: 0, prepMs: 0, ocrMs: 0, totalMs: 0 }, warnings: [] } }]);
    return true;
  };

  return (
    <div className="capture">
      <div role="radiogroup" aria-label={t('capture.mode')} className="tabs">
        {(['card', 'document'] as const).map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}>
            {t(`capture.mode.${m}`)}
          </button>
        ))}
      </div>
      <Inputs language={language} onFiles={(f) => void addImages(f)} onWedge={addWedge} />
      <Camera language={language} onFrame={onCameraQr} onCapture={(r) => void addScan(r, t('capture.camera.label'))} />
      {status && <p role="status">{status}</p>}
      {mixed && <p role="alert" className="capture-errors">{mixed}</p>}
      {errors.length > 0 && (
        <div role="alert" className="capture-errors">
          <ul>{errors.map((e, i) => <li key={i}>{e}</li>)}</ul>
          <button type="button" onClick={() => setErrors([])}>{t('capture.errors.clear')}</button>
        </div>
      )}
      {mode === 'card' ? (
        <CardReview
          language={language}
          store={store}
          officerId={officerId}
          shots={shots}
          review={review}
          values={values}
          onChange={(field, value) => {
            edited.current.add(field);
            setValues((v) => ({ ...v, [field]: value }));
          }}
          onSaved={reset}
          onReset={reset}
        />
      ) : (
        <DocumentMode language={language} store={store} documents={documents} onChange={setDocuments} onSaved={reset} />
      )}
    </div>
  );
}

/** What the officer should know about one scanned image, in Vietnamese. */
function explain(result: ScanResult, t: ReturnType<typeof translator>): string[] {
  const out = [...result.warnings];
  if (result.qr && result.qr.kind !== 'citizen-id') out.push(result.qr.message);
  if (result.qr?.kind === 'citizen-id') out.push(...result.qr.card.warnings);
  const mrz = result.reading?.mrz;
  if (mrz && !mrz.ok && /hộ chiếu/.test(mrz.reason)) out.push(mrz.reason);
  if (mrz?.ok) {
    out.push(...mrz.mrz.repairs);
    const failed = mrz.mrz.checks.filter((c) => !c.ok).map((c) => t(`capture.mrz.${c.field}`));
    if (failed.length) out.push(t('capture.mrz.failed', { fields: failed.join(', ') }));
  }
  const passport = result.reading && !result.reading.side && /passport|ho chieu|hộ chiếu/i.test(result.ocrText);
  if (passport) out.push(t('capture.error.passport'));
  return [...new Set(out)];
}

function Inputs({ language, onFiles, onWedge }: { language: Language; onFiles: (files: File[]) => void; onWedge: (text: string) => boolean }) {
  const t = translator(language);
  const [over, setOver] = useState(false);
  const [wedge, setWedge] = useState('');
  return (
    <section className="capture-inputs">
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          onFiles([...e.dataTransfer.files]);
        }}
      >
        <p>{t('capture.drop')}</p>
        <label className="file">
          {t('capture.choose')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            multiple
            onChange={(e) => {
              onFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </label>
        <p className="hint">{t('capture.paste')}</p>
      </div>
      <label className="wedge">
        {t('capture.wedge')}
        <input
          // The handheld scanner types wherever the cursor is: ready for it as the page opens.
          autoFocus
          value={wedge}
          placeholder={t('capture.wedge.placeholder')}
          onChange={(e) => setWedge(e.target.value)}
          onKeyDown={(e) => {
            // The scanner ends its burst with Enter.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (wedge.trim() && onWedge(wedge)) setWedge('');
          }}
        />
      </label>
    </section>
  );
}

