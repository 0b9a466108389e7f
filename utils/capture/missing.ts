import type { CardModel, CardReading, CardSide } from '@/utils/capture/card-fields';
import type { Review, ReviewFieldName } from '@/utils/capture/fuse';
import type { CitizenQr } from '@/utils/capture/qr-payload';

/**
 * Why a field the card prints is empty in the review, as a reason code the page turns into words: the side
 * that prints it was read but the value was not (`unreadable`), or that side was not photographed (`otherSide`),
 * or no side of the card was recognised (`noCard`).
 */
export type MissingReason =
  | { code: 'unreadable'; side: CardSide }
  | { code: 'otherSide'; side: CardSide }
  | { code: 'noCard' };

/** Where each card model prints each field (the MRZ on the back encodes the number, birth date, sex, expiry). */
const printedOn: Record<CardModel, Partial<Record<ReviewFieldName, CardSide[]>>> = {
  '2021': {
    fullName: ['front'],
    birthDate: ['front', 'back'],
    sex: ['front', 'back'],
    personalId: ['front', 'back'],
    nationality: ['front'],
    hometown: ['front'],
    permanentAddress: ['front'],
    expiry: ['front', 'back'],
    idIssueDate: ['back'],
  },
  '2024': {
    fullName: ['front'],
    birthDate: ['front', 'back'],
    sex: ['front', 'back'],
    personalId: ['front', 'back'],
    nationality: ['front'],
    placeOfBirth: ['back'],
    permanentAddress: ['back'],
    expiry: ['back'],
    idIssueDate: ['back'],
  },
};

/** The card models print their QR code on one side each: 2021 on the front, 2024 on the back. */
const qrSide: Record<CardModel, CardSide> = { '2021': 'front', '2024': 'back' };
/** Cards issued from 1/7/2024 are the 2024 model. */
function modelOfQr(qr: Pick<CitizenQr, 'issueDate'>): CardModel | null {
  const d = qr.issueDate;
  if (!d) return null;
  return d.year * 10_000 + (d.month ?? 1) * 100 + (d.day ?? 1) >= 20240701 ? '2024' : '2021';
}

/**
 * A reason for every field the card prints that the review leaves empty. A QR code read tells the card's model
 * (by its issue date) and, on a photo of the card, the side photographed (the side that carries the code).
 */
export function missingFields(
  review: Review,
  readings: readonly CardReading[],
  qr: Pick<CitizenQr, 'issueDate'> | null,
): Partial<Record<ReviewFieldName, MissingReason>> {
  const out: Partial<Record<ReviewFieldName, MissingReason>> = {};
  const recognised = readings.filter((r) => r.side);
  const qrModel = qr ? modelOfQr(qr) : null;
  // A model only the QR corner suggested is no model: every field either model prints on a side seen is expected.
  const model = qrModel ?? recognised.find((r) => r.model && r.modelBy !== 'corner')?.model ?? null;
  const seen = new Set(recognised.map((r) => r.side));
  // A photo of the card whose code was read shows the code's side, recognised or not.
  if (qrModel && readings.length) seen.add(qrSide[qrModel]);
  if (!seen.size && !qr) {
    if (!readings.length) return out;
    const every = new Set([...Object.keys(printedOn['2021']), ...Object.keys(printedOn['2024'])] as ReviewFieldName[]);
    for (const field of every) if (!review[field]?.value) out[field] = { code: 'noCard' };
    return out;
  }
  // Without the model (its words unread), a field is expected where either model prints it on a side seen.
  const models: CardModel[] = model ? [model] : ['2021', '2024'];
  const fieldsOf = new Set(models.flatMap((m) => Object.keys(printedOn[m]) as ReviewFieldName[]));
  for (const field of fieldsOf) {
    if (review[field]?.value) continue;
    const sides = models.flatMap((m) => printedOn[m][field] ?? []);
    const readSide = sides.find((s) => seen.has(s));
    if (readSide) out[field] = { code: 'unreadable', side: readSide };
    else if (sides[0]) out[field] = { code: 'otherSide', side: sides[0] };
  }
  return out;
}
