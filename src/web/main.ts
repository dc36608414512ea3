/**
 * Browser mode: `npm run web`. Serves the built renderer and the core over HTTP on 127.0.0.1,
 * guarded by a secret token made fresh for each run and printed as part of the link to open.
 * The same renderer and the same core as the desktop app; only the carrier differs.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { createDispatcher } from '../core/dispatch';
import pkg from '../../package.json';
import { AllowedFolders } from './allowedFolders';
import { startWebServer } from './server';
import { webDefaultFolder } from './shellHandlers';
import { createWebHandlers } from './webHandlers';
import { UploadStore } from './uploads';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function configDir(): string {
  if (process.env.PCS_CONFIG_DIR) return process.env.PCS_CONFIG_DIR;
  const base = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  return join(base, 'peer-challenge-studio');
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PCS_PORT ?? '0' },
      'static-dir': { type: 'string', default: join(repoRoot, 'out/renderer') },
      /** Lets browser mode use files in another folder too (remembered for later runs). */
      'allow-folder': { type: 'string', multiple: true, default: [] },
    },
  });
  const staticDir = resolve(values['static-dir']);
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`The app has not been built yet (no ${join(staticDir, 'index.html')}). Run \`npm run web\`, which builds it first.`);
    process.exit(1);
  }
  const folders = new AllowedFolders(webDefaultFolder(), configDir());
  for (const folder of values['allow-folder'] ?? []) {
    if (!existsSync(folder)) {
      console.error(`There is no folder “${folder}” to allow.`);
      process.exit(1);
    }
    console.log(`Browser mode may now use files in “${folders.add(folder)}”.`);
  }
  const core = createCore({ configDir: configDir() });
  const uploads = new UploadStore();
  const handlers = createWebHandlers({ core, version: pkg.version, folders, uploads });
  const token = randomBytes(24).toString('base64url');
  const running = await startWebServer({
    dispatch: createDispatcher(handlers, { currentSessionId: core.sessionId }),
    staticDir,
    token,
    port: Number(values.port),
    core,
    uploads,
  });

  const shutDown = async () => {
    await running.close();
    await core.shutDown();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutDown());
  process.on('SIGTERM', () => void shutDown());

  console.log('Peer Challenge Studio is running in browser mode, on this computer only.');
  console.log(`Open this link in your browser: ${running.url}?token=${token}`);
  console.log('Press Ctrl+C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
