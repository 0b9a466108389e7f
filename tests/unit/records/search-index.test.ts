import { describe, expect, it } from 'vitest';
import { entryFor, parseQuery, SearchIndex } from '@/utils/records/search-index';
import { personSchema } from '@/utils/records/schema';
import { personInput } from './helpers';

const people = [
  [
    'a',
    'Nguyễn Văn An',
    { dob: [1, 1, 1990], pid: '001090012345', phone: '0912345678', address: 'Số 1 phố X, Phường Y, Hà Nội' },
  ],
  ['b', 'Nguyễn Thị An', { dob: [5, 9, 1988], pid: '001188000111', oldId: '012345678' }],
  ['c', 'An Văn Nguyễn', { dob: [1, 1, 1990], pid: '079090000222' }],
  ['d', 'Trần Thuỷ Tiên', { dob: [15, 8, 2001], phone: '0387654321' }],
  ['e', 'Lê Văn Ánh', { dob: [20, 3, 1975], pid: '036075000333' }],
  ['f', 'Nguyễn Văn Anh', { dob: [2, 2, 1992] }],
] as const;

function index() {
  const idx = new SearchIndex();
  for (const [id, name, extra] of people) {
    idx.put(entryFor(personSchema.parse({ ...personInput(name, extra as never), id, createdAt: 'x', updatedAt: 'x' })));
  }
  return idx;
}

const ids = (idx: SearchIndex, q: string) => idx.search(q).map((r) => r.id);

describe('SearchIndex', () => {
  it.each([
    ['nguyen van an', ['a', 'c', 'f']],
    ['Nguyễn Văn An', ['a', 'c', 'f']],
    ['NGUYEN', ['a', 'b', 'c', 'f']],
    ['an nguyen', ['a', 'b', 'c', 'f']],
    ['thuy tien', ['d']],
    ['Thủy Tiên', ['d']],
    ['tran t', ['d']],
    ['anh', ['e', 'f']],
    ['xyz', []],
  ])('name query %s → %j (as a set)', (q, expected) => {
    expect(ids(index(), q).sort()).toEqual([...expected].sort());
  });

  it('ranks the exact ID first, then the whole name in any order, then prefixes', () => {
    const idx = index();
    expect(idx.search('001090012345')[0]).toMatchObject({ id: 'a', match: 'id' });
    const byName = idx.search('nguyen van an');
    expect(
      byName
        .slice(0, 2)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['a', 'c']);
    expect(byName[2]).toMatchObject({ id: 'f', match: 'prefix' });
    expect(byName[0]!.match).toBe('name');
  });

  it.each([
    ['0010', ['a']],
    ['001', ['a', 'b']],
    ['012345678', ['b']],
    ['0123', ['b']],
    ['0912345678', ['a']],
    ['091 234 5678', ['a']],
    ['+84912345678', ['a']],
    ['038765', ['d']],
  ])('number query %s → %j', (q, expected) => {
    expect(ids(index(), q).sort()).toEqual(expected);
  });

  it.each([
    ['01/01/1990', ['a', 'c']],
    ['1/1/1990', ['a', 'c']],
    ['01-01-1990', ['a', 'c']],
    ['01011990', ['a', 'c']],
    ['nguyen 01/01/1990', ['a', 'c']],
    ['an 1990', ['a', 'c']],
    ['09/1988', ['b']],
    ['tien 15.08.2001', ['d']],
  ])('date query %s → %j', (q, expected) => {
    expect(ids(index(), q).sort()).toEqual(expected);
  });

  it('shows a masked ID and never the full one', () => {
    const [hit] = index().search('001090012345');
    expect(hit).toMatchObject({
      name: 'Nguyễn Văn An',
      dob: '01/01/1990',
      maskedId: '0010•••••345',
      address: 'Số 1 phố X, Phường Y, Hà Nội',
    });
    expect(JSON.stringify(hit)).not.toContain('001090012345');
  });

  it('updates and removes entries', () => {
    const idx = index();
    idx.remove('d');
    expect(ids(idx, 'tien')).toEqual([]);
    idx.put({ ...idx.get('e')!, name: 'Lê Văn Bình', words: ['le', 'van', 'binh'] });
    expect(ids(idx, 'binh')).toEqual(['e']);
    expect(ids(idx, 'anh')).toEqual(['f']);
  });

  it('parses queries into words, numbers and dates', () => {
    expect(parseQuery('Nguyễn 01/02/1990 0912')).toEqual([
      { kind: 'date', key: '1990-02-01' },
      { kind: 'word', text: 'nguyen' },
      { kind: 'number', digits: '0912', dateKey: null },
    ]);
  });
});
