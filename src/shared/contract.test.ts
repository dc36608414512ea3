import { describe, expect, it } from 'vitest';
import { coreContract, contract, isMethodName, shellContract } from './contract';

/**
 * Every domain's contract group, found by file (Vite's glob import, as vitest runs through Vite)
 * so a new domain needs no edit here. src/shared's own config has no Vite types and the page's
 * config has them, so one ignore serves both compilations.
 */
// @ts-ignore -- see above
const domainFiles: Record<string, Record<string, unknown>> = import.meta.glob('./contracts/*.ts', { eager: true });
const domains = Object.entries(domainFiles)
  .map(([file, exports]) => {
    const name = /\.\/contracts\/(\w+)\.ts$/.exec(file)![1];
    // The domain's own table (`jobsContract` in jobs.ts); a file may export other tables too
    // (jobs.ts also has `jobContract`, its job kinds, which are not methods).
    const table = (exports[`${name}Contract`] ?? Object.entries(exports).find(([key]) => key.endsWith('Contract'))?.[1]) as
      | object
      | undefined;
    return { name, table };
  })
  .filter((domain): domain is { name: string; table: object } => domain.table !== undefined);

/** Names from before the pattern was written down; see the comment at the top of contract.ts. */
const OLDER_NAMES = new Set([
  'recent-list',
  'recent-forget',
  'focus-area-add',
  'statement-find',
  'statement-replace-all',
  'statement-replace-undo',
]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

describe('the contract', () => {
  it('is made of the domain groups, with no method in two of them (a spread would silently drop one)', () => {
    expect(domains.map((domain) => domain.name)).toEqual(expect.arrayContaining(['assessment', 'sections', 'search']));
    const seen = new Map<string, string>();
    for (const { name, table } of domains) {
      for (const method of Object.keys(table)) {
        expect(seen.get(method), `${method} is in both ${seen.get(method)} and ${name}`).toBeUndefined();
        seen.set(method, name);
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(coreContract).sort());
    for (const method of Object.keys(shellContract)) expect(seen.has(method), method).toBe(false);
  });

  it('names every method <domain>-<verb> or <domain>-<noun>-<verb>', () => {
    for (const { name, table } of domains) {
      const domain = kebab(name);
      const prefixes = [`${domain}-`, `${domain.replace(/s$/, '')}-`];
      for (const method of Object.keys(table)) {
        if (OLDER_NAMES.has(method)) continue;
        expect(method, `${method} in contracts/${name}.ts`).toMatch(/^[a-z]+(-[a-z]+)+$/);
        expect(
          prefixes.some((prefix) => method.startsWith(prefix)),
          `${method} in contracts/${name}.ts should start with ${prefixes.join(' or ')}`,
        ).toBe(true);
      }
    }
  });

  it('knows its method names', () => {
    expect(isMethodName('section-get')).toBe(true);
    expect(isMethodName('app-info')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(Object.keys(contract)).toHaveLength(Object.keys(coreContract).length + Object.keys(shellContract).length);
  });
});
