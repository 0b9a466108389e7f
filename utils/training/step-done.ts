/**
 * Whether a tour step's `done` condition turned true while the step is shown. A report left over from an earlier
 * exercise does not count: the condition must be false at some tick, or the element that meets it must be another
 * one than the element that stood there when the step began (a fill replaces its report without ever leaving the
 * panel empty for as long as a tick).
 */
export function stepDoneWatcher(check: () => Element | null): () => boolean {
  const initial = check();
  let seenUndone = initial === null;
  return () => {
    const found = check();
    if (!found) {
      seenUndone = true;
      return false;
    }
    return seenUndone || found !== initial;
  };
}
