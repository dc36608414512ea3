import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds: the Electron main process, the preload bridge and the renderer. Browser mode
// (`npm run web`) serves the same renderer build from out/renderer.
export default defineConfig({
  // out/main/index.js, ES module (package.json has "type": "module"), and out/main/coreProcess.js,
  // the core's own process. The core, src/document and
  // src/shared are bundled in, templates/*.json with them, and so is Lexical, which the core reads
  // documents with (a devDependency: pure JavaScript, so bundling it keeps it out of the package's
  // node_modules). Runtime dependencies (better-sqlite3 with its native addon, zod) stay external
  // and load from node_modules, as electron-builder packs them.
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        // The evidence extraction worker is its own entry: the core starts it as
        // out/main/evidenceWorker.js (see src/core/evidence/extract/runExtraction.ts).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          evidenceWorker: resolve(__dirname, 'src/core/evidence/extract/extractWorker.ts'),
          // The export worker: packing the Word file and compressing the evidence pack
          // (src/core/export/runExportWorker.ts starts out/main/exportWorker.js).
          exportWorker: resolve(__dirname, 'src/core/export/exportWorker.ts'),
          // The core runs in its own utility process, started from out/main/coreProcess.js
          // (src/main/coreProcessHost.ts); the main process bundle does not load the core at all.
          coreProcess: resolve(__dirname, 'src/core/host/coreProcess.ts'),
        },
      },
    },
  },
  // out/preload/index.cjs. A sandboxed preload cannot be an ES module and can require nothing
  // but 'electron' and a few built-ins, so it is CommonJS with everything (zod, src/shared)
  // bundled into the one file.
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  // out/renderer/index.html with relative asset URLs ('./'), so the same build works from the
  // app's own scheme in Electron and over http://127.0.0.1 in browser mode.
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
