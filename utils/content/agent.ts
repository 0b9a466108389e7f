import { browser } from 'wxt/browser';
import { attachToRow, dossierRows, fitScan } from '@/utils/autofill/attach';
import { fromBase64 } from '@/utils/security/crypto';
import { detectRoles, fillDocument, scanDocument, undoFill, type FillRun } from '@/utils/autofill/run';
import { clearOutline, outline } from '@/utils/autofill/outline';
import { isVisibleToOfficer } from '@/utils/autofill/visibility';
import type { FormRole } from '@/utils/autofill/labels';
import type { FillPerson } from '@/utils/autofill/values';
import { findDossierCodes, pageText } from '@/utils/filings/dossier';
import {
  frameEnvelopeSchema,
  frameProtocol,
  type FrameMessageType,
  type FrameRequest,
  type FrameResponse,
  type RemoteReportItem,
  type ScanResult,
} from '@/utils/messaging/frame-protocol';

/**
 * A frame's agent: what the helper panel (in the extension's origin) asks of this document — scan it, fill it,
 * read it back, undo, attach a paper — and nothing else. It holds no records: the people to fill arrive with
 * the order to fill them, on the officer's click in the panel, and are not kept after the fill.
 */
export interface Agent {
  handle<T extends FrameMessageType>(type: T, payload: FrameRequest<T>): Promise<FrameResponse<T>>;
}

/** The origin an iframe loads (from its address; srcdoc and about:blank frames are their parent's). */
function frameOrigin(frame: HTMLIFrameElement): string {
  try {
    return new URL(frame.src || 'about:blank', frame.ownerDocument.baseURI).origin;
  } catch {
    return 'null';
  }
}

export function createAgent(doc: Document): Agent {
  const docId = Math.random().toString(36).slice(2, 12);
  let last: FillRun | null = null;

  const scan = (): ScanResult => {
    const fields = scanDocument(doc);
    const recognised = fields.filter((f) => f.field);
    return {
      docId,
      url: doc.URL,
      title: doc.title,
      headings: [...doc.querySelectorAll('h1,h2,h3')]
        .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .slice(0, 200),
      roles: recognised.length > 0 ? detectRoles(fields) : [],
      fieldCount: recognised.length,
      controlCount: fields.length,
      dossierCodes: findDossierCodes(pageText(doc)).slice(0, 20),
      childFrames: [...doc.querySelectorAll('iframe')]
        .slice(0, 200)
        .map((f) => ({ origin: frameOrigin(f).slice(0, 300), visible: isVisibleToOfficer(f) })),
      dossierRows: dossierRows(doc).map((r, index) => ({
        index,
        name: r.name.slice(0, 300),
        accept: r.accept.slice(0, 200),
      })),
    };
  };

  const handlers: { [T in FrameMessageType]: (payload: FrameRequest<T>) => Promise<FrameResponse<T>> } = {
    'frame/scan': async () => scan(),
    'frame/fill': async ({ people }) => {
      const map = new Map(Object.entries(people) as Array<[FormRole, FillPerson]>);
      if (last) clearOutline(last.report);
      last = await fillDocument(doc, map, { before: last?.before });
      outline(last.report);
      const report: RemoteReportItem[] = last.report.map(({ label, role, field, status, reason, shown, adapter }) => ({
        label: label.slice(0, 300),
        role,
        field,
        status,
        reason,
        shown: shown?.slice(0, 2000) ?? null,
        adapter,
      }));
      return { report, docId };
    },
    'frame/undo': async () => {
      if (!last) return { partial: [], undone: false };
      clearOutline(last.report);
      const partial = await undoFill(last.before);
      last = null;
      return { partial, undone: true };
    },
    'frame/attach': async ({ row, file }) => {
      const target = dossierRows(doc)[row];
      if (!target) return { ok: false, reason: { code: 'rowGone' } };
      const scanFile = { fileName: file.fileName, mimeType: file.mimeType, bytes: fromBase64(file.base64) };
      return attachToRow(target.element, (accepted) => fitScan(scanFile, accepted));
    },
  };

  return {
    handle: (type, payload) => handlers[type](payload as never) as never,
  };
}

/**
 * The content script's side: orders come only from the extension's own pages (the panel) — never from another
 * content script, never from a web page (pages cannot message an extension without `externally_connectable`).
 */
export function startAgent(agent: Agent, signal: AbortSignal) {
  const extensionOrigin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: { id?: string; url?: string }) => {
    // An extension page (the panel, or its page opened in a tab by a test); content scripts cannot send here.
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(extensionOrigin)) return undefined;
    const envelope = frameEnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    const { type, payload } = envelope.data;
    const request = frameProtocol[type].request.safeParse(payload ?? {});
    if (!request.success) return undefined;
    return agent.handle(type, request.data as never);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
