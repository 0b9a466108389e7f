import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoFamily, trainingFamilies } from '@/utils/training/families';
import { openSandbox, resetSandbox, sandboxSend } from '@/utils/training/sandbox';
import { decodePersonalId } from '@/utils/vn/personal-id';

beforeEach(() => {
  fakeBrowser.reset();
  // The extension's own files (the 2025 units) as the browser would serve them from the package.
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(new URL(`../../../public${new URL(url).pathname}`, import.meta.url))));
});

describe('training families', () => {
  it('are the same for a seed, with consistent 12-digit IDs and linked families', () => {
    const a = trainingFamilies(5, 1);
    const b = trainingFamilies(5, 1);
    expect(a.map((f) => f.father.fullName.value)).toEqual(b.map((f) => f.father.fullName.value));
    expect(a[0]!.mother.fullName.value).toBe(demoFamily.mother);
    for (const { father, mother } of a) {
      for (const parent of [father, mother]) {
        const id = parent.personalId!.value;
        expect(id).toMatch(/^\d{12}$/);
        const decoded = decodePersonalId(id);
        expect(decoded?.sex).toBe(parent.sex!.value);
        expect(decoded?.birthYear).toBe(parent.birthDate!.value.year);
      }
    }
    // Names carry Vietnamese diacritics.
    expect(a.some((f) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i.test(f.father.fullName.value))).toBe(true);
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
    expect(relatives.map((r) => [r.kind, r.name]).sort()).toEqual([['father', demoFamily.father], ['mother', demoFamily.mother]]);
    const mother = (await send('records/search', { query: demoFamily.mother })).results[0]!;
    expect((await send('records/fill-data', { personId: mother.id })).person.personalId?.value).toMatch(/^\d{12}$/);
    mask = true;
    expect((await send('records/fill-data', { personId: mother.id })).person.personalId?.value).toMatch(/^\d{4}•••••\d{3}$/);
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
