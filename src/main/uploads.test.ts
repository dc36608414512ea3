import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploadFolder, MAX_PATHLESS_UPLOAD_BYTES, UploadBytesSchema } from './uploads';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('path-less files in the desktop app (a pasted picture)', () => {
  it('writes the bytes to a file of their own and answers its path; clear removes them', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-uploads-')), 'uploads');
    dirs.push(path.dirname(dir));
    const folder = createUploadFolder(dir);
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const first = await folder.store(bytes);
    const second = await folder.store(bytes);
    expect(first).not.toBe(second);
    expect(path.dirname(first)).toBe(dir);
    expect(new Uint8Array(fs.readFileSync(first))).toEqual(bytes);
    await folder.clear();
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('accepts bytes only, and refuses a file too big to hold in the page with a plain message', () => {
    expect(UploadBytesSchema.safeParse(new Uint8Array(3)).success).toBe(true);
    expect(UploadBytesSchema.safeParse('not bytes').success).toBe(false);
    expect(UploadBytesSchema.safeParse([1, 2, 3]).success).toBe(false);
    const tooBig = UploadBytesSchema.safeParse(new Uint8Array(MAX_PATHLESS_UPLOAD_BYTES + 1));
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]?.message).toMatch(/over 100 MB\. Save it to a folder first/);
  });
});
