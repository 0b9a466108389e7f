import { z } from 'zod';
import { languages } from '@/utils/i18n';
import { isValidHostName } from '@/utils/portals/hosts';
import { idleMinutesRange } from '@/utils/settings/idle';

export const wardRefSchema = z.object({
  provinceCode: z.string().regex(/^\d{2}$/),
  wardCode: z.string().regex(/^\d{5}$/),
});
export type WardRef = z.infer<typeof wardRefSchema>;

export const hostNameSchema = z.string().refine(isValidHostName, 'không phải tên máy chủ hợp lệ');

export const retentionDaysSchema = z.number().int().min(1).max(36_500);

/** What a province's IT may set by policy (`public/managed_schema.json` is the Chrome-side twin). */
export const managedSettingsSchema = z.object({
  ward: wardRefSchema.optional(),
  extraPortalHosts: z.array(z.string()).optional(),
  retentionDays: retentionDaysSchema.optional(),
});
export type ManagedSettings = z.infer<typeof managedSettingsSchema>;

export const localSettingsSchema = z.object({
  language: z.enum(languages),
  ward: wardRefSchema.nullable(),
  extraPortalHosts: z.array(hostNameSchema),
  /** Purge people not used for this many days; null = never (the default). */
  retentionDays: retentionDaysSchema.nullable(),
  /** Lock the records after this many idle minutes (supervisor setting). */
  idleMinutes: z.number().int().min(idleMinutesRange.min).max(idleMinutesRange.max),
});
export type LocalSettings = z.infer<typeof localSettingsSchema>;

export const defaultLocalSettings: LocalSettings = {
  language: 'vi',
  ward: null,
  extraPortalHosts: [],
  retentionDays: null,
  idleMinutes: 15,
};

export interface Locked<T> {
  value: T;
  locked: boolean;
}

export const effectiveSettingsSchema = z.object({
  language: z.enum(languages),
  ward: z.object({ value: wardRefSchema.nullable(), locked: z.boolean() }),
  retentionDays: z.object({ value: retentionDaysSchema.nullable(), locked: z.boolean() }),
  idleMinutes: z.number().int(),
  /** Hosts from policy first (locked), then the officer's own; no duplicates. */
  extraPortalHosts: z.array(z.object({ host: z.string(), locked: z.boolean() })),
});
export type EffectiveSettings = z.infer<typeof effectiveSettingsSchema>;

/**
 * Merges local settings with the policy: a policy value always wins and is reported locked. Invalid
 * policy entries are dropped rather than breaking the extension for everyone in the province.
 */
export function resolveSettings(local: LocalSettings, managedRaw: unknown): EffectiveSettings {
  const managed = parseManaged(managedRaw);
  const policyHosts = (managed.extraPortalHosts ?? []).map((host) => host.trim().toLowerCase()).filter(isValidHostName);
  const seen = new Set<string>();
  const hosts: EffectiveSettings['extraPortalHosts'] = [];
  for (const [host, locked] of [
    ...policyHosts.map((h) => [h, true] as const),
    ...local.extraPortalHosts.map((h) => [h, false] as const),
  ]) {
    if (seen.has(host)) continue;
    seen.add(host);
    hosts.push({ host, locked });
  }
  return {
    language: local.language,
    ward: managed.ward ? { value: managed.ward, locked: true } : { value: local.ward, locked: false },
    retentionDays: managed.retentionDays
      ? { value: managed.retentionDays, locked: true }
      : { value: local.retentionDays, locked: false },
    idleMinutes: local.idleMinutes,
    extraPortalHosts: hosts,
  };
}

function parseManaged(raw: unknown): ManagedSettings {
  if (!raw || typeof raw !== 'object') return {};
  const result: ManagedSettings = {};
  const source = raw as Record<string, unknown>;
  // Field by field, so one bad policy value does not void the others.
  for (const key of ['ward', 'extraPortalHosts', 'retentionDays'] as const) {
    const parsed = managedSettingsSchema.shape[key].safeParse(source[key]);
    if (parsed.success && parsed.data !== undefined) Object.assign(result, { [key]: parsed.data });
  }
  return result;
}
