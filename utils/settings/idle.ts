import type { MessageKey, Params } from '@/utils/i18n';

/** The idle lock's bounds, in minutes. There is no "never": the idle lock is what protects records left open. */
export const idleMinutesRange = { min: 1, max: 480 } as const;

export type IdleCheck = { ok: true; minutes: number } | { ok: false; message: MessageKey; params: Params };

/** What the supervisor typed in "Tự khoá sau": whole minutes in range, else the reason (0 included: it cannot be switched off). */
export function parseIdleMinutes(input: string): IdleCheck {
  const text = input.trim();
  const minutes = Number(text);
  const params = { min: idleMinutesRange.min, max: idleMinutesRange.max };
  if (text === '' || !/^\d+$/.test(text)) return { ok: false, message: 'settings.idle.invalid', params };
  if (minutes === 0) return { ok: false, message: 'settings.idle.zero', params };
  if (minutes < idleMinutesRange.min || minutes > idleMinutesRange.max)
    return { ok: false, message: 'settings.idle.invalid', params };
  return { ok: true, minutes };
}
