import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, REACT_ARIA_PRESS_STYLE_HASH } from '../../src/shared/csp';

// The policy allows react-aria's one inline <style> by its hash. If a react-aria upgrade changes
// that text, the browser would block it (touch-action on pressables, and a CSP report per page);
// this recomputes the hash from the installed react-aria so the upgrade fails here instead.
describe('the CSP hash for react-aria’s inline style', () => {
  it('matches the <style> text the installed react-aria injects', () => {
    const require = createRequire(import.meta.url);
    const pkg = path.dirname(require.resolve('react-aria/package.json'));
    const source = fs.readFileSync(path.join(pkg, 'dist/private/interactions/usePress.mjs'), 'utf8');
    const attribute = /PRESSABLE_ATTRIBUTE = '([^']+)'/.exec(source)?.[1];
    const template = /style\.textContent = `([\s\S]*?)`\.trim\(\)/.exec(source)?.[1];
    expect(attribute, 'react-aria no longer names its pressable attribute the same way').toBeDefined();
    expect(template, 'react-aria no longer injects its press style the same way').toBeDefined();
    const text = template!.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/g, attribute!).trim();
    const hash = `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(hash).toBe(REACT_ARIA_PRESS_STYLE_HASH);
  });

  it("has no 'unsafe-inline' for style sheets; style attributes only", () => {
    const directives = Object.fromEntries(CSP_DIRECTIVES);
    expect(directives['style-src']).not.toContain('unsafe-inline');
    expect(directives['style-src-elem']).toBeUndefined();
    expect(directives['style-src-attr']).toBe("'unsafe-inline'");
  });
});
