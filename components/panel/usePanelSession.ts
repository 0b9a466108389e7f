import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { sessionItem } from '@/utils/security/session';
import { PanelSession } from '@/utils/panel/session';
import type { PanelSend } from '@/utils/panel/send';
import type { PageTransport } from '@/utils/panel/transport';

/** How often the panel asks the background what the tab's frames reported (cheap: one message). */
const pageEveryMs = 800;
const lockEveryMs = 4000;

/** The panel session of one tab, its state as React state, kept fresh while the panel is open. */
export function usePanelSession(tabId: number, send: PanelSend, page: PageTransport, watchLock = true) {
  const session = useMemo(() => new PanelSession(tabId, send, page), [tabId, send, page]);
  const state = useSyncExternalStore(session.subscribe, () => session.snapshot);
  useEffect(() => {
    let stopped = false;
    const tickPage = async () => {
      if (stopped) return;
      await session.refreshPage().catch(() => undefined);
      if (!stopped) pageTimer = setTimeout(tickPage, pageEveryMs);
    };
    let pageTimer = setTimeout(tickPage, 0);
    void session.refreshLock().then(() => session.loadFiling());
    const lockTimer = setInterval(() => void session.refreshLock(), lockEveryMs);
    // Locked or unlocked elsewhere (the records page, the idle lock): follow at once.
    const unwatch = watchLock ? sessionItem.watch(() => void session.refreshLock()) : () => undefined;
    return () => {
      stopped = true;
      clearTimeout(pageTimer);
      clearInterval(lockTimer);
      unwatch();
    };
  }, [session, watchLock]);
  return { session, state };
}
