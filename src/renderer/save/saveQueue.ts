import type { ResultOf } from '../../shared/contract';
import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'blocked';
export type SaveResult = ResultOf<'section-save-content'>;

/**
 * Why text is not in the file yet. 'retrying' goes away by itself (disk full, drive back);
 * the others need the user: the text is held, never dropped, until they act.
 */
export type SaveProblemKind = 'assessment-changed' | 'section-gone' | 'refused' | 'stale' | 'retrying';
export interface SaveProblem {
  kind: SaveProblemKind;
  message: string;
}

/** Text the file refused, kept in the tab until it can be saved or the user takes a copy. */
export interface HeldText {
  sectionId: string;
  content: SerializedEditorStateJSON;
  problem: SaveProblem;
}

/** How a save reaches the core; the renderer's api in the app, a stand-in in unit tests. */
export interface SaveBackend {
  save(sectionId: string, content: SerializedEditorStateJSON, baseRevision?: number): Promise<SaveResult>;
  /** A last write while the page goes away; must not depend on the page staying alive. */
  saveOnUnload?(sectionId: string, content: SerializedEditorStateJSON, baseRevision?: number): void;
}

/** Quiet time after the last keystroke before we save. */
const DEBOUNCE_MS = 300;
/** However fast the user types, the first unsaved change is written within this long. */
const MAX_WAIT_MS = 600;
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 5000];

export const SECTION_GONE_MESSAGE =
  'This section is no longer in the assessment (it may have been deleted in another tab or window), so your latest text in it could not be saved. It is kept here: download it before you leave.';
export const NO_ASSESSMENT_MESSAGE =
  'This assessment is no longer open, so your latest text could not be saved. It is kept here: reopen the assessment to save it.';
const RETRY_SUFFIX = ' Your text is kept here, and saving will start again by itself as soon as it can.';

/**
 * The text to save, made only when the save is about to go (never on the keystroke that queued
 * it); null when it turns out to be what is already in the file, so nothing is sent.
 */
type ContentThunk = () => SerializedEditorStateJSON | null;
/** Queued text, with the revision of the section it was typed on (when known). */
interface Queued {
  content: ContentThunk;
  base: number | undefined;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Autosave: the user never presses Save. Each editor change is queued per section; after a short
 * pause (or at most MAX_WAIT_MS after the first unsaved change) the queue is written, one call in
 * flight at a time, newer content replacing older content that has not gone yet.
 *
 * Nothing is dropped and nothing unsaved is called saved. A write that may succeed later (disk
 * full, read-only drive, a network blip) stays queued and is retried; one the file refused
 * (another tab replaced the assessment, the section is gone, the content is too large) is held
 * with its reason until the user acts. The only save ever dropped is one for a section that this
 * tab itself deleted.
 */
export class SaveQueue {
  private pending = new Map<string, Queued>();
  /** The stored revision each section's editor text is based on, from loads and saves. */
  private revisions = new Map<string, number>();
  private staleListeners = new Set<(sectionId: string) => void>();
  private held = new Map<string, HeldText>();
  private deletedHere = new Set<string>();
  private firstPendingAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private loop: Promise<void> | null = null;
  private status: SaveStatus = 'saved';
  private retrying: SaveProblem | null = null;
  private listeners = new Set<(status: SaveStatus) => void>();
  private savedListeners = new Set<(result: SaveResult) => void>();

  constructor(private readonly backend: SaveBackend) {}

  getStatus(): SaveStatus {
    return this.status;
  }

  /** What is wrong now, if anything: held text first (it needs the user), else the retrying error. */
  getProblem(): SaveProblem | null {
    const first = this.held.values().next();
    if (!first.done) return first.value.problem;
    return this.retrying;
  }

  getLastError(): string {
    return this.getProblem()?.message ?? '';
  }

  /** Called with the status whenever the status or the problem changes. */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSaved(listener: (result: SaveResult) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  /**
   * A section was (re)loaded into the editor at this revision: what is typed from now on is
   * based on it, and a save is refused if the stored section has moved on meanwhile.
   */
  noteLoaded(sectionId: string, revision: number): void {
    this.revisions.set(sectionId, revision);
  }

  /** Called when a save was refused as stale, so the screen can reload the section. */
  onStale(listener: (sectionId: string) => void): () => void {
    this.staleListeners.add(listener);
    return () => this.staleListeners.delete(listener);
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.loop !== null;
  }

  /** True while some text is held because the file refused it. */
  hasHeld(): boolean {
    return this.held.size > 0;
  }

  heldTexts(): HeldText[] {
    return [...this.held.values()];
  }

  /**
   * Queue the latest content of a section. `quiet` for an update nobody typed (the editor laying
   * out a section just loaded, a citation relabelled): it is saved if it turns out to change the
   * text, but says "Saving…" only then, so merely choosing a section does not flash it.
   */
  schedule(sectionId: string, content: ContentThunk, options: { quiet?: boolean } = {}): void {
    if (this.pending.size === 0) this.firstPendingAt = Date.now();
    // Newer text for a held section replaces the held text, but only once it turns out to be new
    // (in drain): an update that changes nothing (a reload's normalising pass) must not let go of
    // text the file refused.
    this.pending.set(sectionId, { content, base: this.revisions.get(sectionId) });
    if (!options.quiet) this.settleStatus(this.loop ? 'saving' : 'pending');
    if (this.retryTimer) return; // a retry is already on its way and will carry this too
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.firstPendingAt;
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.kick();
    }, delay);
  }

  /** Try the held text again, e.g. once the user has reopened the assessment. */
  async retryHeld(): Promise<void> {
    for (const [id, held] of this.held) {
      // Tried again as a plain save: the user chose to put this text in (e.g. after a reopen).
      if (!this.pending.has(id)) this.pending.set(id, { content: () => held.content, base: undefined });
    }
    this.held.clear();
    this.retrying = null;
    this.emit();
    await this.flush();
  }

  /** The user has taken what they need from held text (downloaded it) and lets it go. */
  discardHeld(): void {
    this.held.clear();
    this.setStatus(this.hasPending() ? 'pending' : 'saved');
    this.emit();
  }

  /**
   * This tab deleted these sections: a save that arrives for them afterwards has nowhere to
   * go and is rightly dropped. Saves for sections deleted elsewhere are held instead.
   */
  sectionsDeleted(ids: readonly string[]): void {
    for (const id of ids) {
      this.deletedHere.add(id);
      this.pending.delete(id);
      this.held.delete(id);
    }
    this.settleStatus(this.hasPending() ? 'pending' : 'saved');
  }

  /** Write everything queued now, and resolve once it is written (or has failed once). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    // A loop already running picks up anything queued meanwhile before it ends.
    await this.kick();
    if (this.pending.size > 0 && this.status !== 'error') await this.kick();
  }

  /** The page is going away: send what is queued with requests that outlive the page. */
  flushOnUnload(): void {
    if (!this.backend.saveOnUnload) return;
    for (const [id, queued] of this.pending) {
      const content = queued.content();
      if (content) this.backend.saveOnUnload(id, content, queued.base);
    }
    this.pending.clear();
  }

  /** Forget everything queued (only after a flush, e.g. when the assessment closes). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    this.savedListeners.clear();
    this.staleListeners.clear();
  }

  private kick(): Promise<void> {
    if (!this.loop) {
      this.loop = this.drain().finally(() => {
        this.loop = null;
      });
    }
    return this.loop;
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const next = this.pending.entries().next();
      if (next.done) break;
      const [id, queued] = next.value;
      this.pending.delete(id);
      let content: SerializedEditorStateJSON | null;
      try {
        content = queued.content();
      } catch {
        continue; // the editor went away mid-way; its last state was queued earlier
      }
      if (!content) continue; // nothing new to write after all
      this.settleStatus('saving');
      // New text for a held section replaces the held text and is tried afresh.
      if (this.held.delete(id)) this.emit();
      try {
        const result = await this.backend.save(id, content, queued.base);
        this.failures = 0;
        this.retrying = null;
        this.deletedHere.delete(id);
        // Text typed on while this save was in flight continues from the revision it made.
        if (queued.base === undefined || this.revisions.get(id) === queued.base) this.revisions.set(id, result.revision);
        const later = this.pending.get(id);
        if (later && later.base === queued.base) later.base = result.revision;
        for (const listener of this.savedListeners) listener(result);
      } catch (error) {
        const newer = this.pending.has(id);
        const problem = this.refusal(id, error);
        if (problem === 'drop') continue;
        if (problem) {
          // Refused for good: hold it (unless newer text is already queued to try instead).
          if (!newer) this.held.set(id, { sectionId: id, content, problem });
          this.emit();
          if (problem.kind === 'stale') for (const listener of this.staleListeners) listener(id);
          continue;
        }
        // May work later: put it back and try again shortly.
        if (!newer) this.pending.set(id, { content: () => content, base: queued.base });
        const message = error instanceof Error && error.message ? error.message : 'Your latest changes could not be saved.';
        this.retrying = { kind: 'retrying', message: message + RETRY_SUFFIX };
        this.failures++;
        this.setStatus('error');
        this.emit();
        const delay = RETRY_DELAYS_MS[Math.min(this.failures - 1, RETRY_DELAYS_MS.length - 1)] ?? 5000;
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.kick();
        }, delay);
        return;
      }
    }
    this.setStatus(this.held.size > 0 ? 'blocked' : 'saved');
    this.emit();
  }

  /** 'drop' for a section this tab deleted, a problem when retrying cannot help, else null. */
  private refusal(id: string, error: unknown): SaveProblem | 'drop' | null {
    const code = codeOf(error);
    const message = error instanceof Error ? error.message : '';
    switch (code) {
      case 'assessment-changed':
        return { kind: 'assessment-changed', message };
      case 'no-assessment-open':
        return { kind: 'assessment-changed', message: NO_ASSESSMENT_MESSAGE };
      case 'not-found':
        return this.deletedHere.has(id) ? 'drop' : { kind: 'section-gone', message: SECTION_GONE_MESSAGE };
      case 'stale':
        return { kind: 'stale', message };
      case 'invalid-input':
      case 'not-allowed':
        return { kind: 'refused', message };
      default:
        return null;
    }
  }

  /** Shows activity unless something worse (an error, held text) must stay on screen. */
  private settleStatus(activity: SaveStatus): void {
    if (this.status === 'error') return;
    this.setStatus(this.held.size > 0 ? 'blocked' : activity);
  }

  private setStatus(status: SaveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.status);
  }
}
