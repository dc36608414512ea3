import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../index';
import { UsageError, type CliContext } from './command';
import { CheckFailed } from './commands/checkCommand';
import { COMMANDS } from './commands/index';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Runs one `pcs` command and returns the exit code: 0 done, 1 the command failed (the AppError's
 * message is shown), 2 the command line was wrong, 3 `pcs check` found gaps in a sound file. Never prints a stack trace unless
 * PCS_DEBUG is set.
 */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...args] = argv;
  const wantsHelp = name === undefined || name === '--help' || name === '-h';
  const command = COMMANDS.find((c) => c.name === (wantsHelp ? 'help' : name));
  if (!command) {
    io.err(`pcs: there is no command called “${name}”. Run “pcs help” to see the commands.`);
    return 2;
  }
  // The core (SQLite, every schema, every handler) is made only when a command asks for it, so
  // `pcs help`, a mistyped command and the read-only commands (`info`, `check`, which read a
  // private copy) answer without loading it. See vite.cli.config.ts for the rest of what keeps
  // startup short.
  let core: Core | null = null;
  let configDir: string | null = null;
  const context: CliContext = {
    loadCore: async () => {
      if (core) return core;
      const { createCore } = await import('../index');
      // The CLI keeps no recent-files list: its core gets a settings folder that is thrown away.
      configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-cli-'));
      // No window to keep answering here: the export is packed in this thread, which spares a
      // worker thread's start and a second load of the Word library. No automatic backups: they
      // would go with the thrown-away folder, and each command would first copy the whole file.
      core = createCore({ configDir, exportPacking: 'in-thread', backups: false });
      return core;
    },
    out: io.out,
    err: io.err,
  };
  try {
    await command.run(wantsHelp ? [] : args, context);
    return 0;
  } catch (error) {
    // The report has been printed already; only the exit code is left to say.
    if (error instanceof CheckFailed) return error.exitCode;
    if (error instanceof UsageError) {
      io.err(`pcs ${command.name}: ${error.message}`);
      if (error.usage) io.err(`Usage: ${error.usage}`);
      return 2;
    }
    const { isAppError } = await import('../../shared/errors');
    if (isAppError(error)) {
      io.err(error.message);
      return 1;
    }
    const { INTERNAL_ERROR_MESSAGE } = await import('../dispatch');
    io.err(INTERNAL_ERROR_MESSAGE);
    if (process.env.PCS_DEBUG) io.err(String((error as Error)?.stack ?? error));
    return 1;
  } finally {
    (core as Core | null)?.close();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  }
}
