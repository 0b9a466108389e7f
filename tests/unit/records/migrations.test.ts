import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MotcuaDB, storesV1 } from '@/utils/db/database';

/** A frozen version-1 database: what a ward's PC held before version 2 shipped. */
const v1 = JSON.parse(readFileSync(new URL('../../fixtures/db/v1.json', import.meta.url), 'utf8')) as {
  people: Array<Record<string, unknown>>;
  officers: Array<Record<string, unknown>>;
};

describe('database migrations', () => {
  it('version 2 keeps every version-1 row and fills lastUsedAt from updatedAt (opened at the latest version)', async () => {
    const name = `migration-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(storesV1);
    await old.table('people').bulkAdd(v1.people.map((p) => ({ ...p, iv: new Uint8Array(12), ct: new ArrayBuffer(8) })));
    await old.table('officers').bulkAdd(v1.officers);
    old.close();

    const db = new MotcuaDB(name);
    await db.open();
    expect(db.verno).toBe(6);
    const people = await db.people.toArray();
    expect(people).toHaveLength(v1.people.length);
    for (const person of people) expect(person.lastUsedAt).toBe(person.updatedAt);
    expect(await db.people.where('lastUsedAt').below('2025-06-01').count()).toBe(1);
    expect(await db.officers.count()).toBe(v1.officers.length);
    expect(await db.importJobs.count()).toBe(0);
    // Version 4 adds the filing log, empty.
    expect(await db.filings.count()).toBe(0);
    db.close();
  });
});

describe('version 3: people move from one row each into encrypted packs at the first unlock', () => {
  it('moves every version-2 person row into packs, keeping search and retention data', async () => {
    const { generateDataKey, sealJson } = await import('@/utils/security/crypto');
    const { RecordsStore } = await import('@/utils/records/store');
    const { entryFor } = await import('@/utils/records/search-index');
    const { personSchema } = await import('@/utils/records/schema');
    const { storesV2 } = await import('@/utils/db/database');
    const { personInput } = await import('./helpers');

    // A version-2 database as version 2 wrote it: one sealed row per person, a sealed search chunk.
    const name = `migration-v3-${Math.random()}`;
    const key = await generateDataKey();
    const people = ['Nguyễn Văn An', 'Trần Thị Bích'].map((n, i) =>
      personSchema.parse({
        ...personInput(n, { pid: `00109001234${i}` }),
        id: `p${i}`,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-02-01T00:00:00.000Z',
      }),
    );
    const old = new Dexie(name);
    old.version(2).stores(storesV2);
    await old.table('people').bulkAdd(
      await Promise.all(
        people.map(async (p) => ({
          id: p.id,
          ...(await sealJson(key, p, `person:${p.id}`)),
          chunk: 0,
          createdAt: p.createdAt,
          updatedAt: p.updatedAt,
          lastUsedAt: '2025-03-01T00:00:00.000Z',
        })),
      ),
    );
    const entries = people.map((p) => {
      const { lastUsedAt: _drop, ...v2Entry } = entryFor(p);
      return v2Entry;
    });
    await old.table('searchChunks').add({ chunk: 0, ...(await sealJson(key, entries, 'chunk:0')), version: 1 });
    old.close();

    const db = new MotcuaDB(name);
    const store = await RecordsStore.open(db, key, { officerId: 'o' });
    expect(db.verno).toBe(6);
    expect(await db.people.count()).toBe(0);
    expect(await db.personPacks.count()).toBe(1);
    expect((await store.get('p1'))?.fullName.value).toBe('Trần Thị Bích');
    expect((await store.search('nguyen van an')).map((r) => r.id)).toEqual(['p0']);
    // Retention still counts from version 2's lastUsedAt.
    expect(await store.purgeUnused(30, new Date('2025-03-15T00:00:00.000Z'))).toBe(0);
    expect(await store.purgeUnused(30, new Date('2025-04-15T00:00:00.000Z'))).toBe(2);
    const again = await RecordsStore.open(db, key, { officerId: 'o' });
    expect(again.size).toBe(0);
    db.close();
  });
});
