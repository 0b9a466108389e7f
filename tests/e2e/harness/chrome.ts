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
    throw new Error(`Không tìm thấy Chromium. Cài gói "chromium" (apt-get install chromium) hoặc đặt CHROME_PATH. Đã thử: ${candidates.join(', ')}`);
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
