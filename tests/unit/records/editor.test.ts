import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { namedRelations, relationSentence, saveEdited } from '@/utils/records/editor';
import { RecordsStore } from '@/utils/records/store';
import { generateDataKey } from '@/utils/security/crypto';
import { freshDb, personInput } from './helpers';

beforeEach(() => fakeBrowser.reset());

async function family() {
  const store = await RecordsStore.open(freshDb(), await generateDataKey(), { officerId: 'officer-1' });
  const child = await store.create(personInput('Trần Minh Khang'));
  const father = await store.create(personInput('Trần Văn Hùng'));
  await store.link(child.id, 'father', father.id);
  return { store, child, father };
}

describe('the person editor’s flow', () => {
  it('names each relation from either side, and says it in Vietnamese and English', async () => {
    const { store, child, father } = await family();
    const ofChild = await namedRelations(store, child.id);
    expect(ofChild.map((r) => r.otherName)).toEqual(['Trần Văn Hùng']);
    expect(relationSentence('vi', ofChild[0]!, child)).toBe('Trần Văn Hùng là cha của Trần Minh Khang');
    expect(relationSentence('en', ofChild[0]!, child)).toBe('Trần Văn Hùng is the father of Trần Minh Khang');
    const ofFather = await namedRelations(store, father.id);
    expect(relationSentence('vi', ofFather[0]!, father)).toBe('Trần Văn Hùng là cha của Trần Minh Khang');
  });

  it('names a relation whose other record cannot be read "?"', async () => {
    const { store, child } = await family();
    const relations = await store.relationsOf(child.id);
    const left = await namedRelations({ relationsOf: async () => relations, get: async () => null }, child.id);
    expect(left.map((r) => r.otherName)).toEqual(['?']);
  });

  it('saves a new person, then the edited fields over the opened one', async () => {
    const { store } = await family();
    const created = await saveEdited(store, null, personInput('Lê Thị Mai'));
    const edited = await saveEdited(store, created, personInput('Lê Thị Mai Anh'));
    expect(edited.id).toBe(created.id);
    expect((await store.get(created.id))?.fullName.value).toBe('Lê Thị Mai Anh');
  });
});
