import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportFile, peopleFile, stamp } from '@/utils/records/export-file';
import { peopleRows, personMeta, searchKeyAction, toggled } from '@/utils/records/people-list';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import { freshDb, personInput } from './helpers';

beforeEach(() => fakeBrowser.reset());

describe('the records list', () => {
  it.each([
    ['ArrowDown', false, 0, 3, { kind: 'move', to: 1 }],
    ['ArrowDown', false, 2, 3, { kind: 'move', to: 2 }],
    ['ArrowUp', false, 0, 3, { kind: 'move', to: 0 }],
    ['ArrowUp', false, 2, 3, { kind: 'move', to: 1 }],
    [' ', true, 1, 3, { kind: 'tick' }],
    [' ', false, 1, 3, null],
    ['Enter', false, 1, 3, { kind: 'open' }],
    ['Enter', false, 0, 0, null],
    [' ', true, 0, 0, null],
    ['a', false, 0, 3, null],
  ])('reads %j (Ctrl %s) at row %d of %d as %j', (key, ctrl, active, count, action) => {
    expect(searchKeyAction(key, ctrl, active, count)).toEqual(action);
  });

  it('ticks and unticks a person without changing the set it was given', () => {
    const before = new Set(['a']);
    expect([...toggled(before, 'b')]).toEqual(['a', 'b']);
    expect([...toggled(before, 'a')]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });

  it('says in one line what is known of a person, skipping what is not', () => {
    expect(personMeta({ id: 'p', name: 'An', dob: '01/02/1990', maskedId: null, address: 'Phường Bến Nghé' })).toBe(
      '01/02/1990 · Phường Bến Nghé',
    );
    expect(personMeta({ id: 'p', name: 'An', dob: null, maskedId: null, address: null })).toBe('');
  });

  it('lists everyone when nothing is typed, and those a search finds when something is', async () => {
    const store = await RecordsStore.open(freshDb(), await generateDataKey(), { officerId: 'o1' });
    await store.create(personInput('Trần Bảo An', { pid: '001190000111', dob: [1, 2, 1990] }));
    await store.create(personInput('Lê Thị Hoa'));
    expect((await peopleRows(store, '  ')).map((r) => r.name).sort()).toEqual(['Lê Thị Hoa', 'Trần Bảo An']);
    const found = await peopleRows(store, 'bao an');
    expect(found.map((r) => r.name)).toEqual(['Trần Bảo An']);
    expect(found[0]!.maskedId).toBe('0011•••••111');
  });
});

describe('export files', () => {
  it('names a file after the minute and types it for its format', () => {
    const now = new Date('2026-11-30T09:05:42.000Z');
    expect(stamp(now)).toBe('202611300905');
    const bytes = new Uint8Array([1]);
    expect(exportFile('ho-so-1', 'xlsx', bytes)).toEqual({
      bytes,
      fileName: 'ho-so-1.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it.each([
    ['csv', 'text/csv'],
    ['json', 'application/json'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const)('writes the people as %s', async (format, type) => {
    const file = await peopleFile([], format, new Date('2026-11-30T09:05:00.000Z'));
    expect(file.fileName).toBe(`cong-dan-202611300905.${format}`);
    expect(file.type).toBe(type);
    expect(file.bytes.length).toBeGreaterThan(0);
  });
});
