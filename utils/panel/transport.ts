import { browser } from 'wxt/browser';
import {
  frameProtocol,
  type FrameMessageType,
  type FrameRequest,
  type FrameResponse,
} from '@/utils/messaging/frame-protocol';
import type { PanelSend } from '@/utils/panel/send';

/**
 * How the panel reaches the frames of the portal tab it serves. On a portal, through Chrome: the background's
 * list of the tab's frames, and `tabs.sendMessage` to one frame's content script. In training, the replica runs
 * in a frame of the training page itself and is reached directly (utils/training/local-page.ts).
 */
export interface FrameSummary {
  frameId: number;
  origin: string;
  fieldCount: number;
  changedAt: number;
}

export interface PageTransport {
  frames(): Promise<FrameSummary[]>;
  send<T extends FrameMessageType>(
    frameId: number,
    type: T,
    payload: FrameRequest<T>,
  ): Promise<FrameResponse<T> | null>;
}

/** A channel closed under a stopped service worker or a frame that navigated: said in Vietnamese, retried once. */
const closedChannel = /message channel closed|Receiving end does not exist|Could not establish connection/i;

export function tabTransport(tabId: number, send: PanelSend): PageTransport {
  return {
    frames: async () => (await send('frame/list', { tabId })).frames,
    async send(frameId, type, payload) {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const raw: unknown = await browser.tabs.sendMessage(
            tabId,
            { channel: 'motcua-frame', type, payload },
            { frameId },
          );
          const parsed = frameProtocol[type].response.safeParse(raw);
          return parsed.success ? (parsed.data as FrameResponse<typeof type>) : null;
        } catch (error) {
          if (attempt === 0 && error instanceof Error && closedChannel.test(error.message) && type === 'frame/scan')
            continue;
          return null;
        }
      }
      return null;
    },
  };
}
