import { storage } from 'wxt/utils/storage';
import { FilingLog } from '../filings/log';
import type { FilingEntry, FilingStatus } from '../db/filing-schema';
import { procedureByCode } from '../procedures/catalogue';
import { maskedIdOf } from '../records/search-index';
import { recordsDb } from '../db/instance';
import { currentSession } from '../security/session';
import { toBase64 } from '../security/crypto';
import { LockedError, openStore } from './records-service';

/**
 * The filing log as the background keeps it for the panels: one writer (this service worker), the tab's open
 * filing remembered in storage.session so the portal's confirmation page, a full page load later, can still
 * close it with the dossier code.
 */
interface Pending {
  root: string;
  procedureCode: string | null;
  status: FilingStatus;
  filledAt: number;
  people: Partial<Record<string, string>>;
}
const pendingItem = storage.defineItem<Record<string, Pending>>('session:pendingFilings', { fallback: {} });

let opened: { key: CryptoKey; log: FilingLog } | null = null;

async function openLog() {
  const current = await currentSession();
  if (!current) throw new LockedError();
  if (opened?.key !== current.dataKey) opened = { key: current.dataKey, log: new FilingLog(recordsDb(), current.dataKey) };
  return { log: opened.log, officer: { id: current.session.officerId, name: current.session.officerName } };
}

async function setPending(tabId: number, value: Pending | null) {
  const all = { ...(await pendingItem.getValue()) };
  if (value) all[tabId] = value;
  else delete all[tabId];
  await pendingItem.setValue(all);
}

export async function pendingFiling(tabId: number) {
  const pending = (await pendingItem.getValue())[tabId];
  return { pending: pending ? { root: pending.root, procedureCode: pending.procedureCode, status: pending.status, people: pending.people ?? {} } : null };
}

export async function recordFiling(
  tabId: number,
  portalHost: string,
  request: { root: string | null; procedureCode: string | null; people: Partial<Record<string, string>>; fields: FilingEntry['fields']; msToFill: number | null },
) {
  const { log, officer } = await openLog();
  const store = await openStore();
  const people = [];
  for (const [role, personId] of Object.entries(request.people)) {
    if (!personId) continue;
    const person = await store.get(personId, { audit: false });
    if (person) people.push({ role, personId, name: person.fullName.value, maskedId: maskedIdOf({ personalId: person.personalId?.value ?? null, oldId: person.oldId?.value ?? null }) });
  }
  const procedure = procedureByCode(request.procedureCode);
  const known = (await pendingItem.getValue())[tabId];
  // Filling again in the same tab, same filing: a new state of it, not a second filing.
  const entry =
    request.root && known?.root === request.root && known.status === 'draft'
      ? await log.amend(request.root, { fields: request.fields, ...(procedure ? { procedure } : {}), ...(request.msToFill !== null ? { msToFill: request.msToFill } : {}) }, officer)
      : await log.record({ officerId: officer.id, officerName: officer.name, procedure, portalHost, people, fields: request.fields, msToFill: request.msToFill });
  await setPending(tabId, { root: entry.root, procedureCode: entry.procedureCode, status: 'draft', filledAt: Date.now(), people: request.people });
  return { root: entry.root, procedure: procedure ? { code: procedure.code, name: procedure.name } : null };
}

export async function updateFiling(tabId: number, request: { root: string; status?: FilingStatus; dossierCode?: string; note?: string; procedureCode?: string }) {
  const { log, officer } = await openLog();
  const pending = (await pendingItem.getValue())[tabId];
  const procedure = procedureByCode(request.procedureCode);
  const msToSubmit = request.status === 'submitted' && pending?.root === request.root ? Date.now() - pending.filledAt : undefined;
  const entry = await log.amend(
    request.root,
    {
      ...(request.status ? { status: request.status } : {}),
      ...(request.dossierCode ? { dossierCode: request.dossierCode } : {}),
      ...(request.note !== undefined ? { note: request.note } : {}),
      ...(procedure ? { procedure } : {}),
      ...(msToSubmit !== undefined ? { msToSubmit } : {}),
    },
    officer,
  );
  // Submitted or cancelled: the tab follows nothing any more.
  if (pending?.root === request.root) await setPending(tabId, entry.status === 'draft' ? { ...pending, procedureCode: entry.procedureCode } : null);
  return { status: entry.status, dossierCode: entry.dossierCode };
}

/** The latest scan of a kind kept with a person, for the dossier step. */
export async function documentFor(personId: string, kind: string) {
  const store = await openStore();
  const docs = (await store.documentsOf(personId)).filter((d) => d.kind === kind).sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : -1));
  const latest = docs[0];
  if (!latest) return { document: null };
  await store.audit('person.view', personId, new Date(), `document:${kind}`);
  return { document: { fileName: latest.fileName, mimeType: latest.mimeType, base64: toBase64(await store.documentBytes(latest.id)) } };
}
