import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAppUrl,
  isTrustedSender,
  mimeTypeFor,
  resolveAppAsset,
  safeExternalUrl,
  trustedDevServerUrl,
} from './urls';

const DEV = 'http://localhost:5173/';

describe('trustedDevServerUrl', () => {
  it('trusts a loopback dev server in an unpackaged app', () => {
    expect(trustedDevServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(trustedDevServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(trustedDevServerUrl('http://[::1]:5173/', false)).toBe('http://[::1]:5173/');
  });
  it('ignores it in a packaged app, so an environment variable cannot redirect the app', () => {
    expect(trustedDevServerUrl('http://localhost:5173', true)).toBeUndefined();
  });
  it('refuses anything that is not a loopback http(s) URL', () => {
    expect(trustedDevServerUrl('https://evil.example/', false)).toBeUndefined();
    expect(trustedDevServerUrl('file:///etc/passwd', false)).toBeUndefined();
    expect(trustedDevServerUrl('http://localhost.evil.example:5173', false)).toBeUndefined();
    expect(trustedDevServerUrl('not a url', false)).toBeUndefined();
    expect(trustedDevServerUrl(undefined, false)).toBeUndefined();
    expect(trustedDevServerUrl('', false)).toBeUndefined();
  });
});

describe('isAppUrl', () => {
  it('accepts the app scheme and host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://pcs/')).toBe(true);
    expect(isAppUrl('app://pcs/assets/index.js?x=1#y')).toBe(true);
  });
  it('refuses other hosts on the app scheme, file:// and the web', () => {
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///work/main/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://www.local.gov.uk/')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
    expect(isAppUrl('data:text/html,<script>1</script>')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
  it('accepts the dev server only when one is trusted, and only its origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/index.html', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/index.html', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAppUrl(APP_ENTRY_URL, DEV)).toBe(true);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isTopFrame: true }, DEV)).toBe(true);
  });
});

describe('safeExternalUrl', () => {
  it('allows https links, normalised', () => {
    expect(safeExternalUrl('https://www.local.gov.uk/our-support/peer-challenges/corporate-peer-challenge')).toBe(
      'https://www.local.gov.uk/our-support/peer-challenges/corporate-peer-challenge',
    );
    expect(safeExternalUrl('HTTPS://WWW.LOCAL.GOV.UK')).toBe('https://www.local.gov.uk/');
  });
  it('refuses every other scheme', () => {
    for (const url of [
      'http://www.local.gov.uk/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'data:text/html,hi',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:someone@example.org',
      'app://pcs/index.html',
    ]) {
      expect(safeExternalUrl(url), url).toBeNull();
    }
  });
  it('refuses credentials in the URL, junk and very long URLs', () => {
    expect(safeExternalUrl('https://user:pass@example.org/')).toBeNull();
    expect(safeExternalUrl('https://user@example.org/')).toBeNull();
    expect(safeExternalUrl('not a url')).toBeNull();
    expect(safeExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBeNull();
    expect(safeExternalUrl(42 as unknown as string)).toBeNull();
  });
});

describe('resolveAppAsset', () => {
  const root = join(sep, 'app', 'out', 'renderer');
  it('maps / to index.html and other paths under the root', () => {
    expect(resolveAppAsset('app://pcs/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://pcs/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://pcs/assets/index-abc.js?v=1', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset('app://pcs/assets/My%20Font.woff2', root)).toBe(join(root, 'assets', 'My Font.woff2'));
  });
  it('never leaves the root', () => {
    for (const url of [
      'app://pcs/../main/index.js',
      'app://pcs/%2e%2e/main/index.js',
      'app://pcs/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://pcs/..%2f..%2fpackage.json',
      'app://pcs/%00index.html',
      'app://pcs/%E0%A4%A',
    ]) {
      const file = resolveAppAsset(url, root);
      if (file !== null) expect(file.startsWith(root + sep), url).toBe(true);
    }
    expect(resolveAppAsset('app://pcs/..%2f..%2fpackage.json', root)).toBeNull();
    expect(resolveAppAsset('app://pcs/%00index.html', root)).toBeNull();
  });
  it('refuses other hosts and schemes', () => {
    expect(resolveAppAsset('app://other/index.html', root)).toBeNull();
    expect(resolveAppAsset('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppAsset('https://pcs/index.html', root)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer build’s file types', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/README')).toBe('application/octet-stream');
  });
});
