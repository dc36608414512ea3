import type { CliCommand } from '../command';
import { checkCommand } from './checkCommand';
import { exportCommand } from './exportCommand';
import { evidenceCommand } from './evidenceCommand';
import { createHelpCommand } from './helpCommand';
import { importStatementCommand } from './importStatementCommand';
import { infoCommand } from './infoCommand';
import { newCommand } from './newCommand';
import { recommendationsCommand } from './recommendationsCommand';
import { templatesCommand } from './templatesCommand';

/** Every `pcs` command, in the order help lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [
  newCommand,
  infoCommand,
  templatesCommand,
  checkCommand,
  exportCommand,
  importStatementCommand,
  recommendationsCommand,
  evidenceCommand,
  createHelpCommand(() => COMMANDS),
];
