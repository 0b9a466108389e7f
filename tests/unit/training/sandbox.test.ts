import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoFamily, trainingFamilies } from '@/utils/training/families';
import { familiesJson, givenNames } from '../../../scripts/training-families';
import { openSandbox, resetSandbox, sandboxSend } from '@/utils/training/sandbox';
import { decodePersonalId } from '@/utils/vn/personal-id';

beforeEach(() => {
  fakeBrowser.reset();
  // The extension's own files (the 2025 units) as the browser would serve them from the package: the build
  // ships the two data files gzipped (wxt.config.ts), the index as it is.
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname;
    const file = (p: string) => readFileSync(new URL(`../../../public${p}`, import.meta.url));
    return new Response(path.endsWith('.gz') ? gzipSync(file(path.slice(0, -3))) : file(path));
  });
});

describe('training families', () => {
  it('are the file the seeded generator makes (regenerate with npm run training-data)', () => {
    const committed = readFileSync(new URL('../../../utils/training/data/families.json', import.meta.url), 'utf8');
    expect(committed).toBe(familiesJson());
  });

  it('have consistent 12-digit IDs, linked families, and names of their own sex', () => {
    const families = trainingFamilies();
    expect(families).toHaveLength(25);
    expect(families[0]!.mother.fullName.value).toBe(demoFamily.mother);
    // The sample boy of the tours is a boy.
    expect(families[0]!.child).toMatchObject({ fullName: { value: 'Đỗ Minh Khôi' }, sex: { value: 'Nam' } });
    const own = { Nam: new Set(givenNames.Nam), Nữ: new Set(givenNames.Nữ) };
    for (const person of families.flatMap((f) => [f.father, f.mother, f.child])) {
      const name = person.fullName.value;
      const sex = person.sex!.value;
      const given = name.split(' ').slice(-2).join(' ');
      if (name.includes(' Thị ')) expect(sex, name).toBe('Nữ');
      if (name.includes(' Văn ')) expect(sex, name).toBe('Nam');
      if (name !== demoFamily.child && name !== demoFamily.father && !name.includes(' Thị ')) {
        expect(own[sex].has(given), name).toBe(true);
        expect(own[sex === 'Nam' ? 'Nữ' : 'Nam'].has(given), name).toBe(false);
      }
      if (!person.personalId) continue;
      const decoded = decodePersonalId(person.personalId.value);
      expect(decoded?.sex).toBe(sex);
      expect(decoded?.birthYear).toBe(person.birthDate!.value.year);
    }
    expect(
      families.some((f) =>
        /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i.test(f.father.fullName.value),
      ),
    ).toBe(true);
  });
});

describe('the training sandbox', () => {
  it('answers the panel from its own database: search, relatives, fill data (masked in presenter mode)', async () => {
    const store = await openSandbox();
    let mask = false;
    const send = sandboxSend(store, { maskIds: () => mask });
    const { results } = await send('records/search', { query: 'do minh khoi' });
    expect(results[0]!.name).toBe(demoFamily.child);
    const { relatives } = await send('records/relatives', { personId: results[0]!.id });
    expect(relatives.map((r) => [r.kind, r.name]).sort()).toEqual([
      ['father', demoFamily.father],
      ['mother', demoFamily.mother],
    ]);
    const mother = (await send('records/search', { query: demoFamily.mother })).results[0]!;
    expect((await send('records/fill-data', { personId: mother.id })).person.personalId?.value).toMatch(/^\d{12}$/);
    mask = true;
    expect((await send('records/fill-data', { personId: mother.id })).person.personalId?.value).toMatch(
      /^\d{4}•••••\d{3}$/,
    );
    expect((await send('records/status', {})).unlocked).toBe(true);
    // The demo family's pre-2025 address is mapped to its 2025 ward for the form.
    const addresses = (await send('records/fill-data', { personId: mother.id })).addresses.permanentAddress;
    expect(addresses?.candidates.map((c) => c.wardName)).toEqual(['Phường Hoàn Kiếm']);
  });

  it('resets to the same synthetic people', async () => {
    const first = (await openSandbox()).listEntries().length;
    const again = await resetSandbox();
    expect(again.listEntries().length).toBe(first);
    expect(first).toBe(75);
  });
});
