import type { MotcuaDB, OfficerRow } from '@/utils/db/database';
import type { Role } from '@/utils/db/kinds';
import type { MessageKey, Params } from '@/utils/i18n';
import { ReasonError } from '@/utils/i18n/reason-error';
import { generateDataKey, newSalt, unwrapDataKey, wrapDataKey } from '@/utils/security/crypto';
import { deriveKek, kekFromPrf } from '@/utils/security/kdf';
import {
  officerSecrets,
  openDataKey,
  openPin,
  openWithPassphrase,
  sealPin,
  wrapUnderPassphrase,
} from '@/utils/security/officer-keys';
import { armPin, disarmPin, hasArmedPin, unlockWithArmedPin } from '@/utils/security/quick-pin';
import {
  checkPassphrase,
  checkPin,
  locksOut,
  looksLikePin,
  maxFailedAttempts,
  retryDelayMs,
  type SecretProblem,
} from '@/utils/security/secrets';
import { startSession } from '@/utils/security/session';
import { DeviceKeyError, type PrfCeremony } from '@/utils/security/webauthn';

/** Why something was refused: a message key and its parameters, turned into text by the UI. */
export interface Reason {
  code: MessageKey;
  params?: Params;
}

export class OfficerError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.code);
    this.name = 'OfficerError';
  }
}

/** Why a change of officers or secrets failed, for the UI: the refusal's own reason, or the error as it came. */
export function refusalOf(error: unknown): Reason {
  if (error instanceof OfficerError) return error.reason;
  if (error instanceof ReasonError) return { code: error.key, params: error.params };
  return { code: 'error.unknown', params: { detail: String(error) } };
}

export interface NewOfficer {
  name: string;
  role: Role;
  passphrase: string;
  /** A quick unlock for the browser session (optional). */
  pin?: string | null;
}

function refuse(problem: SecretProblem | null) {
  if (problem)
    throw new OfficerError({ code: problem.code, ...('params' in problem ? { params: problem.params } : {}) });
}

function checkNew(input: { passphrase: string; pin?: string | null }) {
  refuse(checkPassphrase(input.passphrase));
  if (input.pin) refuse(checkPin(input.pin));
}

async function officerRow(input: NewOfficer, dataKey: CryptoKey, now: Date): Promise<OfficerRow> {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new OfficerError({ code: 'secret.noName' });
  checkNew(input);
  const id = crypto.randomUUID();
  const { fields } = await officerSecrets(id, dataKey, input.passphrase, input.pin || null);
  return {
    id,
    name,
    role: input.role,
    ...fields,
    failedAttempts: 0,
    nextAttemptAt: 0,
    lockedOut: false,
    lockedOutAt: null,
    createdAt: now.toISOString(),
  };
}

export async function isSetUp(db: MotcuaDB): Promise<boolean> {
  return (await db.officers.count()) > 0;
}

/** First run: a new data key, wrapped for the first supervisor. Returns the unwrapped key (now unlocked). */
export async function setUp(db: MotcuaDB, supervisor: Omit<NewOfficer, 'role'>, now = new Date()) {
  if (await isSetUp(db)) throw new OfficerError({ code: 'secret.alreadySetUp' });
  const dataKey = await generateDataKey();
  const row = await officerRow({ ...supervisor, role: 'supervisor' }, dataKey, now);
  await db.transaction('rw', db.officers, db.meta, db.audit, async () => {
    await db.officers.add(row);
    await db.meta.put({ key: 'setupAt', value: now.toISOString() });
    await db.audit.add({ at: now.toISOString(), officerId: row.id, action: 'setup', personId: null, detail: '' });
  });
  return { officer: row, dataKey, pin: supervisor.pin || null };
}

/** Adding an officer seals the same data key under their own officer key: nothing is re-encrypted. */
export async function addOfficer(
  db: MotcuaDB,
  dataKey: CryptoKey,
  actorId: string,
  input: NewOfficer,
  now = new Date(),
) {
  await mustBeSupervisor(db, actorId);
  const row = await officerRow(input, dataKey, now);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.add(row);
    await db.audit.add({
      at: now.toISOString(),
      officerId: actorId,
      action: 'officer.add',
      personId: null,
      detail: row.role,
    });
  });
  return row;
}

async function mustBeSupervisor(db: MotcuaDB, actorId: string) {
  if ((await db.officers.get(actorId))?.role !== 'supervisor')
    throw new OfficerError({ code: 'secret.supervisorOnly' });
}

/**
 * A supervisor gives an officer who forgot their passphrase a new one (and optionally a PIN): a new officer
 * key, so the officer's device keys and armed PIN stop working.
 */
export async function resetSecrets(
  db: MotcuaDB,
  dataKey: CryptoKey,
  actorId: string,
  officerId: string,
  input: { passphrase: string; pin?: string | null },
  now = new Date(),
) {
  await mustBeSupervisor(db, actorId);
  checkNew(input);
  const { fields } = await officerSecrets(officerId, dataKey, input.passphrase, input.pin || null);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officerId, {
      ...fields,
      failedAttempts: 0,
      nextAttemptAt: 0,
      lockedOut: false,
      lockedOutAt: null,
    });
    await db.audit.add({
      at: now.toISOString(),
      officerId: actorId,
      action: 'officer.secret',
      personId: null,
      detail: `reset:${officerId}`,
    });
  });
  await disarmPin(officerId);
}

/** The officer key behind the officer's current passphrase, or a refusal (counted as a wrong try). */
async function ownOfficerKey(
  db: MotcuaDB,
  officerId: string,
  passphrase: string,
  now: number,
): Promise<{ officer: OfficerRow; officerKey: CryptoKey }> {
  const officer = await db.officers.get(officerId);
  if (!officer?.passphrase) throw new OfficerError({ code: 'secret.noOfficer' });
  const gate = attemptGate(officer, now);
  if (gate) throw new OfficerError(gate.reason);
  try {
    const officerKey = await openWithPassphrase(officer.passphrase, passphrase);
    await clearFailures(db, officerId);
    return { officer, officerKey };
  } catch {
    throw new OfficerError((await recordFailure(db, officer, now)).reason);
  }
}

/** The officer changes their own passphrase (the current one proves it is them). */
export async function changePassphrase(
  db: MotcuaDB,
  officerId: string,
  current: string,
  next: string,
  now = new Date(),
) {
  refuse(checkPassphrase(next));
  const { officerKey } = await ownOfficerKey(db, officerId, current, now.getTime());
  const passphrase = await wrapUnderPassphrase(next, officerKey);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officerId, { passphrase });
    await db.audit.add({
      at: now.toISOString(),
      officerId,
      action: 'officer.secret',
      personId: null,
      detail: 'passphrase',
    });
  });
}

/** The officer sets (or with null removes) their quick-unlock PIN; armed at once for this session. */
export async function setPin(
  db: MotcuaDB,
  dataKey: CryptoKey,
  officerId: string,
  passphrase: string,
  pin: string | null,
  now = new Date(),
) {
  if (pin) refuse(checkPin(pin));
  const { officerKey } = await ownOfficerKey(db, officerId, passphrase, now.getTime());
  const sealedPin = pin ? await sealPin(officerKey, pin, officerId) : null;
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officerId, { sealedPin });
    await db.audit.add({
      at: now.toISOString(),
      officerId,
      action: 'officer.secret',
      personId: null,
      detail: pin ? 'pin' : 'pin.removed',
    });
  });
  if (pin) await armPin(officerId, pin, dataKey);
  else await disarmPin(officerId);
}

export type UnlockResult =
  | {
      ok: true;
      officer: OfficerRow;
      dataKey: CryptoKey;
      /** The officer's PIN, to arm for the session after a passphrase or device-key unlock. */
      pin: string | null;
      /** A version-5 officer who had only a PIN: they must choose a passphrase before the records open. */
      choosePassphrase: boolean;
    }
  | { ok: false; reason: Reason; retryAt?: number; lockedOut?: boolean };
type Refusal = Extract<UnlockResult, { ok: false }>;

function attemptGate(officer: OfficerRow, now: number): Refusal | null {
  if (officer.lockedOut && officer.role !== 'supervisor')
    return { ok: false, lockedOut: true, reason: { code: 'unlock.lockedOut' } };
  if (now < officer.nextAttemptAt) {
    return {
      ok: false,
      retryAt: officer.nextAttemptAt,
      reason: { code: 'unlock.wait', params: { seconds: Math.ceil((officer.nextAttemptAt - now) / 1000) } },
    };
  }
  return null;
}

async function clearFailures(db: MotcuaDB, officerId: string) {
  await db.officers.update(officerId, { failedAttempts: 0, nextAttemptAt: 0, lockedOut: false, lockedOutAt: null });
}

async function recordFailure(db: MotcuaDB, officer: OfficerRow, now: number): Promise<Refusal> {
  const failed = officer.failedAttempts + 1;
  const lockedOut = locksOut(officer.role, failed);
  const retryAt = now + retryDelayMs(failed, officer.role);
  await db.officers.update(officer.id, {
    failedAttempts: failed,
    nextAttemptAt: retryAt,
    lockedOut,
    lockedOutAt: lockedOut ? now : null,
  });
  await db.audit.add({
    at: new Date(now).toISOString(),
    officerId: officer.id,
    action: 'unlock.failed',
    personId: null,
    detail: String(failed),
  });
  if (lockedOut)
    return { ok: false, lockedOut: true, reason: { code: 'unlock.nowLockedOut', params: { max: maxFailedAttempts } } };
  if (officer.role === 'supervisor') {
    const seconds = Math.round((retryAt - now) / 1000);
    return {
      ok: false,
      retryAt,
      reason: seconds > 0 ? { code: 'unlock.wrongSupervisor', params: { seconds } } : { code: 'unlock.wrongRetry' },
    };
  }
  return { ok: false, retryAt, reason: { code: 'unlock.wrong', params: { left: maxFailedAttempts - failed } } };
}

async function unlocked(
  db: MotcuaDB,
  officer: OfficerRow,
  dataKey: CryptoKey,
  via: string,
  now: number,
  pin: string | null,
  choosePassphrase = false,
): Promise<UnlockResult> {
  await clearFailures(db, officer.id);
  await db.audit.add({
    at: new Date(now).toISOString(),
    officerId: officer.id,
    action: 'unlock',
    personId: null,
    detail: via,
  });
  return { ok: true, officer, dataKey, pin, choosePassphrase };
}

/**
 * Checks what the officer typed: digits are their session PIN when one is armed, anything else their
 * passphrase. A version-5 secret (PBKDF2) is migrated on the spot: a passphrase is re-wrapped under Argon2id;
 * a PIN-only officer is asked to choose a passphrase (`choosePassphrase`).
 */
export async function unlockWithSecret(
  db: MotcuaDB,
  officerId: string,
  secret: string,
  now = Date.now(),
): Promise<UnlockResult> {
  const officer = await db.officers.get(officerId);
  if (!officer) return { ok: false, reason: { code: 'secret.noOfficer' } };
  if (looksLikePin(secret) && (await hasArmedPin(officerId))) return unlockWithPin(db, officer, secret, now);
  const gate = attemptGate(officer, now);
  if (gate) return gate;
  if (officer.legacy) return unlockLegacy(db, officer, secret, now);
  if (!officer.passphrase || !officer.sealedDataKey) return { ok: false, reason: { code: 'secret.noOfficer' } };
  try {
    const officerKey = await openWithPassphrase(officer.passphrase, secret);
    const dataKey = await openDataKey(officerKey, officer.sealedDataKey, officer.id);
    const pin = officer.sealedPin ? await openPin(officerKey, officer.sealedPin, officer.id) : null;
    return unlocked(db, officer, dataKey, 'passphrase', now, pin);
  } catch {
    const refusal = await recordFailure(db, officer, now);
    // Digits typed after the browser restarted: the PIN is not armed yet, say so (it still counted as a try).
    if (looksLikePin(secret) && officer.sealedPin && !refusal.lockedOut)
      return { ...refusal, reason: { code: 'unlock.pinNotArmed' } };
    return refusal;
  }
}

async function unlockWithPin(db: MotcuaDB, officer: OfficerRow, pin: string, now: number): Promise<UnlockResult> {
  if (officer.lockedOut && officer.role !== 'supervisor')
    return { ok: false, lockedOut: true, reason: { code: 'unlock.lockedOut' } };
  const result = await unlockWithArmedPin(officer.id, pin, now);
  if (result.ok) return unlocked(db, officer, result.dataKey, 'pin', now, null);
  await db.audit.add({
    at: new Date(now).toISOString(),
    officerId: officer.id,
    action: 'unlock.failed',
    personId: null,
    detail: 'pin',
  });
  if (result.code === 'unlock.wait')
    return {
      ok: false,
      retryAt: result.retryAt,
      reason: { code: 'unlock.wait', params: { seconds: Math.ceil((result.retryAt - now) / 1000) } },
    };
  if (result.code === 'unlock.pinWrong')
    return { ok: false, retryAt: result.retryAt, reason: { code: 'unlock.pinWrong', params: { left: result.left } } };
  return { ok: false, reason: { code: result.code } };
}

async function unlockLegacy(db: MotcuaDB, officer: OfficerRow, secret: string, now: number): Promise<UnlockResult> {
  const legacy = officer.legacy!;
  let dataKey: CryptoKey;
  try {
    dataKey = await unwrapDataKey(
      legacy.wrappedKey,
      await deriveKek(secret, { name: 'pbkdf2', salt: legacy.salt, iterations: legacy.iterations }),
    );
  } catch {
    return recordFailure(db, officer, now);
  }
  if (legacy.kind === 'pin') return unlocked(db, officer, dataKey, 'legacy-pin', now, secret, true);
  // A version-5 passphrase: the same passphrase, now behind Argon2id; the PBKDF2 wrap is deleted.
  const { fields } = await officerSecrets(officer.id, dataKey, secret, null);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officer.id, fields);
    await db.audit.add({
      at: new Date(now).toISOString(),
      officerId: officer.id,
      action: 'officer.secret',
      personId: null,
      detail: 'migrated:argon2id',
    });
  });
  return unlocked(db, { ...officer, ...fields }, dataKey, 'passphrase', now, null);
}

/**
 * A version-5 officer who had only a PIN chooses a passphrase after unlocking with it: the PIN becomes their
 * session quick unlock and the PIN-wrapped key is deleted from the disk.
 */
export async function finishMigration(
  db: MotcuaDB,
  officerId: string,
  dataKey: CryptoKey,
  pin: string,
  passphrase: string,
  now = new Date(),
) {
  refuse(checkPassphrase(passphrase));
  const officer = await db.officers.get(officerId);
  if (!officer?.legacy) throw new OfficerError({ code: 'secret.noOfficer' });
  const { fields } = await officerSecrets(officerId, dataKey, passphrase, pin);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officerId, fields);
    await db.audit.add({
      at: now.toISOString(),
      officerId,
      action: 'officer.secret',
      personId: null,
      detail: 'migrated:pin',
    });
  });
  return { ...officer, ...fields };
}

/**
 * Enrols a platform authenticator or security key (WebAuthn PRF) as one more way for the officer to unlock;
 * the current passphrase proves it is them. Returns the stored credential's label.
 */
export async function enrolDeviceKey(
  db: MotcuaDB,
  officerId: string,
  passphrase: string,
  label: string,
  prf: PrfCeremony,
  now = new Date(),
) {
  const { officer, officerKey } = await ownOfficerKey(db, officerId, passphrase, now.getTime());
  const prfSalt = newSalt();
  const result = await deviceCeremony(() => prf.create({ id: officer.id, name: officer.name }, prfSalt));
  const key = {
    credentialId: result.credentialId,
    prfSalt,
    wrappedOfficerKey: await wrapDataKey(officerKey, await kekFromPrf(result.prf)),
    label: label.trim().slice(0, 60) || 'Khoá bảo mật',
    createdAt: now.toISOString(),
  };
  await db.transaction('rw', db.officers, db.audit, async () => {
    const fresh = await db.officers.get(officerId);
    await db.officers.update(officerId, {
      deviceKeys: [...(fresh?.deviceKeys ?? []).filter((k) => k.credentialId !== key.credentialId), key],
    });
    await db.audit.add({ at: now.toISOString(), officerId, action: 'officer.device', personId: null, detail: 'add' });
  });
  return key.label;
}

export async function removeDeviceKey(db: MotcuaDB, officerId: string, credentialId: string, now = new Date()) {
  await db.transaction('rw', db.officers, db.audit, async () => {
    const officer = await db.officers.get(officerId);
    if (!officer) return;
    await db.officers.update(officerId, {
      deviceKeys: officer.deviceKeys.filter((k) => k.credentialId !== credentialId),
    });
    await db.audit.add({
      at: now.toISOString(),
      officerId,
      action: 'officer.device',
      personId: null,
      detail: 'remove',
    });
  });
}

async function deviceCeremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new OfficerError({ code: e instanceof DeviceKeyError ? e.code : 'device.cancelled' });
  }
}

/** Unlocks with one of the officer's enrolled device keys (a cancelled prompt is not a wrong try). */
export async function unlockWithDeviceKey(
  db: MotcuaDB,
  officerId: string,
  prf: PrfCeremony,
  now = Date.now(),
): Promise<UnlockResult> {
  const officer = await db.officers.get(officerId);
  if (!officer?.sealedDataKey || officer.deviceKeys.length === 0) return { ok: false, reason: { code: 'device.none' } };
  if (officer.lockedOut && officer.role !== 'supervisor')
    return { ok: false, lockedOut: true, reason: { code: 'unlock.lockedOut' } };
  let result: Awaited<ReturnType<PrfCeremony['get']>>;
  try {
    result = await deviceCeremony(() => prf.get(officer.deviceKeys));
  } catch (e) {
    return { ok: false, reason: (e as OfficerError).reason };
  }
  const key = officer.deviceKeys.find((k) => k.credentialId === result.credentialId);
  try {
    if (!key) throw new Error('unknown credential');
    const officerKey = await unwrapDataKey(key.wrappedOfficerKey, await kekFromPrf(result.prf));
    const dataKey = await openDataKey(officerKey, officer.sealedDataKey, officer.id);
    const pin = officer.sealedPin ? await openPin(officerKey, officer.sealedPin, officer.id) : null;
    return unlocked(db, officer, dataKey, 'device', now, pin);
  } catch {
    await db.audit.add({
      at: new Date(now).toISOString(),
      officerId,
      action: 'unlock.failed',
      personId: null,
      detail: 'device',
    });
    return { ok: false, reason: { code: 'device.mismatch' } };
  }
}

/**
 * Opens the session after an unlock, arming the officer's PIN for the rest of the browser session first: the
 * page shows the officer signed in once the session opens, and a reload or a closed tab from then on must not
 * cut the PIN's wrapping short.
 */
export async function beginSession(result: Extract<UnlockResult, { ok: true }>) {
  if (result.pin) await armPin(result.officer.id, result.pin, result.dataKey);
  await startSession(result.officer, result.dataKey);
}

/** A supervisor releases a locked-out officer. */
export async function releaseOfficer(db: MotcuaDB, actorId: string, officerId: string, now = new Date()) {
  await mustBeSupervisor(db, actorId);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await clearFailures(db, officerId);
    await db.audit.add({
      at: now.toISOString(),
      officerId: actorId,
      action: 'officer.release',
      personId: null,
      detail: officerId,
    });
  });
}

/** What the unlock screen may show about officers: never salts, wrapped keys or sealed PINs. */
export async function listOfficers(db: MotcuaDB) {
  const rows = await db.officers.toArray();
  return rows
    .map((o) => ({
      id: o.id,
      name: o.name,
      role: o.role,
      lockedOut: o.lockedOut && o.role !== 'supervisor',
      failedAttempts: o.failedAttempts,
      hasPin: Boolean(o.sealedPin) || o.legacy?.kind === 'pin',
      /** A version-5 officer with only a PIN on disk, until their next unlock. */
      needsPassphrase: o.legacy?.kind === 'pin',
      deviceKeys: o.deviceKeys.map((k) => ({ credentialId: k.credentialId, label: k.label })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
