import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { nowIso } from '../../time';
import { damaged } from '../sqliteErrors';
import { MIGRATIONS, type Migration } from './index';

/**
 * Applies forward-only migrations and refuses files it cannot trust.
 * `planMigrations` only reads, so it can run on the read-only connection we use to inspect a
 * file before opening it for writing; `applyMigrations` then runs on the read-write one.
 */

interface AppliedMigration {
  version: number;
  name: string;
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function readAppliedMigrations(db: Database.Database): AppliedMigration[] {
  if (!tableExists(db, 'schema_migrations')) return [];
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as AppliedMigration[];
}

export function tooNew(filePath: string): AppError {
  return new AppError(
    'too-new',
    `“${path.basename(filePath)}” was saved by a newer version of Peer Challenge Studio. Update the app to open it; nothing in the file was changed.`,
  );
}

/** The migrations still to apply to `db`, or an AppError if the file's history is not ours. */
export function planMigrations(
  db: Database.Database,
  filePath: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Migration[] {
  const applied = readAppliedMigrations(db);
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latestKnown = migrations.at(-1)?.version ?? 0;
  const userVersion = db.pragma('user_version', { simple: true }) as number;

  if (userVersion > latestKnown || applied.some((a) => a.version > latestKnown)) throw tooNew(filePath);
  applied.forEach((record, index) => {
    const migration = known.get(record.version);
    // Versions must be 1..k in order with the names this code gave them.
    if (record.version !== index + 1 || !migration || migration.name !== record.name) throw damaged(filePath);
  });
  const current = applied.length;
  if (userVersion !== current) throw damaged(filePath);
  return migrations.filter((m) => m.version > current);
}

/** Runs each pending migration in its own transaction, recording it as it goes. */
export function applyMigrations(db: Database.Database, pending: readonly Migration[]): void {
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        nowIso(),
      );
      db.pragma(`user_version = ${Number(migration.version)}`);
    })();
  }
}
