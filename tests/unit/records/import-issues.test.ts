/**
 * The import cases of issue 16 ("Data loss and wrong records"), driven through the import's public steps
 * (readTable → guessHeader → buildPreview → commitImport) so that each test can also be run against the code
 * before the fix and be seen to fail there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n';
import { commitImport, sha256Hex } from '@/utils/records/import/commit';
import { guessHeader } from '@/utils/records/import/header';
import { buildPreview, defaultDecision, type Decision, type PreviewRow } from '@/utils/records/import/preview';
import { readTable } from '@/utils/records/import/read-table';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import {
  badPhoneCsv,
  badProvinceXlsx,
  householdCsv,
  legacyNamesTcvn3Csv,
  lyingXlsx,
  strangerFamilyCsv,
  strangerFamilyResavedCsv,
  vniColumnXlsx,
  zipBombXlsx,
} from '../../fixtures/spreadsheets/make';
import { freshDb, personInput } from './helpers';

beforeEach(() => fakeBrowser.reset());

type Said = string | { key: MessageKey; params?: Record<string, string | number>; inner?: Said };
/** A reason (or, before the fix, a sentence) as the officer reads it. */
const say = (r: Said): string =>
  typeof r === 'string' ? r : t('vi', r.key, r.inner ? { ...r.params, reason: say(r.inner) } : r.params);
const sayAll = (list: Said[]) => list.map(say).join(' ');

async function setup() {
  const db = freshDb();
  const key = await generateDataKey();
  const store = await RecordsStore.open(db, key, { officerId: 'o1' });
  const stored = async () => (await RecordsStore.open(db, key, { officerId: 'check' })).size;
  return { db, key, store, stored };
}

/** The records as the preview asks them (callable too, as the preview took a function before). */
function lookupFor(store: RecordsStore) {
  const byId = (id: string) => store.findByPersonalId(id)?.id;
  const s = store as RecordsStore & Partial<Pick<RecordsStore, 'findByName' | 'parentsOf'>>;
  const fn = (d: { personalId?: { value: string }; oldId?: { value: string } }) =>
    d.personalId ? byId(d.personalId.value) : d.oldId ? byId(d.oldId.value) : undefined;
  return Object.assign(fn, {
    byIdNumber: byId,
    named: (n: string) => s.findByName?.(n) ?? [],
    parentsOf: (id: string) => s.parentsOf?.(id) ?? Promise.resolve([]),
  }) as never;
}

async function previewOf(store: RecordsStore, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const table = await readTable(name, bytes);
  const header = guessHeader(table)!;
  const preview = await buildPreview(table, header, lookupFor(store));
  const decisions = new Map<number, Decision>(preview.rows.map((r) => [r.index, defaultDecision(r)]));
  return { table, header, preview, decisions, fileHash: await sha256Hex(bytes) };
}

async function importAll(store: RecordsStore, name: string, bytes: Uint8Array<ArrayBuffer>) {
  const { preview, decisions, fileHash } = await previewOf(store, name, bytes);
  return commitImport(store, { fileName: name, fileHash, rows: preview.rows, decisions });
}

const csv = (lines: string[]) => new TextEncoder().encode(`\ufeff${lines.join('\r\n')}`) as Uint8Array<ArrayBuffer>;
const idOf = (i: number) => `001090${String(i).padStart(6, '0')}`;

describe('resuming an import', () => {
  it('resumes by the rows written, not their position, after rows already written are set to "Bỏ qua"', async () => {
    const { store, stored } = await setup();
    // Three people already on record; the file repeats them among its first rows.
    for (const i of [1, 2, 3]) await store.create(personInput(`Người Có Sẵn ${i}`, { pid: idOf(i) }));
    const lines = ['Họ và tên,Số CCCD', ...Array.from({ length: 12 }, (_, i) => `Người Thứ ${i},${idOf(i)}`)];
    const bytes = csv(lines);
    const first = await previewOf(store, 'ds.csv', bytes);
    const abort = new AbortController();
    await commitImport(store, {
      fileName: 'ds.csv',
      fileHash: first.fileHash,
      rows: first.preview.rows,
      decisions: first.decisions,
      batchSize: 5,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    expect(await stored()).toBe(3 + 2);

    // Reopened: the preview is made again; the officer now skips the three rows marked "Đã có trong hồ sơ".
    const again = await previewOf(store, 'ds.csv', bytes);
    for (const row of again.preview.rows.filter((r) =>
      ['Người Thứ 1', 'Người Thứ 2', 'Người Thứ 3'].includes(r.draft?.fullName.value ?? ''),
    )) {
      expect(row.status).toBe('duplicate-existing');
      again.decisions.set(row.index, { action: 'skip' });
    }
    const resumed = await commitImport(store, {
      fileName: 'ds.csv',
      fileHash: again.fileHash,
      rows: again.preview.rows,
      decisions: again.decisions,
      batchSize: 5,
    });
    expect(resumed.status).toBe('done');
    // Twelve file rows, of whom three were already on record: twelve people, none lost (file lines 7–9 were).
    expect(await stored()).toBe(12);
    for (let i = 4; i < 12; i++)
      expect(
        (await store.search(idOf(i))).map((r) => r.name),
        `row ${i}`,
      ).toEqual([`Người Thứ ${i}`]);
  });
});

describe('legacy encodings in files', () => {
  it('reads the issue’s TCVN3 names from an old 8-bit CSV', async () => {
    const { store } = await setup();
    const { preview } = await previewOf(store, 'cu.csv', legacyNamesTcvn3Csv());
    expect(preview.rows.map((r) => r.draft?.fullName.value)).toEqual([
      'Đặng Thanh Diễm',
      'Lê Hữu Việt',
      'Phan Tiến Thuận',
      'Phan Thanh Yến',
    ]);
  });

  it('decides a VNI name column as a whole, leaving the Unicode address column as it is', async () => {
    const { store } = await setup();
    const { preview } = await previewOf(store, 'vni.xlsx', await vniColumnXlsx());
    expect(preview.rows.map((r) => r.draft?.fullName.value)).toEqual([
      'Quách Thị Hoa',
      'Phạm Minh Hiển',
      'Lò Văn Việt',
      'Thị Lành',
    ]);
    expect(preview.rows[2]!.draft!.permanentAddress!.value.text).toBe('Phường Hoàng Liệt, Quận Hoàng Mai, Hà Nội');
  });
});

describe('ID numbers', () => {
  it('refuses an ID whose first three digits are no province (a cell that lost a zero), naming the row', async () => {
    const { store } = await setup();
    const { preview } = await previewOf(store, 'so.xlsx', await badProvinceXlsx());
    const [son, hang] = preview.rows as Array<PreviewRow & { name?: string }>;
    expect(son!.draft?.personalId?.value).toBe('001084000999');
    expect(hang!.status).toBe('invalid');
    expect(hang!.name).toBe('Lý Thị Hằng');
    expect(sayAll(hang!.errors)).toContain('098 của số định danh 098195000111 không phải mã tỉnh nào');
  });
});

describe('people without an ID', () => {
  it('are matched by name, date of birth and parents when the same list is imported again', async () => {
    const { store, stored } = await setup();
    await importAll(store, 'a.csv', strangerFamilyCsv());
    expect(await stored()).toBe(6);
    const { preview } = await previewOf(store, 'b.csv', strangerFamilyResavedCsv());
    const an = preview.rows.find((r) => r.draft?.fullName.value === 'Trần Bảo An')!;
    expect(an.status).toBe('duplicate-existing');
    await importAll(store, 'b.csv', strangerFamilyResavedCsv());
    expect(await stored()).toBe(6);
  });

  it('are new when the stored person of that name and birth date has other parents', async () => {
    const { store } = await setup();
    await importAll(store, 'a.csv', strangerFamilyCsv());
    const other = new TextDecoder()
      .decode(strangerFamilyCsv())
      .replace('Trần Văn Bình,Nguyễn Thị Mai', 'Trần Văn Bính,Nguyễn Thị Mây');
    const { preview } = await previewOf(store, 'c.csv', new TextEncoder().encode(other) as Uint8Array<ArrayBuffer>);
    expect(preview.rows.find((r) => r.draft?.fullName.value === 'Trần Bảo An')!.status).toBe('valid');
  });
});

describe('optional values', () => {
  it('keeps a row whose phone is wrong, without the phone, and says so', async () => {
    const { store, stored } = await setup();
    const { preview } = await previewOf(store, 'p.csv', badPhoneCsv());
    const nhung = preview.rows[0]!;
    expect(nhung.status).toBe('valid');
    expect(nhung.draft!.phone).toBeUndefined();
    expect(sayAll(nhung.notes)).toContain('đã bỏ giá trị "12345"');
    await importAll(store, 'p.csv', badPhoneCsv());
    expect(await stored()).toBe(2);
  });
});

describe('two imports at once (two tabs)', () => {
  const file = (prefix: string, offset: number) =>
    csv(['Họ và tên,Số CCCD', ...Array.from({ length: 3000 }, (_, i) => `${prefix} ${i},${idOf(offset + i)}`)]);

  it('run one after the other, both finish, and no job is left running', async () => {
    const { db, key, store } = await setup();
    const other = await RecordsStore.open(db, key, { officerId: 'o2' });
    const [a, b] = await Promise.all([
      previewOf(store, 'a.csv', file('Người A', 0)),
      previewOf(other, 'b.csv', file('Người B', 10_000)),
    ]);
    const order: string[] = [];
    const results = await Promise.all([
      commitImport(store, {
        fileName: 'a.csv',
        fileHash: a.fileHash,
        rows: a.preview.rows,
        decisions: a.decisions,
        batchSize: 500,
        onProgress: () => order.push('a'),
      }),
      commitImport(other, {
        fileName: 'b.csv',
        fileHash: b.fileHash,
        rows: b.preview.rows,
        decisions: b.decisions,
        batchSize: 500,
        onProgress: () => order.push('b'),
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['done', 'done']);
    // Serialised: every batch of the first before any of the second.
    expect(order.join('')).toMatch(/^(a{6}b{6}|b{6}a{6})$/);
    expect((await RecordsStore.open(db, key, { officerId: 'check' })).size).toBe(6000);
    expect(await db.importJobs.filter((j) => j.status !== 'done').count()).toBe(0);
  });

  it('says why when the records stay busy, and leaves the job resumable, not "running"', async () => {
    const { db, store } = await setup();
    const a = await previewOf(store, 'a.csv', file('Người A', 0));
    // What another context's writes did to every attempt: the chunk changed underneath.
    store.writePeople = async () => {
      throw Object.assign(new Error(''), { name: 'StaleChunkError' });
    };
    const failure = await commitImport(store, {
      fileName: 'a.csv',
      fileHash: a.fileHash,
      rows: a.preview.rows,
      decisions: a.decisions,
    }).then(
      () => 'written',
      (e: { reason?: Said; message: string }) => (e.reason ? say(e.reason) : e.message),
    );
    expect(failure.trim()).not.toBe('');
    expect(failure).toContain('bấm "Ghi vào hồ sơ" lại');
    expect(await db.importJobs.filter((j) => j.status === 'running').count()).toBe(0);
  });
});

describe('zip bombs', () => {
  it('refuses an .xlsx whose sheet unpacks to 1.26 GB before inflating it, saying why', async () => {
    const bomb = zipBombXlsx();
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const refused = await readTable('bom.xlsx', bomb).then(
      () => 'read',
      (e: { reason?: Said; message: string }) => (e.reason ? say(e.reason) : e.message),
    );
    expect(refused).toContain('khi giải nén lên tới 1260 MB');
  });

  it('stops an entry that inflates past the size it declared', async () => {
    const refused = await readTable('doi.xlsx', lyingXlsx()).then(
      () => 'read',
      (e: { reason?: Said; message: string }) => (e.reason ? say(e.reason) : e.message),
    );
    expect(refused).toContain('bị hỏng');
  });
});

describe('relations named in the columns', () => {
  it('links Trần Bảo An to the father and mother the row names (stranger-family.csv)', async () => {
    const { store } = await setup();
    const { preview } = await previewOf(store, 's.csv', strangerFamilyCsv());
    // "Họ tên cha" is the father's name, not the person's own.
    expect(preview.rows.find((r) => r.draft?.fullName.value === 'Trần Bảo An')).toBeDefined();
    await importAll(store, 's.csv', strangerFamilyCsv());
    const [an] = await store.search('Trần Bảo An');
    const relations = await store.relationsOf(an!.id);
    const named = await Promise.all(
      relations
        .filter((r) => r.fromId === an!.id)
        .map(async (r) => [r.kind, (await store.get(r.toId))?.fullName.value]),
    );
    expect(named.sort()).toEqual([
      ['father', 'Trần Văn Bình'],
      ['mother', 'Nguyễn Thị Mai'],
    ]);
  });

  it('links a household list to its head, and links nothing twice when imported again', async () => {
    const { store } = await setup();
    await importAll(store, 'h.csv', householdCsv());
    await importAll(store, 'h.csv', householdCsv());
    const [chau] = await store.search('Tạ Minh Châu');
    const relations = (await store.relationsOf(chau!.id)).filter((r) => r.fromId === chau!.id);
    expect(relations.map((r) => r.kind)).toEqual(['householdHead']);
    expect((await store.get(relations[0]!.toId))?.fullName.value).toBe('Tạ Văn Lực');
  });

  it('leaves a relative nobody fits unlinked, keeping the row, and says so', async () => {
    const { store } = await setup();
    const text = ['Họ và tên,Ngày sinh,Họ tên cha', 'Vi Văn Tâm,01/01/2020,Vi Văn Không Có'];
    const { preview } = await previewOf(store, 'x.csv', csv(text));
    expect(preview.rows[0]!.status).toBe('valid');
    expect(sayAll(preview.rows[0]!.notes)).toContain('Cha "Vi Văn Không Có": không có ai tên này');
  });
});
