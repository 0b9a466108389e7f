import Papa from 'papaparse';

/** A spreadsheet cell as the import sees it. */
export type Cell = string | number | Date | boolean | null;

export interface Table {
  rows: Cell[][];
  /** How the bytes were read: 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252' (a legacy 8-bit file), 'xlsx'. */
  encoding: string;
  sheetName?: string;
  /** Per row index, the columns whose value came from a merged cell's master. */
  mergedRows: Set<number>;
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** Beyond this the browser tab would strain; the officer should split the file. */
export const maxImportBytes = 50 * 1024 * 1024;

export async function readTable(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<Table> {
  if (bytes.byteLength === 0) throw new ImportFileError(`Tệp "${fileName}" rỗng.`);
  if (bytes.byteLength > maxImportBytes) {
    throw new ImportFileError(`Tệp "${fileName}" lớn hơn 50 MB. Hãy tách thành nhiều tệp nhỏ hơn rồi nhập từng tệp.`);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) throw new ImportFileError(`Tệp "${fileName}" có đuôi .xlsx nhưng không phải tệp Excel hợp lệ (có thể đã hỏng).`);
    return readXlsx(fileName, bytes);
  }
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new ImportFileError(`Tệp "${fileName}" là định dạng Excel cũ (.xls). Hãy mở bằng Excel và "Lưu thành" .xlsx hoặc .csv rồi nhập lại.`);
  }
  return readCsv(fileName, bytes);
}

/** Decodes text bytes: BOMs first, then strict UTF-8, then UTF-16 without BOM, else an 8-bit legacy file. */
export function decodeText(bytes: Uint8Array<ArrayBuffer>): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => {
    if (b === 0) (i % 2 === 0 ? (evenZeros += 1) : (oddZeros += 1));
  });
  if (oddZeros > sample.length / 4) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (evenZeros > sample.length / 4) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: an 8-bit file (TCVN3 / VNI / Windows-1252). Cells are converted per column later.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function readCsv(fileName: string, bytes: Uint8Array<ArrayBuffer>): Table {
  const { text, encoding } = decodeText(bytes);
  if (/\u0000/.test(text.slice(0, 2000))) throw new ImportFileError(`Tệp "${fileName}" không phải tệp văn bản hay bảng tính mà motcua đọc được.`);
  const parsed = Papa.parse<string[]>(text, { delimiter: '', skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  if (rows.length === 0) throw new ImportFileError(`Không đọc được dòng nào trong tệp "${fileName}".`);
  return { rows, encoding, mergedRows: new Set() };
}

async function readXlsx(fileName: string, bytes: Uint8Array<ArrayBuffer>): Promise<Table> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer);
  } catch {
    throw new ImportFileError(`Không mở được tệp Excel "${fileName}": tệp bị hỏng hoặc có mật khẩu.`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new ImportFileError(`Tệp Excel "${fileName}" không có trang tính nào có dữ liệu.`);
  const rows: Cell[][] = [];
  const mergedRows = new Set<number>();
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged cell's value lives in its master: spread it so two-row headers read naturally.
      const source = cell.isMerged ? cell.master : cell;
      if (cell.isMerged && cell.master !== cell) mergedRows.add(r - 1);
      cells.push(cellValue(source.value));
    }
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { rows, encoding: 'xlsx', sheetName: sheet.name, mergedRows };
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value === '' ? null : value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return null;
  }
  return String(value);
}
