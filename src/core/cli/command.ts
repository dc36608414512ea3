import type { Core } from '../index';

/** One `pcs` command. New commands (import evidence, export, check) add a file under commands/. */
export interface CliCommand {
  name: string;
  /** One line for `pcs help`. */
  summary: string;
  /** The usage line(s), shown by `pcs help <command>` and after a usage error. */
  usage: string;
  run(args: string[], context: CliContext): Promise<void>;
}

export interface CliContext {
  /**
   * The core for this run, made on the first call (the same one after): commands that only read
   * a file's copy never load it. The CLI keeps no recent-files list, so its settings are throwaway.
   */
  loadCore(): Promise<Core>;
  out(text: string): void;
  err(text: string): void;
}

/** Wrong arguments: shown with the usage line, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
