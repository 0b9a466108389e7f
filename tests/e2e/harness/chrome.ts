import { existsSync } from 'node:fs';

/** System Chromium (Debian's `chromium`) or CHROME_PATH; playwright-core never downloads a browser here. */
export function findChrome(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `Không tìm thấy Chromium. Cài gói "chromium" (apt-get install chromium) hoặc đặt CHROME_PATH. Đã thử: ${candidates.join(', ')}`,
    );
  }
  return found;
}

/**
 * Flags that keep Chromium quiet on a closed network: no background fetches, no component updates, no
 * sync, so every request the browser makes is one a page or the extension made.
 */
export const quietChromeFlags = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
  '--metrics-recording-only',
  '--no-pings',
  '--disable-quic',
  '--disable-gpu',
];

/** Chromium's sandbox refuses to start as root (CI and these machines run as root). */
export const sandboxFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/**
 * Arguments for Chromium with the built extension loaded and the given host rules, trusting the replicas'
 * certificate made at start (only in the throw-away profiles that use these flags).
 */
export function extensionChromeArgs(extensionDir: string, hostRules: string, extra: string[] = []): string[] {
  return [
    ...quietChromeFlags,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${hostRules}`,
    '--ignore-certificate-errors',
    ...extra,
    ...sandboxFlags,
  ];
}
