/** Entry point of the `pcs` command line: `npm run cli -- <command>` or `npx pcs <command>`. */
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2));
