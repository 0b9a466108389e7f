import type { MotcuaDB, OfficerRow } from '../db/database';
import type { Role } from '../db/kinds';
import { deriveKek, generateDataKey, newSalt, pbkdf2Iterations, unwrapDataKey, wrapDataKey } from './crypto';
import { checkSecret, maxFailedAttempts, retryDelayMs, supervisorLockoutMs, type SecretKind } from './secrets';

export interface NewOfficer {
  name: string;
  role: Role;
  secretKind: SecretKind;
  secret: string;
}

export class OfficerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OfficerError';
  }
}

async function officerRow(input: NewOfficer, dataKey: CryptoKey, now: Date): Promise<OfficerRow> {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new OfficerError('Chưa nhập họ tên cán bộ.');
  const problem = checkSecret(input.secretKind, input.secret, input.role);
  if (problem) throw new OfficerError(problem);
  const salt = newSalt();
  const kek = await deriveKek(input.secret, salt, pbkdf2Iterations);
  return {
    id: crypto.randomUUID(),
    name,
    role: input.role,
    secretKind: input.secretKind,
    salt,
    iterations: pbkdf2Iterations,
    wrappedKey: await wrapDataKey(dataKey, kek),
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
  if (await isSetUp(db)) throw new OfficerError('Đã thiết lập rồi. Hãy mở khoá bằng tài khoản lãnh đạo.');
  const dataKey = await generateDataKey();
  const row = await officerRow({ ...supervisor, role: 'supervisor' }, dataKey, now);
  await db.transaction('rw', db.officers, db.meta, db.audit, async () => {
    await db.officers.add(row);
    await db.meta.put({ key: 'setupAt', value: now.toISOString() });
    await db.audit.add({ at: now.toISOString(), officerId: row.id, action: 'setup', personId: null, detail: '' });
  });
  return { officer: row, dataKey };
}

/** Adding an officer wraps the same data key under their secret: nothing is re-encrypted. */
export async function addOfficer(db: MotcuaDB, dataKey: CryptoKey, actorId: string, input: NewOfficer, now = new Date()) {
  const row = await officerRow(input, dataKey, now);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.add(row);
    await db.audit.add({ at: now.toISOString(), officerId: actorId, action: 'officer.add', personId: null, detail: row.role });
  });
  return row;
}

export async function changeSecret(db: MotcuaDB, dataKey: CryptoKey, officerId: string, kind: SecretKind, secret: string, now = new Date()) {
  const officer = await db.officers.get(officerId);
  if (!officer) throw new OfficerError('Không tìm thấy cán bộ.');
  const fresh = await officerRow({ name: officer.name, role: officer.role, secretKind: kind, secret }, dataKey, now);
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officerId, {
      secretKind: kind,
      salt: fresh.salt,
      iterations: fresh.iterations,
      wrappedKey: fresh.wrappedKey,
      failedAttempts: 0,
      nextAttemptAt: 0,
    });
    await db.audit.add({ at: now.toISOString(), officerId, action: 'officer.secret', personId: null, detail: kind });
  });
}

export type UnlockResult =
  | { ok: true; officer: OfficerRow; dataKey: CryptoKey }
  | { ok: false; reason: string; retryAt?: number; lockedOut?: boolean };

/**
 * Checks a secret. Wrong secrets make the officer wait longer each time and lock them out after
 * `maxFailedAttempts` until a supervisor releases them.
 */
export async function unlockWithSecret(db: MotcuaDB, officerId: string, secret: string, now = Date.now()): Promise<UnlockResult> {
  const officer = await db.officers.get(officerId);
  if (!officer) return { ok: false, reason: 'Không tìm thấy cán bộ.' };
  if (officer.lockedOut) {
    const expired = officer.role === 'supervisor' && officer.lockedOutAt !== null && now - officer.lockedOutAt >= supervisorLockoutMs;
    if (!expired) {
      return {
        ok: false,
        lockedOut: true,
        reason:
          officer.role === 'supervisor'
            ? 'Tài khoản bị khoá do nhập sai quá nhiều lần. Hãy thử lại sau 30 phút hoặc nhờ lãnh đạo khác mở khoá.'
            : 'Tài khoản bị khoá do nhập sai quá nhiều lần. Hãy nhờ lãnh đạo/tổ trưởng mở khoá.',
      };
    }
  }
  if (now < officer.nextAttemptAt) {
    const seconds = Math.ceil((officer.nextAttemptAt - now) / 1000);
    return { ok: false, retryAt: officer.nextAttemptAt, reason: `Vui lòng chờ ${seconds} giây rồi thử lại.` };
  }
  try {
    const kek = await deriveKek(secret, officer.salt, officer.iterations);
    const dataKey = await unwrapDataKey(officer.wrappedKey, kek);
    await db.officers.update(officerId, { failedAttempts: 0, nextAttemptAt: 0, lockedOut: false, lockedOutAt: null });
    await db.audit.add({ at: new Date(now).toISOString(), officerId, action: 'unlock', personId: null, detail: '' });
    return { ok: true, officer, dataKey };
  } catch {
    const failed = officer.failedAttempts + 1;
    const lockedOut = failed >= maxFailedAttempts;
    const retryAt = now + retryDelayMs(failed);
    await db.officers.update(officerId, {
      failedAttempts: failed,
      nextAttemptAt: retryAt,
      lockedOut,
      lockedOutAt: lockedOut ? now : null,
    });
    await db.audit.add({ at: new Date(now).toISOString(), officerId, action: 'unlock.failed', personId: null, detail: String(failed) });
    const left = maxFailedAttempts - failed;
    return lockedOut
      ? { ok: false, lockedOut: true, reason: 'Sai quá 5 lần: tài khoản đã bị khoá. Hãy nhờ lãnh đạo/tổ trưởng mở khoá.' }
      : { ok: false, retryAt, reason: `Sai mã PIN hoặc mật khẩu. Còn ${left} lần thử trước khi tài khoản bị khoá.` };
  }
}

/** A supervisor releases a locked-out officer. */
export async function releaseOfficer(db: MotcuaDB, actorId: string, officerId: string, now = new Date()) {
  const actor = await db.officers.get(actorId);
  if (actor?.role !== 'supervisor') throw new OfficerError('Chỉ lãnh đạo/tổ trưởng mới mở khoá được tài khoản.');
  await db.transaction('rw', db.officers, db.audit, async () => {
    await db.officers.update(officerId, { failedAttempts: 0, nextAttemptAt: 0, lockedOut: false, lockedOutAt: null });
    await db.audit.add({ at: now.toISOString(), officerId: actorId, action: 'officer.release', personId: null, detail: officerId });
  });
}

/** What the unlock screen may show about officers: never salts or wrapped keys. */
export async function listOfficers(db: MotcuaDB) {
  const rows = await db.officers.toArray();
  return rows
    .map(({ id, name, role, secretKind, lockedOut, failedAttempts }) => ({ id, name, role, secretKind, lockedOut, failedAttempts }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
