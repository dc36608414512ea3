import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreContract } from '../shared/contract';
import { createCore, type Core } from './index';
import { LATEST_SCHEMA_VERSION } from './storage/migrations/index';
import { checkedHandlers } from './testing/openTestCore';
import { CREATE_DEFAULTS, makeTempDir } from './testing/testFiles';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
beforeEach(() => {
  temp = makeTempDir();
  core = createCore({ configDir: path.join(temp.dir, 'config') });
});
afterEach(() => {
  core.close();
  temp.cleanup();
});

const create = (name: string, councilName = 'Testshire Council') =>
  checkedHandlers(core.handlers)['assessment-create']({ ...CREATE_DEFAULTS, path: path.join(temp.dir, name), councilName });

describe('createCore', () => {
  it('implements every core method of the contract', () => {
    expect(Object.keys(core.handlers).sort()).toEqual(Object.keys(coreContract).sort());
  });

  it('needs an open assessment for assessment and section calls', async () => {
    await expect(core.handlers['sections-list']({})).rejects.toMatchObject({ code: 'no-assessment-open' });
    await expect(core.handlers['assessment-update']({ councilName: 'x' })).rejects.toMatchObject({
      code: 'no-assessment-open',
    });
    expect(await core.handlers['assessment-current']({})).toBeNull();
    expect(await core.handlers['assessment-close']({})).toEqual({ ok: true });
  });

  it('creates, updates and reports the open assessment', async () => {
    const api = checkedHandlers(core.handlers);
    const created = await create('sefton');
    expect(created).toMatchObject({
      fileName: 'sefton.pcstudio',
      councilName: 'Testshire Council',
      schemaVersion: LATEST_SCHEMA_VERSION,
      lastSectionId: null,
    });
    const updated = await api['assessment-update']({ councilName: 'Sefton Council', visitDate: '2025-06-10', kind: 'progress' });
    expect(updated).toMatchObject({ councilName: 'Sefton Council', visitDate: '2025-06-10', kind: 'progress' });
    expect(await api['assessment-update']({ visitDate: null })).toMatchObject({ visitDate: null, kind: 'progress' });
    expect(await api['assessment-current']({})).toMatchObject({ councilName: 'Sefton Council' });
  });

  it('refuses to create over an existing file', async () => {
    await create('a');
    await expect(create('a')).rejects.toMatchObject({ code: 'already-exists' });
  });

  it('keeps one assessment open at a time, closing the previous one cleanly', async () => {
    const first = await create('first', 'First Council');
    await create('second', 'Second Council');
    expect((await core.handlers['assessment-current']({}))!.councilName).toBe('Second Council');
    // The first was closed: another Core can open it, and it is a single file again.
    expect(fs.existsSync(`${first.path}-wal`)).toBe(false);
    const other = createCore({ configDir: path.join(temp.dir, 'config2') });
    await expect(other.handlers['assessment-open']({ path: first.path })).resolves.toMatchObject({
      councilName: 'First Council',
    });
    other.close();
  });

  it('a failed open or create leaves the current assessment open', async () => {
    await create('first', 'First Council');
    await expect(core.handlers['assessment-open']({ path: path.join(temp.dir, 'missing.pcstudio') })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(create('first')).rejects.toMatchObject({ code: 'already-exists' });
    expect(await core.handlers['assessment-current']({})).toMatchObject({ councilName: 'First Council' });
    await expect(core.handlers['sections-list']({})).resolves.toHaveLength(13);
  });

  it('opening the file that is already open just returns it', async () => {
    const first = await create('first', 'First Council');
    await expect(core.handlers['assessment-open']({ path: first.path })).resolves.toMatchObject({
      councilName: 'First Council',
    });
  });

  it('remembers where the user was, in the file', async () => {
    const api = checkedHandlers(core.handlers);
    const created = await create('ui');
    const sections = await api['sections-list']({});
    await api['ui-state-set']({ lastSectionId: sections[3]!.id });
    await api['assessment-close']({});
    expect(await api['assessment-open']({ path: created.path })).toMatchObject({ lastSectionId: sections[3]!.id });
    await api['ui-state-set']({ lastSectionId: null });
    expect((await api['assessment-current']({}))!.lastSectionId).toBeNull();
  });

  it('keeps the recent files list on create and open', async () => {
    const api = checkedHandlers(core.handlers);
    const a = await create('a', 'Council A');
    const b = await create('b', 'Council B');
    await api['assessment-open']({ path: a.path });
    expect((await api['recent-list']({})).map((r) => [r.fileName, r.councilName, r.exists])).toEqual([
      ['a.pcstudio', 'Council A', true],
      ['b.pcstudio', 'Council B', true],
    ]);
    await api['recent-forget']({ path: b.path });
    expect((await api['recent-list']({})).map((r) => r.fileName)).toEqual(['a.pcstudio']);
  });
});
