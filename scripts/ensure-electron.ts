// Run by `npm start` and `npm run dev` before electron-vite.
//
// Electron 42 and later no longer download their binary when `npm install` runs: the `electron`
// package fetches it on the first `require('electron')` (or `npx install-electron`). electron-vite
// does neither: its preview and dev commands read `node_modules/electron/path.txt` themselves and
// throw a bare "Electron uninstall" when it is missing, which is what a fresh machine saw.
// So this script checks for the binary and, when it is missing, runs Electron's own installer
// (node_modules/electron/install.js, the same code `npx install-electron` runs), with a plain
// message when that fails (most often: no internet).
//
// Plain Node (type stripping), no dependencies: it must run before anything is built.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Downloads Electron's binary into `electronDir`; rejects with the installer's output on failure. */
export type DownloadElectron = (electronDir: string, timeoutMs: number) => Promise<void>;

export type EnsureResult =
  | { ok: true; executable: string; downloaded: boolean }
  | { ok: false; message: string };

export interface EnsureOptions {
  /** The installed `electron` package's folder (node_modules/electron). */
  electronDir: string;
  env?: NodeJS.ProcessEnv;
  download?: DownloadElectron;
  /** How long the download may take before it is given up. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** Ten minutes: the download is about 100 MB, and a slow line should still get there. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * The Electron executable electron-vite will start, or undefined when it is not there. Mirrors
 * electron-vite's own lookup: ELECTRON_EXEC_PATH first, then `path.txt` + `dist/`.
 */
export function findElectronExecutable(
  electronDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const fromEnv = env.ELECTRON_EXEC_PATH;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!relative) return undefined;
  const executable = path.join(electronDir, 'dist', relative);
  return fs.existsSync(executable) ? executable : undefined;
}

/** Failures that mean "could not reach the download server", as Node's fetch and DNS word them. */
const OFFLINE_PATTERN =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|timed out/i;

export class DownloadTimedOut extends Error {
  constructor(timeoutMs: number) {
    super(`The download did not finish within ${Math.round(timeoutMs / 1000)} seconds.`);
    this.name = 'DownloadTimedOut';
  }
}

/** The sentence to show when the download failed, for a person, not a stack trace. */
export function downloadFailureMessage(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const offline = error instanceof DownloadTimedOut || OFFLINE_PATTERN.test(detail);
  const lines = offline
    ? [
        'Peer Challenge Studio could not download Electron, the program that shows its desktop window.',
        'This computer seems to be offline, or the download server could not be reached.',
        'Connect to the internet and run the same command again: it is a one-off download of about 100 MB.',
      ]
    : [
        'Peer Challenge Studio could not download Electron, the program that shows its desktop window.',
        `What went wrong: ${firstLine(detail)}`,
        'Try again; if it keeps failing, delete node_modules/electron, run `npm install`, then `npx install-electron --no`.',
      ];
  lines.push('In the meantime, `npm run web` runs the same app in your browser, with no download.');
  return lines.join('\n');
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? 'no details were given'
  );
}

/**
 * Electron's own installer, `node install.js` in the electron package, in a child process with a
 * time limit (it is the code `npx install-electron` and a first `require('electron')` run).
 */
export function runElectronInstaller(
  electronDir: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new DownloadTimedOut(timeoutMs));
      else if (code === 0) resolve();
      else reject(new Error(stderr.trim() || `The installer stopped with exit code ${code}.`));
    });
  });
}

/** Makes sure the Electron binary is there, downloading it when it is not. Never throws. */
export async function ensureElectron(options: EnsureOptions): Promise<EnsureResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const download =
    options.download ??
    ((dir: string, timeoutMs: number) => runElectronInstaller(dir, timeoutMs, env));
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;

  const present = findElectronExecutable(options.electronDir, env);
  if (present) return { ok: true, executable: present, downloaded: false };

  log('Electron is not downloaded yet: downloading it now (once only, about 100 MB)…');
  try {
    await download(options.electronDir, timeoutMs);
  } catch (error) {
    return { ok: false, message: downloadFailureMessage(error) };
  }
  const executable = findElectronExecutable(options.electronDir, env);
  if (!executable) {
    return {
      ok: false,
      message: downloadFailureMessage(
        new Error('The download finished but the Electron program is still missing.'),
      ),
    };
  }
  log('Electron is ready.');
  return { ok: true, executable, downloaded: true };
}

/** node_modules/electron, found without running its index.js (which would download by itself). */
export function installedElectronDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('electron/package.json'));
}

async function main(): Promise<void> {
  const result = await ensureElectron({ electronDir: installedElectronDir() });
  if (!result.ok) {
    console.error(`\n${result.message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
