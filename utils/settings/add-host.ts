import type { MessageKey, Params } from '@/utils/i18n';
import { isBuiltInPortalHost, parseHostInput } from '@/utils/portals/hosts';

export type AddHostCheck = { ok: true; host: string } | { ok: false; message: MessageKey; params: Params };

/** What the settings page checks before asking Chrome for a host permission. */
export function checkNewHost(input: string, existing: readonly string[]): AddHostCheck {
  const host = parseHostInput(input);
  if (!host) return { ok: false, message: 'settings.hosts.invalid', params: { input: input.trim() } };
  if (isBuiltInPortalHost(host)) return { ok: false, message: 'settings.hosts.builtInAlready', params: { host } };
  if (existing.includes(host)) return { ok: false, message: 'settings.hosts.builtInAlready', params: { host } };
  return { ok: true, host };
}
