import type { AttachReason } from '@/utils/autofill/attach';
import { formRoles, type FormRole } from '@/utils/autofill/labels';
import type { FillPerson } from '@/utils/autofill/values';
import type { RemoteReportItem, ScanResult } from '@/utils/messaging/frame-protocol';
import type { ResponseOf } from '@/utils/messaging/protocol';
import { ReasonError } from '@/utils/i18n/reason-error';
import { detectProcedure } from '@/utils/procedures/catalogue';
import { blocksForPick } from '@/utils/panel/roles';
import type { PanelSend } from '@/utils/panel/send';
import type { FrameSummary, PageTransport } from '@/utils/panel/transport';

/**
 * The helper panel's work for one portal tab, out of any component: watch the tab's frames and the blocks
 * their forms ask for, search and pick people (each proposed to a block), fill on the officer's click, keep the
 * report, undo to before the first fill, and follow the filing to the portal's confirmation. Components only
 * lay it out (components/panel/), through `usePanelSession`.
 */
export type Result = ResponseOf<'records/search'>['results'][number];
export type LockStatus = ResponseOf<'records/status'>;

export interface Notice {
  code: 'pageMoved' | 'nothingAssigned' | 'undone' | 'undonePartly' | 'error' | 'noFrames' | 'noProcedure';
  params?: Record<string, string | number>;
  /** What failed, when it was a ReasonError: said in the panel's language as the notice's `{detail}`. */
  error?: ReasonError;
}

export interface ReportLine extends RemoteReportItem {
  frameId: number;
}

export interface SplitWard {
  personId: string;
  name: string;
  text: string;
  candidates: Array<{ wardCode: string; wardName: string }>;
}

export interface FilingState {
  root: string;
  procedureCode: string | null;
  status: 'draft' | 'submitted' | 'cancelled';
  dossierCode: string | null;
  people: Partial<Record<string, string>>;
  form: string;
  codesAtFill: string[];
  docId: string;
  slip: { citizenName: string; papers: string[] };
}

export interface PanelState {
  lock: LockStatus | null;
  offline: boolean;
  frames: FrameSummary[];
  scans: Record<number, ScanResult>;
  blocks: FormRole[];
  query: string;
  results: Result[];
  chosen: Result[];
  assigned: Partial<Record<FormRole, string>>;
  busy: boolean;
  report: ReportLine[] | null;
  filledFrames: number[];
  splitWards: SplitWard[];
  wardChoice: Record<string, string>;
  detectedProcedure: string | null;
  pickedProcedure: string | null | undefined;
  papers: string[];
  filing: FilingState | null;
  notice: Notice | null;
}

const initial: PanelState = {
  lock: null,
  offline: false,
  frames: [],
  scans: {},
  blocks: [],
  query: '',
  results: [],
  chosen: [],
  assigned: {},
  busy: false,
  report: null,
  filledFrames: [],
  splitWards: [],
  wardChoice: {},
  detectedProcedure: null,
  pickedProcedure: undefined,
  papers: [],
  filing: null,
  notice: null,
};

const errorNotice = (e: unknown): Notice => ({
  code: 'error',
  params: { detail: e instanceof Error ? e.message : String(e) },
  ...(e instanceof ReasonError && { error: e }),
});

/** The form a filing is on: its host and path (another form in the same tab is another filing). */
interface FillPlace {
  portalHost: string;
  form: string;
  docId: string;
  codesAtFill: string[];
}

export function formOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}

export class PanelSession {
  private state: PanelState = initial;
  private readonly listeners = new Set<() => void>();
  private startedAt = Date.now();
  private searchSeq = 0;

  constructor(
    readonly tabId: number,
    private readonly send: PanelSend,
    private readonly page: PageTransport,
  ) {}

  get snapshot(): PanelState {
    return this.state;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PanelState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  get procedureCode(): string | null {
    const { pickedProcedure, detectedProcedure, filing } = this.state;
    return pickedProcedure !== undefined ? pickedProcedure : (detectedProcedure ?? filing?.procedureCode ?? null);
  }

  /**
   * Frames the panel may fill: the top one, and a frame whose page some frame of the tab shows in a visible
   * iframe (an iframe the officer cannot see — hidden, 0×0, off-screen, transparent — is never filled).
   */
  fillableFrames(): number[] {
    const visible = new Set(
      Object.values(this.state.scans).flatMap((s) => s.childFrames.filter((c) => c.visible).map((c) => c.origin)),
    );
    // The frame's summary may count its fields from before the page drew them (an Angular app compiling): a
    // scan that found controls since is the fresher word.
    const hasFields = (f: FrameSummary) => f.fieldCount > 0 || (this.state.scans[f.frameId]?.controlCount ?? 0) > 0;
    return this.state.frames
      .filter((f) => hasFields(f) && (f.frameId === 0 || visible.has(f.origin)))
      .map((f) => f.frameId);
  }

  async refreshLock() {
    try {
      this.set({ lock: await this.send('records/status', {}), offline: false });
    } catch {
      this.set({ offline: true });
    }
  }

  /** Looks at the tab's frames again; scans the ones that changed since the last look. */
  async refreshPage() {
    let frames: FrameSummary[];
    try {
      frames = await this.page.frames();
    } catch {
      return this.set({ offline: true });
    }
    const known = new Map(this.state.frames.map((f) => [f.frameId, f.changedAt]));
    const scans = { ...this.state.scans };
    for (const id of Object.keys(scans).map(Number)) if (!frames.some((f) => f.frameId === id)) delete scans[id];
    for (const frame of frames) {
      if (known.get(frame.frameId) === frame.changedAt && scans[frame.frameId]) continue;
      const scan = await this.page.send(frame.frameId, 'frame/scan', {});
      if (scan) scans[frame.frameId] = scan;
    }
    this.applyScans(frames, scans);
  }

  /** The officer's "Quét lại biểu mẫu": every frame scanned now. */
  async rescan() {
    this.set({ frames: [] });
    await this.refreshPage();
  }

  private applyScans(frames: FrameSummary[], scans: Record<number, ScanResult>) {
    const top = scans[0];
    const previousTop = this.state.scans[0];
    const roles = new Set(Object.values(scans).flatMap((s) => s.roles));
    const blocks = formRoles.filter((r) => roles.has(r));
    const headings = Object.values(scans).flatMap((s) => s.headings);
    const title = Object.values(scans)
      .map((s) => s.title)
      .join(' · ');
    const detected = top ? (detectProcedure({ url: top.url, title, headings })?.code ?? null) : null;
    // A form with no field recognised still gets one block: filling it lists each of its fields as not recognised.
    const patch: Partial<PanelState> = {
      frames,
      scans,
      blocks: blocks.length > 0 ? blocks : Object.values(scans).some((s) => s.controlCount > 0) ? ['subject'] : [],
      detectedProcedure: detected,
      offline: false,
    };
    // A single-page portal moved to another step: the last report points at fields that are gone.
    if (
      this.state.report &&
      previousTop &&
      top &&
      (formOf(top.url) !== formOf(previousTop.url) || top.docId !== previousTop.docId)
    ) {
      Object.assign(patch, { report: null, filledFrames: [], notice: { code: 'pageMoved' } });
      this.startedAt = Date.now();
    }
    const blocksChanged = patch.blocks!.join() !== this.state.blocks.join();
    this.set(patch);
    if (blocksChanged) void this.proposeAgain();
    void this.followFiling();
  }

  /**
   * The blocks the form asks for changed (the page finished loading, a driver field rebuilt it): each person
   * picked before any block could take them is proposed again, as if picked now, so a pick made before the
   * form was read is not lost. Someone placed on an earlier step stays out of the next one.
   */
  private async proposeAgain() {
    for (const person of this.state.chosen) {
      const placed = Object.values(this.state.assigned).includes(person.id);
      if (!placed) await this.pick(person);
    }
  }

  setQuery(query: string) {
    this.set({ query });
    const seq = ++this.searchSeq;
    if (!query.trim() || !this.state.lock?.unlocked) return this.set({ results: [] });
    void this.send('records/search', { query })
      .then((r) => {
        if (seq === this.searchSeq) this.set({ results: r.results });
      })
      .catch((e) => this.set({ notice: errorNotice(e) }));
  }

  /** The block a search result would go to if picked now (shown on the result). */
  proposalFor(result: Result): FormRole[] {
    return blocksForPick(result, this.state.blocks, this.state.assigned);
  }

  async pick(result: Result) {
    const chosen = this.state.chosen.some((p) => p.id === result.id)
      ? this.state.chosen
      : [...this.state.chosen, result];
    const assigned = { ...this.state.assigned };
    // Someone already in a block of this form (proposed with a child, say) picked again stays where they are:
    // a second block is the officer's choice in its select, never a side effect of picking twice.
    const placed = this.state.blocks.some((role) => assigned[role] === result.id);
    const roles = placed ? [] : this.proposalFor(result);
    for (const role of roles) assigned[role] = result.id;
    this.set({ chosen, assigned, query: '', results: [] });
    // Picking the child proposes the parents the records link to it, for blocks still free.
    if (!roles.includes('child') && !roles.includes('subject')) return;
    const { relatives } = await this.send('records/relatives', { personId: result.id }).catch(() => ({
      relatives: [],
    }));
    // The mother first: she is the requester when the form asks for one (as often at the counter), whatever
    // order the records list them in.
    const order = (kind: string) => (kind === 'mother' ? 0 : 1);
    for (const r of [...relatives].sort((a, b) => order(a.kind) - order(b.kind))) {
      const role = r.direction === 'of' && (r.kind === 'father' || r.kind === 'mother') ? (r.kind as FormRole) : null;
      if (!role || !this.state.blocks.includes(role) || this.state.assigned[role]) continue;
      const next = { ...this.state.assigned, [role]: r.id };
      if (this.state.blocks.includes('requester') && !next.requester) next.requester = r.id;
      const person: Result = {
        id: r.id,
        name: r.name,
        dob: null,
        maskedId: null,
        address: null,
        sex: role === 'father' ? 'Nam' : 'Nữ',
      };
      this.set({
        assigned: next,
        chosen: this.state.chosen.some((p) => p.id === r.id) ? this.state.chosen : [...this.state.chosen, person],
      });
    }
  }

  assign(role: FormRole, personId: string | null) {
    const assigned = { ...this.state.assigned };
    if (personId) assigned[role] = personId;
    else delete assigned[role];
    this.set({ assigned });
  }

  chooseWard(personId: string, wardCode: string) {
    this.set({ wardChoice: { ...this.state.wardChoice, [personId]: wardCode } });
  }

  pickProcedure(code: string | null) {
    this.set({ pickedProcedure: code });
    const filing = this.state.filing;
    if (filing?.status === 'draft' && code) void this.updateFiling({ procedureCode: code });
  }

  setPapers(papers: string[]) {
    this.set({ papers });
    const filing = this.state.filing;
    if (filing)
      void this.send('filings/update', {
        tabId: this.tabId,
        root: filing.root,
        slip: { ...filing.slip, papers },
      }).catch(() => undefined);
  }

  private citizenName(): string {
    const { assigned, chosen } = this.state;
    const role = (
      ['requester', 'declarant', 'subject', 'child', 'deceased', 'groom', 'householdHead'] as FormRole[]
    ).find((r) => assigned[r]);
    return chosen.find((p) => p.id === (role ? assigned[role] : chosen[0]?.id))?.name ?? '';
  }

  /** Keeps only the 2025 ward the officer picked, for a person whose old ward was split. */
  private withWard(who: ResponseOf<'records/fill-data'>): ResponseOf<'records/fill-data'> {
    const wardCode = this.state.wardChoice[who.person.id];
    const mapped = who.addresses.permanentAddress;
    if (!wardCode || !mapped) return who;
    const picked = mapped.candidates.filter((c) => c.wardCode === wardCode);
    return picked.length === 0
      ? who
      : { ...who, addresses: { ...who.addresses, permanentAddress: { ...mapped, candidates: picked } } };
  }

  /** "Điền biểu mẫu": the filing is written first, then every frame the officer sees is filled and read back. */
  async fill() {
    // Only the blocks this form asks for: a person picked for the tab's previous form is no part of this one.
    const entries = Object.entries(this.state.assigned).filter(
      ([role, id]) => id && this.state.blocks.includes(role as FormRole),
    ) as Array<[FormRole, string]>;
    if (entries.length === 0) return this.set({ notice: { code: 'nothingAssigned' } });
    const frames = this.fillableFrames();
    if (frames.length === 0) return this.set({ notice: { code: 'noFrames' } });
    // The last fill's report says nothing of this one: it goes while the form is filled and read back again.
    this.set({ busy: true, notice: null, report: null });
    try {
      const ids = [...new Set(entries.map(([, id]) => id))];
      const fetched = new Map<string, FillPerson>();
      // Only the one the form is about has its parents looked up: a relation is asked to them (run.ts's relationWant).
      const about = new Set(entries.filter(([role]) => role === 'child' || role === 'subject').map(([, id]) => id));
      for (const id of ids)
        fetched.set(id, {
          ...this.withWard(await this.send('records/fill-data', { personId: id })),
          ...(about.has(id) ? { parents: await this.parentsOf(id) } : {}),
        });
      const people = Object.fromEntries(entries.map(([role, id]) => [role, fetched.get(id)!])) as Record<
        FormRole,
        FillPerson
      >;
      this.set({ splitWards: splitWardsOf([...fetched.values()]) });
      // Where the fill happens is taken now: the officer may submit, and the tab move on, before the counts are logged.
      const place = this.placeOfFill();
      const root = await this.recordFiling(entries, { filled: 0, check: 0, missing: 0 }, place);
      const report: ReportLine[] = [];
      const filled: number[] = [];
      for (const frameId of frames) {
        const answer = await this.page.send(frameId, 'frame/fill', { people: people as never });
        if (!answer) continue;
        filled.push(frameId);
        report.push(...answer.report.map((r) => ({ ...r, frameId })));
      }
      this.set({ report, filledFrames: [...new Set([...this.state.filledFrames, ...filled])] });
      if (root) await this.recordFiling(entries, countsOf(report), place, root);
    } catch (e) {
      this.set({ notice: errorNotice(e) });
    } finally {
      this.set({ busy: false });
    }
  }

  /** A person's father and mother as the records link them, for a relation the form asks ("Cha" of the child). */
  private async parentsOf(personId: string): Promise<FillPerson['parents']> {
    const { relatives } = await this.send('records/relatives', { personId }).catch(() => ({ relatives: [] }));
    const parentOf = (kind: string) => relatives.find((r) => r.direction === 'of' && r.kind === kind)?.id;
    return { father: parentOf('father'), mother: parentOf('mother') };
  }

  /** The page a fill is made on: its form, its load and the dossier codes it already shows. */
  private placeOfFill(): FillPlace {
    const top = this.state.scans[0];
    return {
      portalHost: top ? new URL(top.url).hostname : '',
      form: top ? formOf(top.url) : '',
      docId: top?.docId ?? '',
      codesAtFill: [...new Set(Object.values(this.state.scans).flatMap((s) => s.dossierCodes))],
    };
  }

  /** Logs the fill: first as the filing's new state before the form is written, then (with `root`) its counts. */
  private async recordFiling(
    entries: Array<[FormRole, string]>,
    fields: ReturnType<typeof countsOf>,
    place: FillPlace,
    root?: string,
  ): Promise<string | null> {
    const pending = this.state.filing;
    const slip = { citizenName: this.citizenName(), papers: this.state.papers };
    const r = await this.send('filings/record', {
      tabId: this.tabId,
      ...place,
      slip,
      root: root ?? (pending?.status === 'draft' && pending.form === place.form ? pending.root : null),
      procedureCode: this.procedureCode,
      people: Object.fromEntries(entries),
      fields,
      msToFill: Math.round(Date.now() - this.startedAt),
      requestId: crypto.randomUUID(),
    });
    if (!root) {
      this.set({
        filing: {
          root: r.root,
          procedureCode: r.procedure?.code ?? this.procedureCode,
          status: 'draft',
          dossierCode: null,
          people: Object.fromEntries(entries),
          form: place.form,
          codesAtFill: place.codesAtFill,
          docId: place.docId,
          slip,
        },
      });
    }
    return r.root;
  }

  async undo() {
    const frames = this.state.filledFrames;
    const partial: string[] = [];
    for (const frameId of frames) partial.push(...((await this.page.send(frameId, 'frame/undo', {}))?.partial ?? []));
    this.set({
      report: null,
      filledFrames: [],
      notice:
        partial.length === 0 ? { code: 'undone' } : { code: 'undonePartly', params: { fields: partial.join(', ') } },
    });
  }

  async loadFiling() {
    const { pending } = await this.send('filings/pending', { tabId: this.tabId }).catch(() => ({ pending: null }));
    // A panel opened again on the tab (after the portal's confirmation, say) finds the papers ticked at the fill.
    if (pending && !this.state.filing)
      this.set({ filing: pending, papers: this.state.papers.length > 0 ? this.state.papers : pending.slip.papers });
  }

  async updateFiling(change: {
    status?: 'submitted' | 'cancelled';
    dossierCode?: string;
    note?: string;
    procedureCode?: string;
  }) {
    const filing = this.state.filing;
    if (!filing) return;
    try {
      const r = await this.send('filings/update', { tabId: this.tabId, root: filing.root, ...change });
      this.set({ filing: { ...filing, ...r, procedureCode: change.procedureCode ?? filing.procedureCode } });
    } catch (e) {
      this.set({ notice: errorNotice(e) });
    }
  }

  /**
   * The dossier code is taken only after the portal moved on from the page it was filled on (a submit and a
   * navigation: another page load or another address), never one the page already showed at the fill, and
   * never from another form the tab moved on to.
   */
  private async followFiling() {
    const filing = this.state.filing;
    const top = this.state.scans[0];
    if (filing?.status !== 'draft' || !top) return;
    const movedOn = top.docId !== filing.docId || formOf(top.url) !== filing.form;
    if (!movedOn) return;
    // Another form the tab went on to (its own "Hồ sơ nộp gần nhất" list, say) is no confirmation of this one.
    if (formOf(top.url) !== filing.form && top.fieldCount > 0) return;
    const code = top.dossierCodes.find((c) => !filing.codesAtFill.includes(c));
    if (code) await this.updateFiling({ status: 'submitted', dossierCode: code });
  }

  async printSlip(slip: {
    procedureCode: string;
    fee: number | null;
    received: string;
    due: string | null;
    receivedAt: string;
  }) {
    const filing = this.state.filing;
    try {
      await this.send('slip/open', {
        ...slip,
        papers: this.state.papers.length > 0 ? this.state.papers : (filing?.slip.papers ?? []),
        citizenName: this.citizenName() || filing?.slip.citizenName || '',
        officerName: this.state.lock?.officerName ?? '',
        dossierCode: filing?.dossierCode ?? null,
      });
    } catch (e) {
      this.set({ notice: errorNotice(e) });
    }
  }

  /** Attaches the stored scans of the form's people to the dossier rows of the frames that show them. */
  async attach(rows: Array<{ frameId: number; row: number; personId: string | null; kind: string | null }>) {
    const outcomes: Array<{ frameId: number; row: number; ok: boolean; reason: AttachReason | null }> = [];
    for (const r of rows) {
      if (!r.personId || !r.kind) {
        outcomes.push({ frameId: r.frameId, row: r.row, ok: false, reason: { code: 'noScanKind' } });
        continue;
      }
      const { document } = await this.send('records/document', { personId: r.personId, kind: r.kind as never }).catch(
        () => ({ document: null }),
      );
      if (!document) {
        outcomes.push({ frameId: r.frameId, row: r.row, ok: false, reason: { code: 'noScan' } });
        continue;
      }
      const answer = await this.page.send(r.frameId, 'frame/attach', { row: r.row, file: document });
      outcomes.push({
        frameId: r.frameId,
        row: r.row,
        ok: answer?.ok ?? false,
        reason: answer ? answer.reason : { code: 'noAnswer' },
      });
    }
    return outcomes;
  }

  clearNotice() {
    this.set({ notice: null });
  }
}

function splitWardsOf(people: FillPerson[]): SplitWard[] {
  return people
    .filter((who) => (who.addresses?.permanentAddress?.candidates.length ?? 0) > 1)
    .map((who) => ({
      personId: who.person.id,
      name: who.person.fullName.value,
      text: who.person.permanentAddress?.value.text ?? '',
      candidates: who.addresses!.permanentAddress!.candidates,
    }));
}

export function countsOf(report: RemoteReportItem[]) {
  return {
    filled: report.filter((r) => r.status === 'filled').length,
    check: report.filter((r) => r.status === 'check' || r.status === 'readonly' || r.status === 'unverified').length,
    missing: report.filter((r) => ['failed', 'missing', 'unknown', 'mismatch'].includes(r.status)).length,
  };
}
