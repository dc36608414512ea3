/** Entry point of the `pcs` command line: `npm run cli -- <command>` or `npx pcs <command>`. */
import { runCli } from './runCli';

// `pcs … | head`: when the reader stops reading, there is nobody left to tell. Further output
// is dropped and the command finishes (and tidies up) quietly, as other command-line tools do,
// instead of crashing with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.stdout.write = (() => true) as typeof process.stdout.write;
});

process.exitCode = await runCli(process.argv.slice(2));
