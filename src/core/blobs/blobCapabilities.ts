import { randomBytes } from 'node:crypto';

/**
 * Short-lived capabilities for showing one stored file: a random name, valid for one blob for
 * CAPABILITY_LIFETIME_MS. The screen puts it in an address (an <img> or a PDF viewer cannot send
 * our token header), so it must be worth nothing to whoever might see it later.
 */
export const CAPABILITY_LIFETIME_MS = 60_000;
const MAX_LIVE = 256;

/** A file on this computer offered for download: where it is, the name to save it as, its type. */
export interface DownloadFile {
  path: string;
  fileName: string;
  mimeType: string;
}

export class BlobCapabilities {
  private readonly live = new Map<string, { blobId: string; sessionId: string; expires: number }>();
  private readonly downloads = new Map<string, { file: DownloadFile; sessionId: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  mint(blobId: string, sessionId: string): { capability: string; expiresAt: string } {
    this.sweep();
    const capability = randomBytes(24).toString('base64url');
    const expires = this.now() + CAPABILITY_LIFETIME_MS;
    this.live.set(capability, { blobId, sessionId, expires });
    // Bounded even if something asks for thousands: the oldest go first.
    while (this.live.size > MAX_LIVE) this.live.delete(this.live.keys().next().value!);
    return { capability, expiresAt: new Date(expires).toISOString() };
  }

  /** The blob a capability shows, while it is valid and its assessment is still the open one. */
  resolve(capability: string, currentSessionId: string | null): string | null {
    const entry = this.live.get(capability);
    if (!entry) return null;
    if (entry.expires <= this.now() || entry.sessionId !== currentSessionId) {
      this.live.delete(capability);
      return null;
    }
    return entry.blobId;
  }

  /**
   * A capability to download one file the app itself wrote on this computer (an export, in
   * browser mode, where the user's browser cannot reach the server's disk). Only ever minted for
   * a path the core chose to offer (a finished export job's result), never for a path a caller names.
   */
  mintDownload(file: DownloadFile, sessionId: string): { capability: string; expiresAt: string } {
    this.sweep();
    const capability = randomBytes(24).toString('base64url');
    const expires = this.now() + CAPABILITY_LIFETIME_MS;
    this.downloads.set(capability, { file, sessionId, expires });
    while (this.downloads.size > MAX_LIVE) this.downloads.delete(this.downloads.keys().next().value!);
    return { capability, expiresAt: new Date(expires).toISOString() };
  }

  /** The file a download capability offers, while it is valid and its assessment is still the open one. */
  resolveDownload(capability: string, currentSessionId: string | null): DownloadFile | null {
    const entry = this.downloads.get(capability);
    if (!entry) return null;
    if (entry.expires <= this.now() || entry.sessionId !== currentSessionId) {
      this.downloads.delete(capability);
      return null;
    }
    return entry.file;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.live) if (entry.expires <= now) this.live.delete(key);
    for (const [key, entry] of this.downloads) if (entry.expires <= now) this.downloads.delete(key);
  }
}
