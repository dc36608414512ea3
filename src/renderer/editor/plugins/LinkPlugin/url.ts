/** The link kinds a statement may carry: web pages and email addresses. */
export function normaliseUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  let candidate = text;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(candidate)) candidate = `mailto:${candidate}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate)) candidate = `https://${candidate}`;
  try {
    const url = new URL(candidate);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.href;
  } catch {
    return null;
  }
}

export function isValidUrl(raw: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(raw.trim()) && normaliseUrl(raw) !== null;
}
