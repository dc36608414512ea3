import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../index';
import { checkedHandlers, type CoreApi } from '../testing/openTestCore';
import { CREATE_DEFAULTS, doc, makeTempDir } from '../testing/testFiles';
import { FakeClock } from './fakeClock';

const MINUTE = 60_000;

let temp: ReturnType<typeof makeTempDir>;
let clock: FakeClock;
let core: Core;
let api: CoreApi;
let filePath: string;
let sectionId: string;

const backupsFolder = () => path.join(temp.dir, 'config', 'backups');
/** Every file under the backups folder, by name. */
function backupFiles(): string[] {
  if (!fs.existsSync(backupsFolder())) return [];
  return fs.readdirSync(backupsFolder(), { recursive: true, encoding: 'utf8' }).map((f) => path.basename(f));
}
const copies = () => backupFiles().filter((f) => f.endsWith('.pcstudio'));
const leftovers = () => backupFiles().filter((f) => f.includes('.tmp-'));

async function write(text: string) {
  await api['section-save-content']({ id: sectionId, content: doc(text) });
}

/** Backups run in small steps on the event loop: wait for them to land. */
async function expectCopies(n: number) {
  await vi.waitFor(() => expect(copies()).toHaveLength(n), { timeout: 5000, interval: 10 });
}

beforeEach(async () => {
  temp = makeTempDir();
  clock = new FakeClock();
  core = createCore({ configDir: path.join(temp.dir, 'config'), clock });
  api = checkedHandlers(core.handlers);
  filePath = (await api['assessment-create']({ ...CREATE_DEFAULTS, path: path.join(temp.dir, 'Sefton'), councilName: 'Sefton Council' })).path;
  sectionId = (await api['sections-list']({})).find((s) => s.kind === 'theme')!.id;
});

afterEach(() => {
  core.close();
  temp.cleanup();
});

describe('automatic backups while editing', () => {
  it('makes none until 10 minutes after the first edit, then one with the word count', async () => {
    await write('Our leadership is visible across the borough.');
    clock.advance(9 * MINUTE);
    await new Promise((r) => setTimeout(r, 50));
    expect(copies()).toHaveLength(0);
    clock.advance(1 * MINUTE);
    await expectCopies(1);
    const [backup] = await api['backups-list']({});
    expect(backup).toMatchObject({ wordCount: 7, councilName: 'Sefton Council', fileName: 'Sefton.pcstudio' });
  });

  it('takes a burst of edits as one backup, and waits an interval before the next', async () => {
    await write('One');
    clock.advance(1 * MINUTE);
    await write('One two');
    clock.advance(4 * MINUTE);
    await write('One two three');
    clock.advance(5 * MINUTE); // 10 minutes after the first edit
    await expectCopies(1);
    clock.advance(1 * MINUTE);
    await write('One two three four');
    clock.advance(5 * MINUTE);
    await new Promise((r) => setTimeout(r, 50));
    expect(copies()).toHaveLength(1);
    clock.advance(5 * MINUTE); // 10 minutes after that edit
    await expectCopies(2);
    expect((await api['backups-list']({})).map((b) => b.wordCount)).toEqual([4, 3]);
  });

  it('makes no backup when nothing changed: moving between sections is not an edit', async () => {
    await api['ui-state-set']({ lastSectionId: sectionId });
    clock.advance(30 * MINUTE);
    await api['assessment-close']({});
    expect(copies()).toHaveLength(0);
    expect(clock.pending).toBe(0);
  });

  it('makes a last backup on close when there were edits since the last one, and none when there were not', async () => {
    await write('Written just before closing.');
    await api['assessment-close']({});
    expect(copies()).toHaveLength(1);
    // Opening again: the file has not changed since that backup, so no first copy either.
    await api['assessment-open']({ path: filePath });
    await api['assessment-close']({});
    expect(copies()).toHaveLength(1);
  });

  it('makes a first copy on open when the file changed since its newest backup', async () => {
    await write('First words.');
    await api['assessment-close']({});
    expect(copies()).toHaveLength(1);
    // Changed elsewhere (say, on another computer) and closed without a backup.
    await api['assessment-open']({ path: filePath });
    await write('Changed elsewhere.');
    core.close();
    expect(copies()).toHaveLength(1);
    await api['assessment-open']({ path: filePath });
    await expectCopies(2);
    expect((await api['backups-list']({}))[0]!.wordCount).toBe(2);
  });

  it('a core without backups (the command line, whose settings folder is thrown away) makes none, not even a first copy', async () => {
    await write('First words.');
    core.close();
    const cli = createCore({ configDir: path.join(temp.dir, 'cli-config'), clock, backups: false });
    const cliApi = checkedHandlers(cli.handlers);
    await cliApi['assessment-open']({ path: filePath });
    await cliApi['section-save-content']({ id: sectionId, content: doc('Edited from a script.') });
    clock.advance(30 * MINUTE);
    await cliApi['assessment-close']({});
    cli.close();
    expect(fs.existsSync(path.join(temp.dir, 'cli-config', 'backups'))).toBe(false);
    expect(clock.pending).toBe(0);
  });

  it('goes on saving while a backup is being made', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i}: ${'evidence of improvement '.repeat(40)}`);
    await api['section-save-content']({ id: sectionId, content: doc(...long) });
    const finished: string[] = [];
    const backup = api['backup-now']({}).then(() => finished.push('backup'));
    await write('Saved while the copy was being made.');
    finished.push('save');
    await backup;
    // The save did not wait for the copy to be made.
    expect(finished).toEqual(['save', 'backup']);
    expect(leftovers()).toEqual([]);
    expect((await api['section-get']({ id: sectionId })).wordCount).toBe(7);
  });

  it('finishes a backup under way when the assessment is closed from the app', async () => {
    await write('Some words to keep.');
    const backup = api['backup-now']({});
    await api['assessment-close']({});
    await expect(backup).resolves.toMatchObject({ wordCount: 4 });
    expect(copies()).toHaveLength(1);
    expect(leftovers()).toEqual([]);
  });

  it('abandons a backup under way when the app quits at once, leaving no half-written copy', async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i}: ${'evidence of improvement '.repeat(40)}`);
    await api['section-save-content']({ id: sectionId, content: doc(...long) });
    const backup = api['backup-now']({});
    core.close();
    await expect(backup).rejects.toThrow();
    expect(copies()).toEqual([]);
    expect(leftovers()).toEqual([]);
  });
});
