import { browser } from 'wxt/browser';
import { frameEnvelopeSchema, frameProtocol, type RemoteReportItem } from '../messaging/frame-protocol';
import type { FillPerson } from './values';
import type { FormRole } from './labels';
import { clearOutline, detectRoles, fillForm, outline, scanForm, type FillRun } from './run';

/**
 * The content script of a frame the top panel cannot reach (another origin): answers the background's
 * scan / fill / undo, for this frame's own document only. Only the extension's background is obeyed.
 */
export function startFrameAgent(signal: AbortSignal) {
  let last: FillRun | null = null;
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const envelope = frameEnvelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    const { type, payload } = envelope.data;
    const request = frameProtocol[type].request.safeParse(payload ?? {});
    if (!request.success) return undefined;
    if (type === 'frame/scan') {
      const fields = scanForm(document);
      const roles = fields.some((f) => f.field) ? detectRoles(fields) : [];
      return Promise.resolve({ roles, fieldCount: fields.length });
    }
    if (type === 'frame/fill') {
      const people = new Map(Object.entries((request.data as { people: Record<string, FillPerson> }).people) as Array<[FormRole, FillPerson]>);
      if (last) clearOutline(last.report);
      return fillForm(scanForm(document), people, () => scanForm(document)).then((run) => {
        last = run;
        outline(run.report);
        const report: RemoteReportItem[] = run.report.map(({ label, role, status, detail }) => ({ label, role, status, detail }));
        return { report };
      });
    }
    const partial = last?.undo() ?? [];
    if (last) clearOutline(last.report);
    last = null;
    return Promise.resolve({ partial });
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
