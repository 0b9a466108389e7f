import { createContext, useContext, type ReactNode } from 'react';
import { sendMessage } from '@/utils/messaging/client';

/**
 * Where the panel's messages go: the background (on the portals), or the training sandbox, which answers
 * from its own database of synthetic citizens and never reaches the real records.
 */
export type PanelSend = typeof sendMessage;

const PanelClient = createContext<PanelSend>(sendMessage);

export function PanelClientProvider({ send, children }: { send: PanelSend; children: ReactNode }) {
  return <PanelClient.Provider value={send}>{children}</PanelClient.Provider>;
}

export function usePanelSend(): PanelSend {
  return useContext(PanelClient);
}
