import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/testFiles';
import { MAX_RECENT_FILES, RECENT_FILES_NAME, RecentFiles } from './recentFiles';

let temp: ReturnType<typeof makeTempDir>;
let configDir: string;
beforeEach(() => {
  temp = makeTempDir();
  configDir = path.join(temp.dir, 'settings'); // created on first write
});
afterEach(() => temp.cleanup());

function touch(name: string): string {
  const filePath = path.join(temp.dir, name);
  fs.writeFileSync(filePath, '');
  return filePath;
}

describe('RecentFiles', () => {
  it('starts empty when there is no list', () => {
    expect(new RecentFiles(configDir).list()).toEqual([]);
  });

  it('keeps the most recent first, without duplicates, and says which files still exist', () => {
    const recent = new RecentFiles(configDir);
    const a = touch('a.pcstudio');
    const b = touch('b.pcstudio');
    recent.remember(a, 'Council A');
    recent.remember(b, 'Council B');
    recent.remember(a, 'Council A renamed');
    fs.rmSync(b);
    expect(recent.list()).toEqual([
      { path: a, fileName: 'a.pcstudio', councilName: 'Council A renamed', openedAt: expect.any(String), exists: true },
      { path: b, fileName: 'b.pcstudio', councilName: 'Council B', openedAt: expect.any(String), exists: false },
    ]);
  });

  it(`keeps at most ${MAX_RECENT_FILES}`, () => {
    const recent = new RecentFiles(configDir);
    for (let i = 0; i < MAX_RECENT_FILES + 3; i++) recent.remember(touch(`f${i}.pcstudio`), null);
    const list = recent.list();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]!.fileName).toBe(`f${MAX_RECENT_FILES + 2}.pcstudio`);
  });

  it('forgets a file', () => {
    const recent = new RecentFiles(configDir);
    const a = touch('a.pcstudio');
    recent.remember(a, null);
    recent.forget(a);
    expect(recent.list()).toEqual([]);
    recent.forget(path.join(temp.dir, 'never-there.pcstudio'));
  });

  it.each([
    ['not JSON', '{ this is not json'],
    ['the wrong shape', JSON.stringify({ version: 1, files: [{ path: 3 }] })],
    ['a future version', JSON.stringify({ version: 7, files: [] })],
    ['empty', ''],
  ])('treats a damaged list (%s) as empty and replaces it on the next write', (_, content) => {
    fs.mkdirSync(configDir, { recursive: true });
    fs.writeFileSync(path.join(configDir, RECENT_FILES_NAME), content);
    const recent = new RecentFiles(configDir);
    expect(recent.list()).toEqual([]);
    recent.remember(touch('a.pcstudio'), 'A');
    expect(recent.list()).toHaveLength(1);
  });

  it('writes atomically, leaving no temporary files', () => {
    const recent = new RecentFiles(configDir);
    recent.remember(touch('a.pcstudio'), 'A');
    expect(fs.readdirSync(configDir)).toEqual([RECENT_FILES_NAME]);
  });
});
