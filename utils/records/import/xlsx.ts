import type { Cell } from '@/utils/records/cell';
import { inflateEntry, readCentralDirectory, ZipError, type ZipEntry } from '@/utils/records/import/zip';

/**
 * Reads the first sheet with data of an .xlsx: values (shared and inline strings, numbers, booleans, dates by
 * their number format, formula results), and merged cells spread from their first cell. Written for the
 * import alone, so it runs in a Web Worker (no DOM), reports its progress, and refuses a workbook whose parts
 * unpack to more than `maxUnpackedBytes` before inflating any of them.
 */

/** What the parts the import reads may unpack to: a 200,000-row list is about 150 MB; a zip bomb is gigabytes. */
export const maxUnpackedBytes = 400 * 1024 * 1024;

export interface SheetRead {
  rows: Cell[][];
  sheetName: string;
  /** Rows holding a merged cell's copy (not its first cell): what tells a merged two-row header. */
  mergedRows: Set<number>;
}

export type XlsxProgress = (stage: 'unpack' | 'sheet', done: number, total: number) => void;

export class XlsxError extends Error {
  constructor(
    readonly code: 'corrupt' | 'too-big' | 'no-sheet',
    readonly detail: { unpacked?: number } = {},
  ) {
    super(`xlsx: ${code}`);
    this.name = 'XlsxError';
  }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text: entities, then Excel's own _xHHHH_ escapes (control characters). */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
      if (name[0] === '#')
        return String.fromCodePoint(
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
        );
      return entities[name.toLowerCase()] ?? whole;
    })
    .replace(/_x([0-9a-f]{4})_/gi, (_w, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const attrPatterns = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
    attrPatterns.set(name, re);
  }
  return re.exec(attrs)?.[1];
}

/** The text runs of a string item, without phonetic guides. */
function runsText(xml: string): string {
  let out = '';
  for (const m of xml
    .replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')
    .matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += m[1] ?? '';
  return xmlText(out);
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runsText(m[1] ?? ''));
}

const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** Per cell style index, whether its number format shows a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g))
    custom.set(Number(attr(m[1]!, 'numFmtId')), xmlText(attr(m[1]!, 'formatCode') ?? ''));
  const cellXfs = xml.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*)/g)].map((m) => {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    if (builtInDateFormats.has(id)) return true;
    const code = custom.get(id);
    if (!code) return false;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[dmy]/i.test(bare) && !/^general$/i.test(bare);
  });
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  // Excel's day 60 is the 29/02/1900 that never was: serials after it are one day ahead.
  return new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000);
}

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

function cellValue(attrs: string, inner: string, ctx: SheetContext): Cell {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return runsText(inner) || null;
  const raw = inner.match(/<v>([\s\S]*?)<\/v>/)?.[1];
  if (raw === undefined) return null;
  const v = xmlText(raw);
  if (type === 's') return ctx.strings[Number(v)] || null;
  if (type === 'str') return v || null;
  if (type === 'b') return v === '1';
  if (type === 'e') return null;
  if (type === 'd') {
    const date = new Date(v);
    return Number.isNaN(date.getTime()) ? v : date;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) return v || null;
  return ctx.dates[Number(attr(attrs, 's') ?? 0)] ? serialToDate(n, ctx.date1904) : n;
}

/** Scans a sheet's XML; `onProgress` gets the characters scanned. */
function readSheet(
  xml: string,
  ctx: SheetContext,
  onProgress?: (done: number) => void,
): { rows: Cell[][]; mergedRows: Set<number> } {
  const rows: Cell[][] = [];
  const start = xml.indexOf('<sheetData');
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  rowRe.lastIndex = Math.max(0, start);
  let next = 0;
  let report = 0;
  for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
    const r = Number(attr(m[1]!, 'r') ?? next + 1) - 1;
    next = r + 1;
    const cells: Cell[] = [];
    let column = 0;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      if (ref) column = columnIndex(ref);
      const value = cellValue(c[1]!, c[2] ?? '', ctx);
      while (cells.length < column) cells.push(null);
      cells[column] = value;
      column += 1;
    }
    while (rows.length < r) rows.push([]);
    rows[r] = cells;
    if (rowRe.lastIndex - report > 1_000_000) {
      report = rowRe.lastIndex;
      onProgress?.(report);
    }
  }
  const mergedRows = spreadMerges(xml, rows);
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { rows, mergedRows };
}

/** A merged area's value lives in its first cell: copy it over the area, so two-row headers read naturally. */
function spreadMerges(xml: string, rows: Cell[][]): Set<number> {
  const merged = new Set<number>();
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [c1, r1, c2, r2] = [columnIndex(m[1]!), Number(m[2]) - 1, columnIndex(m[3]!), Number(m[4]) - 1];
    const value = rows[r1]?.[c1] ?? null;
    for (let r = r1; r <= r2; r++) {
      while (rows.length <= r) rows.push([]);
      const row = rows[r]!;
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        while (row.length <= c) row.push(null);
        row[c] = value;
        merged.add(r);
      }
    }
  }
  for (const row of rows) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return merged;
}

/** Sheets in the workbook's order, with their part names. */
function sheetParts(workbook: string, rels: string): Array<{ name: string; part: string }> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const target = attr(m[1]!, 'Target') ?? '';
    targets.set(attr(m[1]!, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: xmlText(attr(m[1]!, 'name') ?? ''),
    part: targets.get(attr(m[1]!, 'r:id') ?? '') ?? '',
  }));
}

export async function readXlsxSheet(bytes: Uint8Array<ArrayBuffer>, onProgress?: XlsxProgress): Promise<SheetRead> {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch {
    throw new XlsxError('corrupt');
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookEntry = byName.get('xl/workbook.xml');
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbookEntry || !relsEntry) throw new XlsxError('corrupt');
  const sheetEntries = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  const needed = [
    workbookEntry,
    relsEntry,
    byName.get('xl/sharedStrings.xml'),
    byName.get('xl/styles.xml'),
    ...sheetEntries,
  ].filter((e): e is ZipEntry => e !== undefined);
  const unpacked = needed.reduce((n, e) => n + e.unpackedSize, 0);
  if (unpacked > maxUnpackedBytes) throw new XlsxError('too-big', { unpacked });

  let inflated = 0;
  const text = async (entry: ZipEntry | undefined) => {
    if (!entry) return '';
    const before = inflated;
    const data = await inflateEntry(bytes, entry, (done) => onProgress?.('unpack', before + done, unpacked)).catch(
      (e: unknown) => {
        throw e instanceof ZipError ? new XlsxError('corrupt') : e;
      },
    );
    inflated += entry.unpackedSize;
    return new TextDecoder().decode(data);
  };
  const workbook = await text(workbookEntry);
  const ctx: SheetContext = {
    date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook),
    strings: sharedStrings(await text(byName.get('xl/sharedStrings.xml'))),
    dates: dateStyles(await text(byName.get('xl/styles.xml'))),
  };
  for (const sheet of sheetParts(workbook, await text(relsEntry))) {
    const xml = await text(byName.get(sheet.part));
    const read = readSheet(xml, ctx, (done) => onProgress?.('sheet', done, xml.length));
    if (read.rows.some((row) => row.some((c) => c !== null))) return { ...read, sheetName: sheet.name };
  }
  throw new XlsxError('no-sheet');
}
