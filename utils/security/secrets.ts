import type { Role } from '../db/kinds';

export type SecretKind = 'pin' | 'passphrase';

export const minPinDigits = 6;
export const minPassphraseLength = 10;
/** Wrong secrets before an officer is locked out until a supervisor releases them. */
export const maxFailedAttempts = 5;
/** A supervisor has nobody above them: their own lockout lifts after this long. */
export const supervisorLockoutMs = 30 * 60_000;

/** Why a proposed secret is refused, in Vietnamese, or null when it is acceptable. */
export function checkSecret(kind: SecretKind, secret: string, role: Role): string | null {
  if (role === 'supervisor' && kind !== 'passphrase') {
    return 'Lãnh đạo/tổ trưởng phải dùng cụm mật khẩu (không dùng mã PIN), vì tài khoản này mở được mọi hồ sơ.';
  }
  if (kind === 'pin') {
    if (!/^\d+$/.test(secret)) return 'Mã PIN chỉ gồm chữ số.';
    if (secret.length < minPinDigits) return `Mã PIN phải có ít nhất ${minPinDigits} chữ số.`;
    if (/^(\d)\1+$/.test(secret) || '0123456789012'.includes(secret) || '9876543210987'.includes(secret)) {
      return 'Mã PIN quá dễ đoán (dãy lặp hoặc liên tiếp). Hãy chọn mã khác.';
    }
    return null;
  }
  if (secret.trim().length < minPassphraseLength) return `Cụm mật khẩu phải có ít nhất ${minPassphraseLength} ký tự.`;
  return null;
}

/** Seconds to wait after the n-th consecutive wrong secret: 0, 2, 4, 8, … capped at 60. */
export function retryDelayMs(failedAttempts: number): number {
  if (failedAttempts <= 1) return 0;
  return Math.min(60, 2 ** (failedAttempts - 1)) * 1000;
}
