import { describe, expect, it } from 'vitest';
import { REACT_ARIA_PRESS_STYLE_HASH } from '../shared/csp';
import { contentSecurityPolicy, withSecurityHeaders } from './csp';

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('is strict in a built app', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': `'self' '${REACT_ARIA_PRESS_STYLE_HASH}'`,
      'style-src-attr': "'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
      'connect-src': "'self'",
    });
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy()).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy()).not.toMatch(/style-src [^;]*unsafe-inline/);
  });
  it('lets the dev server’s hot reload in, and only in dev', () => {
    const policy = directives(contentSecurityPolicy('http://localhost:5173/'));
    expect(policy['connect-src']).toBe("'self' ws://localhost:5173");
    expect(policy['style-src']).toBe("'self' 'unsafe-inline'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy['script-src']).not.toContain('unsafe-eval');
  });
});

describe('withSecurityHeaders', () => {
  it('replaces any policy the response brought, whatever its case, and keeps other headers', () => {
    const headers = withSecurityHeaders(
      {
        'content-security-policy': ["default-src *"],
        'Content-Security-Policy-Report-Only': ['default-src *'],
        'Content-Type': ['text/html'],
        'x-custom': 'one',
      },
      "default-src 'self'",
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'x-custom': ['one'],
      'Content-Security-Policy': ["default-src 'self'"],
      'X-Content-Type-Options': ['nosniff'],
    });
  });
  it('copes with no headers at all', () => {
    expect(withSecurityHeaders(undefined, 'x')).toEqual({
      'Content-Security-Policy': ['x'],
      'X-Content-Type-Options': ['nosniff'],
    });
  });
});
