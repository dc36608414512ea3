import type { Envelope, MenuCommandEvent } from '../../shared/contract';
import { UploadResultSchema, type FileRef } from '../../shared/contracts/files';
import type { JobEvent } from '../../shared/contracts/jobs';
import { ApiError } from './ApiError';
import { webJobEvents } from './jobEvents';

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
  /** Every job's events (progress and outcome), over IPC or a streamed HTTP response. */
  subscribeJobs(listener: (event: JobEvent) => void): () => void;
  /**
   * A reference the core can read a file by: its own path in Electron, an upload in browser mode
   * (streamed to the server, never read whole into the page).
   */
  fileRef(file: File): Promise<FileRef>;
  /** The address that shows a stored file, from a display capability (no token in it). */
  blobUrl(capability: string): string;
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
    subscribeJobs: (listener) => bridge.onJobEvent(listener),
    fileRef: async (file) => {
      const path = bridge.pathForFile(file);
      if (path) return { kind: 'path', path };
      // No path (a picture pasted from the clipboard): its bytes go once to the main process,
      // which keeps them in a private temporary file and answers that file's path.
      const envelope = await bridge.uploadBytes(new Uint8Array(await file.arrayBuffer()));
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return { kind: 'path', path: envelope.value.path };
    },
    blobUrl: (capability) => `app://pcs/blob/${capability}`,
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
    subscribeJobs: webJobEvents(token),
    async fileRef(file) {
      // The File is streamed by the browser as the request body: it is never read into the page.
      const response = await fetch('/api-upload', {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-PCS-Token': token },
        body: file,
        cache: 'no-store',
      });
      let envelope: Envelope<unknown>;
      try {
        envelope = (await response.json()) as Envelope<unknown>;
      } catch {
        throw new ApiError('io', `The file did not arrive whole (HTTP ${response.status}). Nothing was saved from it; please try again.`);
      }
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return { kind: 'upload', uploadId: UploadResultSchema.parse(envelope.value).uploadId };
    },
    blobUrl: (capability) => `/blob/${capability}`,
  };
}
