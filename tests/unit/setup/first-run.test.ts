import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSetUp } from '@/utils/security/officers';
import { armedPinsItem } from '@/utils/security/quick-pin';
import { currentSession } from '@/utils/security/session';
import { firstRun } from '@/utils/setup/first-run';
import { freshDb } from '../records/helpers';

beforeEach(() => fakeBrowser.reset());

describe('the first run', () => {
  it('sets up the supervisor and this counter, and opens the supervisor’s session with the PIN armed', async () => {
    const db = freshDb();
    await firstRun(db, {
      name: 'Phạm Thị Lan',
      passphrase: 'một cụm mật khẩu dài',
      pin: '482916',
      counterName: 'Quầy 1',
    });
    expect(await isSetUp(db)).toBe(true);
    expect((await db.counters.where('own').equals(1).first())?.name).toBe('Quầy 1');
    const open = await currentSession();
    expect(open?.session.role).toBe('supervisor');
    expect(Object.keys(await armedPinsItem.getValue())).toEqual([open?.session.officerId]);
  });
});
