import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extraBridgeId, extraScriptId, syncExtraHostScripts } from '@/utils/background/extra-hosts';
import { FrameRegistry } from '@/utils/background/frame-registry';

// fake-browser does not implement permissions or scripting: stand in for Chrome with spies.
let granted: Set<string>;
let registered: Array<{ id: string; matches?: string[] }>;

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  registered = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every((o) => granted.has(o)),
  );
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => registered as never);
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    registered = registered.filter((s) => !filter?.ids?.includes(s.id));
  });
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    registered.push(...(scripts as typeof registered));
  });
});

describe('syncExtraHostScripts', () => {
  it('registers the content script and the page-world bridge on exactly the granted extra hosts', async () => {
    granted.add('https://a.example.vn/*');
    const result = await syncExtraHostScripts(['a.example.vn', 'b.example.vn']);
    expect(result).toEqual(['a.example.vn']);
    expect(registered).toEqual([
      expect.objectContaining({ id: extraScriptId, matches: ['https://a.example.vn/*'], allFrames: true }),
      expect.objectContaining({ id: extraBridgeId, matches: ['https://a.example.vn/*'], world: 'MAIN' }),
    ]);
    // No stylesheet: the content script draws nothing but outlines (a missing content.css was an error on every page).
    expect(registered.every((s) => !(s as { css?: unknown }).css)).toBe(true);
  });

  it('replaces an earlier registration and removes it when nothing is granted', async () => {
    granted.add('https://a.example.vn/*');
    await syncExtraHostScripts(['a.example.vn']);
    granted.add('https://b.example.vn/*');
    await syncExtraHostScripts(['a.example.vn', 'b.example.vn']);
    expect(registered).toHaveLength(2);
    expect(registered[0]!.matches).toEqual(['https://a.example.vn/*', 'https://b.example.vn/*']);

    granted.clear();
    expect(await syncExtraHostScripts(['a.example.vn'])).toEqual([]);
    expect(registered).toEqual([]);
  });
});

describe('FrameRegistry', () => {
  it('keeps frames per tab, replaces a frame’s report, forgets a tab', async () => {
    const frames = new FrameRegistry();
    await frames.report(1, { frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: 3 });
    await frames.report(1, { frameId: 5, origin: 'https://dichvucong.gov.vn', fieldCount: 4 });
    await frames.report(2, { frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: 1 });
    expect(
      (await frames.report(1, { frameId: 5, origin: 'https://dichvucong.gov.vn', fieldCount: 6 })).map(
        (f) => f.fieldCount,
      ),
    ).toEqual([3, 6]);
    await frames.resetTab(1);
    expect(await frames.list(1)).toEqual([]);
    expect(await frames.list(2)).toHaveLength(1);
  });

  it('survives the service worker being stopped: the frames live in storage.session', async () => {
    await new FrameRegistry().report(3, { frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: 2 }, 1000);
    await new Promise((r) => setTimeout(r, 10));
    expect(await new FrameRegistry().list(3)).toEqual([
      { frameId: 0, origin: 'https://dichvucong.gov.vn', fieldCount: 2, changedAt: 1000 },
    ]);
  });
});
