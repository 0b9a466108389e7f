import type { SenderKind } from '@/utils/messaging/protocol';

/** The parts of `runtime.MessageSender` the checks read (Chrome fills `origin` for content scripts). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export type SenderContext =
  | { kind: 'page'; url: string }
  | { kind: 'content'; tabId: number; frameId: number; origin: string };

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  isPortalOrigin: (origin: string) => boolean;
}

/**
 * Who sent a message, or null when nobody we trust did. Extension pages are recognised by their URL;
 * content scripts must come from a tab frame whose origin is a portal. Web pages cannot message us at all
 * (no `externally_connectable`); this check is the second line.
 */
export function classifySender(sender: SenderLike, policy: SenderPolicy): SenderContext | null {
  if (sender.id !== policy.extensionId) return null;
  if (sender.url?.startsWith(policy.extensionOrigin)) return { kind: 'page', url: sender.url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || typeof sender.frameId !== 'number') return null;
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin || !policy.isPortalOrigin(origin)) return null;
  return { kind: 'content', tabId, frameId: sender.frameId, origin };
}

export function senderAllowed(context: SenderContext, allowed: readonly SenderKind[]): boolean {
  return allowed.includes(context.kind);
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
