import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { generate } from 'selfsigned';
import { replicaAppsDir } from '../../fixtures/portal-apps/build';
import { fixturesDir } from './paths';

/** Real portal host names the replicas answer for; Chromium maps each to this server. */
export const replicaHosts = [
  'dichvucong.gov.vn',
  'lienthong.dichvucong.gov.vn',
  'tokhaidientu.moj.gov.vn',
  'dichvucongnganhtuphap.moj.gov.vn',
  'dichvucong.bacninh.gov.vn',
  // Provincial and ministry portals of the replicas written apart from the filler (tests/fixtures/portal-apps).
  'dichvucong.hanoi.gov.vn',
  'dichvucong.daklak.gov.vn',
  'dichvucong.caobang.gov.vn',
  'dichvucong.bocongan.gov.vn',
  'dichvucong.moc.gov.vn',
  'dichvucong.hochiminhcity.gov.vn',
  'dichvucong.thanhhoa.gov.vn',
  'dichvucong.cantho.gov.vn',
  'dichvucong.danang.gov.vn',
  'dichvucong.haiphong.gov.vn',
  'dichvucong.ninhbinh.gov.vn',
  'dichvucong.hungyen.gov.vn',
  'dichvucong.quangninh.gov.vn',
  'dichvucong.laocai.gov.vn',
  'dichvucong.nghean.gov.vn',
  'dichvucong.gialai.gov.vn',
  'dichvucong.dongnai.gov.vn',
  'dichvucong.angiang.gov.vn',
  'dichvucong.hatinh.gov.vn',
  'dichvucong.khanhhoa.gov.vn',
  'dichvucong.thainguyen.gov.vn',
  'dichvucong.lamdong.gov.vn',
  'dichvucong.quangtri.gov.vn',
  'dichvucong.vinhlong.gov.vn',
  'dichvucong.camau.gov.vn',
  'dichvucong.tuyenquang.gov.vn',
  'dichvucong.sonla.gov.vn',
  'dichvucong.quangngai.gov.vn',
  'dichvucong.hue.gov.vn',
  'dichvucong.tayninh.gov.vn',
  'dichvucong.dongthap.gov.vn',
  'dichvucong.langson.gov.vn',
  // Not portals: the panel must stay away from these.
  'example.org',
  'chinhphu.gov.vn',
  // Look-alike hosts whose names or paths hold a portal's: match patterns and globs would take them.
  'dichvucong.gov.vn.evil.gov.vn',
  'evil.gov.vn',
] as const;

export interface RecordedRequest {
  host: string;
  path: string;
}

export interface ReplicaServer {
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * Serves tests/fixtures/portals/<host>/... over HTTPS on 127.0.0.1 with a certificate made now, picking
 * the folder by the Host header, and records every request it answers.
 */
export async function startReplicaServer(): Promise<ReplicaServer> {
  const pems = await generate([{ name: 'commonName', value: 'motcua-replica' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: replicaHosts.map((value) => ({ type: 2, value })) }],
  });
  const requests: RecordedRequest[] = [];
  const server: Server = createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://replica');
    requests.push({ host, path: url.pathname });
    if (!(replicaHosts as readonly string[]).includes(host)) {
      res.writeHead(421).end('unknown host');
      return;
    }
    // Hand-written replicas first, then the built framework replicas (tests/fixtures/portal-apps).
    // The built apps share their chunks under /_app/ whatever the host.
    const roots = url.pathname.startsWith('/_app/')
      ? [replicaAppsDir]
      : [fixturesDir, replicaAppsDir].map((r) => join(r, host));
    for (const base of roots) {
      let file = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
        return;
      } catch {
        // Not in this root: try the next.
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy trang');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
