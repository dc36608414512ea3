import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBuiltWorker, unpackedFromAsar, workerEntry } from './workerEntry';

describe('unpackedFromAsar: a worker in the packaged app starts from the unpacked copy', () => {
  it('maps a path inside app.asar to the same path in app.asar.unpacked', () => {
    expect(unpackedFromAsar('/Applications/Peer Challenge Studio.app/Contents/Resources/app.asar/out/main/exportWorker.js')).toBe(
      '/Applications/Peer Challenge Studio.app/Contents/Resources/app.asar.unpacked/out/main/exportWorker.js',
    );
    expect(unpackedFromAsar('C:\\Program Files\\Peer Challenge Studio\\resources\\app.asar\\out\\main\\evidenceWorker.js')).toBe(
      'C:\\Program Files\\Peer Challenge Studio\\resources\\app.asar.unpacked\\out\\main\\evidenceWorker.js',
    );
  });
  it('leaves every other path alone', () => {
    expect(unpackedFromAsar('/work/app/out/main/exportWorker.js')).toBe('/work/app/out/main/exportWorker.js');
    expect(unpackedFromAsar('/r/app.asar.unpacked/out/main/x.js')).toBe('/r/app.asar.unpacked/out/main/x.js');
    expect(unpackedFromAsar('/r/my-app.asarx/out/x.js')).toBe('/r/my-app.asarx/out/x.js');
  });
});

describe('findBuiltWorker', () => {
  const resources = path.join(path.sep, 'opt', 'pcs', 'resources');
  const inAsar = (...parts: string[]) => path.join(resources, 'app.asar', ...parts);
  const unpacked = (...parts: string[]) => path.join(resources, 'app.asar.unpacked', ...parts);
  const caller = pathToFileURL(inAsar('out', 'main', 'chunks', 'runExportWorker-abc.js')).href;

  it('prefers the unpacked copy of an entry inside the archive', () => {
    const files = new Set([inAsar('out', 'main', 'exportWorker.js'), unpacked('out', 'main', 'exportWorker.js')]);
    expect(findBuiltWorker(caller, 'exportWorker.js', (f) => files.has(f))).toBe(unpacked('out', 'main', 'exportWorker.js'));
  });
  it('falls back to the path in the archive when nothing was unpacked, and to the folder above a chunk', () => {
    const files = new Set([inAsar('out', 'main', 'exportWorker.js')]);
    expect(findBuiltWorker(caller, 'exportWorker.js', (f) => files.has(f))).toBe(inAsar('out', 'main', 'exportWorker.js'));
    expect(findBuiltWorker(caller, 'evidenceWorker.js', () => false)).toBeNull();
  });
  it('outside an archive, finds the entry beside the bundle as before', () => {
    const here = path.join(path.sep, 'work', 'out', 'cli');
    const files = new Set([path.join(here, 'evidenceWorker.js')]);
    expect(findBuiltWorker(pathToFileURL(path.join(here, 'cli.js')).href, 'evidenceWorker.js', (f) => files.has(f))).toBe(
      path.join(here, 'evidenceWorker.js'),
    );
  });
  it('from source, runs the .ts entry beside the caller under tsx', () => {
    const entry = workerEntry('file:///work/src/core/export/runExportWorker.ts', 'exportWorker.ts', 'exportWorker.js', 'missing');
    expect(entry).toEqual({ url: new URL('file:///work/src/core/export/exportWorker.ts'), execArgv: ['--import', 'tsx'] });
    expect(() => workerEntry('file:///nowhere/x.js', 'w.ts', 'w.js', 'The worker is missing.')).toThrow('The worker is missing.');
  });
});
