import Dexie, { type EntityTable } from 'dexie';
import type { AuditAction, Role } from '@/utils/db/kinds';

/**
 * The one database, in the extension origin only (never open it from a content script: there IndexedDB
 * belongs to the portal). PII lives only inside the `iv`/`ct` pairs (AES-GCM, see utils/security/crypto);
 * what is in clear is ids, timestamps, officers' own names and non-personal settings.
 */

export interface MetaRow {
  key: string;
  value: unknown;
}

/** How a key-derivation function was run (utils/security/kdf.ts). */
export type KdfRow =
  | { name: 'argon2id'; salt: Uint8Array<ArrayBuffer>; memoryKiB: number; iterations: number; parallelism: number }
  | { name: 'pbkdf2'; salt: Uint8Array<ArrayBuffer>; iterations: number };

/** One WebAuthn credential (platform authenticator or security key) whose PRF output wraps the officer key. */
export interface DeviceKeyRow {
  credentialId: string;
  prfSalt: Uint8Array<ArrayBuffer>;
  wrappedOfficerKey: Uint8Array<ArrayBuffer>;
  label: string;
  createdAt: string;
}

/** Before version 6: the data key wrapped straight under a PBKDF2 key of the officer's PIN or passphrase. */
export interface LegacySecretRow {
  kind: 'pin' | 'passphrase';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  wrappedKey: Uint8Array<ArrayBuffer>;
}

/**
 * An officer (utils/security/officer-keys.ts has the key hierarchy). From version 6: the passphrase (Argon2id)
 * and each device key wrap the officer key; the officer key seals the data key and the quick-unlock PIN, which
 * is armed in session memory only. `legacy` is a version-5 officer's secret, kept until their next unlock.
 */
export interface OfficerRow {
  id: string;
  name: string;
  role: Role;
  passphrase: { kdf: KdfRow; wrappedOfficerKey: Uint8Array<ArrayBuffer> } | null;
  /** The data key's raw bytes sealed with the officer key (AES-GCM). */
  sealedDataKey: { iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer } | null;
  /** The quick-unlock PIN sealed with the officer key; null when the officer has none. */
  sealedPin: { iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer } | null;
  deviceKeys: DeviceKeyRow[];
  legacy: LegacySecretRow | null;
  failedAttempts: number;
  /** Epoch ms before which no new attempt is accepted (growing delay after wrong secrets). */
  nextAttemptAt: number;
  /** Officers only: a supervisor releases them. A supervisor is never locked out, only delayed. */
  lockedOut: boolean;
  lockedOutAt: number | null;
  createdAt: string;
}

/** An officer as versions 1–5 stored them. */
export interface OfficerRowV5 {
  id: string;
  name: string;
  role: Role;
  secretKind: 'pin' | 'passphrase';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  wrappedKey: Uint8Array<ArrayBuffer>;
  failedAttempts: number;
  nextAttemptAt: number;
  lockedOut: boolean;
  lockedOutAt: number | null;
  createdAt: string;
}

/** Version 6's officer from a version-5 row: the old secret kept aside until the next unlock migrates it. */
export function officerV6(old: OfficerRowV5): OfficerRow {
  const { secretKind, salt, iterations, wrappedKey, ...rest } = old;
  const supervisor = old.role === 'supervisor';
  return {
    ...rest,
    passphrase: null,
    sealedDataKey: null,
    sealedPin: null,
    deviceKeys: [],
    legacy: { kind: secretKind, salt, iterations, wrappedKey },
    lockedOut: supervisor ? false : old.lockedOut,
    lockedOutAt: supervisor ? null : old.lockedOutAt,
  };
}

/**
 * People of one chunk, encrypted together (plaintext: `Person[]`). One row per 1,000 people instead of one
 * per person: Chromium's IndexedDB costs ~80 µs per row written, which alone would cap imports near
 * 12,000 rows/s, while a 600 kB row costs about as much as a few small ones (measured, bench/records).
 */
export interface PersonPackRow {
  chunk: number;
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
  version: number;
}

/** Version 1–2 storage: one encrypted row per person. Emptied into packs at the first unlock after version 3. */
export interface PersonRow {
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
  /** Which encrypted search-index chunk holds this person's entry. */
  chunk: number;
  createdAt: string;
  updatedAt: string;
  /** Last filled, viewed or edited: what retention counts from (added in version 2). */
  lastUsedAt: string;
}

export interface SearchChunkRow {
  chunk: number;
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
  /** Bumped on every rewrite, so another context knows to reload it. */
  version: number;
}

export interface DocumentRow {
  id: string;
  personId: string;
  /** Encrypted DocumentMeta (kind, file name, OCR text, extracted fields). */
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
  /** Encrypted scan bytes. */
  blobIv: Uint8Array<ArrayBuffer>;
  blobCt: ArrayBuffer;
  createdAt: string;
}

export interface RelationRow {
  id: string;
  fromId: string;
  kind: string;
  toId: string;
}

export interface AuditRow {
  seq?: number;
  at: string;
  officerId: string | null;
  action: AuditAction;
  personId: string | null;
  /** Counts and codes only, never personal data. */
  detail: string;
}

export interface ImportJobRow {
  id: string;
  fileName: string;
  /** SHA-256 of the file, so a resumed import is checked to be the same file. */
  fileHash: string;
  totalRows: number;
  committedRows: number;
  status: 'running' | 'done' | 'interrupted';
  /** One bit per file row, set once the row is written: a resume skips these rows, whatever the decisions now. */
  committed?: Uint8Array<ArrayBuffer>;
  /** Why the job stopped (a message key, never personal data). */
  failure?: string;
  createdAt: string;
  updatedAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One entry of a counter's filing log, as chained (utils/filings/schema.ts). */
export type FilingRow = import('@/utils/db/filing-schema').FilingEntry;
export type FilingViewRow = import('@/utils/db/filing-schema').FilingView;

/** An entry's personal part (people, note), sealed with the data key. */
export interface FilingPeopleRow {
  counterId: string;
  id: string;
  iv: Uint8Array<ArrayBuffer>;
  ct: ArrayBuffer;
}

/**
 * A counter: this install (with its non-extractable signing key and its signed head) or another whose bundles a
 * supervisor takes, once enrolled (its key's fingerprint shown and confirmed), with the last head seen from it.
 */
export interface CounterRow {
  id: string;
  name: string;
  publicJwk: JsonWebKey;
  own: 0 | 1;
  privateKey?: CryptoKey;
  importedAt?: string;
  /** Own counter: the head signed at every append. */
  head?: import('@/utils/db/filing-schema').SignedHead;
  /** Another counter: the last signed head a bundle brought, and when. */
  lastHead?: import('@/utils/db/filing-schema').SignedHead & { at: string };
  enrolledAt?: string;
  enrolledBy?: string | null;
}

export const databaseName = 'motcua';

/** Version 1's stores, frozen: the migration test builds a version-1 database from exactly these. */
export const storesV1 = {
  meta: 'key',
  officers: 'id, role',
  people: 'id, chunk, updatedAt',
  searchChunks: 'chunk',
  documents: 'id, personId',
  relations: 'id, fromId, toId',
  settings: 'key',
  audit: '++seq, at, action, personId, officerId',
};

export const storesV2 = {
  ...storesV1,
  people: 'id, chunk, updatedAt, lastUsedAt',
  importJobs: 'id, fileHash, status',
};

export const storesV3 = {
  ...storesV2,
  personPacks: 'chunk',
};

export const storesV4 = {
  ...storesV3,
  filings: '[counterId+seq], id, root, at, counterId',
  filingPeople: '[counterId+id]',
  filingViews: '[counterId+root]',
  counters: 'id, own',
};

export class MotcuaDB extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  officers!: EntityTable<OfficerRow, 'id'>;
  people!: EntityTable<PersonRow, 'id'>;
  personPacks!: EntityTable<PersonPackRow, 'chunk'>;
  searchChunks!: EntityTable<SearchChunkRow, 'chunk'>;
  documents!: EntityTable<DocumentRow, 'id'>;
  relations!: EntityTable<RelationRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  audit!: EntityTable<AuditRow, 'seq'>;
  importJobs!: EntityTable<ImportJobRow, 'id'>;
  filings!: Dexie.Table<FilingRow, [string, number]>;
  filingPeople!: Dexie.Table<FilingPeopleRow, [string, string]>;
  filingViews!: Dexie.Table<FilingViewRow, [string, string]>;
  counters!: EntityTable<CounterRow, 'id'>;

  constructor(name = databaseName, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(storesV1);
    // Version 2: retention counts from the last use, not the last edit; imports become resumable jobs.
    this.version(2)
      .stores(storesV2)
      .upgrade((tx) =>
        tx
          .table('people')
          .toCollection()
          .modify((row: PersonRow) => {
            row.lastUsedAt ??= row.updatedAt;
          }),
      );
    // Version 3: people are stored in encrypted packs, one per search chunk. Moving the version-2 rows needs
    // the data key, so RecordsStore.open does it at the first unlock (migratePersonRows); `people` stays
    // until a later version drops it.
    this.version(3).stores(storesV3);
    // Version 4: the filing log (issue 6), chained per counter.
    this.version(4).stores(storesV4);
    // Version 6: officers unlock with an Argon2id passphrase or a device key, the PIN only for the browser
    // session (utils/security/officer-keys.ts). Each officer's old PBKDF2 secret is moved aside here and
    // re-wrapped at their next unlock, which needs the secret. Supervisors lose any old lockout: they are
    // only ever delayed now.
    // (No store changes: Dexie keeps every table a version does not name.)
    this.version(6)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('officers')
          .toCollection()
          .modify((row: OfficerRow & Partial<OfficerRowV5>, ref: { value: unknown }) => {
            if (row.wrappedKey && row.legacy === undefined) ref.value = officerV6(row as OfficerRowV5);
          })
          // Counters taken before enrolment existed count as enrolled when they were first imported.
          .then(() =>
            tx
              .table('counters')
              .toCollection()
              .modify((row: CounterRow) => {
                if (row.own === 0 && !row.enrolledAt) {
                  row.enrolledAt = row.importedAt ?? new Date(0).toISOString();
                  row.enrolledBy = null;
                }
              }),
          ),
      );
  }
}
