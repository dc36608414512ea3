/**
 * What kind of picture some bytes are, and their size in pixels, read from the file's own header
 * (never from its name or the type the browser claims). Only the kinds Word shows and the
 * statement takes are recognised: PNG, JPEG and GIF. WebP is recognised so it can be named in the
 * refusal (the editor turns WebP into PNG before storing it, as Word cannot show WebP); SVG is
 * refused outright, as an SVG file can carry scripts and links to other files.
 */

export type ImageKind = 'png' | 'jpg' | 'gif';

export interface ImageInfo {
  kind: ImageKind;
  mimeType: 'image/png' | 'image/jpeg' | 'image/gif';
  width: number;
  height: number;
}

import { IMAGE_TYPES_MESSAGE, MAX_IMAGE_BYTES } from '../../shared/contracts/images';

export { MAX_IMAGE_BYTES };

export type Sniffed = ImageInfo | { kind: 'webp' | 'svg' | 'unknown' };

function jpegSize(data: Buffer): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) {
      at++;
      continue;
    }
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Markers without a length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = data.readUInt16BE(at + 2);
    // Start of frame (any kind but DHT, JPG and DAC, which share the range).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return null;
    at += 2 + length;
  }
  return null;
}

export function sniffImage(data: Buffer): Sniffed {
  if (data.length >= 24 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { kind: 'png', mimeType: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) {
    return { kind: 'gif', mimeType: 'image/gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    const size = jpegSize(data);
    return { kind: 'jpg', mimeType: 'image/jpeg', width: size?.width ?? 0, height: size?.height ?? 0 };
  }
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') {
    return { kind: 'webp' };
  }
  const head = data.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml|svg|!DOCTYPE svg)/i.test(head) && /<svg[\s>]/i.test(head + data.subarray(1024, 8192).toString('utf8'))) return { kind: 'svg' };
  return { kind: 'unknown' };
}

/** Why these bytes cannot go into the statement, or null if they can. `name` is the user's file name. */
export function imageRefusal(sniffed: Sniffed, size: number, name: string): string | null {
  if (size > MAX_IMAGE_BYTES) {
    return `“${name}” is ${(size / 1024 / 1024).toFixed(1)} MB; pictures can be up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Make it smaller (for example, save it as JPEG or at a smaller size) and add it again.`;
  }
  switch (sniffed.kind) {
    case 'svg':
      return `“${name}” is an SVG drawing, which cannot go into the statement (SVG files can carry scripts). Save it as PNG and add that instead.`;
    case 'webp':
      return `“${name}” is a WebP picture, which Word cannot show. Save it as PNG or JPEG and add it again.`;
    case 'unknown':
      return `“${name}” is not a picture the statement can take. ${IMAGE_TYPES_MESSAGE}`;
    default:
      return sniffed.width > 0 && sniffed.height > 0 ? null : `“${name}” looks damaged: its size could not be read. Save it again and add it once more.`;
  }
}
