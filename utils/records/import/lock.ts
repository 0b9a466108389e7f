/**
 * One import at a time across every tab of the records page: Web Locks (held by a tab until it finishes or
 * closes) where the context has them, else a queue in this context. Two imports writing together kept
 * rewriting each other's packs until one gave up.
 */
const lockName = 'motcua-import';
let queue: Promise<unknown> = Promise.resolve();
let active = 0;

export async function withImportLock<T>(onWait: () => void, run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    const now = await locks.request(lockName, { ifAvailable: true }, async (lock) =>
      lock ? { value: await run() } : null,
    );
    if (now) return now.value;
    onWait();
    return locks.request(lockName, run);
  }
  const previous = queue;
  let release = () => {};
  queue = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (active > 0) onWait();
  active += 1;
  try {
    await previous;
    return await run();
  } finally {
    active -= 1;
    release();
  }
}
