import { browser } from 'wxt/browser';
import { z } from 'zod/mini';

/**
 * The two things a content script says to the background: "what are the settings" (to know it is on a portal
 * host, and the language), and "this frame has N fields". Validated with `zod/mini`, so the content script does
 * not carry the whole protocol of the extension's pages (utils/messaging/protocol.ts defines the same messages).
 */
const reply = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), detail: z.string() }) }),
]);
const settings = z.looseObject({
  language: z.enum(['vi', 'en']),
  extraPortalHosts: z.array(z.looseObject({ host: z.string().check(z.maxLength(253)) })),
});

async function ask(type: string, payload: unknown): Promise<unknown> {
  const raw: unknown = await browser.runtime.sendMessage({ channel: 'motcua', type, payload });
  const parsed = reply.safeParse(raw);
  if (!parsed.success || !parsed.data.ok) return null;
  return parsed.data.data;
}

/** The portal settings, or null when the background does not take this frame (not a portal origin). */
export async function portalSettings(): Promise<{ language: 'vi' | 'en'; extraHosts: string[] } | null> {
  const parsed = settings.safeParse(await ask('settings/get', {}).catch(() => null));
  return parsed.success
    ? { language: parsed.data.language, extraHosts: parsed.data.extraPortalHosts.map((e) => e.host) }
    : null;
}

export async function reportFields(fieldCount: number): Promise<void> {
  await ask('frame/report', { fieldCount }).catch(() => null);
}
