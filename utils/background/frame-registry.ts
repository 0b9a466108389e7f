import { storage } from 'wxt/utils/storage';

export interface FrameEntry {
  frameId: number;
  origin: string;
  fieldCount: number;
  /** When the frame last reported: its page loaded, or its fields changed. */
  changedAt: number;
}

type Tabs = Record<string, Record<string, FrameEntry>>;

/**
 * Which frames of each portal tab run the content script, and what they found. Kept in storage.session (memory
 * only) so that a service worker stopped and started again still knows the tab's frames for the panel.
 */
const framesItem = storage.defineItem<Tabs>('session:frames', { fallback: {} });

export class FrameRegistry {
  private tabs: Tabs | null = null;
  private writing: Promise<void> = Promise.resolve();

  private async load(): Promise<Tabs> {
    this.tabs ??= await framesItem.getValue();
    return this.tabs;
  }

  private save() {
    const snapshot = structuredClone(this.tabs ?? {});
    this.writing = this.writing.then(() => framesItem.setValue(snapshot)).catch(() => undefined);
  }

  async report(tabId: number, entry: Omit<FrameEntry, 'changedAt'>, now = Date.now()): Promise<FrameEntry[]> {
    const tabs = await this.load();
    tabs[tabId] ??= {};
    const frames = tabs[tabId];
    frames[entry.frameId] = { ...entry, changedAt: now };
    this.save();
    return this.list(tabId);
  }

  async list(tabId: number): Promise<FrameEntry[]> {
    const tabs = await this.load();
    return Object.values(tabs[tabId] ?? {}).sort((a, b) => a.frameId - b.frameId);
  }

  /** A top-frame navigation starts the tab afresh. */
  async resetTab(tabId: number) {
    const tabs = await this.load();
    delete tabs[tabId];
    this.save();
  }
}
