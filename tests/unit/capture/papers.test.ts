import { describe, expect, it } from 'vitest';
import { type PaperPage, savePapers, withPageText } from '@/utils/capture/papers';

const page = (label: string, text: string): PaperPage => ({
  label,
  text,
  raster: { width: 1, height: 1, data: new Uint8ClampedArray(4) },
  preview: `blob:${label}`,
});

describe('papers kept with a person', () => {
  it('corrects one page’s text and leaves the others as they are', () => {
    const pages = [page('Trang 1', 'a'), page('Trang 2', 'b')];
    const next = withPageText(pages, 1, 'Giấy chứng sinh');
    expect(next.map((p) => p.text)).toEqual(['a', 'Giấy chứng sinh']);
    expect(next[0]).toBe(pages[0]);
    expect(pages[1]!.text).toBe('b');
  });

  it('keeps every page as a JPEG document of the kind picked, its text beside it', async () => {
    const added: Array<{ personId: string; meta: unknown; bytes: Uint8Array }> = [];
    const store = {
      addDocument: async (personId: string, meta: unknown, bytes: Uint8Array<ArrayBuffer>) => {
        added.push({ personId, meta, bytes });
        return `d${added.length}`;
      },
    };
    const now = new Date('2026-11-30T02:00:00.000Z');
    const encoded = new Uint8Array([0xff, 0xd8]);
    const count = await savePapers(
      store,
      'p1',
      'death-notice',
      [page('Trang 1', 'Giấy báo tử')],
      async () => encoded,
      now,
    );
    expect(count).toBe(1);
    expect(added).toEqual([
      {
        personId: 'p1',
        meta: {
          kind: 'death-notice',
          fileName: 'Trang 1',
          mimeType: 'image/jpeg',
          ocrText: 'Giấy báo tử',
          extracted: {},
          capturedAt: '2026-11-30T02:00:00.000Z',
        },
        bytes: encoded,
      },
    ]);
  });
});
