import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * The owner lock: a small file `<name>.pcstudio.lock` beside an assessment that says who has it
 * open for writing, so that a second copy of the app, on this machine or another one sharing the
 * drive, opens it read-only and can say who has it and since when.
 *
 * Why a file of our own as well as SQLite's lock: SQLite's EXCLUSIVE lock (kept, see
 * assessmentDatabase.ts) is what makes two writers impossible on one machine, but byte-range
 * locks over network drives (SMB, NFS) are unreliable and cannot say who holds them. The lock
 * file is created with O_EXCL ('wx'), which network drives do honour, and carries a name.
 *
 * Fresh or stale: the owner touches the file every HEARTBEAT_MS while it has the assessment open.
 * - Same machine, process still running: held, whatever the heartbeat says.
 * - Same machine, process gone (a crash or kill): certainly stale; SQLite's own lock (released by
 *   the OS when a process dies) is checked straight after, so it is replaced without asking.
 * - Another machine, heartbeat younger than STALE_AFTER_MS: held.
 * - Another machine, heartbeat older: probably stale (that computer crashed or lost the drive),
 *   but it cannot be known from here, so the user is told and offered "Take over".
 */

export const HEARTBEAT_MS = 30_000;
export const STALE_AFTER_MS = 2 * 60_000;
/** A lock file with no readable owner yet may be being written this moment. */
const UNREADABLE_GRACE_MS = 10_000;

export interface LockOwner {
  machine: string;
  user: string;
  pid: number;
  /** When they opened it (ISO). */
  since: string;
  appVersion: string;
  /** Tells our lock from one that replaced it. */
  token: string;
}

export function lockPathFor(filePath: string): string {
  return `${filePath}.lock`;
}

/** Thrown when somebody else holds the lock; the caller opens the file read-only instead. */
export class FileLockedError extends AppError {
  constructor(
    message: string,
    readonly lockedBy: { machine: string; user: string; since: string; stale: boolean } | null,
  ) {
    super('locked', message);
  }
}

function currentUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'someone';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.machine !== 'string' || typeof parsed.pid !== 'number' || typeof parsed.since !== 'string') {
      return null;
    }
    return {
      machine: parsed.machine,
      user: typeof parsed.user === 'string' ? parsed.user : 'someone',
      pid: parsed.pid,
      since: parsed.since,
      appVersion: typeof parsed.appVersion === 'string' ? parsed.appVersion : '',
      token: typeof parsed.token === 'string' ? parsed.token : '',
    };
  } catch {
    return null;
  }
}

/** "09:14" today, "3 March, 09:14" on another day: when they opened it, in the user's terms. */
export function describeSince(since: string, now = new Date()): string {
  const date = new Date(since);
  if (Number.isNaN(date.getTime())) return 'a while ago';
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })}, ${time}`;
}

export function heldMessage(owner: { machine: string; user: string; since: string }): string {
  return `${owner.user} on ${owner.machine} has this assessment open (since ${describeSince(owner.since)}). You can read it; changes can't be saved until they close it.`;
}

export function staleMessage(owner: { machine: string; user: string; since: string }): string {
  return `${owner.user} on ${owner.machine} opened this assessment (at ${describeSince(owner.since)}) and has not been heard from for more than ${STALE_AFTER_MS / 60_000} minutes: their computer may have stopped. You can read it here. If you are sure they no longer have it open, choose “Take over” to make changes.`;
}

type Assessment = { kind: 'held'; owner: LockOwner } | { kind: 'stale'; owner: LockOwner } | { kind: 'abandoned' };

function assess(lockPath: string, now: number): Assessment {
  const owner = readOwner(lockPath);
  let mtime = now;
  try {
    mtime = fs.statSync(lockPath).mtimeMs;
  } catch {
    return { kind: 'abandoned' }; // Gone meanwhile.
  }
  const age = now - mtime;
  if (!owner) {
    if (age < UNREADABLE_GRACE_MS) {
      return { kind: 'held', owner: { machine: 'another computer', user: 'Someone', pid: 0, since: new Date(mtime).toISOString(), appVersion: '', token: '' } };
    }
    return { kind: 'abandoned' };
  }
  if (owner.machine === os.hostname()) return isProcessAlive(owner.pid) ? { kind: 'held', owner } : { kind: 'abandoned' };
  return age < STALE_AFTER_MS ? { kind: 'held', owner } : { kind: 'stale', owner };
}

/** Our hold on an assessment's lock file; heartbeats until released. */
export class OwnerLock {
  private timer: NodeJS.Timeout | null;

  private constructor(
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {
    this.timer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    // The heartbeat must not keep a CLI or test process alive on its own.
    this.timer.unref();
  }

  /**
   * Takes the lock for `filePath`, or throws FileLockedError (someone has it; stale: true when
   * "Take over" may be offered), or an fs error (the folder cannot be written to).
   */
  static acquire(filePath: string, options: { takeOver?: boolean; appVersion?: string } = {}): OwnerLock {
    const lockPath = lockPathFor(filePath);
    const owner: LockOwner = {
      machine: os.hostname(),
      user: currentUser(),
      pid: process.pid,
      since: new Date().toISOString(),
      appVersion: options.appVersion ?? '',
      token: randomBytes(8).toString('hex'),
    };
    const content = JSON.stringify(owner);
    try {
      writeExclusive(lockPath, content);
      removeAbandonedReplacements(lockPath);
      return new OwnerLock(lockPath, owner);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = assess(lockPath, Date.now());
    if (found.kind === 'held') throw new FileLockedError(heldMessage(found.owner), { ...found.owner, stale: false });
    if (found.kind === 'stale' && !options.takeOver) {
      throw new FileLockedError(staleMessage(found.owner), { ...found.owner, stale: true });
    }
    // Replaced in one step (write beside, rename over), then read back: if two take over at
    // once, the rename that lands last wins and the other is told who has it.
    const beside = `${lockPath}.${owner.token}`;
    fs.writeFileSync(beside, content);
    fs.renameSync(beside, lockPath);
    const now = readOwner(lockPath);
    if (now?.token !== owner.token) {
      throw new FileLockedError(heldMessage(now ?? owner), now ? { ...now, stale: false } : null);
    }
    removeAbandonedReplacements(lockPath);
    return new OwnerLock(lockPath, owner);
  }

  private heartbeat(): void {
    try {
      const now = new Date();
      fs.utimesSync(this.lockPath, now, now);
    } catch {
      // A drive that went away: the save that follows will say so.
    }
  }

  /** Removes the lock file if it is still ours (someone may have taken over a stale one). */
  release(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      if (readOwner(this.lockPath)?.token === this.owner.token) fs.rmSync(this.lockPath, { force: true });
    } catch {
      // Left behind, it is recognised as stale (our process is gone or no longer heartbeats).
    }
  }
}

/**
 * A take-over killed between writing its `<lock>.<token>` copy and renaming it over the lock
 * leaves that copy behind. Once we hold the lock, a copy whose writer is certainly gone (this
 * machine, process dead) or long silent (another machine, older than STALE_AFTER_MS) is removed;
 * one written a moment ago elsewhere may be about to be renamed and is left alone. Never throws.
 */
function removeAbandonedReplacements(lockPath: string): void {
  const folder = path.dirname(lockPath);
  const prefix = `${path.basename(lockPath)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{16}$/.test(name.slice(prefix.length))) continue;
    const copyPath = path.join(folder, name);
    try {
      if (assess(copyPath, now).kind !== 'held') fs.rmSync(copyPath, { force: true });
    } catch {
      // Tidying is a courtesy.
    }
  }
}

function writeExclusive(lockPath: string, content: string): void {
  const fd = fs.openSync(lockPath, 'wx');
  try {
    fs.writeSync(fd, content);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether a path can be written to; replaceable in tests, which run as root (root may write anything). */
export type CanWrite = (target: string) => boolean;

export const canWriteOnDisk: CanWrite = (target) => {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Why a file that nobody else has open must still be opened read-only, or null. */
export function readOnlyReason(filePath: string, canWrite: CanWrite): 'read-only-file' | 'read-only-folder' | null {
  if (!canWrite(path.dirname(filePath))) return 'read-only-folder';
  if (!canWrite(filePath)) return 'read-only-file';
  return null;
}
