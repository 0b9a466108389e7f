import { useEffect, useRef, useState } from 'react';
import { placeCard, type Side } from '@/utils/training/placement';
import type { Tour, TourPlace } from '@/utils/training/tours';

/** Finds a tour's place: on the training page, in the helper panel beside the replica, or inside the replica's frame. */
export function locate(place: TourPlace): { element: Element; offset: { x: number; y: number } } | null {
  try {
    if (place.in === 'page') {
      const element = document.querySelector(place.selector);
      return element ? { element, offset: { x: 0, y: 0 } } : null;
    }
    if (place.in === 'panel') {
      const element = document.querySelector('.training-panel')?.querySelector(place.selector);
      return element ? { element, offset: { x: 0, y: 0 } } : null;
    }
    const frame = document.querySelector<HTMLIFrameElement>('[data-training=portal]');
    const element = frame?.contentDocument?.querySelector(place.selector);
    if (!frame || !element) return null;
    const r = frame.getBoundingClientRect();
    return { element, offset: { x: r.left, y: r.top } };
  } catch {
    return null; // A trainer's selector that does not parse: no highlight, the step still shows.
  }
}

function isDone(place: (TourPlace & { filled?: boolean }) | undefined): boolean {
  if (!place) return true;
  const found = locate(place);
  if (!found) return false;
  return !place.filled || Boolean((found.element as HTMLInputElement).value);
}

/**
 * Step-by-step overlay: a ring around the step's target and a card with the explanation, progress, back and
 * next. A step with a `done` condition moves on by itself once the trainee has done it; "Tiếp" always works.
 */
export function TourOverlay({ tour, onClose }: { tour: Tour; onClose: () => void }) {
  const [index, setIndex] = useState(0);
  const [rect, setRect] = useState<DOMRect | null>(null);
  const [done, setDone] = useState(false);
  const card = useRef<HTMLElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number; side: Side } | null>(null);
  const step = tour.steps[index]!;
  const last = index === tour.steps.length - 1;

  useEffect(() => {
    setDone(false);
    // A step is done when its condition turns true while the step is shown (a report left over from an
    // earlier exercise does not count).
    let seenUndone = !step.done || !isDone(step.done);
    const tick = () => {
      const found = locate(step.target);
      let target: DOMRect | null = null;
      if (found) {
        const r = found.element.getBoundingClientRect();
        target = new DOMRect(r.left + found.offset.x, r.top + found.offset.y, r.width, r.height);
      }
      setRect(target);
      // The card beside its target, its arrow pointing at it (measured as shown: presenter mode enlarges it).
      const size = card.current ? { width: card.current.offsetWidth, height: card.current.offsetHeight } : null;
      // A target in the helper panel: the card beside the whole panel, level with the target, so that it never
      // covers the panel's buttons the trainee presses next ("Điền biểu mẫu" under the search).
      const panel =
        step.target.in === 'panel' ? document.querySelector('.training-panel')?.getBoundingClientRect() : null;
      const around = panel && target ? new DOMRect(panel.left, target.top, panel.width, target.height) : target;
      const order = panel ? (['left', 'right'] as const) : undefined;
      if (size)
        setPlace(
          placeCard(around, size, { width: window.innerWidth, height: window.innerHeight }, order && [...order]),
        );
      if (!step.done) return;
      if (!isDone(step.done)) {
        seenUndone = true;
        return;
      }
      if (!seenUndone) return;
      setDone(true);
      if (!last) setIndex((i) => (i === index ? i + 1 : i));
    };
    tick();
    const timer = setInterval(tick, 200);
    return () => clearInterval(timer);
  }, [index, step, last]);

  return (
    <>
      {rect && (
        <div
          className="tour-ring"
          style={{ left: rect.left - 6, top: rect.top - 6, width: rect.width + 12, height: rect.height + 12 }}
        />
      )}
      <section
        ref={card}
        className="tour-card"
        data-side={place?.side ?? 'none'}
        style={place ? { left: place.left, top: place.top, bottom: 'auto' } : undefined}
        role="dialog"
        aria-label={`Hướng dẫn: ${tour.title}`}
      >
        <p className="tour-progress" data-testid="tour-progress">
          Bước {index + 1}/{tour.steps.length}
        </p>
        <h2>{step.title}</h2>
        <p>{step.text}</p>
        {last && done && (
          <p role="status" className="tour-done">
            Hoàn thành bài hướng dẫn "{tour.title}".
          </p>
        )}
        <div className="tour-actions">
          <button type="button" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
            Quay lại
          </button>
          {!last && (
            <button
              type="button"
              className={!step.done || done ? 'primary' : ''}
              onClick={() => setIndex((i) => i + 1)}
            >
              Tiếp
            </button>
          )}
          <button type="button" onClick={onClose}>
            {last && done ? 'Đóng' : 'Thoát hướng dẫn'}
          </button>
        </div>
      </section>
    </>
  );
}
