import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MotcuaDB, storesV1 } from '@/utils/records/db';

/** A frozen version-1 database: what a ward's PC held before version 2 shipped. */
const v1 = JSON.parse(readFileSync(new URL('../../fixtures/db/v1.json', import.meta.url), 'utf8')) as {
  people: Array<Record<string, unknown>>;
  officers: Array<Record<string, unknown>>;
};

describe('database migrations', () => {
  it('version 2 keeps every version-1 row and fills lastUsedAt from updatedAt', async () => {
    const name = `migration-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(storesV1);
    await old.table('people').bulkAdd(v1.people.map((p) => ({ ...p, iv: new Uint8Array(12), ct: new ArrayBuffer(8) })));
    await old.table('officers').bulkAdd(v1.officers);
    old.close();

    const db = new MotcuaDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    const people = await db.people.toArray();
    expect(people).toHaveLength(v1.people.length);
    for (const person of people) expect(person.lastUsedAt).toBe(person.updatedAt);
    expect(await db.people.where('lastUsedAt').below('2025-06-01').count()).toBe(1);
    expect(await db.officers.count()).toBe(v1.officers.length);
    expect(await db.importJobs.count()).toBe(0);
    db.close();
  });
});
