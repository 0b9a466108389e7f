import type { MessageKey, Params } from '@/utils/i18n';
import { originPatternFor } from '@/utils/portals/hosts';
import { checkNewHost } from '@/utils/settings/add-host';
import { readLocalSettings, updateLocalSettings } from '@/utils/settings/store';

/** The part of `browser.permissions` the portal list uses (given, so that a test can answer for Chrome). */
export interface HostPermissions {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export interface HostOutcome {
  kind: 'ok' | 'error';
  message: MessageKey;
  params: Params;
  /** The host added, and whether Chrome allowed it; absent when the input was refused. */
  added?: { host: string; granted: boolean };
}

/** Whether Chrome lets motcua run on each host added. */
export async function grantedHosts(hosts: readonly string[], permissions: HostPermissions) {
  const entries = await Promise.all(
    hosts.map(async (host) => [host, await permissions.contains({ origins: [originPatternFor(host)] })] as const),
  );
  return Object.fromEntries(entries) as Record<string, boolean>;
}

/** Asks Chrome for a host; the caller must be inside the click, as Chrome prompts only for a user gesture. */
export function requestHost(host: string, permissions: HostPermissions): Promise<boolean> {
  return permissions.request({ origins: [originPatternFor(host)] });
}

/**
 * Adds the host typed, once it reads as a new portal: asks Chrome first (still inside the click), then keeps
 * the host even when refused, so nothing typed is lost and "Cho phép" asks again.
 */
export async function addPortalHost(
  input: string,
  existing: readonly string[],
  permissions: HostPermissions,
): Promise<HostOutcome> {
  const check = checkNewHost(input, existing);
  if (!check.ok) return { kind: 'error', message: check.message, params: check.params };
  const { host } = check;
  const granted = await requestHost(host, permissions);
  const local = await readLocalSettings();
  await updateLocalSettings({ extraPortalHosts: [...local.extraPortalHosts, host] });
  return granted
    ? { kind: 'ok', message: 'settings.hosts.added', params: { host }, added: { host, granted } }
    : { kind: 'error', message: 'settings.hosts.denied', params: { host }, added: { host, granted } };
}

/** Removes a host added here and gives its permission back. */
export async function removePortalHost(host: string, permissions: HostPermissions): Promise<void> {
  const local = await readLocalSettings();
  await updateLocalSettings({ extraPortalHosts: local.extraPortalHosts.filter((h) => h !== host) });
  await permissions.remove({ origins: [originPatternFor(host)] });
}
