/**
 * The public-service portals motcua runs on, declared once. The manifest's content-script matches, the
 * background's sender checks and the settings page all read this module.
 *
 * Chrome match patterns cannot put a wildcard in the middle of a host name, and provincial portals are
 * `dichvucong.<province>.gov.vn`. So the manifest matches `https://*.gov.vn/*` and narrows with
 * `include_globs`; at run time `isBuiltInPortalHost` applies the same rule.
 */

/** Exact hosts and `*.suffix` wildcards, each a portal the officers file on. */
export const builtInPortalHosts = [
  // National public-service portal (SurveyJS dossier wizard) and its subdomains (lienthong: Angular joint forms).
  'dichvucong.gov.vn',
  '*.dichvucong.gov.vn',
  // Ministry of Justice civil-status e-forms; tokhaidientu runs inside an iframe of the other two.
  'tokhaidientu.moj.gov.vn',
  'dichvucongnganhtuphap.moj.gov.vn',
  // Provincial portals: dichvucong.<province>.gov.vn.
  'dichvucong.*.gov.vn',
] as const;

/** What the manifest's `content_scripts[].matches` holds: the widest pattern that covers every portal. */
export const portalMatchPatterns = ['https://*.gov.vn/*'];

/** What `include_globs` narrows the match to (globs: `*` is any run of characters). */
export const portalIncludeGlobs = builtInPortalHosts.map((host) => `https://${host}/*`);

const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** True for a syntactically valid lower-case DNS host name (no port, no scheme). */
export function isValidHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((label) => hostLabel.test(label));
}

/** Matches a host against one entry of the list above: exact, leading `*.`, or one inner `*` label. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase();
  if (!pattern.includes('*')) return h === pattern;
  if (pattern.startsWith('*.')) return h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1;
  const [prefix, suffix] = pattern.split('*') as [string, string];
  if (!h.startsWith(prefix) || !h.endsWith(suffix)) return false;
  const middle = h.slice(prefix.length, h.length - suffix.length);
  // The wildcard stands for exactly one DNS label (the province), never for dots.
  return hostLabel.test(middle);
}

export function isBuiltInPortalHost(host: string): boolean {
  return builtInPortalHosts.some((pattern) => hostMatches(host, pattern));
}

/**
 * Whether a URL belongs to a portal motcua serves: https only, a built-in host or one the officer
 * (or the province's policy) added.
 */
export function isPortalUrl(url: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  return isBuiltInPortalHost(host) || extraHosts.some((extra) => hostMatches(host, extra.toLowerCase()));
}

export function isPortalOrigin(origin: string, extraHosts: readonly string[] = []): boolean {
  return isPortalUrl(`${origin}/`, extraHosts);
}

/**
 * Turns what an officer types ("https://dichvucong.hanoi.gov.vn/abc", "  DVC.Example.vn ") into a host
 * name, or null when it is not one.
 */
export function parseHostInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return isValidHostName(url.hostname) ? url.hostname : null;
  } catch {
    return null;
  }
}

/** The Chrome permission origin pattern for one extra host. */
export function originPatternFor(host: string): string {
  return `https://${host}/*`;
}
