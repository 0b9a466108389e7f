import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('what ships', () => {
  it('imports no dev dependency (faker stays in scripts/, the training families are data)', () => {
    const offenders: string[] = [];
    for (const file of ['utils', 'components', 'entrypoints'].flatMap((d) => sources(join(root, d)))) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
        const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
        // wxt and its modules provide the runtime helpers they are imported for (wxt/browser, wxt/utils/storage).
        if (name in pkg.devDependencies && !name.startsWith('wxt') && !name.startsWith('@wxt-dev'))
          offenders.push(`${file.slice(root.length)}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
