import { describe, expect, it } from 'vitest';
import { OfficerError, refusalOf } from '@/utils/security/officers';
import { unlockHint } from '@/utils/security/unlock-hint';

describe('unlockHint', () => {
  it.each([
    { officer: undefined, armed: [], hint: 'unlock.hint.passphrase' },
    { officer: { id: 'a', needsPassphrase: false }, armed: [], hint: 'unlock.hint.passphrase' },
    { officer: { id: 'a', needsPassphrase: false }, armed: ['b'], hint: 'unlock.hint.passphrase' },
    { officer: { id: 'a', needsPassphrase: false }, armed: ['a'], hint: 'unlock.hint.pin' },
    { officer: { id: 'a', needsPassphrase: true }, armed: ['a'], hint: 'unlock.hint.legacyPin' },
  ])('$officer with $armed armed asks for $hint', ({ officer, armed, hint }) => {
    expect(unlockHint(officer, armed)).toBe(hint);
  });
});

describe('refusalOf', () => {
  it('keeps an officer refusal’s reason', () => {
    expect(refusalOf(new OfficerError({ code: 'secret.noOfficer' }))).toEqual({ code: 'secret.noOfficer' });
  });

  it('says any other error as it came', () => {
    expect(refusalOf(new Error('disk full'))).toEqual({
      code: 'error.unknown',
      params: { detail: 'Error: disk full' },
    });
  });
});
