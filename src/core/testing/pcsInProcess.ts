import { runCli } from '../cli/runCli';

/** Runs `pcs …` inside the test's process (no child process), collecting what it prints. */
export async function pcsInProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
