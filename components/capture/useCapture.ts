import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadFile, previewUrl } from '@/utils/capture/engines/load';
import { readDocument, scanCard, type ScanResult, type ScanStage } from '@/utils/capture/engines/pipeline';
import { decodeQr } from '@/utils/capture/engines/qr';
import { explainScan, sayQr } from '@/utils/capture/explain';
import type { Quad, Raster } from '@/utils/capture/image';
import {
  citizenQrOf,
  mergeValues,
  peopleIn,
  reviewOf,
  type CaptureValues,
  type Reviewed,
  type Shot,
} from '@/utils/capture/intake';
import { parseTd1 } from '@/utils/capture/mrz';
import type { PlaceLexicon } from '@/utils/capture/places';
import { classifyQr } from '@/utils/capture/qr-payload';
import { repairWedge } from '@/utils/capture/wedge';
import type { translator } from '@/utils/i18n';
import { captureAssets, exposeEngines, placeLexicon, warmUp } from '@/components/capture/useCaptureEngine';
import type { PaperPage } from '@/utils/capture/papers';

type T = ReturnType<typeof translator>;
export type Mode = 'card' | 'document';

/** What the page is doing now: the file and the scan's stage (for the staged progress). */
export interface Progress {
  name: string;
  stage: 'open' | ScanStage;
}
export const stageOrder: Progress['stage'][] = ['open', 'card', 'qr', 'ocr', 'reread'];

/** The capture page's session: the shots, what they say, what the officer typed, and every way in. */
export function useCapture(t: T) {
  const assets = useMemo(captureAssets, []);
  const [mode, setMode] = useState<Mode>('card');
  const [shots, setShots] = useState<Shot[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [values, setValues] = useState<CaptureValues>({});
  const [mrzLines, setMrzLines] = useState<string[] | null>(null);
  const edited = useRef(new Set<string>());
  const [places, setPlaces] = useState<PlaceLexicon | null>(null);
  const [documents, setDocuments] = useState<PaperPage[]>([]);
  const tell = useCallback((more: string[]) => more.length && setErrors((e) => [...e, ...more]), []);

  useEffect(() => void placeLexicon().then(setPlaces), []);
  useEffect(() => {
    void warmUp(assets).catch(() => tell([t('capture.error.engine')]));
    exposeEngines(assets);
  }, [assets, t, tell]);

  const reviewed: Reviewed = useMemo(() => reviewOf(withTypedMrz(shots, mrzLines), places), [shots, mrzLines, places]);
  const people = peopleIn(shots);
  // New readings fill every field the officer has not typed into; the 2024 QR's parents go into the note.
  useEffect(() => {
    const parents = citizenQrOf(shots)?.parents;
    const named = [
      parents?.father && `${t('capture.qr.father')}: ${parents.father}`,
      parents?.mother && `${t('capture.qr.mother')}: ${parents.mother}`,
    ]
      .filter(Boolean)
      .join('; ');
    setValues((current) => {
      const next = mergeValues(current, reviewed.review, edited.current);
      return named && !edited.current.has('note') ? { ...next, note: `${named}.` } : next;
    });
  }, [reviewed, shots, t]);

  /** One image of a card (a file's page or a camera frame): scanned, its problems told, shown beside the review. */
  const addScan = useCallback(
    async (raster: Raster, label: string, quad?: Quad) => {
      try {
        const result = await scanCard(raster, assets, {
          onStage: (stage) => setProgress({ name: label, stage }),
          ...(quad ? { quad } : {}),
        });
        tell(explainScan(result, label, t));
        const [preview, photo] = await Promise.all([
          previewUrl(result.card ?? raster),
          result.card ? previewUrl(raster) : Promise.resolve(null),
        ]);
        return { id: crypto.randomUUID(), label, preview, photo, raster, result } satisfies Shot;
      } catch (e) {
        tell([t('capture.error.scan', { name: label, reason: e instanceof Error ? e.message : String(e) })]);
        return null;
      }
    },
    [assets, t, tell],
  );

  const addImages = useCallback(
    async (files: Array<Blob & { name?: string }>) => {
      for (const file of files) {
        const name = file.name ?? t('capture.pasted');
        setProgress({ name, stage: 'open' });
        const loaded = await loadFile(file, assets.pdfWorker);
        if (!loaded.ok) {
          tell([t(loaded.reason.key, loaded.reason.params)]);
          continue;
        }
        for (const page of loaded.pages) {
          if (page.reduced)
            tell([
              t('capture.error.reduced', { name: page.label, width: page.reduced.width, height: page.reduced.height }),
            ]);
          if (mode === 'document') {
            const read = await readDocument(page.raster, assets);
            const preview = await previewUrl(page.raster);
            setDocuments((d) => [...d, { label: page.label, text: read.text, raster: page.raster, preview }]);
            continue;
          }
          const shot = await addScan(page.raster, page.label);
          if (shot) setShots((s) => [...s, shot]);
        }
      }
      setProgress(null);
    },
    [assets, mode, t, addScan, tell],
  );

  /** The officer moved the crop's corners: that shot is read again from exactly that area. */
  const rescan = useCallback(
    async (id: string, quad: Quad) => {
      const old = shots.find((s) => s.id === id);
      if (!old?.raster) return;
      const shot = await addScan(old.raster, old.label, quad);
      setProgress(null);
      if (!shot) return;
      for (const url of [old.preview, old.photo]) if (url) URL.revokeObjectURL(url);
      setShots((s) => s.map((x) => (x.id === id ? { ...shot, id } : x)));
    },
    [shots, addScan],
  );

  const addWedge = useCallback(
    (raw: string): boolean => {
      const repaired = repairWedge(raw);
      const payload = classifyQr(repaired.text);
      if (payload.kind !== 'citizen-id') {
        tell([sayQr(payload.message, t)]);
        return false;
      }
      tell([
        ...repaired.repairs,
        ...payload.card.warnings,
        ...(repaired.diacriticsLost ? [t('capture.wedge.diacritics')] : []),
      ]);
      setShots((s) => [
        ...s,
        {
          id: crypto.randomUUID(),
          label: t('capture.wedge.label'),
          preview: null,
          photo: null,
          raster: null,
          result: null,
          wedge: payload.card,
        },
      ]);
      return true;
    },
    [t, tell],
  );

  const onCameraQr = async (raster: Raster): Promise<boolean> => {
    const hit = await decodeQr(raster);
    if (!hit) return false;
    const payload = classifyQr(hit.text);
    if (payload.kind !== 'citizen-id') {
      const said = sayQr(payload.message, t);
      setErrors((e) => (e.at(-1) === said ? e : [...e, said]));
      return false;
    }
    const preview = await previewUrl(raster);
    const whole: Quad = [
      [0, 0],
      [raster.width, 0],
      [raster.width, raster.height],
      [0, raster.height],
    ];
    const result: ScanResult = {
      qr: payload,
      reading: null,
      card: null,
      ocrText: '',
      upsideDown: false,
      quad: whole,
      foundBy: 'photo',
      timings: { qrMs: 0, prepMs: 0, ocrMs: 0, totalMs: 0 },
      warnings: [],
    };
    setShots((s) => [
      ...s,
      { id: crypto.randomUUID(), label: t('capture.camera.label'), preview, photo: null, raster, result },
    ]);
    return true;
  };

  usePaste(addImages, addWedge);

  const reset = () => {
    for (const s of shots) for (const url of [s.preview, s.photo]) if (url) URL.revokeObjectURL(url);
    for (const d of documents) URL.revokeObjectURL(d.preview);
    setShots([]);
    setValues({});
    setMrzLines(null);
    edited.current.clear();
    setErrors([]);
    setDocuments([]);
  };

  const change = (field: keyof CaptureValues, value: string) => {
    edited.current.add(field);
    setValues((v) => ({ ...v, [field]: value }));
  };

  /** "Chụp": a camera frame goes through the same scan as a file's page. */
  const addFrame = async (raster: Raster, label: string) => {
    const shot = await addScan(raster, label);
    setProgress(null);
    if (shot) setShots((s) => [...s, shot]);
  };

  return {
    mode,
    setMode,
    shots,
    errors,
    setErrors,
    progress,
    values,
    change,
    reviewed,
    people,
    mrzLines,
    setMrzLines,
    documents,
    setDocuments,
    addImages,
    addFrame,
    addWedge,
    onCameraQr,
    rescan,
    reset,
  };
}

/** The MRZ lines as the officer corrected them replace the scanned MRZ in the review. */
function withTypedMrz(shots: Shot[], lines: string[] | null): Shot[] {
  if (!lines) return shots;
  const parsed = parseTd1(lines);
  return shots.map((s) =>
    s.result?.reading && (s.result.reading.mrz || s.result.reading.side === 'back')
      ? { ...s, result: { ...s.result, reading: { ...s.result.reading, mrz: parsed } } }
      : s,
  );
}

/** Paste: an image from the clipboard (wherever the cursor is), or the text a scanner app copied. */
function usePaste(addImages: (files: File[]) => Promise<void>, addWedge: (text: string) => boolean) {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
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
}
