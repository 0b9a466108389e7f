import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commitImport, sha256Hex } from '@/utils/records/import/commit';
import { guessHeader } from '@/utils/records/import/header';
import { buildPreview, defaultDecision, mergePerson, type Decision } from '@/utils/records/import/preview';
import { recordsLookup } from '@/utils/records/import/lookup';
import { readTable } from '@/utils/records/import/read-table';
import { peopleCsv, peopleJson, peopleXlsx } from '@/utils/records/export';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import { messyTwoRowXlsx, serialDatesXlsx } from '../../fixtures/spreadsheets/make';
import { freshDb, lookupById, personInput } from './helpers';

beforeEach(() => fakeBrowser.reset());

async function setup() {
  const db = freshDb();
  const key = await generateDataKey();
  const store = await RecordsStore.open(db, key, { officerId: 'o1' });
  /** How many people a fresh unlock finds: what really reached the database. */
  const stored = async () => (await RecordsStore.open(db, key, { officerId: 'check' })).size;
  return { db, store, stored };
}

async function plan(store: RecordsStore, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const table = await readTable(name, bytes);
  const preview = await buildPreview(table, guessHeader(table)!, recordsLookup(store));
  const decisions = new Map<number, Decision>(preview.rows.map((r) => [r.index, defaultDecision(r)]));
  return { preview, decisions, fileHash: await sha256Hex(bytes) };
}

describe('commitImport', () => {
  it('writes the valid rows and skips invalid and repeated ones', async () => {
    const { store, stored } = await setup();
    const bytes = await messyTwoRowXlsx();
    const { preview, decisions, fileHash } = await plan(store, 'ds.xlsx', bytes);
    const result = await commitImport(store, { fileName: 'ds.xlsx', fileHash, rows: preview.rows, decisions });
    expect(result).toMatchObject({ written: 3, total: 3, status: 'done' });
    expect((await store.search('nguyen van an')).map((r) => r.maskedId)).toEqual(['0010•••••345']);
    expect(store.size).toBe(3);
    expect(await stored()).toBe(3);
  });

  it('leaves only whole batches when interrupted, and resumes the same file without duplicates', async () => {
    const { db, store, stored } = await setup();
    const bytes = await messyTwoRowXlsx();
    const { preview, decisions, fileHash } = await plan(store, 'ds.xlsx', bytes);
    const abort = new AbortController();
    const first = await commitImport(store, {
      fileName: 'ds.xlsx',
      fileHash,
      rows: preview.rows,
      decisions,
      batchSize: 2,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    expect(first).toMatchObject({ status: 'interrupted', written: 2 });
    expect(await stored()).toBe(2);
    expect(await db.importJobs.get(first.jobId)).toMatchObject({ committedRows: 2, status: 'interrupted' });

    const second = await commitImport(store, {
      fileName: 'ds.xlsx',
      fileHash,
      rows: preview.rows,
      decisions,
      batchSize: 2,
    });
    expect(second).toMatchObject({ jobId: first.jobId, resumedFrom: 2, written: 1, status: 'done' });
    expect(await stored()).toBe(3);
  });

  it('rolls back a batch that fails: nothing of it is written', async () => {
    const { store, stored } = await setup();
    const bytes = await messyTwoRowXlsx();
    const { preview, decisions, fileHash } = await plan(store, 'ds.xlsx', bytes);
    const broken = preview.rows.map((r, i) =>
      i === 1 && r.draft ? { ...r, draft: { ...r.draft, fullName: { ...r.draft.fullName, value: '' } } } : r,
    );
    await expect(
      commitImport(store, { fileName: 'ds.xlsx', fileHash, rows: broken, decisions, batchSize: 10 }),
    ).rejects.toThrow();
    expect(await stored()).toBe(0);
    expect(store.size).toBe(0);
  });

  it('merges a duplicate of someone stored, field by field', async () => {
    const { store } = await setup();
    const existing = await store.create(personInput('Đặng Quốc Huy', { pid: '001201000333', phone: '0900000000' }));
    const { preview, decisions, fileHash } = await plan(store, 'serial.xlsx', await serialDatesXlsx());
    const row = preview.rows.find((r) => r.status === 'duplicate-existing')!;
    expect(row.existingId).toBe(existing.id);
    decisions.set(row.index, { action: 'merge', fields: { phone: 'incoming' } });
    await commitImport(store, { fileName: 's.xlsx', fileHash, rows: preview.rows, decisions });
    const merged = await store.get(existing.id);
    expect(merged).toMatchObject({
      phone: { value: '0987654321' },
      birthDate: { value: { day: 5, month: 9, year: 2001 } },
      ethnicity: { value: 'Kinh' },
    });
    expect(store.size).toBe(3);
  });

  it('mergePerson keeps stored values unless told otherwise and fills the gaps', async () => {
    const { store } = await setup();
    const existing = await store.create(personInput('A', { phone: '0900000000' }));
    const merged = mergePerson(existing, { ...personInput('B', { phone: '0911111111', pid: '001090000001' }) });
    expect(merged.fullName.value).toBe('A');
    expect(merged.phone?.value).toBe('0900000000');
    expect(merged.personalId?.value).toBe('001090000001');
  });
});

describe('export', () => {
  it('round-trips through CSV and XLSX with leading zeros intact, and JSON keeps provenance', async () => {
    const { store } = await setup();
    await store.create(
      personInput('Nguyễn Văn An', {
        dob: [1, 1, 1990],
        pid: '001090012345',
        phone: '0912345678',
        address: 'Số 1, Phường Quán Thánh, Quận Ba Đình, Hà Nội',
      }),
    );
    const people = await store.exportPeople();
    for (const [name, bytes] of [
      ['x.csv', peopleCsv(people)],
      ['x.xlsx', await peopleXlsx(people)],
    ] as const) {
      const table = await readTable(name, bytes);
      const preview = await buildPreview(table, guessHeader(table)!, lookupById());
      expect(preview.rows[0]!.draft).toMatchObject({
        fullName: { value: 'Nguyễn Văn An' },
        personalId: { value: '001090012345' },
        phone: { value: '0912345678' },
        birthDate: { value: { day: 1, month: 1, year: 1990 } },
      });
      expect(preview.rows[0]!.notes.filter((n) => n.params?.text?.toString().includes('Đã thêm số 0'))).toEqual([]);
    }
    const json = JSON.parse(new TextDecoder().decode(peopleJson(people))) as {
      people: Array<{ fullName: { prov: { source: string } } }>;
    };
    expect(json.people[0]!.fullName.prov.source).toBe('typed');
  });
});
