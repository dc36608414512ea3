import type { Migration } from './migration';

/**
 * The assessment itself, the binder of sections and a key/value settings table.
 *
 * - `assessment` has exactly one row (id = 1).
 * - `sections` is an adjacency list; `position` is 0..n-1 among live siblings. Deleting is soft
 *   (`deleted_at`) so it can be undone; `deleted_with` names the section whose deletion took this
 *   one to the bin, so restoring brings back exactly that subtree and not an earlier deletion.
 * - `settings` holds small per-file values such as the last section the user was in.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE assessment (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        council_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('full', 'progress')),
        visit_date TEXT,
        template_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE sections (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES sections(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        template_key TEXT,
        title TEXT NOT NULL,
        fixed INTEGER NOT NULL DEFAULT 0 CHECK (fixed IN (0, 1)),
        content_json TEXT NOT NULL,
        plain_text TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        deleted_with TEXT
      );
      CREATE INDEX sections_by_parent ON sections(parent_id, position);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT
      );
    `);
  },
};
