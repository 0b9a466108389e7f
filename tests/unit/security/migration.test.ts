import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MotcuaDB, storesV4 } from '@/utils/db/database';
import { fromBase64, openJson } from '@/utils/security/crypto';
import {
  beginSession,
  finishMigration,
  listOfficers,
  unlockWithSecret,
  type UnlockResult,
} from '@/utils/security/officers';

/**
 * A frozen version-5 database (tests/fixtures/db/v5-officers.json, written by the version before Argon2id):
 * each officer's PBKDF2 secret wraps the data key straight; two officers have only a PIN, one supervisor was
 * locked out by the old rule. Version 6 must open it and migrate each officer at their next unlock.
 */
const frozen = JSON.parse(readFileSync(new URL('../../fixtures/db/v5-officers.json', import.meta.url), 'utf8')) as {
  officers: Array<Record<string, unknown> & { salt: string; wrappedKey: string }>;
  probe: { iv: string; ct: string };
};
const [lan, minh, ha] = frozen.officers.map((o) => o.id as string) as [string, string, string];

vi.setConfig({ testTimeout: 60_000 });
beforeEach(() => fakeBrowser.reset());

async function version5Database(): Promise<MotcuaDB> {
  const name = `v5-officers-${Math.random()}`;
  const old = new Dexie(name);
  old.version(4).stores(storesV4);
  await old
    .table('officers')
    .bulkAdd(frozen.officers.map((o) => ({ ...o, salt: fromBase64(o.salt), wrappedKey: fromBase64(o.wrappedKey) })));
  old.close();
  const db = new MotcuaDB(name);
  await db.open();
  return db;
}

const ok = (r: UnlockResult) => {
  if (!r.ok) throw new Error(`refused: ${r.reason.code}`);
  return r;
};
const probe = (key: CryptoKey) =>
  openJson(key, { iv: fromBase64(frozen.probe.iv), ct: fromBase64(frozen.probe.ct).buffer }, 'probe');

describe('version 6: officers from PBKDF2 to Argon2id, the PIN off the disk', () => {
  it('opens a version-5 database: every officer kept, their old secret set aside, the supervisor’s old lockout lifted', async () => {
    const db = await version5Database();
    expect(db.verno).toBe(6);
    const rows = await db.officers.toArray();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.legacy).toMatchObject({ iterations: 600_000 });
      expect(row).not.toHaveProperty('wrappedKey');
      expect(row.passphrase).toBeNull();
    }
    expect(rows.find((r) => r.id === lan)).toMatchObject({ lockedOut: false, legacy: { kind: 'passphrase' } });
    expect(rows.find((r) => r.id === ha)).toMatchObject({ lockedOut: true, legacy: { kind: 'pin' } });
    expect((await listOfficers(db)).filter((o) => o.needsPassphrase).map((o) => o.name)).toEqual([
      'Lê Văn Minh',
      'Phạm Thu Hà',
    ]);
  });

  it('a PBKDF2 passphrase is re-wrapped under Argon2id at the next unlock, with the same data key', async () => {
    const db = await version5Database();
    const first = ok(await unlockWithSecret(db, lan, 'hoa sen nở giữa hồ'));
    expect(first.choosePassphrase).toBe(false);
    expect(await probe(first.dataKey)).toEqual({ name: 'Nguyễn Văn An' });
    const row = (await db.officers.get(lan))!;
    expect(row.legacy).toBeNull();
    expect(row.passphrase?.kdf).toMatchObject({ name: 'argon2id', memoryKiB: 65536 });
    // The next unlock goes through Argon2id alone, to the same data key.
    expect(await probe(ok(await unlockWithSecret(db, lan, 'hoa sen nở giữa hồ')).dataKey)).toEqual({
      name: 'Nguyễn Văn An',
    });
    expect(await unlockWithSecret(db, lan, 'sai mật khẩu rồi')).toMatchObject({ ok: false });
  });

  it('a PIN-only officer unlocks once with the PIN, chooses a passphrase, and the PIN leaves the disk', async () => {
    const db = await version5Database();
    const first = ok(await unlockWithSecret(db, minh, '482915'));
    expect(first.choosePassphrase).toBe(true);
    await expect(finishMigration(db, minh, first.dataKey, '482915', 'ngắn quá')).rejects.toMatchObject({
      reason: { code: 'secret.passphraseLength' },
    });
    const officer = await finishMigration(db, minh, first.dataKey, '482915', 'mùa thu lá vàng rơi');
    await beginSession({ ...first, officer, choosePassphrase: false });
    const row = (await db.officers.get(minh))!;
    expect(row.legacy).toBeNull();
    expect(row.sealedPin).not.toBeNull();
    // Within this session the old PIN is the quick unlock…
    expect(await probe(ok(await unlockWithSecret(db, minh, '482915')).dataKey)).toEqual({ name: 'Nguyễn Văn An' });
    // …and after the browser closes only the passphrase opens the records.
    await fakeBrowser.storage.session.clear();
    expect(await unlockWithSecret(db, minh, '482915', Date.now() + 10_000)).toMatchObject({
      ok: false,
      reason: { code: 'unlock.pinNotArmed' },
    });
    expect(
      await probe(ok(await unlockWithSecret(db, minh, 'mùa thu lá vàng rơi', Date.now() + 20_000)).dataKey),
    ).toEqual({ name: 'Nguyễn Văn An' });
  });

  it('a locked-out officer stays locked out until a supervisor releases them', async () => {
    const db = await version5Database();
    expect(await unlockWithSecret(db, ha, '730264')).toMatchObject({ ok: false, lockedOut: true });
  });
});
