/** Vietnamese phone numbers: mobile 0[35789]xxxxxxxx, landline 02xxxxxxxxx, or +84 in front of either. */
import { reason, type Reason } from '@/utils/i18n/reason-error';

export type PhoneResult =
  | { ok: true; value: string; kind: 'mobile' | 'landline'; restored: boolean; notes: string[] }
  | { ok: false; reason: Reason };

export function parsePhone(raw: string | number): PhoneResult {
  const text = String(raw).trim();
  let digits = text.replace(/[\s.\-()]/g, '');
  if (!digits) return { ok: false, reason: reason('phone.empty') };
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (/^84[35789]\d{8}$/.test(digits) || /^842\d{9}$/.test(digits)) digits = `0${digits.slice(2)}`;
  if (!/^\d+$/.test(digits)) return { ok: false, reason: reason('phone.notDigits', { text }) };

  let restored = false;
  const notes: string[] = [];
  // A spreadsheet that stored the phone as a number dropped its leading 0.
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) {
    notes.push(`Đã thêm số 0 ở đầu bị bảng tính làm mất: ${digits} → 0${digits}.`);
    digits = `0${digits}`;
    restored = true;
  }
  if (/^0[35789]\d{8}$/.test(digits)) return { ok: true, value: digits, kind: 'mobile', restored, notes };
  if (/^02\d{9}$/.test(digits)) return { ok: true, value: digits, kind: 'landline', restored, notes };
  return {
    ok: false,
    reason: reason('phone.badShape', { text }),
  };
}

/** "0912345678" → "+84912345678". */
export function toInternational(phone: string): string {
  return phone.startsWith('0') ? `+84${phone.slice(1)}` : phone;
}
