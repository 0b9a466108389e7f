import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addOfficer, changeSecret, isSetUp, listOfficers, OfficerError, releaseOfficer, setUp, unlockWithSecret } from '@/utils/security/officers';
import { currentSession, endSession, isIdle, startSession } from '@/utils/security/session';
import { exportRawKey, toBase64 } from '@/utils/security/crypto';
import { freshDb } from '../records/helpers';

const supervisorSecret = 'hoa sen nở giữa hồ';

beforeEach(() => fakeBrowser.reset());

describe('officers and unlock', () => {
  it('sets up once, adds an officer under the same data key, unlocks both', async () => {
    const db = freshDb();
    expect(await isSetUp(db)).toBe(false);
    const { officer: boss, dataKey } = await setUp(db, { name: 'Trần Thị Lan', secretKind: 'passphrase', secret: supervisorSecret });
    expect(await isSetUp(db)).toBe(true);
    await expect(setUp(db, { name: 'X', secretKind: 'passphrase', secret: supervisorSecret })).rejects.toThrow(OfficerError);

    const clerk = await addOfficer(db, dataKey, boss.id, { name: 'Lê Văn Minh', role: 'officer', secretKind: 'pin', secret: '482915' });
    const a = await unlockWithSecret(db, boss.id, supervisorSecret);
    const b = await unlockWithSecret(db, clerk.id, '482915');
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(toBase64(await exportRawKey(b.dataKey))).toBe(toBase64(await exportRawKey(a.dataKey)));
    expect((await listOfficers(db)).map((o) => o.name)).toEqual(['Lê Văn Minh', 'Trần Thị Lan']);
    expect(Object.keys((await listOfficers(db))[0]!)).not.toContain('wrappedKey');
  });

  it('refuses weak or missing secrets in Vietnamese', async () => {
    const db = freshDb();
    await expect(setUp(db, { name: 'A', secretKind: 'pin', secret: '482915' })).rejects.toThrow('cụm mật khẩu');
    const { officer, dataKey } = await setUp(db, { name: 'A', secretKind: 'passphrase', secret: supervisorSecret });
    await expect(addOfficer(db, dataKey, officer.id, { name: ' ', role: 'officer', secretKind: 'pin', secret: '482915' })).rejects.toThrow('Chưa nhập họ tên');
    await expect(addOfficer(db, dataKey, officer.id, { name: 'B', role: 'officer', secretKind: 'pin', secret: '1234' })).rejects.toThrow('ít nhất 6');
  });

  it('delays, then locks out after 5 wrong secrets until a supervisor releases', async () => {
    const db = freshDb();
    const { officer: boss, dataKey } = await setUp(db, { name: 'Boss', secretKind: 'passphrase', secret: supervisorSecret });
    const clerk = await addOfficer(db, dataKey, boss.id, { name: 'Clerk', role: 'officer', secretKind: 'pin', secret: '482915' });
    let now = 1_000_000;
    const first = await unlockWithSecret(db, clerk.id, '000001', now);
    expect(first).toMatchObject({ ok: false });
    const second = await unlockWithSecret(db, clerk.id, '000002', now);
    expect(second).toMatchObject({ ok: false, reason: expect.stringContaining('Còn 3 lần') });
    // Too soon: refused without even checking the secret.
    const early = await unlockWithSecret(db, clerk.id, '482915', now + 500);
    expect(early).toMatchObject({ ok: false, reason: expect.stringContaining('chờ') });
    for (let i = 0; i < 3; i++) {
      now += 120_000;
      await unlockWithSecret(db, clerk.id, '999999', now);
    }
    now += 120_000;
    const locked = await unlockWithSecret(db, clerk.id, '482915', now);
    expect(locked).toMatchObject({ ok: false, lockedOut: true });
    await expect(releaseOfficer(db, clerk.id, clerk.id)).rejects.toThrow('Chỉ lãnh đạo');
    await releaseOfficer(db, boss.id, clerk.id);
    expect(await unlockWithSecret(db, clerk.id, '482915', now)).toMatchObject({ ok: true });
    expect((await db.audit.where('action').equals('unlock.failed').count())).toBe(5);
  });

  it('changes a PIN without re-encrypting anything', async () => {
    const db = freshDb();
    const { officer, dataKey } = await setUp(db, { name: 'Boss', secretKind: 'passphrase', secret: supervisorSecret });
    await changeSecret(db, dataKey, officer.id, 'passphrase', 'một cụm mật khẩu mới');
    expect(await unlockWithSecret(db, officer.id, supervisorSecret)).toMatchObject({ ok: false });
    expect(await unlockWithSecret(db, officer.id, 'một cụm mật khẩu mới', Date.now() + 10_000)).toMatchObject({ ok: true });
  });
});

describe('session', () => {
  it('keeps the key in session storage across a lost in-memory state, and forgets it on lock', async () => {
    const db = freshDb();
    const { officer, dataKey } = await setUp(db, { name: 'Boss', secretKind: 'passphrase', secret: supervisorSecret });
    await startSession(officer, dataKey, 1000);
    const again = await currentSession();
    expect(again?.session).toMatchObject({ officerId: officer.id, role: 'supervisor', lastActiveAt: 1000 });
    expect(isIdle(again!.session, 15, 1000 + 14 * 60_000)).toBe(false);
    expect(isIdle(again!.session, 15, 1000 + 15 * 60_000)).toBe(true);
    await endSession();
    expect(await currentSession()).toBeNull();
  });
});
