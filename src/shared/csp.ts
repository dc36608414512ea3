/**
 * The Content Security Policy of the renderer, one copy for both carriers: the Electron shell
 * (src/main/csp.ts, which loosens it only for the dev server) and browser mode
 * (src/web/securityHeaders.ts). Only our own scripts, no plugins, no framing, no form posts,
 * no <base> tricks.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export function formatCsp(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
