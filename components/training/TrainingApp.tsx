import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { PanelApp } from '@/components/panel/PanelApp';
import '@/components/panel/panel.css';
import { useSettings } from '@/components/pages/useSettings';
import { localPage } from '@/utils/training/local-page';
import { sayError, type Language } from '@/utils/i18n';
import type { RecordsStore } from '@/utils/records/store';
import { openSandbox, resetSandbox, sandboxSend } from '@/utils/training/sandbox';
import { addCustomTour, allTours, bundledTours, type Tour } from '@/utils/training/tours';
import { TourOverlay } from '@/components/training/TourOverlay';
import { usePresenter } from '@/components/training/usePresenter';
import '@/components/training/training.css';

type Message = { kind: 'ok' | 'error'; text: string };

/**
 * Training mode: a replica portal page with the real helper panel, answering from a sandbox of synthetic
 * citizens (no unlock, never the real records), guided tours, and a presenter mode for projection.
 */
export function TrainingApp() {
  const { settings } = useSettings();
  const language: Language = settings?.language ?? 'vi';
  const [tours, setTours] = useState<Tour[]>(bundledTours);
  const [tour, setTour] = useState<Tour | null>(null);
  const [portal, setPortal] = useState(bundledTours[0]!.portal);
  const [presenter, setPresenter] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const presenterRef = useRef(false);
  presenterRef.current = presenter;
  const frameRef = useRef<HTMLIFrameElement>(null);
  usePresenter(presenter, frameRef);

  const { store, send, reset } = useSandbox(presenterRef, frameRef);
  useEffect(() => void allTours().then(setTours), []);
  const page = useMemo(() => localPage(() => frameRef.current), []);

  const start = (t: Tour) => {
    setPortal(t.portal);
    document.body.removeAttribute('data-training-slip');
    if (frameRef.current) frameRef.current.src = browser.runtime.getURL(`/${t.portal}` as '/training.html');
    setTour(t);
  };

  const addTour = async (file: File) => {
    try {
      const t = await addCustomTour(await file.text());
      setTours(await allTours());
      setMessage({ kind: 'ok', text: `Đã thêm bài hướng dẫn "${t.title}".` });
    } catch (e) {
      setMessage({ kind: 'error', text: sayError(language, e) });
    }
  };

  return (
    <div className="training" lang={language}>
      <TrainingBar
        tours={tours}
        presenter={presenter}
        ready={Boolean(store)}
        message={message}
        onStart={start}
        onReset={() => void reset().then(() => setMessage({ kind: 'ok', text: 'Đã làm mới dữ liệu mẫu.' }))}
        onPresenter={() => setPresenter((p) => !p)}
        onAddTour={(file) => void addTour(file)}
      />
      <div className="training-stage">
        <iframe
          ref={frameRef}
          data-training="portal"
          title="Cổng mô phỏng"
          src={browser.runtime.getURL(`/${portal}` as '/training.html')}
          // A new replica page in the frame changes nothing in this document, which the panel watches: nudge it
          // to look at the form again, as it does when a portal rebuilds itself.
        />
        <aside className="training-panel" aria-label="Trợ lý Một cửa">
          {send && <PanelApp tabId={0} language={language} send={send} page={page} lockable={false} />}
        </aside>
      </div>
      {tour && <TourOverlay key={tour.id} tour={tour} onClose={() => setTour(null)} />}
    </div>
  );
}

/** The sandbox of synthetic citizens and the panel's transport to it; `reset` fills it anew and reloads the replica. */
function useSandbox(presenterRef: RefObject<boolean>, frameRef: RefObject<HTMLIFrameElement | null>) {
  const [store, setStore] = useState<RecordsStore | null>(null);
  useEffect(() => void openSandbox().then(setStore), []);
  // The real helper panel beside the replica, as Chrome's side panel sits beside a portal, talking to the sandbox.
  const send = useMemo(
    () =>
      store
        ? sandboxSend(store, {
            maskIds: () => presenterRef.current,
            onEvent: (type) => {
              if (type === 'slip/open') document.body.setAttribute('data-training-slip', '1');
            },
          })
        : null,
    [store, presenterRef],
  );
  const reset = useCallback(async () => {
    setStore(null);
    setStore(await resetSandbox());
    document.body.removeAttribute('data-training-slip');
    frameRef.current?.contentWindow?.location.reload();
  }, [frameRef]);
  return { store, send, reset };
}

function TrainingBar(props: {
  tours: Tour[];
  presenter: boolean;
  ready: boolean;
  message: Message | null;
  onStart: (tour: Tour) => void;
  onReset: () => void;
  onPresenter: () => void;
  onAddTour: (file: File) => void;
}) {
  const { message } = props;
  return (
    <header className="training-bar">
      <h1>Đào tạo — Trợ lý Một cửa</h1>
      <p className="muted">Cổng mô phỏng và công dân mẫu: không mở khoá, không chạm vào hồ sơ thật.</p>
      <div className="training-actions">
        {props.tours.map((t) => (
          <button key={t.id} type="button" className="primary" onClick={() => props.onStart(t)}>
            Bắt đầu hướng dẫn: {t.title}
          </button>
        ))}
        <button type="button" onClick={props.onReset}>
          Làm mới dữ liệu mẫu
        </button>
        <button type="button" aria-pressed={props.presenter} onClick={props.onPresenter}>
          Chế độ trình chiếu
        </button>
        <label className="file">
          Thêm bài hướng dẫn (.json)
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => e.target.files?.[0] && props.onAddTour(e.target.files[0])}
          />
        </label>
        <a href={browser.runtime.getURL('/pages.html')}>Các trang khác</a>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {!props.ready && <p role="status">Đang chuẩn bị dữ liệu mẫu…</p>}
    </header>
  );
}
