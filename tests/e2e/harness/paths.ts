import { fileURLToPath } from 'node:url';

export const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
/** The production build under test; `MOTCUA_EXTENSION_DIR` points at another (the benchmark measures an earlier build with it). */
export const extensionDir = process.env.MOTCUA_EXTENSION_DIR ?? `${rootDir}.output/chrome-mv3`;
export const fixturesDir = `${rootDir}tests/fixtures/portals`;
export const tmpDir = `${rootDir}tests/e2e/.tmp`;
