#!/usr/bin/env node
// `npx pcs …`: runs the compiled command line, out/cli/main.js, which `npm run build` makes
// (vite.cli.config.ts). Compiled, not run through a TypeScript loader: starting tsx took most of
// the half-second a command used to take. `npm run cli -- …` runs the sources directly instead.
import fs from 'node:fs';
import module from 'node:module';

const compiled = new URL('../out/cli/main.js', import.meta.url);

if (!fs.existsSync(compiled)) {
  console.error(
    'pcs: the command line is not built yet. Run `npm run build` first ' +
      '(or `npm run cli -- <command>` to run it from the sources).',
  );
  process.exit(1);
}

// Node keeps the compiled code of our bundle in its cache folder, so later starts skip parsing it.
module.enableCompileCache?.();
await import(compiled.href);
