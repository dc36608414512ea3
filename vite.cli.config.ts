import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The `pcs` command line, compiled to out/cli/main.js (run by bin/pcs.js). Part of `npm run build`.
// Compiled rather than run through a TypeScript loader at each start: tsx alone took most of the
// half-second `pcs info` used to take. The core, src/shared and templates/*.json are bundled in;
// runtime dependencies (better-sqlite3 with its native addon, zod) stay external and load from
// node_modules, as in the Electron main build.
/**
 * Word export (docx; jszip for the evidence pack) and Word import (happy-dom, a DOM for Lexical's
 * HTML reader) are over half the bundle. Each is a chunk of its own, so `pcs info` and `pcs check`
 * never load them: the core reaches both only through import() (export/handlers.ts,
 * import/handlers.ts, exportWorker.ts), so they load when a command exports or imports.
 */
/**
 * The evidence readers and the few libraries they read with, apart, so the extraction worker
 * thread loads only these and not SQLite or the rest of the core, and the core loads them only
 * when a file is added (src/core/evidence/extract/runExtraction.ts starts the worker).
 */
const EXTRACT_READERS =
  /src[\\/]core[\\/]evidence[\\/]extract[\\/](?!extractWorker|runExtraction|types)|node_modules[\\/](htmlparser2|fflate|domhandler|domelementtype|entities|domutils|dom-serializer)[\\/]/;
const WORD_EXPORT =
  /node_modules[\\/](docx|jszip|pako|readable-stream|lie|immediate|setimmediate|nanoid|core-util-is|inherits|isarray|process-nextick-args|safe-buffer|string_decoder|util-deprecate)[\\/]|src[\\/]core[\\/]export[\\/](docx[\\/](?!planExport)|evidencePack)/;
const WORD_IMPORT = /node_modules[\\/](happy-dom|ws|whatwg-mimetype|buffer-image-size)[\\/]|src[\\/]core[\\/]import[\\/](planStatementImport|applyStatementImport|htmlDom)|src[\\/]document[\\/]fromHtml/;

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
        // Besides the entries: the few constants the commands print, everything the commands load
        // once they run (core.js: core, schemas, zod), and the parts only some commands need
        // (evidence readers, Word export, Word import), each loaded when first used. The CLI's own
        // code stays in main.js, so `pcs help` or a mistyped command load neither SQLite nor zod;
        // a few large chunks rather than dozens keep the files Node reads at start few.
        codeSplitting: {
          groups: [
            { name: 'constants', test: /src[\\/]shared[\\/]constants/, priority: 6 },
            // What both the core and the extraction worker use (its limits, its error): small, apart.
            { name: 'extractTypes', test: /src[\\/]core[\\/]evidence[\\/]extract[\\/]types/, priority: 5 },
            // Everything but the workers' own entries (which must stay in evidenceWorker.js and
            // exportWorker.js) and the chunks below, which load only when used.
            {
              name: 'core',
              test: (id: string) =>
                /src[\\/](core[\\/](?!cli[\\/]|evidence[\\/]extract[\\/]extractWorker|export[\\/]exportWorker)|shared[\\/])|node_modules|templates[\\/]/.test(id) &&
                !EXTRACT_READERS.test(id) &&
                !WORD_EXPORT.test(id) &&
                !WORD_IMPORT.test(id),
              priority: 4,
            },
            // Captured after the core (lower priority), so what they share with it (zod, errors,
            // the document model) stays in core.js and these hold only their own code. The
            // extraction readers first: the Word export shares fflate with them, and the
            // extraction worker must not load the Word library.
            { name: 'extract', test: EXTRACT_READERS, priority: 3 },
            { name: 'wordExport', test: WORD_EXPORT, priority: 2 },
            { name: 'wordImport', test: WORD_IMPORT, priority: 2 },
          ],
        },
      },
    },
  },
});
