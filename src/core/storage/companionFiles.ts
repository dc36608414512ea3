import fs from 'node:fs';

/**
 * What lies beside an assessment file, read from bytes only (nothing is opened with SQLite).
 *
 * Our files rest in rollback-journal mode (header bytes 18/19 = 1). While the app has one open
 * they are in WAL mode (= 2) with a `-wal` beside them; SQLite creates that `-wal` only after
 * the header says WAL, and deletes it before the header goes back to 1 on close. So:
 * - header 1 with a `-wal` beside it: the `-wal` is not this file's (a stray, e.g. copied in
 *   from another assessment). SQLite would still replay it into the file, so it must be ignored.
 * - header 2 with its `-wal`: the app has it open, or stopped without closing it; the `-wal`
 *   holds saved changes and belongs with it.
 * - header 2 without a `-wal`: a copy taken while the app had it open (changes since the last
 *   checkpoint were in the `-wal`, which was not copied), or a crash at the very moment of
 *   switching journal mode. From the bytes the two cannot be told apart.
 * - a `-journal` with a journal header: a save (or the switch to WAL on open) was interrupted;
 *   a read-write open rolls it back. A read-only connection cannot, and SQLite then reports
 *   SQLITE_READONLY_ROLLBACK, which looks like a permissions problem.
 */
export interface CompanionState {
  /** Header bytes 18/19 say WAL. */
  walMode: boolean;
  wal: 'none' | 'ours' | 'stray';
  /** A rollback journal from an interrupted save is beside the file. */
  hotJournal: boolean;
  /** WAL mode with no `-wal` and nothing to roll back: the copy may lack the latest changes. */
  maybeIncompleteCopy: boolean;
}

const HEADER_WRITE_VERSION_OFFSET = 18;
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

function fileSize(filePath: string): number | null {
  try {
    return fs.statSync(filePath).size;
  } catch {
    return null;
  }
}

function startsWith(filePath: string, magic: Buffer): boolean {
  try {
    const fd = fs.openSync(filePath, 'r');
    try {
      const bytes = Buffer.alloc(magic.length);
      return fs.readSync(fd, bytes, 0, magic.length, 0) === magic.length && bytes.equals(magic);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function companionState(filePath: string, header: Buffer): CompanionState {
  const walMode = header[HEADER_WRITE_VERSION_OFFSET] === 2;
  const walSize = fileSize(`${filePath}-wal`);
  const wal = walSize === null ? 'none' : walMode ? 'ours' : walSize === 0 ? 'none' : 'stray';
  const hotJournal = startsWith(`${filePath}-journal`, JOURNAL_MAGIC);
  return { walMode, wal, hotJournal, maybeIncompleteCopy: walMode && walSize === null && !hotJournal };
}
