import type { CliCommand } from '../command';
import { checkCommand } from './checkCommand';
import { evidenceCommand } from './evidenceCommand';
import { createHelpCommand } from './helpCommand';
import { infoCommand } from './infoCommand';
import { newCommand } from './newCommand';
import { templatesCommand } from './templatesCommand';

/** Every `pcs` command, in the order help lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [
  newCommand,
  infoCommand,
  templatesCommand,
  checkCommand,
  evidenceCommand,
  createHelpCommand(() => COMMANDS),
];
