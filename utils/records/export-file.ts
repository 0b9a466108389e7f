import { peopleCsv, peopleJson, peopleXlsx } from '@/utils/records/export';
import type { Person } from '@/utils/records/schema';

/** A file ready for the browser's download: its bytes, its name and its type. */
export interface ExportFile {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  type: string;
}

export const exportTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

export type ExportFormat = keyof typeof exportTypes;

/** The minute of an export in a file name: 202611300905. */
export function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

/** `base.format`, typed for the format. */
export function exportFile(base: string, format: ExportFormat, bytes: Uint8Array<ArrayBuffer>): ExportFile {
  return { bytes, fileName: `${base}.${format}`, type: exportTypes[format] };
}

/** The people as a file of the format asked, named after the minute ("cong-dan-202611300905.csv"). */
export async function peopleFile(people: Person[], format: ExportFormat, now = new Date()): Promise<ExportFile> {
  const bytes =
    format === 'csv' ? peopleCsv(people) : format === 'json' ? peopleJson(people) : await peopleXlsx(people);
  return exportFile(`cong-dan-${stamp(now)}`, format, bytes);
}
