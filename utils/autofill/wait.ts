/**
 * Waits on the page without fixed sleeps: `probe` is checked now and at every DOM change under `target`,
 * until it returns something or `timeoutMs` passes (then null).
 */
export function whenDom<T>(
  target: Node,
  probe: () => T | null | undefined | false,
  timeoutMs: number,
  options: MutationObserverInit = { childList: true, subtree: true, attributes: true },
): Promise<T | null> {
  const first = probe();
  if (first) return Promise.resolve(first);
  const doc = target.ownerDocument ?? (target as Document);
  const view = doc.defaultView ?? window;
  return new Promise((resolve) => {
    const observer = new view.MutationObserver(() => {
      const hit = probe();
      if (hit) finish(hit);
    });
    const timer = view.setTimeout(() => finish(null), timeoutMs);
    observer.observe(target, options);
    function finish(value: T | null) {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(value);
    }
  });
}
