import { unzipSync } from 'fflate';
import { ExtractionError, type ExtractionLimits } from './types';

interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const DAMAGED = 'The file is damaged or incomplete, so its text cannot be read.';

/**
 * Reads a zip's central directory (names and sizes, no inflating) so a zip bomb is refused before
 * a byte of it is unpacked: too many entries, too large a total, or an entry that claims to grow
 * far beyond what any real Office part does. Sizes a zip claims can lie; the inflate below and the
 * worker's memory limit catch that.
 */
export function inspectZip(data: Uint8Array, limits: ExtractionLimits): ZipEntryInfo[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory: the last 0x06054b50, within the final 64 KB + 22 bytes.
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 65_557); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ExtractionError(DAMAGED);
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > limits.maxZipEntries) throw new ExtractionError(`The file holds ${count} parts, more than a document should: it is refused to keep the computer safe.`);
  const entries: ZipEntryInfo[] = [];
  let at = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== 0x02014b50) throw new ExtractionError(DAMAGED);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = Buffer.from(data.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    total += uncompressedSize;
    const ratio = uncompressedSize / Math.max(1, compressedSize);
    if (total > limits.maxUnzippedBytes || (uncompressedSize > 10 * 1024 * 1024 && ratio > 100)) {
      throw new ExtractionError('The file unpacks to far more than its size (it looks like a “zip bomb”), so it was not opened.');
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks only the parts `wanted` picks, after the checks above, as text. */
export function unzipParts(data: Uint8Array, limits: ExtractionLimits, wanted: (name: string) => boolean): Map<string, string> {
  inspectZip(data, limits);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, { filter: (file) => wanted(file.name) && file.originalSize <= limits.maxUnzippedBytes });
  } catch {
    throw new ExtractionError(DAMAGED);
  }
  const decoder = new TextDecoder('utf-8');
  return new Map(Object.entries(files).map(([name, bytes]) => [name, decoder.decode(bytes)]));
}
