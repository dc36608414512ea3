/**
 * The Content Security Policy of the renderer, one copy for both carriers: the Electron shell
 * (src/main/csp.ts, which loosens it only for the dev server) and browser mode
 * (src/web/securityHeaders.ts). Only our own scripts, no plugins, no framing, no form posts,
 * no <base> tricks.
 */
/** sha256 of react-aria's pressable <style> text (react-aria/dist/private/interactions/usePress). */
export const REACT_ARIA_PRESS_STYLE_HASH = 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o=';

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Style sheets: our own files, and the one <style> element react-aria adds (usePress's
  // touch-action rule), by its hash; no other inline <style> (tests/unit/cspHashes.test.ts
  // recomputes the hash from the installed react-aria, so an upgrade that changes it fails there).
  ['style-src', `'self' '${REACT_ARIA_PRESS_STYLE_HASH}'`],
  // Style attributes stay allowed: pasted HTML is parsed (DOMParser) under this same policy, and
  // its underline, sub/superscript and Google Docs' font-weight:700 bold are read from them.
  // React's style props and Lexical's formats go through the CSSOM, which needs no keyword.
  ['style-src-attr', "'unsafe-inline'"],
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
