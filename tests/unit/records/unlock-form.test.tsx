import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { UnlockForm } from '@/components/records/UnlockForm';

vi.mock('@/utils/db/instance', () => ({ recordsDb: () => ({}) }));
vi.mock('@/utils/security/officers', () => ({ listOfficers: () => new Promise(() => {}) }));
vi.mock('@/utils/security/quick-pin', () => ({
  armedPinsItem: { getValue: () => new Promise(() => {}), watch: () => () => {} },
}));

describe('UnlockForm', () => {
  it('says nothing under the secret field before it knows whose PIN is armed', () => {
    // Before, the first render asked for the passphrase, then for the PIN once the session storage answered.
    const html = renderToString(
      <UnlockForm language="vi" unlock={{ secret: vi.fn(), deviceKey: vi.fn(), choosePassphrase: vi.fn() } as never} />,
    );
    expect(html).toMatch(/<p id="unlock-hint"[^>]*><\/p>/);
  });
});
