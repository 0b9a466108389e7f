import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkNewHost } from '@/utils/settings/add-host';
import { parseIdleMinutes } from '@/utils/settings/idle';
import { defaultLocalSettings, resolveSettings } from '@/utils/settings/schema';
import { readEffectiveSettings, readLocalSettings, updateLocalSettings } from '@/utils/settings/store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('resolveSettings', () => {
  it('uses local values when there is no policy', () => {
    const local = { ...defaultLocalSettings, extraPortalHosts: ['dvc.example.vn'], retentionDays: 30 };
    expect(resolveSettings(local, {})).toEqual({
      language: 'vi',
      ward: { value: null, locked: false },
      retentionDays: { value: 30, locked: false },
      idleMinutes: 15,
      extraPortalHosts: [{ host: 'dvc.example.vn', locked: false }],
    });
  });

  it('lets every policy value win and marks it locked', () => {
    const local = {
      ...defaultLocalSettings,
      ward: { provinceCode: '79', wardCode: '26734' },
      extraPortalHosts: ['a.example.vn', 'b.example.vn'],
    };
    const policy = {
      ward: { provinceCode: '01', wardCode: '00004' },
      extraPortalHosts: ['B.example.vn', 'c.example.vn'],
      retentionDays: 3650,
    };
    expect(resolveSettings(local, policy)).toEqual({
      language: 'vi',
      ward: { value: { provinceCode: '01', wardCode: '00004' }, locked: true },
      retentionDays: { value: 3650, locked: true },
      idleMinutes: 15,
      extraPortalHosts: [
        { host: 'b.example.vn', locked: true },
        { host: 'c.example.vn', locked: true },
        { host: 'a.example.vn', locked: false },
      ],
    });
  });

  it('ignores a broken policy value without voiding the others', () => {
    const resolved = resolveSettings(defaultLocalSettings, {
      ward: { provinceCode: 'Hà Nội' },
      retentionDays: 90,
      extraPortalHosts: ['not a host', 'ok.example.vn'],
    });
    expect(resolved.ward).toEqual({ value: null, locked: false });
    expect(resolved.retentionDays).toEqual({ value: 90, locked: true });
    expect(resolved.extraPortalHosts).toEqual([{ host: 'ok.example.vn', locked: true }]);
  });
});

describe('settings store', () => {
  it('round-trips through storage.local and rejects invalid values', async () => {
    expect(await readLocalSettings()).toEqual(defaultLocalSettings);
    await updateLocalSettings({ language: 'en', retentionDays: 100 });
    expect(await readLocalSettings()).toMatchObject({ language: 'en', retentionDays: 100 });
    await expect(updateLocalSettings({ retentionDays: 0 })).rejects.toThrow();
    expect((await readLocalSettings()).retentionDays).toBe(100);
  });

  it('keeps both of two updates made at once (the idle lock and the retention saved together)', async () => {
    await Promise.all([updateLocalSettings({ idleMinutes: 5 }), updateLocalSettings({ retentionDays: 30 })]);
    expect(await readLocalSettings()).toMatchObject({ idleMinutes: 5, retentionDays: 30 });
  });

  it('falls back to defaults when stored data is damaged', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'klingon', retentionDays: 'forever' } });
    expect(await readLocalSettings()).toEqual(defaultLocalSettings);
  });

  it('merges the managed policy', async () => {
    await updateLocalSettings({ extraPortalHosts: ['mine.example.vn'] });
    const settings = await readEffectiveSettings();
    expect(settings.extraPortalHosts.map((h) => h.host)).toContain('mine.example.vn');
  });
});

describe('checkNewHost', () => {
  it.each([
    ['https://dvc.example.vn/x', [], { ok: true, host: 'dvc.example.vn' }],
    ['dichvucong.bacninh.gov.vn', [], { ok: false, message: 'settings.hosts.builtInAlready' }],
    ['dvc.example.vn', ['dvc.example.vn'], { ok: false, message: 'settings.hosts.builtInAlready' }],
    ['not a host', [], { ok: false, message: 'settings.hosts.invalid' }],
  ] as const)('%s', (input, existing, expected) => {
    expect(checkNewHost(input, existing)).toMatchObject(expected);
  });
});

describe('parseIdleMinutes', () => {
  it.each([
    ['5', { ok: true, minutes: 5 }],
    [' 480 ', { ok: true, minutes: 480 }],
    ['0', { ok: false, message: 'settings.idle.zero' }],
    ['481', { ok: false, message: 'settings.idle.invalid' }],
    ['1.5', { ok: false, message: 'settings.idle.invalid' }],
    ['', { ok: false, message: 'settings.idle.invalid' }],
    ['mười', { ok: false, message: 'settings.idle.invalid' }],
  ] as const)('%j', (input, expected) => {
    expect(parseIdleMinutes(input)).toMatchObject(expected);
  });
});
