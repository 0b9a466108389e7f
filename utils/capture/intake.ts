import type { ScanResult } from '@/utils/capture/engines/pipeline';
import type { Raster } from '@/utils/capture/image';
import { fuse, type Review, type ReviewField, type ReviewFieldName } from '@/utils/capture/fuse';
import { missingFields, type MissingReason } from '@/utils/capture/missing';
import type { PlaceLexicon } from '@/utils/capture/places';
import type { CitizenQr } from '@/utils/capture/qr-payload';
import { checkForm, emptyForm, type FormValues } from '@/utils/records/form';
import { mergePerson } from '@/utils/records/import/preview';
import type { DocumentMeta, Person, PersonField, Provenance } from '@/utils/records/schema';
import { addressFromText } from '@/utils/vn/admin-units';
import { parseDate } from '@/utils/vn/dates';

/**
 * The capture intake, review → person → save, as a flow apart from the page: what the shots say (one review,
 * each empty field with its reason), the values the officer sees and edits, and saving them into the records
 * (a new person, or the merge dialog when the ID is on record) with each scan as an encrypted document.
 */

/** One thing captured: a photo's scan, or a payload a handheld scanner typed (no image). */
export interface Shot {
  id: string;
  label: string;
  /** Object URL of what to show: the straightened card, or the photo as given. */
  preview: string | null;
  /** Object URL of the photo as given, when a card was cut from it (for the crop's four handles). */
  photo: string | null;
  raster: Raster | null;
  result: ScanResult | null;
  wedge?: CitizenQr;
}

export type CaptureValues = Partial<Record<PersonField | 'note' | 'expiry', string>>;

export interface Reviewed {
  review: Review;
  missing: Partial<Record<ReviewFieldName, MissingReason>>;
}

/** The citizen QR of the shots (a scanner's typing or a photo's code), the MRZ that parsed, and the OCR readings. */
export function reviewOf(shots: ReadonlyArray<Pick<Shot, 'result' | 'wedge'>>, places: PlaceLexicon | null): Reviewed {
  const qrShot = shots.find((s) => s.wedge || s.result?.qr?.kind === 'citizen-id');
  const qr = qrShot?.wedge ?? (qrShot?.result?.qr?.kind === 'citizen-id' ? qrShot.result.qr.card : null);
  const mrz = shots.map((s) => s.result?.reading?.mrz).find((m) => m?.ok);
  const readings = shots.flatMap((s) => (s.result?.reading ? [s.result.reading] : []));
  const review = fuse({ qr, mrz: mrz?.ok ? mrz.mrz : null, ocr: readings }, { places });
  return { review, missing: missingFields(review, readings, qr) };
}

/** The citizen QR among the shots (a scanner's typing or a photo's code). */
export function citizenQrOf(shots: ReadonlyArray<Pick<Shot, 'result' | 'wedge'>>): CitizenQr | null {
  for (const s of shots) {
    if (s.wedge) return s.wedge;
    if (s.result?.qr?.kind === 'citizen-id') return s.result.qr.card;
  }
  return null;
}

/** The ID numbers of the people whose cards are in the shots: more than one is two people's cards. */
export function peopleIn(shots: readonly Shot[]): string[] {
  const ids = shots.map(
    (s) => s.wedge?.personalId ?? (s.result?.qr?.kind === 'citizen-id' ? s.result.qr.card.personalId : null),
  );
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** Review field → the person form's field (the card's expiry is shown, not stored in the person). */
const formFieldOf: Partial<Record<ReviewFieldName, PersonField>> = {
  fullName: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  personalId: 'personalId',
  oldId: 'oldId',
  nationality: 'nationality',
  hometown: 'hometown',
  placeOfBirth: 'placeOfBirth',
  permanentAddress: 'permanentAddress',
  idIssueDate: 'idIssueDate',
  idIssuePlace: 'idIssuePlace',
};

export function reviewToValues(review: Review): CaptureValues {
  const out: CaptureValues = {};
  for (const [name, field] of Object.entries(review) as Array<[ReviewFieldName, ReviewField]>) {
    const form = formFieldOf[name];
    if (form) out[form] = field.value;
    else if (name === 'expiry') out.expiry = field.value;
  }
  return out;
}

/** The review's entry for a person field (its source, confidence and notes), if any. */
export function reviewFor(review: Review, field: PersonField): ReviewField | undefined {
  const name = (Object.entries(formFieldOf) as Array<[ReviewFieldName, PersonField]>).find(([, f]) => f === field)?.[0];
  return name ? review[name] : undefined;
}

/** The review field a person field shows (for its reason when empty). */
export function reviewNameOf(field: PersonField | 'expiry'): ReviewFieldName | undefined {
  if (field === 'expiry') return 'expiry';
  return (Object.entries(formFieldOf) as Array<[ReviewFieldName, PersonField]>).find(([, f]) => f === field)?.[0];
}

/** New readings fill every field the officer has not typed into. */
export function mergeValues(current: CaptureValues, review: Review, edited: ReadonlySet<string>): CaptureValues {
  const merged: CaptureValues = { ...current };
  for (const [k, v] of Object.entries(reviewToValues(review))) if (!edited.has(k)) merged[k as keyof CaptureValues] = v;
  return merged;
}

/** The person as captured, each field with its source and confidence, verified by the officer who saves it. */
export function capturedPerson(review: Review, officerId: string, now: Date): Person {
  const at = now.toISOString();
  const person: Record<string, unknown> = { id: 'capture', createdAt: at, updatedAt: at, note: '' };
  for (const [name, field] of Object.entries(review) as Array<[ReviewFieldName, ReviewField]>) {
    const form = formFieldOf[name];
    if (!form) continue;
    const prov: Provenance = {
      source: field.source,
      confidence: field.confidence,
      at,
      verifiedBy: officerId,
      verifiedAt: at,
      notes: field.notes,
    };
    let value: unknown = field.value;
    if (form === 'birthDate' || form === 'idIssueDate') {
      const parsed = parseDate(field.value);
      if (!parsed.ok) continue;
      value = parsed.date;
    }
    if (form === 'permanentAddress') value = addressFromText(field.value);
    person[form] = { value, prov };
  }
  return person as unknown as Person;
}

/** What the records store must do for the capture (the page's store, or a test's). */
export interface IntakeStore {
  findByPersonalId(id: string): { id: string } | undefined;
  get(id: string, options?: { audit?: boolean }): Promise<Person | null>;
  create(person: Omit<Person, 'id' | 'createdAt' | 'updatedAt'>, now?: Date): Promise<Person>;
  update(person: Person, now?: Date): Promise<Person>;
  addDocument(personId: string, meta: DocumentMeta, bytes: Uint8Array<ArrayBuffer>, now?: Date): Promise<string>;
}

export type PersonDraft = Omit<Person, 'id' | 'createdAt' | 'updatedAt'>;

export type SaveStep =
  | { kind: 'invalid'; errors: Partial<Record<string, string>>; warnings: string[] }
  | { kind: 'merge'; existing: Person; draft: PersonDraft; warnings: string[] }
  | { kind: 'saved'; person: Person; documents: number; warnings: string[] };

export interface SaveInput {
  review: Review;
  values: CaptureValues;
  shots: readonly Shot[];
  officerId: string;
  now?: Date;
  /** Encodes a scan for keeping (a JPEG in the page). */
  encode: (r: Raster) => Promise<Uint8Array<ArrayBuffer>>;
}

/**
 * Checks the values as the person form does; a new ID is created with the scans kept; an ID on record goes to
 * the merge dialog (then `completeMerge`).
 */
export async function saveCapture(store: IntakeStore, input: SaveInput): Promise<SaveStep> {
  const now = input.now ?? new Date();
  const original = capturedPerson(input.review, input.officerId, now);
  const formValues: FormValues = {
    ...emptyForm(),
    ...Object.fromEntries(Object.entries(input.values).filter(([k]) => k !== 'expiry')),
  };
  const check = checkForm(formValues, original, input.officerId, now);
  if (!check.person) return { kind: 'invalid', errors: check.errors, warnings: check.warnings };
  const existing = check.person.personalId ? store.findByPersonalId(check.person.personalId.value) : undefined;
  if (existing) {
    const person = await store.get(existing.id, { audit: true });
    if (person) return { kind: 'merge', existing: person, draft: check.person, warnings: check.warnings };
  }
  const person = await store.create(check.person, now);
  return { kind: 'saved', person, documents: await keepScans(store, person, input), warnings: check.warnings };
}

/** The officer's field-by-field choice for an ID on record: merged, then the scans kept with the person. */
export async function completeMerge(
  store: IntakeStore,
  step: Extract<SaveStep, { kind: 'merge' }>,
  choices: Partial<Record<PersonField, 'existing' | 'incoming'>>,
  input: SaveInput,
): Promise<Extract<SaveStep, { kind: 'saved' }>> {
  const person = await store.update(mergePerson(step.existing, step.draft, choices), input.now);
  return { kind: 'saved', person, documents: await keepScans(store, person, input), warnings: step.warnings };
}

/** Each photographed side kept as an encrypted document with what was read from it. */
async function keepScans(store: IntakeStore, person: Person, input: SaveInput): Promise<number> {
  let kept = 0;
  const extracted = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v)) as Record<string, string>;
  for (const shot of input.shots) {
    if (!shot.raster) continue;
    const side = shot.result?.reading?.side;
    const qr = shot.result?.qr?.kind === 'citizen-id' ? shot.result.qr.card : null;
    const meta: DocumentMeta = {
      kind: side === 'front' ? 'id-front' : side === 'back' ? 'id-back' : 'other',
      fileName: shot.label,
      mimeType: 'image/jpeg',
      ocrText: shot.result?.ocrText ?? '',
      extracted: {
        ...extracted,
        ...(qr ? { qrRaw: qr.raw } : {}),
        ...Object.fromEntries((qr?.extra ?? []).map((v, i) => [`qrExtra${i + 8}`, v])),
      },
      capturedAt: (input.now ?? new Date()).toISOString(),
    };
    await store.addDocument(person.id, meta, await input.encode(shot.raster), input.now);
    kept++;
  }
  return kept;
}
