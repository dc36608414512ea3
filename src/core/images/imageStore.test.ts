import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { sniffImage } from './imageInfo';
import { pngBytes } from './testing';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

function write(name: string, data: Buffer | string): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('image-store: a picture checked by its own bytes, then stored in the assessment', () => {
  it('stores a PNG with its size in pixels, once, and it can be shown', async () => {
    const file = write('chart.png', pngBytes(320, 180));
    const stored = await t.api['image-store']({ file: { kind: 'path', path: file }, name: 'chart.png' });
    expect(stored).toMatchObject({ mimeType: 'image/png', width: 320, height: 180 });
    expect(await t.api['image-store']({ file: { kind: 'path', path: file } })).toEqual(stored);
    await expect(t.api['file-display-link']({ blobId: stored.blobId })).resolves.toMatchObject({ capability: expect.any(String) });
  });

  it('reads the size of GIF and JPEG headers', () => {
    const gif = Buffer.from('474946383961' + '4001' + 'f000' + '000000', 'hex');
    expect(sniffImage(gif)).toMatchObject({ kind: 'gif', width: 320, height: 240 });
    // SOI, an APP0 segment, then SOF0 with height 480 and width 640.
    const jpeg = Buffer.from('ffd8' + 'ffe0' + '0010' + '4a46494600010100000100010000' + 'ffc0' + '0011' + '08' + '01e0' + '0280' + '03' + '012200022201032201', 'hex');
    expect(sniffImage(jpeg)).toMatchObject({ kind: 'jpg', width: 640, height: 480 });
  });

  it('refuses SVG, WebP, a file that is not a picture and one that is too large, saying what to do', async () => {
    const svg = write('logo.svg', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(t.api['image-store']({ file: { kind: 'path', path: svg }, name: 'logo.svg' })).rejects.toThrow(/“logo\.svg” is an SVG drawing.*Save it as PNG/);
    const webp = write('photo.webp', Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), Buffer.alloc(40)]));
    await expect(t.api['image-store']({ file: { kind: 'path', path: webp }, name: 'photo.webp' })).rejects.toThrow(/WebP picture, which Word cannot show/);
    const pdf = write('plan.png', '%PDF-1.7 not a picture');
    await expect(t.api['image-store']({ file: { kind: 'path', path: pdf }, name: 'plan.png' })).rejects.toThrow(/not a picture the statement can take\. Only PNG, JPEG, GIF and WebP/);
    const big = write('huge.png', Buffer.concat([pngBytes(4, 4), Buffer.alloc(11 * 1024 * 1024)]));
    await expect(t.api['image-store']({ file: { kind: 'path', path: big }, name: 'huge.png' })).rejects.toThrow(/is 11\.0 MB; pictures can be up to 10 MB/);
  });
});
