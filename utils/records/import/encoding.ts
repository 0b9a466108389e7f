import { chooseEncoding, emptyTally, tallyText, type TextEncoding } from '@/utils/vn/legacy-encodings';
import type { Table } from '@/utils/records/import/read-table';

/** Cells sampled per column: a column keeps to one font, and 2,000 names decide it as well as 200,000. */
const sampleRows = 2000;

/**
 * The encoding of each column's text, decided over the column (a spreadsheet typed partly in .VnTime fonts
 * has whole columns in TCVN3 or VNI, rarely single cells). An 8-bit file was decided and converted as a whole
 * when read (read-table), so its columns are Unicode by now.
 */
export function columnEncodings(table: Table, firstDataRow: number, width: number): TextEncoding[] {
  const tallies = Array.from({ length: width }, emptyTally);
  const count = table.rows.length - firstDataRow;
  const step = Math.max(1, Math.floor(count / sampleRows));
  for (let r = firstDataRow; r < table.rows.length; r += step) {
    const row = table.rows[r]!;
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (typeof cell === 'string') tallyText(cell, tallies[c]);
    }
  }
  return tallies.map(chooseEncoding);
}
