import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17: domain code throws reason codes with parameters (ReasonError, OfficerError, BundleError…), and the
 * UI says them in Vietnamese or English from the one catalogue. A sentence in Vietnamese thrown from utils/
 * would reach the English UI as it is. The catalogue (utils/i18n) and data files are where the words live.
 */
const root = resolve(__dirname, '../../..');
const vietnameseLetter = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const domain = walk(join(root, 'utils')).filter((f) => !relative(root, f).startsWith('utils/i18n/'));

/** Each `throw new X(…)` with what it is given, up to the statement's end. */
function throwsOf(file: string): Array<{ where: string; args: string }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/throw\s+new\s+\w+\s*\(([\s\S]*?)\)\s*;/g)].map((m) => ({
    where: `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`,
    args: m[1]!,
  }));
}

describe('errors thrown from utils/', () => {
  const thrown = domain.flatMap(throwsOf);

  it('reads the throws it checks', () => {
    expect(domain.length).toBeGreaterThan(100);
    expect(thrown.length).toBeGreaterThan(50);
  });

  it('carry no Vietnamese sentence (a reason code and parameters instead)', () => {
    expect(thrown.filter((t) => vietnameseLetter.test(t.args)).map((t) => `${t.where}: ${t.args.trim()}`)).toEqual([]);
  });

  it('finds a Vietnamese sentence when one is thrown', () => {
    const sample = ['throw new Error(', "  'Không tìm thấy người này.',", ');'].join('\n');
    const args = [...sample.matchAll(/throw\s+new\s+\w+\s*\(([\s\S]*?)\)\s*;/g)].map((m) => m[1]!);
    expect(args.some((a) => vietnameseLetter.test(a))).toBe(true);
  });
});

/**
 * Each `reason:` / `message:` / `error:` / `detail:` a domain function returns, with its value up to the line's
 * end (a value on the next line when the key ends its own). A string with a Vietnamese letter there is a sentence
 * the English UI would show as it is: return a Reason (a catalogue key and parameters) instead.
 */
function returnedOf(file: string): Array<{ where: string; value: string }> {
  const text = readFileSync(file, 'utf8');
  const inComment = (at: number) => /^\s*(\*|\/\/)/.test(text.slice(text.lastIndexOf('\n', at) + 1, at));
  return [...text.matchAll(/\b(?:reason|message|error|detail)\s*:\s*(['`"][^\n]*|\n\s*['`"][^\n]*)/g)]
    .filter((m) => !inComment(m.index))
    .map((m) => ({
      where: `${relative(root, file)}:${text.slice(0, m.index).split('\n').length}`,
      value: m[1]!.trim(),
    }));
}

describe('reasons returned from utils/', () => {
  const returned = domain.flatMap(returnedOf);
  const vietnamese = returned.filter((r) => vietnameseLetter.test(r.value));

  it('reads the reasons it checks', () => {
    expect(returned.length).toBeGreaterThan(50);
  });

  it('carry no Vietnamese sentence (a reason code and parameters instead)', () => {
    expect(vietnamese.map((r) => `${r.where}: ${r.value}`)).toEqual([]);
  });

  it('finds a Vietnamese sentence when one is returned, on its line or the next', () => {
    const sample = ["return { ok: false, reason: 'Chưa nhập số.' };", 'return {', '  message:', '    "Mã QR trống.",'];
    const found = [
      ...sample.join('\n').matchAll(/\b(?:reason|message|error|detail)\s*:\s*(['`"][^\n]*|\n\s*['`"][^\n]*)/g),
    ];
    expect(found.map((m) => vietnameseLetter.test(m[1]!))).toEqual([true, true]);
  });
});
