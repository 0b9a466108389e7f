import type { Reason } from '@/utils/records/reason';
import type { ImportField } from '@/utils/records/import/columns';
import type { HeaderGuess } from '@/utils/records/import/header';
import type { ReadStage } from '@/utils/records/import/read-table';
import type { RowResult } from '@/utils/records/import/rows';

/** The import's reading, in a Web Worker: the page stays responsive while a 200,000-row sheet is read. */
export type ParseRequest =
  | { type: 'read'; fileName: string; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'draft'; headerRow: number; labels: string[]; mapping: Array<ImportField | null>; now: string };

export type ParseStage = ReadStage | 'rows';

export type ParseReply =
  | { type: 'progress'; stage: ParseStage; done: number; total: number }
  | { type: 'read'; header: HeaderGuess | null; dataRows: number }
  | { type: 'rows'; rows: RowResult[] }
  | { type: 'drafted'; notices: Reason[] }
  | { type: 'error'; reason: Reason };

/** Rows per message back: each is deserialised on the page's thread, so each must be quick to take in. */
export const rowsPerMessage = 2000;
