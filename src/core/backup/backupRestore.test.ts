import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorStateText } from '../../document/plainText';
import { createCore, type Core } from '../index';
import { checkedHandlers, type CoreApi } from '../testing/openTestCore';
import { CREATE_DEFAULTS, doc, makeTempDir } from '../testing/testFiles';
import { restoredPath } from './restoreBackup';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let api: CoreApi;
let filePath: string;

async function themeId() {
  return (await api['sections-list']({})).find((s) => s.kind === 'theme')!.id;
}
async function write(text: string) {
  await api['section-save-content']({ id: await themeId(), content: doc(text) });
}
async function themeText() {
  return editorStateText((await api['section-get']({ id: await themeId() })).content);
}

beforeEach(async () => {
  temp = makeTempDir();
  core = createCore({ configDir: path.join(temp.dir, 'config') });
  api = checkedHandlers(core.handlers);
  filePath = (await api['assessment-create']({ ...CREATE_DEFAULTS, path: path.join(temp.dir, 'Sefton'), councilName: 'Sefton Council' })).path;
});

afterEach(() => {
  core.close();
  temp.cleanup();
});

describe('restoring a backup', () => {
  it('makes a new file beside the assessment, opens it with the backup’s content, and leaves the current file alone', async () => {
    await write('The first draft of our leadership story.');
    const made = await api['backup-now']({});
    expect(made.wordCount).toBe(7);
    await write('A second draft.');
    await api['assessment-close']({}); // the close backup holds the second draft
    await api['assessment-open']({ path: filePath });

    const list = await api['backups-list']({});
    expect(list.map((b) => b.wordCount)).toEqual([3, 7]);
    const restored = await api['backup-restore']({ id: made.id });

    expect(path.dirname(restored.path)).toBe(temp.dir);
    expect(restored.fileName).toMatch(/^Sefton \(restored \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}\.\d{2}\)\.pcstudio$/);
    expect(restored.councilName).toBe('Sefton Council');
    expect(await themeText()).toBe('The first draft of our leadership story.');
    // The original is still there, with the second draft in it.
    await api['assessment-open']({ path: filePath });
    expect(await themeText()).toBe('A second draft.');
  });

  it('never takes an existing name: a second restore of the same backup gets its own file', async () => {
    await write('Words.');
    const made = await api['backup-now']({});
    const first = await api['backup-restore']({ id: made.id, path: filePath });
    const second = await api['backup-restore']({ id: made.id, path: filePath });
    expect(second.path).not.toBe(first.path);
    expect(second.fileName).toMatch(/\) 2\.pcstudio$/);
  });

  it('finds the backups of a damaged file from its path, and restores the latest beside it', async () => {
    await write('Safe in the backup.');
    await api['assessment-close']({});
    // Damage the file: keep only its first half.
    const bytes = fs.readFileSync(filePath);
    fs.writeFileSync(filePath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(api['assessment-open']({ path: filePath })).rejects.toMatchObject({ code: 'damaged' });

    const list = await api['backups-list']({ path: filePath });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ wordCount: 4, fileName: 'Sefton.pcstudio' });
    const restored = await api['backup-restore']({ id: list[0]!.id, path: filePath });
    expect(path.dirname(restored.path)).toBe(temp.dir);
    expect(await themeText()).toBe('Safe in the backup.');
  });

  it('keeps an assessment’s backups when the file is renamed or moved', async () => {
    await write('Before the move.');
    await api['assessment-close']({});
    const moved = path.join(temp.dir, 'Sefton final.pcstudio');
    fs.renameSync(filePath, moved);
    await api['assessment-open']({ path: moved });
    expect((await api['backups-list']({})).map((b) => b.fileName)).toEqual(['Sefton.pcstudio']);
  });

  it('says so in plain words when the backup has gone', async () => {
    await expect(api['backup-restore']({ id: `${'a'.repeat(32)}/20261123T141000000Z` })).rejects.toMatchObject({
      code: 'not-found',
    });
    // An id that is not one of ours never reaches the file system.
    await expect(api['backup-restore']({ id: '../../../etc/passwd' })).rejects.toThrow(/could not be found/);
  });

  it('writes backups as whole files at rest, in rollback-journal mode, that pass an integrity check', async () => {
    await write('Checked.');
    const made = await api['backup-now']({});
    const folder = path.join(temp.dir, 'config', 'backups', made.id.split('/')[0]!);
    const names = fs.readdirSync(folder).sort();
    expect(names).toEqual([`${made.id.split('/')[1]}.json`, `${made.id.split('/')[1]}.pcstudio`, 'source.json']);
    const file = path.join(folder, `${made.id.split('/')[1]}.pcstudio`);
    // Bytes 18 and 19 of the header are 1 in rollback-journal mode, 2 in WAL mode.
    expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([1, 1]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('restoredPath', () => {
  it('names the copy after the file and the backup’s local time, with no character Windows refuses', () => {
    const when = new Date(2026, 10, 23, 14, 10);
    expect(path.basename(restoredPath('/x/Sefton.pcstudio', when, () => false))).toBe(
      'Sefton (restored 23 Nov 2026 14.10).pcstudio',
    );
    const taken = new Set(['/x/Sefton (restored 23 Nov 2026 14.10).pcstudio']);
    expect(path.basename(restoredPath('/x/Sefton.pcstudio', when, (p) => taken.has(p)))).toBe(
      'Sefton (restored 23 Nov 2026 14.10) 2.pcstudio',
    );
  });
});
