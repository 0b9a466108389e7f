import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { generateCards } from '../../tests/fixtures/cards/generate';
import type { CardTruth, Rendering } from '../../tests/fixtures/cards/spec';

/**
 * The capture bench's photo sets and how a photo is scored. Each photo is scored alone, as an officer feeds one
 * photo at a time: a front photo for the front's fields, a back photo for the back's, a QR photo for the QR's.
 */

export const fields = [
  'personalId',
  'fullName',
  'birthDate',
  'sex',
  'nationality',
  'hometown',
  'permanentAddress',
  'placeOfBirth',
  'idIssueDate',
  'expiry',
] as const;
export type Field = (typeof fields)[number];
export type Side = 'front' | 'back' | 'qr';

export interface BenchPhoto {
  file: string;
  side: Side;
  card: string;
  /** The fields this photo shows, as the card prints them. */
  expected: Partial<Record<Field, string>>;
  /** Every field the side prints, legible or not (the stranger's set marks some illegible). */
  allFields?: Partial<Record<Field, string>>;
  /** The card's QR code is on this photo and large enough to be read (modules of 1.5 px or more); null: unknown. */
  qrVisible: boolean | null;
}

export interface BenchSet {
  name: string;
  /** Held-out sets are scored once, at the end, never while tuning. */
  heldOut: boolean;
  photos: BenchPhoto[];
}

/** What each side of a card shows (the back's MRZ encodes the number, birth date, sex and expiry exactly). */
export function expectedOf(
  t: Pick<
    CardTruth,
    | 'model'
    | 'personalId'
    | 'fullName'
    | 'birthDate'
    | 'sex'
    | 'nationality'
    | 'hometown'
    | 'residence'
    | 'placeOfBirth'
    | 'issueDate'
    | 'expiry'
  >,
  side: Side,
): Partial<Record<Field, string>> {
  const id = { personalId: t.personalId, birthDate: t.birthDate, sex: t.sex };
  if (side === 'qr') return { ...id, fullName: t.fullName, permanentAddress: t.residence, idIssueDate: t.issueDate };
  if (t.model === '2021') {
    return side === 'front'
      ? {
          ...id,
          fullName: t.fullName,
          nationality: t.nationality,
          hometown: t.hometown,
          permanentAddress: t.residence,
          expiry: t.expiry,
        }
      : { ...id, idIssueDate: t.issueDate, expiry: t.expiry };
  }
  return side === 'front'
    ? { ...id, fullName: t.fullName, nationality: t.nationality }
    : {
        ...id,
        permanentAddress: t.residence,
        placeOfBirth: t.placeOfBirth,
        idIssueDate: t.issueDate,
        expiry: t.expiry,
      };
}

/** Pixels per QR module in the photo, from the generator's damage (2021 front: 126 of 1000; 2024 back: 150). */
function qrModulePixels(truth: CardTruth, side: Side, width: number, scale: number): number | null {
  const share =
    truth.model === '2021' && side === 'front' ? 0.126 : truth.model === '2024' && side === 'back' ? 0.15 : null;
  if (share === null) return null;
  const size = QRCode.create(truth.qr, { errorCorrectionLevel: 'M' }).modules.size + 8;
  return (width * scale * share) / size;
}

/** One of the team's renderings (`tests/fixtures/cards`). */
export async function teamSet(
  name: string,
  rendering: Rendering,
  count: number,
  seed: number,
  heldOut: boolean,
): Promise<BenchSet> {
  const set = await generateCards(count, seed, { rendering });
  const photos = set.images.map((image): BenchPhoto => {
    const px = qrModulePixels(image.truth, image.side, image.damage.width, image.damage.scale);
    return {
      file: join(set.dir, image.file),
      side: image.side,
      card: image.truth.id,
      expected: expectedOf(image.truth, image.side),
      qrVisible: image.side === 'qr' ? true : px === null ? false : px >= 1.5,
    };
  });
  return { name, heldOut, photos };
}

const strangerScript = join(process.cwd(), 'tests/fixtures/cards-stranger/generate.ts');

/** The independent generator's set (`tests/fixtures/cards-stranger`), when it is in the tree; null otherwise. */
export function strangerSet(
  count: number,
  seed: number,
  out: string,
  name = 'stranger',
  heldOut = true,
): BenchSet | null {
  if (!existsSync(strangerScript)) return null;
  if (!existsSync(join(out, 'truth.json')))
    execFileSync('npx', ['tsx', strangerScript, '--count', String(count), '--seed', String(seed), '--out', out], {
      stdio: 'ignore',
    });
  return { name, heldOut, photos: readStrangerTruth(out) };
}

interface StrangerEntry {
  file: string;
  side: Side;
  model: CardTruth['model'];
  qrVisible?: boolean;
  /** Fields printed on the side that a person could not read (the stranger's own heuristic). */
  illegible?: string[];
  truth: Omit<CardTruth, 'id' | 'model'>;
  person?: number;
}

/** The stranger's printed-field names, where they differ from the bench's. */
const strangerField: Partial<Record<string, Field>> = { residence: 'permanentAddress', issueDate: 'idIssueDate' };

/**
 * The stranger's `truth.json` (its README's shape), read into the bench's photos. Fields it lists as illegible
 * (a person could not read them on that photo) are kept apart: scored in `allFields`, not in `expected`.
 */
export function readStrangerTruth(dir: string): BenchPhoto[] {
  const entries = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as StrangerEntry[];
  return entries.map((e) => {
    const all = expectedOf({ ...e.truth, model: e.model }, e.side);
    const illegible = new Set((e.side === 'qr' ? [] : (e.illegible ?? [])).map((f) => strangerField[f] ?? f));
    const expected = Object.fromEntries(Object.entries(all).filter(([f]) => !illegible.has(f)));
    return {
      file: join(dir, e.file),
      side: e.side,
      card: `stranger-${e.person ?? e.file.slice(0, 4)}`,
      expected,
      allFields: all,
      qrVisible: e.qrVisible ?? null,
    };
  });
}

export interface Shown {
  value: string;
  uncertain: boolean;
}

export interface PhotoScore {
  field: Field;
  exact: boolean;
  shown: boolean;
  flagged: boolean;
  /** An empty field with its reason written for the officer. */
  reason: boolean;
}

/** Each expected field of a photo against what the review shows. */
export function scorePhoto(
  expected: Partial<Record<Field, string>>,
  review: Partial<Record<string, Shown>>,
  reasons: Partial<Record<string, unknown>> = {},
): PhotoScore[] {
  return (Object.entries(expected) as Array<[Field, string]>).map(([field, want]) => {
    const got = review[field];
    const shown = Boolean(got?.value);
    return {
      field,
      shown,
      exact: shown && got!.value.normalize('NFC') === want.normalize('NFC'),
      flagged: Boolean(got?.uncertain),
      reason: !shown && Boolean(reasons[field]),
    };
  });
}
