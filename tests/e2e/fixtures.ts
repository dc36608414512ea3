import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

/**
 * The `app` fixture: a real browser-mode server (real core, real SQLite files) started for one
 * test in a fresh temporary folder, which is also where the test's assessment files go.
 */
export interface AppFixture {
  /** The link to open, with this run's token. */
  url: string;
  /** A temporary folder for this test's files; also the app's default folder. */
  dir: string;
  /** Kills the server at once (SIGKILL), as a crash or power cut of the process would. */
  kill(): Promise<void>;
  /** Starts a new server on the same config folder; resolves to its new link. */
  restart(): Promise<string>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Node 24 from the `node` package, with tsx as a loader in the same process: a `tsx` launcher
// would run the server in a child process that a SIGKILL of the launcher leaves running.
const node = join(repoRoot, 'node_modules/.bin/node');

function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, ['--import', 'tsx', 'src/web/main.ts', '--port', '0'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PCS_CONFIG_DIR: join(dir, 'config'),
        PCS_DEFAULT_FOLDER: dir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Browser mode did not start within 30 s. Output:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser mode exited with code ${code}. Output:\n${output}`));
    });
  });
}

function killNow(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

export const test = base.extend<{ app: AppFixture }>({
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'pcs-e2e-'));
    let current = await startServer(dir);
    const fixture: AppFixture = {
      url: current.url,
      dir,
      kill: () => killNow(current.child),
      restart: async () => {
        await killNow(current.child);
        current = await startServer(dir);
        fixture.url = current.url;
        return current.url;
      },
    };
    await use(fixture);
    await killNow(current.child);
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
