/**
 * The packaged app: a Node worker thread cannot start from a file inside app.asar, so the core's
 * worker entries, the chunks they import and the packages those import are unpacked beside it
 * (electron-builder.yml `asarUnpack`); src/core/workers/workerEntry.ts starts them from there.
 * This checks the list covers everything the workers import, down to their packages' own packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The packages the worker bundles import (out/main/evidenceWorker.js, exportWorker.js and their
 * chunks, after `npx electron-vite build`). A new import in a worker belongs here.
 */
const WORKER_PACKAGES = ['docx', 'fflate', 'htmlparser2', 'jszip', 'mammoth', 'pdfjs-dist', 'zod'];

function asarUnpack(): string[] {
  const lines = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('asarUnpack:'));
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const match = /^\s+-\s+(\S+)/.exec(line);
    if (match?.[1]) patterns.push(match[1]);
  }
  return patterns;
}

/** The top-level node_modules folders a package needs at run time (its dependencies, theirs, …). */
function runtimeClosure(names: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    let dir = from;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) {
        const relative = path.relative(ROOT, candidate).split(path.sep).join('/');
        if (found.has(relative)) return;
        found.add(relative);
        const manifest = JSON.parse(fs.readFileSync(path.join(candidate, 'package.json'), 'utf8')) as {
          dependencies?: Record<string, string>;
          optionalDependencies?: Record<string, string>;
        };
        for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, candidate);
        return;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return; // an optional dependency not installed on this platform
      dir = parent;
    }
  };
  for (const name of names) visit(name, ROOT);
  return found;
}

/** Whether `folder` (node_modules/x or node_modules/x/node_modules/y) is unpacked by one of the patterns. */
function covered(folder: string, patterns: string[]): boolean {
  return patterns.some((pattern) => pattern.endsWith('/**') && (folder + '/').startsWith(pattern.slice(0, -2)));
}

describe('packaging: the core’s worker threads start outside the asar archive', () => {
  const patterns = asarUnpack();

  it('unpacks the worker entries and the chunks they import', () => {
    expect(patterns).toEqual(expect.arrayContaining(['out/main/evidenceWorker.js', 'out/main/exportWorker.js', 'out/main/chunks/**']));
  });

  it('unpacks every package the workers import, with the packages those need', () => {
    const needed = [...runtimeClosure(WORKER_PACKAGES)];
    expect(needed.length).toBeGreaterThan(WORKER_PACKAGES.length);
    expect(needed.filter((folder) => !covered(folder, patterns))).toEqual([]);
  });

  // Skipped without a build (out/main): `npm test` builds before it runs vitest, so it runs there.
  const main = path.join(ROOT, 'out/main');
  it.skipIf(!fs.existsSync(path.join(main, 'exportWorker.js')))('names every package a built worker imports (needs a build)', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"\n]*?from\s*["']([^"']+)["']|(?:^|[^\w.])import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)import\s*["']([^"']+)["']/g)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? '';
        if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
        else if (specifier && !specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    };
    visit(path.join(main, 'exportWorker.js'));
    visit(path.join(main, 'evidenceWorker.js'));
    expect([...packages].filter((name) => !WORKER_PACKAGES.includes(name))).toEqual([]);
  });
});
