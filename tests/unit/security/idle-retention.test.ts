import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyRetention } from '@/utils/records/retention';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import { lockIfIdle } from '@/utils/security/idle-lock';
import { currentSession, endSession, sessionItem, startSession, touchSession } from '@/utils/security/session';
import { freshDb, personInput } from '../records/helpers';

beforeEach(() => fakeBrowser.reset());

describe('idle lock', () => {
  it('locks after the idle time, not before, and records it', async () => {
    const db = freshDb();
    await startSession({ id: 'o1', name: 'A', role: 'officer' }, await generateDataKey(), 0);
    expect(await lockIfIdle(db, 15, 14 * 60_000)).toBe(false);
    expect(await currentSession()).not.toBeNull();
    expect(await lockIfIdle(db, 15, 15 * 60_000)).toBe(true);
    expect(await currentSession()).toBeNull();
    expect(await db.audit.where('action').equals('lock').first()).toMatchObject({ officerId: 'o1', detail: 'idle' });
    expect(await lockIfIdle(db, 15, 60 * 60_000)).toBe(false);
  });
});

describe('activity and the lock', () => {
  it('a touch that read the session before a lock does not bring it back after it', async () => {
    await startSession({ id: 'o1', name: 'A', role: 'officer' }, await generateDataKey(), 0);
    // The touch reads the session, the lock lands while it is on its way, then the touch writes.
    const read = sessionItem.getValue.bind(sessionItem);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    sessionItem.getValue = async () => {
      const value = await read();
      await held;
      return value;
    };
    const touching = touchSession(60_000);
    sessionItem.getValue = read;
    await endSession();
    release();
    await touching;
    expect(await currentSession()).toBeNull();
  });

  it('a touch keeps the session from locking for idleness', async () => {
    const db = freshDb();
    await startSession({ id: 'o1', name: 'A', role: 'officer' }, await generateDataKey(), 0);
    await touchSession(10 * 60_000);
    expect(await lockIfIdle(db, 15, 20 * 60_000)).toBe(false);
    expect(await lockIfIdle(db, 15, 25 * 60_000)).toBe(true);
  });
});

describe('retention', () => {
  it('is off by default, and when set purges at most once a day', async () => {
    const db = freshDb();
    const store = await RecordsStore.open(db, await generateDataKey(), { officerId: 'o1' });
    await store.create(personInput('Cũ'), new Date('2024-01-01'));
    expect(await applyRetention(store, null, new Date('2026-11-28'))).toBeNull();
    expect(store.size).toBe(1);
    expect(await applyRetention(store, 365, new Date('2026-11-28T08:00:00Z'))).toBe(1);
    await store.create(personInput('Cũ nữa'), new Date('2024-01-01'));
    expect(await applyRetention(store, 365, new Date('2026-11-28T20:00:00Z'))).toBeNull();
    expect(await applyRetention(store, 365, new Date('2026-11-29T09:00:00Z'))).toBe(1);
    expect(await db.audit.where('action').equals('retention.purge').count()).toBe(2);
    expect(await db.audit.where('action').equals('person.erase').count()).toBe(2);
  });
});
