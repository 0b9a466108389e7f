import { useCallback, useRef, useState } from 'react';
import type { Tour } from '@/utils/training/tours';
import { useTourStep } from '@/components/training/useTourStep';

/**
 * Step-by-step overlay: a ring around the step's target and a card with the explanation, progress, back and
 * next. A step with a `done` condition moves on by itself once the trainee has done it; "Tiếp" always works.
 */
export function TourOverlay({ tour, onClose }: { tour: Tour; onClose: () => void }) {
  const [index, setIndex] = useState(0);
  const card = useRef<HTMLElement>(null);
  const moveOn = useCallback((from: number) => setIndex((i) => (i === from ? i + 1 : i)), []);
  const { step, last, rect, place, done } = useTourStep(tour, index, moveOn, card);

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
