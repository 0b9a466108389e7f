import type { MessageKey } from '@/utils/i18n';

/**
 * What the unlock asks for, under the secret field: a passphrase to choose for an officer who only has an old
 * PIN, the PIN when one is armed for this browser session, otherwise the passphrase.
 */
export function unlockHint(
  officer: { id: string; needsPassphrase: boolean } | undefined,
  armed: readonly string[],
): MessageKey {
  if (officer?.needsPassphrase) return 'unlock.hint.legacyPin';
  return officer && armed.includes(officer.id) ? 'unlock.hint.pin' : 'unlock.hint.passphrase';
}
