// ESLint flat config: TypeScript recommended rules plus the React Hooks rules, run by `npm test`
// (via `npm run lint`). Kept syntax-only (no type-aware rules) so it stays fast on a shared machine;
// `npm run typecheck` already does the type checking.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.vite/**',
      // A deliberately broken tree that `lint:layers` tests must reject; not real code.
      'tests/fixtures/layering/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // The codebase's convention for a deliberately unused binding (a skipped destructured
      // field, an unused callback parameter) is a leading underscore; anything else unused is a bug.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `@ts-ignore` is needed where one file is compiled by two tsconfigs and errors in only one
      // (so `@ts-expect-error` would fail the other); still demand a reason beside it.
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
    },
  },
  {
    // React lives only in the renderer; elsewhere `use` is Playwright's/vitest's fixture callback,
    // which the hooks rules would mistake for React's `use`.
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // A stale effect dependency is a real bug here (the binder and editor run long-lived
      // effects), so a missing one fails the build; justified exceptions carry a disable comment.
      'react-hooks/exhaustive-deps': 'error',
      // The next three are React Compiler rules (new in eslint-plugin-react-hooks 7); the app does
      // not use the compiler, and they forbid patterns it uses on purpose:
      // - "latest value" refs written during render (`ref.current = value`) so stable callbacks
      //   read fresh props without re-subscribing (store.ts, useBinderCommands, MainScreen);
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
      // - dialogs resetting their fields in an effect when they open (`if (isOpen) setX('')`).
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Playwright fixtures must destructure their first parameter, even when they need nothing
    // from it (`async ({}, use) => ...`); Playwright reads the pattern to wire dependencies.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['**/*.{js,cjs,mjs}', 'scripts/**', 'bench/**', 'bin/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
