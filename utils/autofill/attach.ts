import { matchKey } from '@/utils/vn/text';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import { whenDom } from '@/utils/autofill/wait';

/**
 * Papers to the dossier: a stored scan fitted to what a portal's file row accepts (its types, its size limit:
 * 2 MB on the national portal) and put into the portal's own file input, the way the portal reads files.
 */
export interface Scan {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export const defaultLimitBytes = 2 * 1024 * 1024;

const extensionOf = (mime: string) =>
  mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : mime === 'image/webp' ? 'webp' : 'jpg';
const baseName = (name: string) => name.replace(/\.[a-z0-9]+$/i, '');

/** The extensions an `accept` attribute allows ("" or "*" = anything). */
export function acceptedExtensions(accept: string): string[] | null {
  const parts = accept
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const out = new Set<string>();
  for (const p of parts) {
    if (p === 'application/pdf' || p === '.pdf') out.add('pdf');
    else if (p === 'image/*') for (const e of ['jpg', 'png', 'webp']) out.add(e);
    else if (p === 'image/jpeg' || p === '.jpg' || p === '.jpeg') out.add('jpg');
    else if (p === 'image/png' || p === '.png') out.add('png');
    else if (p === 'image/webp' || p === '.webp') out.add('webp');
  }
  return [...out];
}

/** A JPEG re-encoded (and scaled down when needed) until it fits `limit`. */
async function jpegUnder(
  bytes: Uint8Array<ArrayBuffer>,
  mimeType: string,
  limit: number,
): Promise<{ jpeg: Uint8Array<ArrayBuffer>; width: number; height: number } | null> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mimeType }));
  let scale = Math.min(1, 2400 / Math.max(bitmap.width, bitmap.height));
  for (let attempt = 0; attempt < 8; attempt++) {
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    for (const quality of [0.85, 0.7, 0.55]) {
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      if (blob.size <= limit) return { jpeg: new Uint8Array(await blob.arrayBuffer()), width, height };
    }
    scale *= 0.7;
  }
  return null;
}

/** A one-page PDF holding a JPEG, fitted to an A4 page (DCTDecode: the JPEG's bytes as they are). */
export function jpegToPdf(jpeg: Uint8Array<ArrayBuffer>, width: number, height: number): Uint8Array<ArrayBuffer> {
  const fit = Math.min(595 / width, 842 / height);
  const w = Math.round(width * fit);
  const h = Math.round(height * fit);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: string | Uint8Array) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, body: string) => {
    offsets[n] = length;
    push(`${n} 0 obj\n${body}\nendobj\n`);
  };
  push('%PDF-1.4\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    3,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
  );
  offsets[4] = length;
  push(
    `4 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
  );
  push(jpeg);
  push('\nendstream\nendobj\n');
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  object(5, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  const xref = length;
  push(
    `xref\n0 6\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)
      .join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What a scan was turned into to fit a row (`dossier.reason.converted.<code>`). */
export type Converted = 'pdf' | 'jpeg' | 'jpegShrunk';

/**
 * Why a scan was or was not attached, as a code the panel says (`dossier.reason.<code>`): the content script
 * carries no catalogue. `pageSays` is the portal's own alert, as it wrote it.
 */
export interface AttachReason {
  code: string;
  params?: Record<string, string | number>;
}

/** The scan as a File the row takes, or the reason it cannot be. */
export async function fitScan(
  scan: Scan,
  accepted: string[] | null,
  limit = defaultLimitBytes,
): Promise<{ file: File; converted: Converted | null } | { error: AttachReason }> {
  const ext = extensionOf(scan.mimeType);
  const takes = (e: string) => !accepted || accepted.includes(e);
  const name = baseName(scan.fileName);
  if (takes(ext) && scan.bytes.length <= limit)
    return { file: new File([scan.bytes], `${name}.${ext}`, { type: scan.mimeType }), converted: null };
  if (ext === 'pdf') {
    return {
      error: takes('pdf') ? { code: 'pdfTooBig', params: { limit: limit / 1024 / 1024 } } : { code: 'imagesOnly' },
    };
  }
  const wantsPdf = !takes('jpg') && takes('pdf');
  if (!takes('jpg') && !wantsPdf) return { error: { code: 'typeRefused' } };
  const fitted = await jpegUnder(scan.bytes, scan.mimeType, wantsPdf ? limit - 2048 : limit);
  if (!fitted) return { error: { code: 'cannotShrink', params: { limit: limit / 1024 / 1024 } } };
  if (wantsPdf)
    return {
      file: new File([jpegToPdf(fitted.jpeg, fitted.width, fitted.height)], `${name}.pdf`, { type: 'application/pdf' }),
      converted: 'pdf',
    };
  return {
    file: new File([fitted.jpeg], `${name}.jpg`, { type: 'image/jpeg' }),
    converted: scan.bytes.length > limit ? 'jpegShrunk' : 'jpeg',
  };
}

/** A portal's dossier rows: table rows the officer can see, holding an upload button or a file input the officer can see too. */
export interface DossierRow {
  element: HTMLElement;
  name: string;
  accept: string;
}

const uploadButton =
  'button[title="Tải lên file"], button[title*="Tải lên"], button[title*="Đính kèm"], label[for], .btn-upload';

export function dossierRows(doc: Document): DossierRow[] {
  return [...doc.querySelectorAll<HTMLElement>('tr')]
    .filter(
      (tr) =>
        isVisibleToOfficer(tr) &&
        [...tr.querySelectorAll<HTMLElement>(`${uploadButton}, input[type=file]`)].some((e) => isVisibleToOfficer(e)),
    )
    .map((tr) => {
      const cells = [...tr.querySelectorAll('td')]
        .map((td) => td.textContent?.trim() ?? '')
        .filter((t) => t && !/^\d+$/.test(t));
      const input = tr.querySelector<HTMLInputElement>('input[type=file]');
      return { element: tr, name: cells.sort((a, b) => b.length - a.length)[0] ?? '', accept: input?.accept ?? '' };
    });
}

/** Whether a row names this paper ("Giấy chứng sinh" ~ "Giấy chứng sinh (hoặc văn bản của người làm chứng)"). */
export function rowMatchesPaper(rowName: string, paperName: string): boolean {
  const row = matchKey(rowName);
  const paper = matchKey(paperName.replace(/\(.*?\)/g, ''));
  return Boolean(row && paper) && (row === paper || row.startsWith(paper) || paper.startsWith(row));
}

/**
 * The file input a row's file goes into, as the officer sees it: a visible file input inside the row; else the
 * input the row's own visible upload button opens (portals share one hidden input between rows: pressing the
 * row's button is how the page itself names it, and its file dialog is stopped). Never another hidden input.
 */
function rowInput(row: HTMLElement): HTMLInputElement | null {
  const own = [...row.querySelectorAll<HTMLInputElement>('input[type=file]')].find((i) => isVisibleToOfficer(i));
  if (own) return own;
  const button = [...row.querySelectorAll<HTMLElement>(uploadButton)].find((b) => isVisibleToOfficer(b));
  if (!button) return null;
  const doc = row.ownerDocument;
  let opened: HTMLInputElement | null = null;
  const catchPicker = (e: Event) => {
    const target = e.target as Element | null;
    if (target instanceof (doc.defaultView ?? window).HTMLInputElement && target.type === 'file') {
      opened = target;
      e.preventDefault();
    }
  };
  doc.addEventListener('click', catchPicker, true);
  button.click();
  doc.removeEventListener('click', catchPicker, true);
  return opened;
}

/**
 * Puts a scan into the row through the portal's own file input: the file fitted to the types and size the
 * input takes, then the input gets it with the change event the page reads. Reads back, without sleeping: the
 * file's name shown in the row, or the page's error toast.
 */
export async function attachToRow(
  row: HTMLElement,
  fit: (accepted: string[] | null) => Promise<{ file: File; converted: Converted | null } | { error: AttachReason }>,
  timeoutMs = 3000,
): Promise<{ ok: boolean; reason: AttachReason | null }> {
  const doc = row.ownerDocument;
  const view = doc.defaultView ?? window;
  if (!isVisibleToOfficer(row)) return { ok: false, reason: { code: 'rowHidden' } };
  const input = rowInput(row);
  if (!input) return { ok: false, reason: { code: 'noInput' } };
  const fitted = await fit(acceptedExtensions(input.accept));
  if ('error' in fitted) return { ok: false, reason: fitted.error };
  const { file } = fitted;
  const transfer = new view.DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new view.Event('input', { bubbles: true }));
  input.dispatchEvent(new view.Event('change', { bubbles: true }));
  const outcome = await whenDom(
    doc.body,
    (): { ok: boolean; reason: AttachReason | null } | null => {
      if (row.textContent?.includes(file.name))
        return {
          ok: true,
          reason: fitted.converted
            ? { code: `converted.${fitted.converted}`, params: { size: Math.round(file.size / 1024) } }
            : null,
        };
      const alert = [...doc.querySelectorAll('[role=alert]')]
        .map((a) => a.textContent ?? '')
        .find((t) => t.includes(file.name));
      return alert ? { ok: false, reason: { code: 'pageSays', params: { text: alert.trim() } } } : null;
    },
    timeoutMs,
    { childList: true, subtree: true, characterData: true },
  );
  return outcome ?? { ok: false, reason: { code: 'notConfirmed' } };
}
