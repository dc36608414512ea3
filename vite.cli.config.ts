import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `pcs` command line, compiled to out/cli/main.js (run by bin/pcs.js). Part of `npm run build`.
// Compiled rather than run through a TypeScript loader at each start: tsx alone took most of the
// half-second `pcs info` used to take. The core, src/shared and templates/*.json are bundled in;
// runtime dependencies (better-sqlite3 with its native addon, zod) stay external and load from
// node_modules, as in the Electron main build.
export default defineConfig({
  // No public/ or index.html here: this is a Node build only.
  publicDir: false,
  logLevel: 'warn',
  // Bundle every dependency but the native one (see above).
  // mammoth and pdfjs-dist (reading reports for recommendations) too: large, loaded only by the
  // import command, and pdf.js loads its worker from its own folder at run time.
  ssr: { noExternal: true, external: ['better-sqlite3', 'mammoth', 'pdfjs-dist'] },
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      // The evidence extraction worker is a second entry, out/cli/evidenceWorker.js, which the core
      // starts in a worker thread (src/core/evidence/extract/runExtraction.ts looks for it there).
      input: {
        main: resolve(import.meta.dirname, 'src/core/cli/main.ts'),
        evidenceWorker: resolve(import.meta.dirname, 'src/core/evidence/extract/extractWorker.ts'),
        // The export worker (src/core/export/runExportWorker.ts looks for out/cli/exportWorker.js).
        exportWorker: resolve(import.meta.dirname, 'src/core/export/exportWorker.ts'),
      },
      external: ['better-sqlite3', 'mammoth', /^pdfjs-dist(\/|$)/],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name].js',
        // Two files besides the entry: the few constants the commands print, and everything the
        // commands load once they run (core, schemas, zod). The CLI's own code stays in main.js, so
        // `pcs help` or a mistyped command load neither SQLite nor zod; one lazy chunk rather than
        // a dozen keeps the files Node reads at start to three.
        codeSplitting: {
          groups: [
            { name: 'constants', test: /src[\\/]shared[\\/]constants/, priority: 2 },
            // The extraction code and the few libraries it reads with, apart, so the worker
            // thread loads only these and not SQLite or the rest of the core.
            {
              name: 'extract',
              test: /src[\\/]core[\\/]evidence[\\/]extract[\\/](?!extractWorker)|node_modules[\\/](htmlparser2|fflate|domhandler|domelementtype|entities|domutils|dom-serializer)[\\/]/,
              priority: 3,
            },
            // Everything but the workers' own entries (which must stay in evidenceWorker.js and exportWorker.js).
            { name: 'core', test: /src[\\/](core[\\/](?!cli[\\/]|evidence[\\/]extract[\\/]extractWorker|export[\\/]exportWorker)|shared[\\/])|node_modules|templates[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
