import type { sendMessage } from '@/utils/messaging/client';

/**
 * Where the panel's messages go: the background (on the portals), or the training sandbox, which answers
 * from its own database of synthetic citizens and never reaches the real records.
 */
export type PanelSend = typeof sendMessage;
