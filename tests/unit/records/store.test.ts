import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import { chunkSize } from '@/utils/records/search-index';
import { freshDb, personInput } from './helpers';

beforeEach(() => fakeBrowser.reset());

async function openStore() {
  const db = freshDb();
  const key = await generateDataKey();
  return { db, key, store: await RecordsStore.open(db, key, { officerId: 'officer-1' }) };
}

/** Every string and byte run stored in the database, as text, for plaintext checks. */
async function rawDump(db: ReturnType<typeof freshDb>): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      parts.push(
        JSON.stringify(row, (_k, v: unknown) =>
          v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? new TextDecoder('latin1').decode(v as ArrayBuffer) : v,
        ),
      );
    }
  }
  return parts.join('\n');
}

describe('RecordsStore', () => {
  it('creates, reads, updates and searches people, all encrypted at rest', async () => {
    const { db, store } = await openStore();
    const a = await store.create(
      personInput('Nguyễn Văn An', {
        dob: [1, 1, 1990],
        pid: '001090012345',
        phone: '0912345678',
        address: 'Số 7 phố Hàng Bạc, Hà Nội',
      }),
    );
    expect((await store.search('nguyen an'))[0]).toMatchObject({ id: a.id, maskedId: '0010•••••345' });
    expect((await store.get(a.id))?.fullName.value).toBe('Nguyễn Văn An');

    const updated = await store.update({ ...a, fullName: { ...a.fullName, value: 'Nguyễn Văn Ân' } });
    expect(updated.updatedAt >= a.updatedAt).toBe(true);
    expect(await store.search('an')).toHaveLength(1);

    const dump = await rawDump(db);
    for (const secret of ['Nguyễn', 'Nguyen', '001090012345', '0912345678', 'Hàng Bạc', 'Hang Bac'])
      expect(dump).not.toContain(secret);
  });

  it('reopens from the encrypted index after a restart', async () => {
    const { db, key, store } = await openStore();
    for (let i = 0; i < 5; i++) await store.create(personInput(`Trần Văn Số${i}`, { pid: `00109001234${i}` }));
    const reopened = await RecordsStore.open(db, key, { officerId: 'officer-1' });
    expect(reopened.size).toBe(5);
    expect(await reopened.search('0010900123')).toHaveLength(5);
    await expect(RecordsStore.open(db, await generateDataKey(), { officerId: 'x' })).rejects.toThrow();
  });

  it('sees what another context wrote', async () => {
    const { db, key, store } = await openStore();
    const other = await RecordsStore.open(db, key, { officerId: 'officer-2' });
    await store.create(personInput('Phạm Thị Mai'));
    expect(await other.search('mai')).toHaveLength(1);
    // Both write to the same chunk: the second sees a stale version, refreshes and retries.
    await other.create(personInput('Phạm Văn Đông'));
    await store.create(personInput('Phạm Văn Tây'));
    const third = await RecordsStore.open(db, key, { officerId: 'x' });
    expect((await third.search('pham')).map((r) => r.name).sort((a, b) => a.localeCompare(b, 'vi'))).toEqual([
      'Phạm Thị Mai',
      'Phạm Văn Đông',
      'Phạm Văn Tây',
    ]);
  });

  it('spreads people over chunks of bounded size', async () => {
    const { db, store } = await openStore();
    const batch = Array.from({ length: chunkSize + 10 }, (_, i) => ({
      ...personInput(`Người Thứ ${i}`),
      id: `p${i}`,
      createdAt: 'x',
      updatedAt: 'x',
    }));
    await store.writePeople(batch as never, 'import');
    const chunks = await db.searchChunks.toArray();
    expect(chunks).toHaveLength(2);
    expect(await db.audit.where('action').equals('import').first()).toMatchObject({ detail: String(chunkSize + 10) });
  });

  it('exports people spread over several packs in the order asked, everyone by name', async () => {
    const { store } = await openStore();
    const batch = Array.from({ length: chunkSize + 5 }, (_, i) => ({
      ...personInput(`Người ${String(chunkSize + 5 - i).padStart(4, '0')}`),
      id: `p${i}`,
      createdAt: 'x',
      updatedAt: 'x',
    }));
    await store.writePeople(batch as never, 'import');
    const all = await store.exportPeople();
    expect(all).toHaveLength(chunkSize + 5);
    expect(all[0]!.fullName.value).toBe('Người 0001');
    expect(all.at(-1)!.fullName.value).toBe(`Người ${String(chunkSize + 5).padStart(4, '0')}`);
    const picked = await store.exportPeople([`p${chunkSize + 2}`, 'p0', 'missing']);
    expect(picked.map((p) => p.id)).toEqual([`p${chunkSize + 2}`, 'p0']);
  });

  it('erases a person completely: record, documents, relations and index', async () => {
    const { db, key, store } = await openStore();
    const child = await store.create(personInput('Bé Na'));
    const mother = await store.create(personInput('Mẹ Na'));
    await store.link(child.id, 'mother', mother.id);
    const docId = await store.addDocument(
      child.id,
      {
        kind: 'birth-certificate',
        fileName: 'gcs.png',
        mimeType: 'image/png',
        ocrText: 'GIẤY CHỨNG SINH',
        extracted: {},
        capturedAt: 'x',
      },
      new Uint8Array([1, 2, 3]),
    );
    expect(await store.documentBytes(docId)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.relationsOf(mother.id)).toHaveLength(1);

    await store.erase(child.id);
    expect(await store.get(child.id)).toBeNull();
    expect(await db.documents.count()).toBe(0);
    expect(await store.relationsOf(mother.id)).toHaveLength(0);
    expect(await store.search('na')).toHaveLength(1);
    const reopened = await RecordsStore.open(db, key, { officerId: 'x' });
    expect(await reopened.search('be na')).toHaveLength(0);
    expect(await db.audit.where({ action: 'person.erase', personId: child.id }).count()).toBe(1);
  });

  it('exports one person’s complete data with an audit event', async () => {
    const { db, store } = await openStore();
    const p = await store.create(personInput('Đỗ Thị Hoa', { pid: '001190000001' }));
    await store.addDocument(
      p.id,
      {
        kind: 'id-front',
        fileName: 'mat-truoc.jpg',
        mimeType: 'image/jpeg',
        ocrText: '',
        extracted: {},
        capturedAt: 'x',
      },
      new Uint8Array([9]),
    );
    const subject = await store.exportSubject(p.id);
    expect(subject.person.fullName.value).toBe('Đỗ Thị Hoa');
    expect(subject.documents).toEqual([expect.objectContaining({ fileName: 'mat-truoc.jpg', contentBase64: 'CQ==' })]);
    expect(subject.auditTrail.map((a) => a.action)).toContain('person.create');
    expect(await db.audit.where({ action: 'person.export', personId: p.id }).count()).toBe(1);
  });

  it('purges people not used for N days', async () => {
    const { store } = await openStore();
    const old = await store.create(personInput('Cũ'), new Date('2020-01-01'));
    await store.markUsed(old.id, new Date('2020-01-01'));
    await store.create(personInput('Mới'), new Date('2026-11-01'));
    expect(await store.purgeUnused(365, new Date('2026-11-28'))).toBe(1);
    expect((await store.search('moi')).length).toBe(1);
    expect(await store.search('cu')).toHaveLength(0);
  });
});
