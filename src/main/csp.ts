import { CSP_DIRECTIVES, formatCsp } from '../shared/csp';

/**
 * With the Vite dev server (`npm run dev`, never in a packaged app), hot reload needs a
 * WebSocket back to the server, React Fast Refresh injects one inline module script and the
 * CSS arrives as inline <style> elements.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives = CSP_DIRECTIVES.map(([name, value]) => [name, value] as [string, string]);
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    const ws = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
    for (const directive of directives) {
      if (directive[0] === 'connect-src') directive[1] = `'self' ${ws}`;
      if (directive[0] === 'script-src') directive[1] = "'self' 'unsafe-inline'";
      // Vite's dev server injects each CSS file as a <style> element (a built app links files).
      if (directive[0] === 'style-src') directive[1] = "'self' 'unsafe-inline'";
    }
  }
  return formatCsp(directives);
}

/**
 * Response headers with our policy in place of any the response brought (header names compare
 * case-insensitively), plus nosniff.
 */
export function withSecurityHeaders(
  headers: Record<string, string[] | string> | undefined,
  policy: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    if (lower === 'x-content-type-options') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}
