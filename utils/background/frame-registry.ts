export interface FrameEntry {
  frameId: number;
  origin: string;
  fieldCount: number;
}

/** Which frames of each tab run the content script, and what they found. Lives in the service worker. */
export class FrameRegistry {
  private readonly tabs = new Map<number, Map<number, FrameEntry>>();

  report(tabId: number, entry: FrameEntry): FrameEntry[] {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(entry.frameId, entry);
    return this.list(tabId);
  }

  list(tabId: number): FrameEntry[] {
    return [...(this.tabs.get(tabId)?.values() ?? [])].sort((a, b) => a.frameId - b.frameId);
  }

  /** A top-frame navigation starts the tab afresh. */
  resetTab(tabId: number) {
    this.tabs.delete(tabId);
  }
}
