import type { DocumentKind } from '@/utils/records/schema';
import type { RecordsStore } from '@/utils/records/store';
import type { Raster } from '@/utils/capture/image';

/** A page of a paper: the image, its preview (an object URL made once) and its text as read, then corrected. */
export interface PaperPage {
  label: string;
  text: string;
  raster: Raster;
  preview: string;
}

/** The pages with one page's text corrected. */
export function withPageText(pages: readonly PaperPage[], index: number, text: string): PaperPage[] {
  return pages.map((page, i) => (i === index ? { ...page, text } : page));
}

/**
 * Keeps every page with the person as an encrypted document of the kind picked, its text beside it; the image
 * encoder is given (a canvas in the page, none in a test). Returns how many pages were kept.
 */
export async function savePapers(
  store: Pick<RecordsStore, 'addDocument'>,
  personId: string,
  kind: DocumentKind,
  pages: readonly PaperPage[],
  encode: (raster: Raster) => Promise<Uint8Array<ArrayBuffer>>,
  now = new Date(),
): Promise<number> {
  for (const page of pages) {
    const meta = {
      kind,
      fileName: page.label,
      mimeType: 'image/jpeg',
      ocrText: page.text,
      extracted: {},
      capturedAt: now.toISOString(),
    };
    await store.addDocument(personId, meta, await encode(page.raster));
  }
  return pages.length;
}
