import type Database from 'better-sqlite3';

/** One forward-only step of the file's schema. Never edit a released migration: add a new one. */
export interface Migration {
  /** 1, 2, 3… with no gaps; also written to PRAGMA user_version. */
  readonly version: number;
  /** Recorded in schema_migrations; a mismatch on open means the file is not what we think. */
  readonly name: string;
  /** Runs inside the runner's transaction; must not start its own. */
  up(db: Database.Database): void;
}
