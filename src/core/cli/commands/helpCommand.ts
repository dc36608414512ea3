import { UsageError, type CliCommand } from '../command';

/** Built from the command list so a new command appears in help without touching this file. */
export function createHelpCommand(commands: () => readonly CliCommand[]): CliCommand {
  const helpCommand: CliCommand = {
    name: 'help',
    summary: 'Show this help, or the usage of one command.',
    usage: 'pcs help [command]',
    async run(args, { out }) {
      const all = commands();
      if (args[0]) {
        const command = all.find((c) => c.name === args[0]);
        if (!command) throw new UsageError(`There is no command called “${args[0]}”.`, helpCommand.usage);
        out(command.summary);
        out(`Usage: ${command.usage.split('\n').join('\n       ')}`);
        return;
      }
      out('Peer Challenge Studio: write your council’s Corporate Peer Challenge position statement.');
      out('');
      out('Usage: pcs <command> [options]');
      out('');
      const width = Math.max(...all.map((c) => c.name.length));
      for (const command of all) out(`  ${command.name.padEnd(width)}  ${command.summary}`);
      out('');
      // A usage of several forms (one per line) keeps the same indent on each.
      for (const command of all) for (const form of command.usage.split('\n')) out(`  ${form}`);
    },
  };
  return helpCommand;
}
