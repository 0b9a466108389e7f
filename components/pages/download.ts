import type { ExportFile } from '@/utils/records/export-file';

/** Saves bytes as a file through the browser's download (nothing leaves the machine). */
export function download(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveFile(file: ExportFile) {
  download(file.bytes, file.fileName, file.type);
}
