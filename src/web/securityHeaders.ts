import type { ServerResponse } from 'node:http';
import { CSP_DIRECTIVES, formatCsp } from '../shared/csp';

/** The renderer's policy, the same one the Electron shell applies. */
export const CONTENT_SECURITY_POLICY = formatCsp(CSP_DIRECTIVES);

export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}
