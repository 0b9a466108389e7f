import { z } from 'zod';

/**
 * The filing log. One filing is one intake on a portal; every change to it (submitted with its dossier code,
 * cancelled, a note) is a new entry that refers to the one it corrects. Entries are append-only and chained
 * per counter (each install is a counter): each stores the hash of the previous one.
 *
 * The chained part holds no personal data in clear: the people and the officer's note live in a separate
 * encrypted row, and the entry commits to them by `peopleDigest` (SHA-256 of a random salt and the content),
 * so the chain can be verified without the data key and the people cannot be swapped unnoticed.
 */
export const filingStatuses = ['draft', 'submitted', 'cancelled'] as const;
export type FilingStatus = (typeof filingStatuses)[number];

export const statusLabels: Record<FilingStatus, string> = { draft: 'Nháp', submitted: 'Đã nộp', cancelled: 'Đã huỷ' };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const filingEntrySchema = z.object({
  counterId: z.string().regex(/^[0-9a-f]{16}$/),
  seq: z.number().int().min(1),
  id: z.string().min(1).max(64),
  /** The filing this entry belongs to: its first entry's id. */
  root: z.string().min(1).max(64),
  /** The entry this one corrects (the previous state of the same filing); null for the first. */
  refersTo: z.string().max(64).nullable(),
  at: z.string(),
  officerId: z.string().max(64),
  officerName: z.string().max(200),
  procedureCode: z.string().max(40).nullable(),
  procedureName: z.string().max(200).nullable(),
  portalHost: z.string().max(253),
  status: z.enum(filingStatuses),
  fields: z.object({
    filled: z.number().int().min(0),
    check: z.number().int().min(0),
    missing: z.number().int().min(0),
  }),
  /** From the panel opening (or the last fill's start) to the fill report. */
  msToFill: z.number().min(0).nullable(),
  /** From the fill to the portal's confirmation. */
  msToSubmit: z.number().min(0).nullable(),
  dossierCode: z.string().max(80).nullable(),
  peopleDigest: hex64,
  prevHash: hex64,
  hash: hex64,
  /**
   * The counter's ECDSA P-256 signature of `{counterId, seq, hash}` (base64), outside what `hash` covers. Every
   * entry from version 6 on carries one; the check verifies every 1,000th and the head, and walks the others
   * only where those fail, to name the first entry that was rewritten.
   */
  sig: z
    .string()
    .regex(/^[A-Za-z0-9+/]{80,120}={0,2}$/)
    .optional(),
});
export type FilingEntry = z.infer<typeof filingEntrySchema>;
export type EntryBody = Omit<FilingEntry, 'counterId' | 'seq' | 'prevHash' | 'hash' | 'sig'>;

/** A counter's signed head: how many entries its chain has and the last one's hash (signing.ts). */
export const signedHeadSchema = z.object({ count: z.number().int().min(0), hash: hex64, sig: z.string().max(200) });
export type SignedHead = z.infer<typeof signedHeadSchema>;

/**
 * A filing's current state as the dashboard lists it: its last entry without the chain's hashes. Kept in its
 * own table, written with every append, so the dashboard reads one small row per filing instead of every
 * entry (the chain stays the source of truth; "Kiểm tra tính toàn vẹn" reads the entries).
 */
export type FilingView = Omit<FilingEntry, 'seq' | 'prevHash' | 'hash' | 'peopleDigest' | 'refersTo' | 'sig'>;

export function viewOf(entry: FilingEntry): FilingView {
  const { seq: _s, prevHash: _p, hash: _h, peopleDigest: _d, refersTo: _r, sig: _g, ...view } = entry;
  return view;
}

/** The personal part of an entry: who was filed for, in which role, and the officer's note. */
export const filingPeopleSchema = z.object({
  salt: z.string().min(16).max(64),
  people: z
    .array(
      z.object({
        role: z.string().max(40),
        personId: z.string().max(64),
        name: z.string().max(200),
        maskedId: z.string().max(40).nullable(),
      }),
    )
    .max(20),
  note: z.string().max(2000),
});
export type FilingPeople = z.infer<typeof filingPeopleSchema>;

export const genesisHash = '0'.repeat(64);
