import { fileURLToPath } from 'node:url';

export const rootDir = fileURLToPath(new URL('../../../', import.meta.url));
export const extensionDir = `${rootDir}.output/chrome-mv3`;
export const fixturesDir = `${rootDir}tests/fixtures/portals`;
export const tmpDir = `${rootDir}tests/e2e/.tmp`;
