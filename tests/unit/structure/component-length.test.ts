import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: components are layout, flows live in utils/ with their own tests, and so a component function stays
 * short enough to read at once. A component is a function named in PascalCase (declared, or a const arrow or
 * function expression) in components/ or entrypoints/; its length runs from its first line to its last.
 */
const maxLines = 80;
const root = resolve(__dirname, '../../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Measured {
  name: string;
  lines: number;
}

function components(file: string): Measured[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Measured[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node) => {
    const named = ts.isFunctionDeclaration(node)
      ? node.name && { name: node.name.text, body: node }
      : ts.isVariableDeclaration(node) &&
          ts.isIdentifier(node.name) &&
          node.initializer &&
          (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
        ? { name: node.name.text, body: node.initializer }
        : undefined;
    if (named && /^[A-Z]/.test(named.name))
      found.push({
        name: `${relative(root, file)} ${named.name}`,
        lines: lineOf(named.body.getEnd()) - lineOf(named.body.getStart()) + 1,
      });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const measured = ['components', 'entrypoints'].flatMap((dir) => walk(join(root, dir))).flatMap(components);

describe('component functions', () => {
  it('finds the components it measures', () => {
    expect(measured.length).toBeGreaterThan(60);
    expect(measured.map((m) => m.name)).toContain('components/records/PersonEditor.tsx PersonEditor');
  });

  it(`are each at most ${maxLines} lines`, () => {
    const long = measured.filter((m) => m.lines > maxLines).map((m) => `${m.name}: ${m.lines} lines`);
    expect(long).toEqual([]);
  });

  it('measures a component’s length from its first line to its last', () => {
    const body = Array.from({ length: 79 }, () => '  x;').join('\n');
    const file = join(tmpdir(), `motcua-length-${process.pid}.tsx`);
    writeFileSync(file, `export function Short() {\n${body.slice(0, -5)}\n}\nconst Long = () => {\n${body}\n};\n`);
    try {
      expect(components(file).map((m) => m.lines)).toEqual([80, 81]);
    } finally {
      rmSync(file);
    }
  });
});
