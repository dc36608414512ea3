/**
 * The layering check (`npm run lint:layers`): which part of the code may import which. The same
 * idea as VS Code's common/browser/node/electron-main split, for our seven folders:
 *
 *   src/shared    runs everywhere: imports only itself and zod
 *   src/document  the statement's document model (Lexical nodes, registry, the one walk over saved
 *                 JSON, headless editing): runs in the page and in Node; shared, lexical and the
 *                 @lexical packages that work headless; no React, no Node, no Electron
 *   src/core      Node: storage and domain logic; no Electron, no UI; Lexical only through src/document
 *                 (src/core/host serves it to Electron's main process; nothing else in the core uses it)
 *   src/main      Electron's main process: core and shared, never the page's code
 *   src/preload   the bridge: shared, electron and zod only
 *   src/renderer  the page: itself, document, shared and browser packages; no Node, no Electron
 *   src/web       browser mode's server: core, document and shared; no Electron
 *
 * tests/unit/layering.test.ts runs these rules over tests/fixtures/layering (a tree that breaks
 * each of them on purpose) to prove that each one bites.
 *
 * Paths of packages are matched with (^|/)node_modules/ so the rules also apply to a tree whose
 * node_modules folder is above it (the fixture).
 */

/** Packages that only make sense in Node or in Electron's main process. */
const NODE_ONLY_PACKAGES = '(^|/)node_modules/(electron|better-sqlite3)/';
/** Test files: they run under vitest, never ship, and may use the test tools and Node. */
const TEST_FILE = '\\.test\\.tsx?$';
const TEST_TOOLS = '(^|/)node_modules/(vitest|@vitest/[^/]+)/';
/** UI packages. */
const UI_PACKAGES = '(^|/)node_modules/(react|react-dom)/';
/** Lexical and its packages: the document layer's to use. */
const LEXICAL_PACKAGES = '(^|/)node_modules/(lexical|@lexical/[^/]+)/';
/** What src/document may use: Lexical and the @lexical packages that work without React. */
const DOCUMENT_PACKAGES = '(^|/)node_modules/(lexical|@lexical/(?!react/)[^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-only-shared-and-zod',
      comment:
        'src/shared runs in every layer (Node, Electron, the page): it may import only src/shared and zod. ' +
        'No Node built-ins, no Electron, React, Lexical or better-sqlite3.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TEST_FILE },
      to: { pathNot: ['^src/shared/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'shared-tests-import-only-shared-zod-and-test-tools',
      comment: "src/shared's tests may also use vitest and Node's built-ins, but no other layer or package.",
      severity: 'error',
      from: { path: ['^src/shared/.+' + TEST_FILE] },
      to: { pathNot: ['^src/shared/', '(^|/)node_modules/zod/', TEST_TOOLS], dependencyTypesNot: ['core'] },
    },
    {
      name: 'document-imports-only-document-shared-and-lexical',
      comment:
        'src/document runs in the page and in Node (the core reads documents headlessly): it may import only ' +
        'src/document, src/shared, lexical and the @lexical packages other than @lexical/react. No React, no Node ' +
        'built-ins, no Electron or better-sqlite3, no other layer.',
      severity: 'error',
      from: { path: '^src/document/', pathNot: TEST_FILE },
      to: { pathNot: ['^src/(document|shared)/', DOCUMENT_PACKAGES] },
    },
    {
      name: 'document-tests-import-only-document-shared-lexical-and-test-tools',
      comment: "src/document's tests may also use vitest and Node's built-ins (to read the seed statement), nothing else.",
      severity: 'error',
      from: { path: ['^src/document/.+' + TEST_FILE] },
      to: { pathNot: ['^src/(document|shared)/', DOCUMENT_PACKAGES, TEST_TOOLS], dependencyTypesNot: ['core'] },
    },
    {
      name: 'lexical-only-through-document',
      comment:
        'The Node side (src/core, main, web) reads and builds documents through src/document, never with Lexical ' +
        'directly, so there is one document model and one set of registered nodes.',
      severity: 'error',
      from: { path: '^src/(core|main|web)/' },
      to: { path: LEXICAL_PACKAGES },
    },
    {
      name: 'core-not-to-shells',
      comment: 'src/core is independent of whatever carries it: it may not import src/main, preload, renderer or web.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(main|preload|renderer|web)/' },
    },
    {
      name: 'core-not-to-electron-or-ui',
      comment: 'src/core runs in plain Node (the CLI, browser mode): no Electron or React.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['(^|/)node_modules/electron/', UI_PACKAGES] },
    },
    {
      name: 'core-not-to-its-host',
      comment:
        'src/core/host serves the core over a message channel to the Electron main process (its utility process). ' +
        'The rest of the core must not depend on how it is hosted: it also runs in the CLI and in browser mode.',
      severity: 'error',
      from: { path: '^src/core/(?!host/)' },
      to: { path: '^src/core/host/' },
    },
    {
      name: 'renderer-imports-only-renderer-document-shared-and-packages',
      comment:
        'The page may import only src/renderer, src/document, src/shared and packages: never src/core, main, ' +
        'preload or web (it reaches the core through the bridge).',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { pathNot: ['^src/(renderer|document|shared)/', '(^|/)node_modules/'] },
    },
    {
      name: 'renderer-not-to-node',
      comment: 'The page runs sandboxed in a browser: no Node built-ins, no Electron, no better-sqlite3.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-to-node-packages',
      comment: 'The page runs sandboxed in a browser: no Electron, no better-sqlite3.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: NODE_ONLY_PACKAGES },
    },
    {
      name: 'preload-imports-only-shared-electron-and-zod',
      comment:
        'The sandboxed preload can load nothing but electron: it may import src/preload, src/shared, electron and ' +
        'zod (bundled into it), nothing else.',
      severity: 'error',
      from: { path: '^src/preload/', pathNot: TEST_FILE },
      to: { pathNot: ['^src/(preload|shared)/', '(^|/)node_modules/(electron|zod)/'] },
    },
    {
      name: 'preload-tests-import-only-preload-shared-and-test-tools',
      comment: "The preload's tests may also use vitest and Node's built-ins, but no other layer or package.",
      severity: 'error',
      from: { path: ['^src/preload/.+' + TEST_FILE] },
      to: {
        pathNot: ['^src/(preload|shared)/', '(^|/)node_modules/(electron|zod)/', TEST_TOOLS],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'main-not-to-page-or-web',
      comment: "Electron's main process may not import the page's code, the preload or browser mode.",
      severity: 'error',
      from: { path: '^src/main/' },
      to: { path: '^src/(renderer|web|preload)/' },
    },
    {
      name: 'web-not-to-electron-or-page',
      comment: "Browser mode's server runs without Electron: no src/main, preload or renderer, no electron.",
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: ['^src/(main|preload|renderer)/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the order of initialisation fragile and the layers hard to see.',
      severity: 'warn',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing: a typo, a missing file or a package not installed.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist)/' },
    // TypeScript: read the .ts/.tsx sources themselves, type-only imports included.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    detectJSDocImports: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'browser', 'types', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.jsx', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
