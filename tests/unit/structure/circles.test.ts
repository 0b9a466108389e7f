import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: no file and no folder of the product imports another in a circle. The imports of utils/,
 * components/ and entrypoints/ are read from the sources (type-only imports count: they tie the files too).
 */
const root = resolve(__dirname, '../../..');
const sources = ['utils', 'components', 'entrypoints'].flatMap((dir) => walk(join(root, dir)));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? join(root, spec.slice(2))
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(ts|tsx)$/.test(candidate)) return candidate;
  return null;
}

const graph = new Map<string, Set<string>>();
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  const targets = new Set<string>();
  for (const m of text.matchAll(
    /(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const target = resolveImport(file, (m[1] ?? m[2])!);
    if (target && target !== file) targets.add(target);
  }
  graph.set(file, targets);
}

/** Strongly connected groups of more than one node: each is a circle. */
function circles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** utils/<x> and components/<x> are the folders; an entrypoint is its own. */
const folderOf = (file: string) => relative(root, file).split('/').slice(0, 2).join('/');

describe('the product’s imports', () => {
  it('reads the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(200);
    expect([...graph.values()].reduce((n, s) => n + s.size, 0)).toBeGreaterThan(500);
  });

  it('no file imports another in a circle', () => {
    expect(circles(graph).map((group) => group.map((f) => relative(root, f)))).toEqual([]);
  });

  it('name one another in one style, from the root with @/ (issue 17: utils/ imported relatively, the rest by @/)', () => {
    const relativeImports = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)['"](\.\.?\/[^'"]*)['"]/gm)].map(
        (m) => `${relative(root, file)}: ${m[1]}`,
      ),
    );
    expect(relativeImports).toEqual([]);
  });

  it('no folder imports another in a circle', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      if (!folders.has(from)) folders.set(from, new Set());
      for (const target of targets) if (folderOf(target) !== from) folders.get(from)!.add(folderOf(target));
    }
    expect(circles(folders)).toEqual([]);
  });
});
