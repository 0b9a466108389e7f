import { browser } from 'wxt/browser';
import type { FormRole } from '../autofill/labels';
import { frameProtocol, type FrameMessageType, type RemoteReportItem } from '../messaging/frame-protocol';
import type { FrameEntry, FrameRegistry } from './frame-registry';
import { fillDataWithAddresses } from './records-service';
import type { z } from 'zod';

/** Frames the top frame's panel cannot reach itself: other origins, with fields. */
export function remoteFrames(frames: FrameRegistry, tabId: number, topOrigin: string): FrameEntry[] {
  return frames.list(tabId).filter((f) => f.frameId !== 0 && f.origin !== topOrigin && f.fieldCount > 0);
}

async function ask<T extends FrameMessageType>(
  tabId: number,
  frameId: number,
  type: T,
  payload: z.input<(typeof frameProtocol)[T]['request']>,
): Promise<z.output<(typeof frameProtocol)[T]['response']> | null> {
  try {
    const raw: unknown = await browser.tabs.sendMessage(tabId, { channel: 'motcua-frame', type, payload }, { frameId });
    const parsed = frameProtocol[type].response.safeParse(raw);
    return parsed.success ? (parsed.data as z.output<(typeof frameProtocol)[T]['response']>) : null;
  } catch {
    return null; // The frame navigated away or its content script is gone: nothing to fill there.
  }
}

export async function scanRemote(frames: FrameRegistry, tabId: number, topOrigin: string) {
  const targets = remoteFrames(frames, tabId, topOrigin);
  const roles = new Set<FormRole>();
  for (const frame of targets) for (const role of (await ask(tabId, frame.frameId, 'frame/scan', {}))?.roles ?? []) roles.add(role);
  return { roles: [...roles], frames: targets.length };
}

export async function fillRemote(frames: FrameRegistry, tabId: number, topOrigin: string, assigned: Partial<Record<FormRole, string>>) {
  const targets = remoteFrames(frames, tabId, topOrigin);
  if (targets.length === 0) return { report: [] };
  const people: Partial<Record<FormRole, Awaited<ReturnType<typeof fillDataWithAddresses>>>> = {};
  for (const [role, id] of Object.entries(assigned) as Array<[FormRole, string]>) people[role] = await fillDataWithAddresses(id);
  const report: RemoteReportItem[] = [];
  for (const frame of targets) report.push(...((await ask(tabId, frame.frameId, 'frame/fill', { people }))?.report ?? []));
  return { report };
}

export async function undoRemote(frames: FrameRegistry, tabId: number, topOrigin: string) {
  const partial: string[] = [];
  for (const frame of remoteFrames(frames, tabId, topOrigin)) partial.push(...((await ask(tabId, frame.frameId, 'frame/undo', {}))?.partial ?? []));
  return { partial };
}
