import { storage } from 'wxt/utils/storage';
import { FilingLog } from '@/utils/filings/log';
import type { FilingEntry, FilingStatus } from '@/utils/db/filing-schema';
import { procedureByCode } from '@/utils/procedures/catalogue';
import { maskedIdOf } from '@/utils/records/search-index';
import { recordsDb } from '@/utils/db/instance';
import { currentSession } from '@/utils/security/session';
import { toBase64 } from '@/utils/security/crypto';
import { LockedError, openStore } from '@/utils/background/records-service';
import { ReasonError } from '@/utils/i18n/reason-error';

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
  /** Host and path of the form: another form in the same tab is another filing. */
  form: string;
  /** Codes the page showed when it was filled (earlier dossiers, a draft number): never this filing's code. */
  codesAtFill: string[];
  /** The page load it was filled on: the confirmation is a later one. */
  docId: string;
  dossierCode: string | null;
  slip: { citizenName: string; papers: string[] };
  /** The panel's name for the fill that wrote this state: the same request again is answered, not written twice. */
  requestId?: string;
}
const pendingItem = storage.defineItem<Record<string, Pending>>('session:pendingFilings', { fallback: {} });

let opened: { key: CryptoKey; log: FilingLog } | null = null;

async function openLog() {
  const current = await currentSession();
  if (!current) throw new LockedError();
  if (opened?.key !== current.dataKey)
    opened = { key: current.dataKey, log: new FilingLog(recordsDb(), current.dataKey) };
  return { log: opened.log, officer: { id: current.session.officerId, name: current.session.officerName } };
}

async function setPending(tabId: number, value: Pending | null) {
  const all = { ...(await pendingItem.getValue()) };
  if (value) all[tabId] = value;
  else delete all[tabId];
  await pendingItem.setValue(all);
}

export async function pendingFiling(tabId: number) {
  const p = (await pendingItem.getValue())[tabId];
  return {
    pending: p
      ? {
          root: p.root,
          procedureCode: p.procedureCode,
          status: p.status,
          people: p.people ?? {},
          form: p.form ?? '',
          codesAtFill: p.codesAtFill ?? [],
          docId: p.docId ?? '',
          dossierCode: p.dossierCode ?? null,
          slip: p.slip ?? { citizenName: '', papers: [] },
        }
      : null,
  };
}

export async function recordFiling(request: {
  tabId: number;
  portalHost: string;
  form: string;
  codesAtFill: string[];
  docId: string;
  slip: Pending['slip'];
  root: string | null;
  procedureCode: string | null;
  people: Partial<Record<string, string>>;
  fields: FilingEntry['fields'];
  msToFill: number | null;
  requestId: string;
}) {
  const { tabId, portalHost } = request;
  const { log, officer } = await openLog();
  const store = await openStore();
  const people = [];
  for (const [role, personId] of Object.entries(request.people)) {
    if (!personId) continue;
    const person = await store.get(personId, { audit: false });
    if (person)
      people.push({
        role,
        personId,
        name: person.fullName.value,
        maskedId: maskedIdOf({ personalId: person.personalId?.value ?? null, oldId: person.oldId?.value ?? null }),
      });
  }
  const procedure = procedureByCode(request.procedureCode);
  const known = (await pendingItem.getValue())[tabId];
  if (known && known.requestId === request.requestId) {
    const was = procedureByCode(known.procedureCode);
    return { root: known.root, procedure: was ? { code: was.code, name: was.name } : null };
  }
  // The counts of a fill whose filing was submitted meanwhile (the officer was quicker than the read-back).
  if (request.root && known?.root === request.root && known.status !== 'draft') {
    const entry = await log.amend(request.root, { fields: request.fields }, officer);
    return { root: entry.root, procedure: procedure ? { code: procedure.code, name: procedure.name } : null };
  }
  // Filling again the same form in the same tab: a new state of that filing. Another form or host starts a new
  // filing, and the one the tab followed stays as it was.
  const same = request.root && known?.root === request.root && known.status === 'draft' && known.form === request.form;
  const entry = same
    ? await log.amend(
        request.root!,
        {
          fields: request.fields,
          ...(procedure ? { procedure } : {}),
          ...(request.msToFill !== null ? { msToFill: request.msToFill } : {}),
        },
        officer,
      )
    : await log.record({
        officerId: officer.id,
        officerName: officer.name,
        procedure,
        portalHost,
        people,
        fields: request.fields,
        msToFill: request.msToFill,
      });
  await setPending(tabId, {
    root: entry.root,
    procedureCode: entry.procedureCode,
    status: 'draft',
    filledAt: same ? known!.filledAt : Date.now(),
    people: request.people,
    form: request.form,
    codesAtFill: same ? [...new Set([...known!.codesAtFill, ...request.codesAtFill])] : request.codesAtFill,
    docId: request.docId,
    dossierCode: null,
    slip: request.slip,
    requestId: request.requestId,
  });
  return { root: entry.root, procedure: procedure ? { code: procedure.code, name: procedure.name } : null };
}

export async function updateFiling(request: {
  tabId: number;
  root: string;
  status?: FilingStatus;
  dossierCode?: string;
  note?: string;
  procedureCode?: string;
  slip?: Pending['slip'];
}) {
  const { tabId } = request;
  const pending = (await pendingItem.getValue())[tabId];
  // A code the page already showed at the fill (an earlier dossier in a list, a reload of the form) is not this one.
  if (request.dossierCode && pending?.root === request.root && pending.codesAtFill.includes(request.dossierCode)) {
    throw new ReasonError('error.dossier.stale');
  }
  if (
    pending?.root === request.root &&
    request.slip &&
    Object.keys(request).every((k) => ['tabId', 'root', 'slip'].includes(k))
  ) {
    await setPending(tabId, { ...pending, slip: request.slip });
    return { status: pending.status, dossierCode: pending.dossierCode };
  }
  const { log, officer } = await openLog();
  const procedure = procedureByCode(request.procedureCode);
  const msToSubmit =
    request.status === 'submitted' && pending?.root === request.root ? Date.now() - pending.filledAt : undefined;
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
  // Submitted: kept for the slip (the citizen, the papers, the code) until the tab fills another form.
  // Cancelled: the tab follows nothing any more.
  if (pending?.root === request.root) {
    const next = {
      ...pending,
      procedureCode: entry.procedureCode,
      status: entry.status,
      dossierCode: entry.dossierCode,
      ...(request.slip ? { slip: request.slip } : {}),
    };
    await setPending(tabId, entry.status === 'cancelled' ? null : next);
  }
  return { status: entry.status, dossierCode: entry.dossierCode };
}

/** The latest scan of a kind kept with a person, for the dossier step. */
export async function documentFor(personId: string, kind: string) {
  const store = await openStore();
  const docs = (await store.documentsOf(personId))
    .filter((d) => d.kind === kind)
    .sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : -1));
  const latest = docs[0];
  if (!latest) return { document: null };
  await store.audit('person.view', personId, new Date(), `document:${kind}`);
  return {
    document: {
      fileName: latest.fileName,
      mimeType: latest.mimeType,
      base64: toBase64(await store.documentBytes(latest.id)),
    },
  };
}
