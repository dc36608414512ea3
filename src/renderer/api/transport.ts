import type { Envelope, MenuCommandEvent } from '../../shared/contract';

/** How one call travels: Electron IPC through the preload bridge, or HTTP in browser mode. */
export interface Transport {
  kind: 'electron' | 'web';
  call(method: string, args: unknown): Promise<Envelope<unknown>>;
  /**
   * A last call made while the page is going away (pagehide): must not depend on the page
   * staying alive to deliver it.
   */
  callOnUnload(method: string, args: unknown): void;
  onMenuCommand(listener: (event: MenuCommandEvent) => void): () => void;
  /**
   * The session of the assessment this tab has open (AssessmentSummary.sessionId), sent with
   * every call so that a call meant for an assessment another tab has since replaced is refused
   * ('assessment-changed') rather than applied to whatever is open now.
   */
  setSession(sessionId: string | null): void;
}

const TOKEN_KEY = 'pcs-token';

/**
 * Browser mode's token arrives once as `?token=…`. Keep it for this tab in sessionStorage and
 * take it out of the address bar, so it is not bookmarked or shared by accident.
 */
export function takeWebToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage unavailable: keep it in memory only
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function electronTransport(bridge: NonNullable<Window['pcs']>): Transport {
  return {
    kind: 'electron',
    call: (method, args) => bridge.invoke(method, args),
    callOnUnload: (method, args) => {
      void bridge.invoke(method, args);
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    // The desktop app has one window per core, so no other window can replace its assessment.
    setSession: () => undefined,
  };
}

export function webTransport(token: string): Transport {
  let session: string | null = null;
  const request = (method: string, args: unknown, keepalive: boolean) =>
    fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-PCS-Token': token,
        ...(session ? { 'X-PCS-Session': session } : {}),
      },
      body: JSON.stringify(args ?? {}),
      keepalive,
      cache: 'no-store',
    });
  return {
    kind: 'web',
    async call(method, args) {
      const response = await request(method, args, false);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return {
          ok: false,
          error: { code: 'io', message: `The app's engine answered in a way we did not understand (HTTP ${response.status}).` },
        };
      }
      return body as Envelope<unknown>;
    },
    callOnUnload(method, args) {
      // keepalive lets the request outlive the page; sendBeacon cannot carry our token header.
      void request(method, args, true).catch(() => undefined);
    },
    onMenuCommand: () => () => undefined,
    setSession: (sessionId) => {
      session = sessionId;
    },
  };
}
