/**
 * The layering rules in .dependency-cruiser.cjs bite: run over tests/fixtures/layering, a tree
 * that breaks each rule on purpose, they report exactly the imports that break them (and nothing
 * in the fixture's ok.ts files); run over the real src/, they report no errors.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const config = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as IConfiguration;

async function cruiseLayers(baseDir: string): Promise<ICruiseResult> {
  const tsConfigFile = config.options?.tsConfig?.fileName;
  const tsConfig = tsConfigFile ? extractTSConfig(join(repoRoot, tsConfigFile)) : undefined;
  const result = await cruise(
    ['src'],
    { ...config.options, ruleSet: config, validate: true, baseDir },
    {},
    { tsConfig },
  );
  return typeof result.output === 'string' ? (JSON.parse(result.output) as ICruiseResult) : result.output;
}

/** A package's name, a built-in's name, or a local path: what a reader calls the import. */
function target(resolved: string): string {
  const packagePath = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved);
  if (packagePath?.[1]) return packagePath[1];
  return resolved.replace(/^node:/, '');
}

function describeViolation(violation: IViolation): string {
  return `${violation.rule.name}: ${violation.from} -> ${target(violation.to)}`;
}

/** Every error the fixture must produce, by rule. */
const EXPECTED_ERRORS: Record<string, Array<[from: string, to: string]>> = {
  'shared-imports-only-shared-and-zod': [
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'path'],
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'fs'],
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'electron'],
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'react'],
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'lexical'],
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'better-sqlite3'],
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'src/core/ok.ts'],
    // The document layer sits above src/shared: shared code may not use it.
    ['src/shared/shared-imports-only-shared-and-zod.ts', 'src/document/ok.ts'],
    // Only tests may use the test tools.
    ['src/shared/vitest-outside-tests.ts', 'vitest'],
    // What cannot be resolved is not src/shared or zod either.
    ['src/shared/unresolvable.ts', './does-not-exist'],
  ],
  'shared-tests-import-only-shared-zod-and-test-tools': [
    ['src/shared/shared-tests-import-only-shared-zod-and-test-tools.test.ts', 'react'],
    ['src/shared/shared-tests-import-only-shared-zod-and-test-tools.test.ts', 'src/core/ok.ts'],
  ],
  'document-imports-only-document-shared-and-lexical': [
    ['src/document/document-imports-only-document-shared-and-lexical.ts', 'react'],
    // Lexical's React bindings stay in the page; the rest of @lexical is allowed (see document/ok.ts).
    ['src/document/document-imports-only-document-shared-and-lexical.ts', '@lexical/react'],
    ['src/document/document-imports-only-document-shared-and-lexical.ts', 'fs'],
    ['src/document/document-imports-only-document-shared-and-lexical.ts', 'electron'],
    ['src/document/document-imports-only-document-shared-and-lexical.ts', 'better-sqlite3'],
    ['src/document/document-imports-only-document-shared-and-lexical.ts', 'src/core/ok.ts'],
    ['src/document/document-imports-only-document-shared-and-lexical.ts', 'src/renderer/ok.ts'],
  ],
  'document-tests-import-only-document-shared-lexical-and-test-tools': [
    ['src/document/document-tests-import-only-document-shared-lexical-and-test-tools.test.ts', 'react'],
    ['src/document/document-tests-import-only-document-shared-lexical-and-test-tools.test.ts', 'src/core/ok.ts'],
  ],
  'lexical-only-through-document': [
    ['src/core/lexical-only-through-document.ts', 'lexical'],
    ['src/core/lexical-only-through-document.ts', '@lexical/headless'],
    ['src/core/lexical-only-through-document.ts', '@lexical/react'],
    ['src/main/lexical-only-through-document.ts', 'lexical'],
    ['src/main/lexical-only-through-document.ts', '@lexical/headless'],
    ['src/main/lexical-only-through-document.ts', '@lexical/react'],
    ['src/web/lexical-only-through-document.ts', 'lexical'],
    ['src/web/lexical-only-through-document.ts', '@lexical/headless'],
    ['src/web/lexical-only-through-document.ts', '@lexical/react'],
  ],
  'core-not-to-its-host': [['src/core/core-not-to-its-host.ts', 'src/core/host/ok.ts']],
  'core-not-to-shells': [
    ['src/core/core-not-to-shells.ts', 'src/main/ok.ts'],
    ['src/core/core-not-to-shells.ts', 'src/preload/ok.ts'],
    ['src/core/core-not-to-shells.ts', 'src/renderer/ok.ts'],
    ['src/core/core-not-to-shells.ts', 'src/web/ok.ts'],
  ],
  'core-not-to-electron-or-ui': [
    ['src/core/core-not-to-electron-or-ui.ts', 'electron'],
    ['src/core/core-not-to-electron-or-ui.ts', 'react'],
    ['src/core/core-not-to-electron-or-ui.ts', 'react-dom'],
  ],
  'renderer-imports-only-renderer-document-shared-and-packages': [
    ['src/renderer/renderer-imports-only-renderer-document-shared-and-packages.ts', 'src/core/ok.ts'],
    ['src/renderer/renderer-imports-only-renderer-document-shared-and-packages.ts', 'src/main/ok.ts'],
    ['src/renderer/renderer-imports-only-renderer-document-shared-and-packages.ts', 'src/preload/ok.ts'],
    ['src/renderer/renderer-imports-only-renderer-document-shared-and-packages.ts', 'src/web/ok.ts'],
    // Node built-ins are neither our code nor packages.
    ['src/renderer/renderer-not-to-node.ts', 'fs'],
    ['src/renderer/renderer-not-to-node.ts', 'path'],
  ],
  'renderer-not-to-node': [
    ['src/renderer/renderer-not-to-node.ts', 'fs'],
    ['src/renderer/renderer-not-to-node.ts', 'path'],
  ],
  'renderer-not-to-node-packages': [
    ['src/renderer/renderer-not-to-node-packages.ts', 'electron'],
    ['src/renderer/renderer-not-to-node-packages.ts', 'better-sqlite3'],
  ],
  'preload-imports-only-shared-electron-and-zod': [
    ['src/preload/preload-imports-only-shared-electron-and-zod.ts', 'fs'],
    ['src/preload/preload-imports-only-shared-electron-and-zod.ts', 'react'],
    ['src/preload/preload-imports-only-shared-electron-and-zod.ts', 'src/core/ok.ts'],
    ['src/preload/preload-imports-only-shared-electron-and-zod.ts', 'src/main/ok.ts'],
    // The sandboxed preload has no use for the document model.
    ['src/preload/preload-imports-only-shared-electron-and-zod.ts', 'src/document/ok.ts'],
  ],
  'preload-tests-import-only-preload-shared-and-test-tools': [
    ['src/preload/preload-tests-import-only-preload-shared-and-test-tools.test.ts', 'react'],
    ['src/preload/preload-tests-import-only-preload-shared-and-test-tools.test.ts', 'src/main/ok.ts'],
  ],
  'main-not-to-page-or-web': [
    ['src/main/main-not-to-page-or-web.ts', 'src/renderer/ok.ts'],
    ['src/main/main-not-to-page-or-web.ts', 'src/web/ok.ts'],
    ['src/main/main-not-to-page-or-web.ts', 'src/preload/ok.ts'],
  ],
  'web-not-to-electron-or-page': [
    ['src/web/web-not-to-electron-or-page.ts', 'electron'],
    ['src/web/web-not-to-electron-or-page.ts', 'src/main/ok.ts'],
    ['src/web/web-not-to-electron-or-page.ts', 'src/preload/ok.ts'],
    ['src/web/web-not-to-electron-or-page.ts', 'src/renderer/ok.ts'],
  ],
  'not-to-unresolvable': [['src/shared/unresolvable.ts', './does-not-exist']],
};

describe('layering rules (.dependency-cruiser.cjs)', () => {
  const fixture = cruiseLayers(join(repoRoot, 'tests/fixtures/layering'));

  it('has every rule at the severity the project asks for', () => {
    const severities = Object.fromEntries((config.forbidden ?? []).map((rule) => [rule.name, rule.severity]));
    for (const name of Object.keys(EXPECTED_ERRORS)) expect(severities[name], name).toBe('error');
    expect(severities['no-circular']).toBe('warn');
  });

  it('reads TypeScript sources, type-only imports included', async () => {
    const result = await fixture;
    const shared = result.modules.find((m) => m.source === 'src/shared/shared-imports-only-shared-and-zod.ts');
    expect(shared?.dependencies.map((d) => d.module)).toContain('electron'); // `import type { App } from 'electron'`
  });

  for (const [rule, expected] of Object.entries(EXPECTED_ERRORS)) {
    it(`${rule} reports each import that breaks it, and no other`, async () => {
      const result = await fixture;
      const reported = result.summary.violations
        .filter((violation) => violation.rule.name === rule)
        .map(describeViolation)
        .sort();
      expect(reported).toEqual(expected.map(([from, to]) => `${rule}: ${from} -> ${to}`).sort());
      for (const violation of result.summary.violations.filter((v) => v.rule.name === rule)) {
        expect(violation.rule.severity).toBe('error');
      }
    });
  }

  it('warns about a cycle', async () => {
    const result = await fixture;
    const cycles = result.summary.violations.filter((violation) => violation.rule.name === 'no-circular');
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles.every((violation) => violation.rule.severity === 'warn')).toBe(true);
    expect(cycles.map((violation) => violation.from)).toContain('src/shared/cycleA.ts');
  });

  it('finds nothing wrong with the ok.ts and ok.test.ts files, which follow every rule', async () => {
    const result = await fixture;
    const fromOk = result.summary.violations.filter((violation) => /\/ok(\.test)?\.ts$/.test(violation.from));
    expect(result.modules.map((m) => m.source)).toEqual(
      expect.arrayContaining([
        'src/shared/ok.test.ts',
        'src/preload/ok.test.ts',
        'src/document/ok.ts',
        'src/document/ok.test.ts',
        'src/main/ok.ts',
        'src/renderer/ok.ts',
      ]),
    );
    expect(fromOk.map(describeViolation)).toEqual([]);
  });

  it('finds no errors in the real src/', async () => {
    const result = await cruiseLayers(repoRoot);
    const errors = result.summary.violations.filter((violation) => violation.rule.severity === 'error');
    expect(errors.map(describeViolation)).toEqual([]);
    expect(result.summary.totalCruised).toBeGreaterThan(20);
  });
});
