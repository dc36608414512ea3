import type { Migration } from './migration';

/**
 * The evidence library: the files themselves, what they are, and their text for search.
 *
 * - `blobs` + `blob_chunks`: every stored file once, keyed by its SHA-256, in chunks of about
 *   1 MB so a listing never reads file bytes and a read or write never holds a whole large file
 *   in memory. The same file added twice is kept once.
 * - `evidence_items`: one row per item in the library. `blob_hash` is null for a web link.
 *   `family` groups items that number as 11a, 11b…; `key_order` is the user's order in the key
 *   documents list (null: order of first citation). `text_status` says whether text was found.
 * - `evidence_pages`: extracted text, one row per page (or per sheet / slide; 1 for flat text).
 * - `evidence_fts`: an external-content FTS5 index over `evidence_pages.text`, kept in step by
 *   triggers. Porter stemming over unicode61, so "grants" finds "grant" and snippets are words.
 *
 * Frozen SQL: never edit once released; change with a new migration.
 */
export const migration004: Migration = {
  version: 4,
  name: 'evidence',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        hash TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mime_type TEXT,
        created_at TEXT NOT NULL
      );

      -- No foreign key to blobs: the blob store writes a big file's chunks over several
      -- transactions and its blobs row last (a file exists once that row does), and whoever
      -- deletes a blob deletes its chunks first.
      CREATE TABLE blob_chunks (
        hash TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (hash, seq)
      );

      CREATE TABLE evidence_items (
        id TEXT PRIMARY KEY,
        blob_hash TEXT REFERENCES blobs(hash),
        file_name TEXT,
        mime TEXT,
        title TEXT NOT NULL,
        type TEXT NOT NULL DEFAULT 'other'
          CHECK (type IN ('strategy', 'plan', 'report', 'policy', 'data', 'minutes', 'other')),
        date TEXT,
        owner TEXT,
        source_url TEXT,
        notes TEXT NOT NULL DEFAULT '',
        family TEXT,
        key_order INTEGER,
        added_at TEXT NOT NULL,
        size INTEGER NOT NULL DEFAULT 0,
        page_count INTEGER NOT NULL DEFAULT 0,
        locator_kind TEXT NOT NULL DEFAULT 'page' CHECK (locator_kind IN ('page', 'sheet', 'slide', 'part')),
        text_status TEXT NOT NULL DEFAULT 'pending'
          CHECK (text_status IN ('ok', 'no-text', 'failed', 'pending')),
        message TEXT
      );
      CREATE INDEX evidence_items_blob ON evidence_items(blob_hash);

      CREATE TABLE evidence_pages (
        item_id TEXT NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (item_id, page)
      );

      CREATE VIRTUAL TABLE evidence_fts USING fts5(
        text,
        content = 'evidence_pages', content_rowid = 'rowid',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER evidence_fts_after_insert AFTER INSERT ON evidence_pages BEGIN
        INSERT INTO evidence_fts (rowid, text) VALUES (new.rowid, new.text);
      END;

      CREATE TRIGGER evidence_fts_after_delete AFTER DELETE ON evidence_pages BEGIN
        INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
      END;

      CREATE TRIGGER evidence_fts_after_update AFTER UPDATE OF text ON evidence_pages BEGIN
        INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        INSERT INTO evidence_fts (rowid, text) VALUES (new.rowid, new.text);
      END;
    `);
  },
};
