import { toUnicode } from '@/utils/vn/legacy-encodings';
import { matchKey } from '@/utils/vn/text';
import { fieldForHeader, fieldForTwoRowHeader, type ImportField } from '@/utils/records/import/columns';
import type { Cell, Table } from '@/utils/records/import/read-table';

export interface HeaderGuess {
  /** Index of the (last) header row; data starts after it. */
  headerRow: number;
  /** 2 when a merged upper row groups the columns below it. */
  headerRows: 1 | 2;
  /** The label shown for each column ("Ngày sinh / Ngày" for two-row headers). */
  labels: string[];
  /** The guessed field per column; the officer can correct it. */
  mapping: Array<ImportField | null>;
}

/** Government spreadsheets open with a title, a ward name, a date…: look this far for the header. */
const headerScanRows = 30;

/** Header text, converted when the sheet was typed in a TCVN3/VNI font. */
const text = (cell: Cell | undefined) =>
  cell === null || cell === undefined ? '' : toUnicode(String(cell).trim()).text;

function recognised(row: Cell[]): number {
  return row.filter((cell) => {
    const field = fieldForHeader(text(cell));
    return field !== null && field !== 'ignore';
  }).length;
}

/** Finds the header row (the one naming most known columns) and whether a merged row sits above it. */
export function guessHeader(table: Table): HeaderGuess | null {
  let best = -1;
  let bestScore = 1; // at least two recognised columns
  const limit = Math.min(headerScanRows, table.rows.length);
  for (let r = 0; r < limit; r++) {
    const score = recognised(table.rows[r]!);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) return null;

  const top = table.rows[best]!;
  const below = table.rows[best + 1];
  // Two-row header: the row below holds sub-labels (Ngày/Tháng/Năm, Thường trú/Tạm trú) under merged cells.
  const subLabels = below
    ? below.filter((c) => typeof c === 'string' && /^(ngay|thang|nam|thuong tru|tam tru|hien tai)$/.test(matchKey(c)))
        .length
    : 0;
  const twoRows = below !== undefined && subLabels >= 2 && (table.mergedRows.has(best) || hasRepeats(top));
  const width = Math.max(...table.rows.slice(best, best + 3).map((r) => r.length));
  const labels: string[] = [];
  const mapping: Array<ImportField | null> = [];
  for (let c = 0; c < width; c++) {
    const upper = text(top[c]);
    const lower = twoRows ? text(below![c]) : '';
    labels.push(lower && lower !== upper ? `${upper} / ${lower}` : upper);
    mapping.push(twoRows ? fieldForTwoRowHeader(upper, lower) : fieldForHeader(upper));
  }
  return { headerRow: twoRows ? best + 1 : best, headerRows: twoRows ? 2 : 1, labels, mapping: dedupe(mapping) };
}

function hasRepeats(row: Cell[]): boolean {
  const seen = new Set<string>();
  for (const cell of row) {
    const t = text(cell);
    if (!t) continue;
    if (seen.has(t)) return true;
    seen.add(t);
  }
  return false;
}

/** One column per field: a second column guessed as the same field is left for the officer to decide. */
function dedupe(mapping: Array<ImportField | null>): Array<ImportField | null> {
  const seen = new Set<ImportField>();
  return mapping.map((field) => {
    if (!field || field === 'ignore') return field;
    if (seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}
