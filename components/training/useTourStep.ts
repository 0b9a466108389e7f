import { type RefObject, useEffect, useState } from 'react';
import { placeStepCard, type Side } from '@/utils/training/placement';
import { stepDoneWatcher } from '@/utils/training/step-done';
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

/** The element that meets a step's `done` condition, or null. */
function doneElement(place: TourPlace & { filled?: boolean }): Element | null {
  const found = locate(place);
  if (!found) return null;
  return !place.filled || (found.element as HTMLInputElement).value ? found.element : null;
}

/**
 * Follows the shown step five times a second: its target's box, where the card goes, and whether its `done`
 * condition turned true, which moves the tour on by itself (but for the last step).
 */
export function useTourStep(
  tour: Tour,
  index: number,
  onNext: (from: number) => void,
  card: RefObject<HTMLElement | null>,
) {
  const [rect, setRect] = useState<DOMRect | null>(null);
  const [done, setDone] = useState(false);
  const [place, setPlace] = useState<{ left: number; top: number; side: Side } | null>(null);
  const step = tour.steps[index]!;
  const last = index === tour.steps.length - 1;

  useEffect(() => {
    setDone(false);
    const condition = step.done;
    const isDone = condition ? stepDoneWatcher(() => doneElement(condition)) : null;
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
      const panel =
        step.target.in === 'panel'
          ? (document.querySelector('.training-panel')?.getBoundingClientRect() ?? null)
          : null;
      if (size) setPlace(placeStepCard(target, panel, size, { width: window.innerWidth, height: window.innerHeight }));
      if (!isDone?.()) return;
      setDone(true);
      if (!last) onNext(index);
    };
    tick();
    const timer = setInterval(tick, 200);
    return () => clearInterval(timer);
  }, [index, step, last, card, onNext]);

  return { step, last, rect, place, done };
}
