import { type RefObject, useEffect } from 'react';

/**
 * Presenter mode: larger text (the `presenter` class), and a visible mark where the trainer clicks, on the
 * training page and inside the replica's frame.
 */
export function usePresenter(presenter: boolean, frameRef: RefObject<HTMLIFrameElement | null>) {
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
    if (!presenter) return;
    const mark = (x: number, y: number) => {
      const dot = document.createElement('div');
      dot.className = 'click-mark';
      dot.style.left = `${x}px`;
      dot.style.top = `${y}px`;
      document.body.append(dot);
      setTimeout(() => dot.remove(), 700);
    };
    const onPage = (e: PointerEvent) => mark(e.clientX, e.clientY);
    const onFrame = (e: PointerEvent) => {
      const r = frameRef.current!.getBoundingClientRect();
      mark(e.clientX + r.left, e.clientY + r.top);
    };
    const frameDoc = frameRef.current?.contentDocument;
    window.addEventListener('pointerdown', onPage, true);
    frameDoc?.addEventListener('pointerdown', onFrame, true);
    return () => {
      window.removeEventListener('pointerdown', onPage, true);
      frameDoc?.removeEventListener('pointerdown', onFrame, true);
    };
  }, [presenter, frameRef]);
}
