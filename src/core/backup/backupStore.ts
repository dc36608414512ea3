import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { BackupInfo } from '../../shared/schemas/backup';
import { fsyncFile } from '../storage/fsyncFile';
import { isAssessmentId } from './assessmentIdentity';
import { planRetention } from './backupPolicy';

/**
 * Where backups live and how they are written, listed, pruned and found again.
 *
 * Layout, in the per-machine settings folder:
 *   backups/<assessment id>/source.json                  where the assessment was last seen
 *   backups/<assessment id>/20261123T141000123Z.pcstudio  a complete copy, made by SQLite's online backup
 *   backups/<assessment id>/20261123T141000123Z.json      its time, word count and file name
 *
 * A backup is written under a temporary name, checked, and only then renamed into place, so a
 * backup that is interrupted (the app closes, the disk fills) never leaves a half-written copy
 * that looks like a good one.
 */

const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/;
const BACKUP_FILE = /^(\d{8}T\d{9}Z)\.pcstudio$/;
const TEMP_MARK = '.tmp-';

const SidecarSchema = z.object({
  createdAt: z.string(),
  wordCount: z.number().int().nonnegative(),
  councilName: z.string(),
  fileName: z.string(),
  /** The assessment's own updated_at when the copy was made: tells whether the file has changed since. */
  sourceUpdatedAt: z.string().nullable(),
});
type Sidecar = z.infer<typeof SidecarSchema>;

const SourceSchema = z.object({ path: z.string(), fileName: z.string(), councilName: z.string() });
export type BackupSource = z.infer<typeof SourceSchema>;

export interface StoredBackup extends BackupInfo {
  /** The backup's own file. */
  file: string;
  sourceUpdatedAt: string | null;
}

/** 2026-11-23T14:10:00.123Z → 20261123T141000123Z: sortable, and safe in any file system. */
export function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function dateOfStamp(stamp: string): Date | null {
  const m = STAMP.exec(stamp);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!));
}

function notFound(): AppError {
  return new AppError('not-found', 'That backup could not be found. It may have been removed as it grew old.');
}

export class BackupStore {
  /** Temporary files of backups being written now: everything else temporary is a leftover. */
  private readonly writing = new Set<string>();

  constructor(readonly root: string) {}

  folderFor(assessmentId: string): string {
    if (!isAssessmentId(assessmentId)) throw new Error(`Not an assessment id: ${assessmentId}`);
    return path.join(this.root, assessmentId);
  }

  /** Notes where the assessment is, so its backups can be found from its path if it will not open. */
  rememberSource(assessmentId: string, source: BackupSource): void {
    const folder = this.folderFor(assessmentId);
    fs.mkdirSync(folder, { recursive: true });
    writeFileAtomic(path.join(folder, 'source.json'), JSON.stringify(source, null, 2));
  }

  /** The assessment whose backups were last made from `filePath`, or null. */
  findAssessmentIdByPath(filePath: string): string | null {
    const wanted = path.resolve(filePath);
    let found: { id: string; time: number } | null = null;
    for (const id of this.assessmentIds()) {
      const sourceFile = path.join(this.root, id, 'source.json');
      const source = readJson(sourceFile, SourceSchema);
      if (source && path.resolve(source.path) === wanted) {
        const time = fs.statSync(sourceFile).mtimeMs;
        if (!found || time > found.time) found = { id, time };
      }
    }
    return found?.id ?? null;
  }

  /**
   * Copies the open database `db` into a new backup with SQLite's online backup API. The copy is
   * made in small steps between the app's own work, so saves go on while it runs; if the
   * connection is closed meanwhile, the copy is abandoned and its temporary file removed.
   */
  async create(db: Database.Database, assessmentId: string, sourcePath: string, now: Date): Promise<StoredBackup> {
    const folder = this.folderFor(assessmentId);
    fs.mkdirSync(folder, { recursive: true });
    this.removeLeftovers(folder);
    let when = now;
    while (fs.existsSync(path.join(folder, `${stampOf(when)}.pcstudio`))) when = new Date(when.getTime() + 1);
    const stamp = stampOf(when);
    const file = path.join(folder, `${stamp}.pcstudio`);
    const temp = `${file}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
    this.writing.add(temp);
    try {
      // A small step keeps each pause short; the default progress returns 100 pages a step.
      await db.backup(temp, { progress: () => 64 });
      const facts = sealBackup(temp);
      fs.renameSync(temp, file);
      const sidecar: Sidecar = { createdAt: when.toISOString(), fileName: path.basename(sourcePath), ...facts };
      writeFileAtomic(path.join(folder, `${stamp}.json`), JSON.stringify(sidecar, null, 2));
      return { id: `${assessmentId}/${stamp}`, file, ...sidecar };
    } catch (error) {
      removeWithCompanions(temp);
      throw error;
    } finally {
      this.writing.delete(temp);
    }
  }

  /** An assessment's backups, newest first; copies that cannot be read are left out. */
  list(assessmentId: string): StoredBackup[] {
    const folder = this.folderFor(assessmentId);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      return [];
    }
    const backups: StoredBackup[] = [];
    for (const name of names) {
      const stamp = BACKUP_FILE.exec(name)?.[1];
      if (!stamp) continue;
      const backup = this.read(assessmentId, stamp);
      if (backup) backups.push(backup);
    }
    return backups.sort((a, b) => b.id.localeCompare(a.id));
  }

  /** One backup by its id, or a not-found AppError. */
  get(id: string): StoredBackup {
    const [assessmentId, stamp] = id.split('/');
    if (!assessmentId || !stamp || !isAssessmentId(assessmentId) || !dateOfStamp(stamp)) throw notFound();
    const backup = this.read(assessmentId, stamp);
    if (!backup) throw notFound();
    return backup;
  }

  /** Deletes the backups the retention rule no longer wants. Never throws: tidying is not worth an error. */
  prune(assessmentId: string, now: Date): void {
    try {
      const backups = this.list(assessmentId);
      const byTime = new Map(backups.map((b) => [dateOfStamp(b.id.split('/')[1]!)!.getTime(), b]));
      const { remove } = planRetention([...byTime.keys()], now.getTime());
      for (const time of remove) {
        const backup = byTime.get(time)!;
        fs.rmSync(backup.file.replace(/\.pcstudio$/, '.json'), { force: true });
        fs.rmSync(backup.file, { force: true });
      }
    } catch (error) {
      console.error('Peer Challenge Studio: could not remove old backups', error);
    }
  }

  private read(assessmentId: string, stamp: string): StoredBackup | null {
    const folder = this.folderFor(assessmentId);
    const file = path.join(folder, `${stamp}.pcstudio`);
    if (!fs.existsSync(file)) return null;
    let sidecar = readJson(path.join(folder, `${stamp}.json`), SidecarSchema);
    if (!sidecar) {
      // The note beside it was lost: read the facts from the copy itself.
      try {
        sidecar = { createdAt: dateOfStamp(stamp)!.toISOString(), fileName: '', ...readFacts(file, { readonly: true }) };
      } catch {
        return null;
      }
    }
    return { id: `${assessmentId}/${stamp}`, file, ...sidecar };
  }

  private assessmentIds(): string[] {
    try {
      return fs.readdirSync(this.root).filter(isAssessmentId);
    } catch {
      return [];
    }
  }

  private removeLeftovers(folder: string): void {
    for (const name of fs.readdirSync(folder)) {
      const full = path.join(folder, name);
      if (name.includes(TEMP_MARK) && ![...this.writing].some((w) => full.startsWith(w))) fs.rmSync(full, { force: true });
    }
  }
}

interface Facts {
  wordCount: number;
  councilName: string;
  sourceUpdatedAt: string | null;
}

/**
 * Makes a freshly copied backup a sound file at rest: the copy carries the open file's WAL mode,
 * so switch it back to a rollback journal (one self-contained file, as assessments are at rest),
 * check it, read its facts and flush it to disk.
 */
function sealBackup(temp: string): Facts {
  const db = new Database(temp, { fileMustExist: true });
  let facts: Facts;
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup copy failed its check: ${String(check)}`);
    facts = factsOf(db);
  } finally {
    db.close();
  }
  fsyncFile(temp);
  return facts;
}

function readFacts(file: string, options: Database.Options): Facts {
  const db = new Database(file, { ...options, fileMustExist: true });
  try {
    return factsOf(db);
  } finally {
    db.close();
  }
}

function factsOf(db: Database.Database): Facts {
  const row = db.prepare('SELECT council_name, updated_at FROM assessment WHERE id = 1').get() as
    | { council_name: string; updated_at: string }
    | undefined;
  const words = db.prepare('SELECT coalesce(sum(word_count), 0) AS n FROM sections WHERE deleted_at IS NULL').get() as { n: number };
  return { wordCount: words.n, councilName: row?.council_name ?? '', sourceUpdatedAt: row?.updated_at ?? null };
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeFileAtomic(file: string, content: string): void {
  const temp = `${file}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function removeWithCompanions(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // best effort
    }
  }
}
