import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DownloadTimedOut,
  ensureElectron,
  findElectronExecutable,
  installedElectronDir,
  runElectronInstaller,
} from '../../scripts/ensure-electron';

// A stand-in for node_modules/electron in a temp folder: the tests never write into the shared
// install, and never start a real download (the "real installer" test points it at a closed port).
let electronDir: string;
const quiet = () => {};

beforeEach(() => {
  electronDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-electron-'));
});
afterEach(() => {
  fs.rmSync(electronDir, { recursive: true, force: true });
});

/** What Electron's installer leaves behind: dist/<binary> and path.txt naming it. */
function installFakeBinary(dir: string): void {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
  fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
}

describe('ensureElectron', () => {
  it('does nothing when the binary is already there', async () => {
    installFakeBinary(electronDir);
    let downloads = 0;
    const result = await ensureElectron({
      electronDir,
      env: {},
      log: quiet,
      download: async () => {
        downloads += 1;
      },
    });
    expect(result).toEqual({
      ok: true,
      executable: path.join(electronDir, 'dist', 'electron'),
      downloaded: false,
    });
    expect(downloads).toBe(0);
  });

  it('downloads the binary when path.txt is missing (the fresh-machine case)', async () => {
    const lines: string[] = [];
    const result = await ensureElectron({
      electronDir,
      env: {},
      log: (l) => lines.push(l),
      download: async (dir) => installFakeBinary(dir),
    });
    expect(result).toMatchObject({ ok: true, downloaded: true });
    expect(lines.join('\n')).toMatch(/downloading it now/);
  });

  it('downloads again when path.txt names a binary that is not there', async () => {
    fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    let downloads = 0;
    await ensureElectron({
      electronDir,
      env: {},
      log: quiet,
      download: async (dir) => {
        downloads += 1;
        installFakeBinary(dir);
      },
    });
    expect(downloads).toBe(1);
  });

  it('says the computer seems offline when the download cannot reach the server', async () => {
    const result = await ensureElectron({
      electronDir,
      env: {},
      log: quiet,
      download: async () => {
        throw new Error('TypeError: fetch failed\n    at node:internal/deps/undici');
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/seems to be offline/);
    expect(result.message).toMatch(/npm run web/);
    expect(result.message).not.toMatch(/node:internal/);
  });

  it('names what went wrong when the failure is not a network one', async () => {
    const result = await ensureElectron({
      electronDir,
      env: {},
      log: quiet,
      download: async () => {
        throw new Error('Generated checksum for "electron.zip" did not match expected checksum.');
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/What went wrong: Generated checksum/);
    expect(result.message).toMatch(/npx install-electron --no/);
  });

  it('fails plainly when the download "succeeds" but leaves no binary', async () => {
    const result = await ensureElectron({
      electronDir,
      env: {},
      log: quiet,
      download: async () => {},
    });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/still missing/);
  });

  it('treats a download that runs out of time as offline', async () => {
    const result = await ensureElectron({
      electronDir,
      env: {},
      log: quiet,
      timeoutMs: 5,
      download: async (_dir, timeoutMs) => {
        throw new DownloadTimedOut(timeoutMs);
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/seems to be offline/);
  });

  it('honours ELECTRON_EXEC_PATH, as electron-vite does', () => {
    const exe = path.join(electronDir, 'my-electron');
    fs.writeFileSync(exe, '');
    expect(findElectronExecutable(electronDir, { ELECTRON_EXEC_PATH: exe })).toBe(exe);
    expect(findElectronExecutable(electronDir, {})).toBeUndefined();
  });
});

describe('runElectronInstaller', () => {
  it("runs Electron's real installer and reports a network failure (download server unreachable)", async () => {
    // A copy of the installed package's installer, so whatever happens nothing lands in the shared
    // node_modules/electron; the mirror is a closed local port, so this fails the same way with or
    // without internet, and quickly.
    const realDir = installedElectronDir();
    for (const file of ['install.js', 'package.json', 'checksums.json']) {
      fs.copyFileSync(path.join(realDir, file), path.join(electronDir, file));
    }
    const env = {
      ...process.env,
      NODE_PATH: path.dirname(realDir),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: path.join(electronDir, 'cache'),
    };
    const result = await ensureElectron({
      electronDir,
      env,
      log: quiet,
      timeoutMs: 20_000,
      download: (dir, timeoutMs) => runElectronInstaller(dir, timeoutMs, env),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/seems to be offline/);
    expect(fs.existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
  });

  it('stops an installer that hangs once the time limit is up', async () => {
    fs.writeFileSync(path.join(electronDir, 'install.js'), 'setInterval(() => {}, 1000);\n');
    const started = Date.now();
    await expect(runElectronInstaller(electronDir, 300)).rejects.toBeInstanceOf(DownloadTimedOut);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
