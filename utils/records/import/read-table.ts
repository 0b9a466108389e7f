import Papa from 'papaparse';
import { chooseEncoding, decodeAs, emptyTally, tallyText, type LegacyEncoding } from '@/utils/vn/legacy-encodings';
import type { Cell } from '@/utils/records/cell';
import { reason, type Reason } from '@/utils/records/reason';
import { maxUnpackedBytes, readXlsxSheet, XlsxError } from '@/utils/records/import/xlsx';

export type { Cell } from '@/utils/records/cell';

export interface Table {
  rows: Cell[][];
  /** How the bytes were read: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252' (a legacy 8-bit file), 'xlsx'. */
  encoding: string;
  /** An 8-bit file decided, as a whole, to be in this legacy font encoding (and converted). */
  legacy?: LegacyEncoding;
  sheetName?: string;
  /** Per row index, the columns whose value came from a merged cell's master. */
  mergedRows: Set<number>;
}

export class ImportFileError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.key);
    this.name = 'ImportFileError';
  }
}

/** Beyond this the browser tab would strain; the officer should split the file. */
export const maxImportBytes = 50 * 1024 * 1024;

export type ReadStage = 'unpack' | 'sheet' | 'parse';
export type ReadProgress = (stage: ReadStage, done: number, total: number) => void;

export async function readTable(
  fileName: string,
  bytes: Uint8Array<ArrayBuffer>,
  onProgress?: ReadProgress,
): Promise<Table> {
  const name = { name: fileName };
  if (bytes.byteLength === 0) throw new ImportFileError(reason('import.file.empty', name));
  if (bytes.byteLength > maxImportBytes) throw new ImportFileError(reason('import.file.tooBig', name));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) throw new ImportFileError(reason('import.file.notXlsx', name));
    return readXlsx(fileName, bytes, onProgress);
  }
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw new ImportFileError(reason('import.file.xls', name));
  return readCsv(fileName, bytes, onProgress);
}

/** Decodes text bytes: BOMs first, then strict UTF-8, then UTF-16 without BOM, else an 8-bit legacy file. */
export function decodeText(bytes: Uint8Array<ArrayBuffer>): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  });
  if (oddZeros > sample.length / 4) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (evenZeros > sample.length / 4) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: an 8-bit file (TCVN3 / VNI / Windows-1252), one font for the whole file.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** An 8-bit file is in one encoding throughout: decided over all its text, then every cell converted. */
function convertLegacyFile(rows: Cell[][]): LegacyEncoding | undefined {
  const tally = emptyTally();
  for (const row of rows) for (const cell of row) if (typeof cell === 'string') tallyText(cell, tally);
  const chosen = chooseEncoding(tally);
  if (chosen !== 'tcvn3' && chosen !== 'vni') return undefined;
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (typeof cell === 'string') row[i] = decodeAs(cell, chosen);
    }
  }
  return chosen;
}

function readCsv(fileName: string, bytes: Uint8Array<ArrayBuffer>, onProgress?: ReadProgress): Table {
  const { text, encoding } = decodeText(bytes);
  if (text.slice(0, 2000).includes('\u0000'))
    throw new ImportFileError(reason('import.file.notText', { name: fileName }));
  onProgress?.('parse', 0, text.length);
  const parsed = Papa.parse<string[]>(text, {
    delimiter: '',
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const rows: Cell[][] = parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  onProgress?.('parse', text.length, text.length);
  if (rows.length === 0) throw new ImportFileError(reason('import.file.noRows', { name: fileName }));
  const legacy = encoding === 'windows-1252' ? convertLegacyFile(rows) : undefined;
  return { rows, encoding, ...(legacy ? { legacy } : {}), mergedRows: new Set() };
}

async function readXlsx(fileName: string, bytes: Uint8Array<ArrayBuffer>, onProgress?: ReadProgress): Promise<Table> {
  try {
    const sheet = await readXlsxSheet(bytes, onProgress);
    return { rows: sheet.rows, encoding: 'xlsx', sheetName: sheet.sheetName, mergedRows: sheet.mergedRows };
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    if (error.code === 'too-big') {
      const mb = (n: number) => Math.round(n / (1024 * 1024));
      throw new ImportFileError(
        reason('import.file.unpacksTooBig', {
          name: fileName,
          size: mb(error.detail.unpacked ?? 0),
          limit: mb(maxUnpackedBytes),
        }),
      );
    }
    throw new ImportFileError(
      reason(error.code === 'no-sheet' ? 'import.file.noSheet' : 'import.file.corrupt', { name: fileName }),
    );
  }
}
