import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildReplicaApps } from '../fixtures/portal-apps/build';
import { extensionDir } from './harness/paths';

/**
 * Builds the production extension once for every e2e file, so the shipped manifest and matches are what
 * is tested. MOTCUA_E2E_REUSE_BUILD=1 reuses an existing build (handy while writing tests).
 */
export default function setup() {
  const reuse = process.env.MOTCUA_E2E_REUSE_BUILD === '1';
  // The framework replicas (React + SurveyJS) are bundled too.
  buildReplicaApps(!reuse);
  if (reuse && existsSync(extensionDir)) return;
  // Vitest sets NODE_ENV=test, which would make Vite emit development JSX: build as production.
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
