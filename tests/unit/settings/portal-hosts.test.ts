import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addPortalHost, grantedHosts, type HostPermissions, removePortalHost } from '@/utils/settings/portal-hosts';
import { readLocalSettings, updateLocalSettings } from '@/utils/settings/store';

beforeEach(() => fakeBrowser.reset());

/** Chrome's permissions as a test answers them: the origins held, and whether a prompt is accepted. */
function chrome(accept: boolean, held: string[] = []) {
  const origins = new Set(held);
  const asked: string[] = [];
  const permissions: HostPermissions = {
    contains: async (p) => p.origins.every((o) => origins.has(o)),
    request: async (p) => {
      asked.push(...p.origins);
      if (accept) for (const o of p.origins) origins.add(o);
      return accept;
    },
    remove: async (p) => {
      for (const o of p.origins) origins.delete(o);
      return true;
    },
  };
  return { permissions, origins, asked };
}

describe('the portals added in the settings', () => {
  it('says which added hosts Chrome lets motcua run on', async () => {
    const { permissions } = chrome(false, ['https://a.example.vn/*']);
    expect(await grantedHosts(['a.example.vn', 'b.example.vn'], permissions)).toEqual({
      'a.example.vn': true,
      'b.example.vn': false,
    });
  });

  it('asks Chrome for a new host and keeps it', async () => {
    const { permissions, asked } = chrome(true);
    const outcome = await addPortalHost(' https://DVC.example.gov.vn/trang ', [], permissions);
    expect(outcome).toEqual({
      kind: 'ok',
      message: 'settings.hosts.added',
      params: { host: 'dvc.example.gov.vn' },
      added: { host: 'dvc.example.gov.vn', granted: true },
    });
    expect(asked).toEqual(['https://dvc.example.gov.vn/*']);
    expect((await readLocalSettings()).extraPortalHosts).toEqual(['dvc.example.gov.vn']);
  });

  it('keeps a host Chrome refused, so that “Cho phép” can ask again', async () => {
    const outcome = await addPortalHost('dvc.example.gov.vn', [], chrome(false).permissions);
    expect(outcome).toMatchObject({ kind: 'error', message: 'settings.hosts.denied', added: { granted: false } });
    expect((await readLocalSettings()).extraPortalHosts).toEqual(['dvc.example.gov.vn']);
  });

  it.each([
    ['not a host', [], 'settings.hosts.invalid'],
    ['dichvucong.gov.vn', [], 'settings.hosts.builtInAlready'],
    ['dvc.example.gov.vn', ['dvc.example.gov.vn'], 'settings.hosts.builtInAlready'],
  ])('refuses %s without asking Chrome or keeping anything', async (input, existing, message) => {
    const { permissions, asked } = chrome(true);
    const outcome = await addPortalHost(input, existing, permissions);
    expect(outcome).toMatchObject({ kind: 'error', message });
    expect(outcome.added).toBeUndefined();
    expect(asked).toEqual([]);
    expect((await readLocalSettings()).extraPortalHosts).toEqual([]);
  });

  it('removes a host and gives its permission back', async () => {
    await updateLocalSettings({ extraPortalHosts: ['a.example.vn', 'b.example.vn'] });
    const { permissions, origins } = chrome(true, ['https://a.example.vn/*', 'https://b.example.vn/*']);
    await removePortalHost('a.example.vn', permissions);
    expect((await readLocalSettings()).extraPortalHosts).toEqual(['b.example.vn']);
    expect([...origins]).toEqual(['https://b.example.vn/*']);
  });
});
