import { type RefObject, useEffect, useRef, useState } from 'react';
import { fromBitmap } from '@/utils/capture/engines/load';
import type { Raster } from '@/utils/capture/image';
import { translator, type Language } from '@/utils/i18n';

/**
 * A webcam or document camera: QR codes are looked for in the live picture a few times a second; "Chụp"
 * takes a frame for OCR. The stream stops when the page no longer needs it.
 */
export function Camera({
  language,
  onFrame,
  onCapture,
}: {
  language: Language;
  onFrame: (r: Raster) => Promise<boolean>;
  onCapture: (r: Raster) => void;
}) {
  const t = translator(language);
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState('');
  useLiveStream(stream, video, onFrame, () => setStream(null));

  const start = async () => {
    setError('');
    try {
      setStream(
        await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        }),
      );
    } catch (e) {
      setError(
        e instanceof DOMException && e.name === 'NotAllowedError'
          ? t('capture.camera.denied')
          : t('capture.camera.none'),
      );
    }
  };
  const stop = () => setStream(null);

  return (
    <section className="camera">
      {!stream ? (
        <button type="button" onClick={() => void start()}>
          {t('capture.camera.start')}
        </button>
      ) : (
        <>
          <video ref={video} muted playsInline aria-label={t('capture.camera.live')} />
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                const v = video.current;
                if (v?.videoWidth) onCapture(fromBitmap(v, v.videoWidth, v.videoHeight));
              }}
            >
              {t('capture.camera.shoot')}
            </button>
            <button type="button" onClick={stop}>
              {t('capture.camera.stop')}
            </button>
          </div>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/**
 * Shows the stream in the video, offers it a frame a few times a second (`onFrame` says true once it found what
 * it looked for, which ends the stream), and stops its tracks when the stream goes.
 */
function useLiveStream(
  stream: MediaStream | null,
  video: RefObject<HTMLVideoElement | null>,
  onFrame: (r: Raster) => Promise<boolean>,
  onFound: () => void,
) {
  // The latest callbacks, read when a frame arrives (the interval lives as long as the stream).
  const latest = useRef({ onFrame, onFound });
  latest.current = { onFrame, onFound };

  useEffect(() => {
    if (!stream || !video.current) return;
    video.current.srcObject = stream;
    void video.current.play().catch(() => undefined);
    let busy = false;
    const timer = setInterval(() => {
      const v = video.current;
      if (busy || !v || v.videoWidth === 0) return;
      busy = true;
      void latest.current
        .onFrame(fromBitmap(v, v.videoWidth, v.videoHeight))
        .then((found) => found && latest.current.onFound())
        .finally(() => {
          busy = false;
        });
    }, 300);
    return () => clearInterval(timer);
  }, [stream, video]);

  useEffect(
    () => () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
    },
    [stream],
  );
}
