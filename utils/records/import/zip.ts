/**
 * The few parts of the ZIP format an .xlsx needs: the central directory (names, packed and unpacked sizes) and
 * one entry inflated at a time, counting the bytes as they come. The sizes are checked before anything is
 * inflated, and the count holds the entry to its declared size, so a zip bomb (a few MB that inflate to
 * gigabytes, or an entry lying about its size) is refused instead of filling the tab's memory.
 */

export interface ZipEntry {
  name: string;
  method: number;
  packedSize: number;
  unpackedSize: number;
  localOffset: number;
}

export class ZipError extends Error {
  constructor(
    readonly code: 'corrupt' | 'zip64' | 'method' | 'too-big' | 'lied',
    readonly entry = '',
  ) {
    super(`zip: ${code}${entry ? ` (${entry})` : ''}`);
    this.name = 'ZipError';
  }
}

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;

export function readCentralDirectory(bytes: Uint8Array<ArrayBuffer>): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === eocdSignature) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('zip64');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== centralSignature) throw new ZipError('corrupt');
    const nameLength = view.getUint16(offset + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(offset + 10, true),
      packedSize: view.getUint32(offset + 20, true),
      unpackedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      name: names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.packedSize === 0xffffffff || entry.unpackedSize === 0xffffffff) throw new ZipError('zip64', entry.name);
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function packedData(bytes: Uint8Array<ArrayBuffer>, entry: ZipEntry): Uint8Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localSignature) throw new ZipError('corrupt', entry.name);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packedSize > bytes.length) throw new ZipError('corrupt', entry.name);
  return bytes.subarray(start, start + entry.packedSize);
}

/**
 * One entry's bytes, inflated. Stops with 'lied' as soon as the entry gives more than it declared: the
 * declared sizes are what the caller checked.
 */
export async function inflateEntry(
  bytes: Uint8Array<ArrayBuffer>,
  entry: ZipEntry,
  onBytes?: (done: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const packed = packedData(bytes, entry);
  if (entry.method === 0) {
    if (packed.length !== entry.unpackedSize) throw new ZipError('lied', entry.name);
    return packed;
  }
  if (entry.method !== 8) throw new ZipError('method', entry.name);
  const out = new Uint8Array(entry.unpackedSize);
  let done = 0;
  const reader = new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      if (done + value.length > out.length) throw new ZipError('lied', entry.name);
      out.set(value, done);
      done += value.length;
      onBytes?.(done);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error instanceof ZipError ? error : new ZipError('corrupt', entry.name);
  }
  if (done !== out.length) throw new ZipError('lied', entry.name);
  return out;
}
