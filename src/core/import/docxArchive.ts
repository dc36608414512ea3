import zlib from 'node:zlib';
import { AppError } from '../../shared/errors';

/**
 * Looks inside a .docx (a zip) before anything unpacks it for real: mammoth (through JSZip) would
 * inflate every part into memory, so a zip bomb or a huge file must be refused first, and a file
 * that is not a zip at all, or is cut short, must get a message a person can act on.
 *
 * Reads the zip's central directory itself (a few dozen lines, no dependency) and then inflates
 * each entry with a hard output cap, so a file that lies about its sizes is caught too.
 */

export interface DocxLimits {
  /** Largest .docx file accepted, in bytes. */
  maxFileBytes: number;
  /** Most entries (files) inside the zip. */
  maxEntries: number;
  /** Largest total unpacked size, in bytes. */
  maxUnpackedBytes: number;
  /**
   * Largest single XML part (the document text is one), in bytes: XML is parsed whole into
   * memory, many times its size, so this is well below the total (pictures are not parsed).
   */
  maxXmlPartBytes: number;
}

/** A real 50-page statement with pictures is a few MB; these leave room without letting a bomb through. */
export const DOCX_LIMITS: DocxLimits = {
  maxFileBytes: 60 * 1024 * 1024,
  maxEntries: 5_000,
  maxUnpackedBytes: 250 * 1024 * 1024,
  maxXmlPartBytes: 32 * 1024 * 1024,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export const DAMAGED_DOCX = (name: string) =>
  `“${name}” could not be read as a Word document: it looks damaged or incomplete. Open it in Word, save it again as a .docx, and import that copy.`;
export const NOT_DOCX = (name: string) =>
  `“${name}” is not a Word document (.docx). Save it from Word as a .docx and import that.`;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (data.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function readEntries(data: Buffer, name: string, limits: DocxLimits): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) throw new AppError('invalid-input', data.subarray(0, 2).toString('latin1') === 'PK' ? DAMAGED_DOCX(name) : NOT_DOCX(name));
  const count = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) throw tooBig(name);
  if (offset + size > eocd) throw new AppError('invalid-input', DAMAGED_DOCX(name));
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new AppError('invalid-input', DAMAGED_DOCX(name));
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      declaredSize: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
      name: data.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function tooBig(name: string): AppError {
  return new AppError(
    'invalid-input',
    `“${name}” is too large to import: its text or pictures unpack to far more than a position statement needs. If it has many large pictures, save a copy with compressed pictures (in Word: File › Compress Pictures) and import that.`,
  );
}

/** Inflates one entry with a cap: the real unpacked size, whatever the directory claims. */
function inflatedSize(data: Buffer, entry: ZipEntry, cap: number, name: string): number {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new AppError('invalid-input', DAMAGED_DOCX(name));
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new AppError('invalid-input', DAMAGED_DOCX(name));
  const body = data.subarray(start, end);
  if (entry.method === 0) return body.length;
  if (entry.method !== 8) throw new AppError('invalid-input', DAMAGED_DOCX(name));
  try {
    return zlib.inflateRawSync(body, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(name);
    throw new AppError('invalid-input', DAMAGED_DOCX(name), { cause: error });
  }
}

/**
 * Throws an AppError with a plain message unless `data` is a sound .docx within the limits.
 * `name` is the file's name as the user knows it.
 */
export function checkDocxArchive(data: Buffer, name: string, limits: DocxLimits = DOCX_LIMITS): void {
  if (data.length === 0) throw new AppError('invalid-input', `“${name}” is empty.`);
  if (data.length > limits.maxFileBytes) {
    throw new AppError(
      'invalid-input',
      `“${name}” is too large to import (${Math.round(data.length / 1024 / 1024)} MB; the most is ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB). Save a copy with compressed pictures and import that.`,
    );
  }
  const entries = readEntries(data, name, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) throw new AppError('invalid-input', NOT_DOCX(name));
  let declared = 0;
  for (const entry of entries) declared += entry.declaredSize;
  if (declared > limits.maxUnpackedBytes) throw tooBig(name);
  let unpacked = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const isXml = /\.(xml|rels)$/i.test(entry.name);
    if (isXml && entry.declaredSize > limits.maxXmlPartBytes) throw tooBig(name);
    const cap = Math.min(limits.maxUnpackedBytes - unpacked, isXml ? limits.maxXmlPartBytes : Infinity) + 1;
    const size = inflatedSize(data, entry, cap, name);
    if (isXml && size > limits.maxXmlPartBytes) throw tooBig(name);
    unpacked += size;
    if (unpacked > limits.maxUnpackedBytes) throw tooBig(name);
  }
}
