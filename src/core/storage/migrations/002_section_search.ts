import type { Migration } from './migration';

/**
 * Full-text index over live sections' title and plain text, kept in step by triggers.
 *
 * An external-content FTS5 table (content='sections') stores only the index, not a second copy
 * of the text. Soft-deleted sections are taken out of the index and put back on restore.
 * Evidence search will add its own FTS table in a later migration and query both.
 */
export const migration002: Migration = {
  version: 2,
  name: 'section_search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE sections_fts USING fts5(
        title, plain_text,
        content = 'sections', content_rowid = 'rowid',
        tokenize = 'unicode61 remove_diacritics 2'
      );

      INSERT INTO sections_fts (rowid, title, plain_text)
        SELECT rowid, title, plain_text FROM sections WHERE deleted_at IS NULL;

      CREATE TRIGGER sections_fts_after_insert AFTER INSERT ON sections
      WHEN new.deleted_at IS NULL BEGIN
        INSERT INTO sections_fts (rowid, title, plain_text) VALUES (new.rowid, new.title, new.plain_text);
      END;

      CREATE TRIGGER sections_fts_after_delete AFTER DELETE ON sections
      WHEN old.deleted_at IS NULL BEGIN
        INSERT INTO sections_fts (sections_fts, rowid, title, plain_text)
          VALUES ('delete', old.rowid, old.title, old.plain_text);
      END;

      CREATE TRIGGER sections_fts_after_update AFTER UPDATE OF title, plain_text, deleted_at ON sections
      BEGIN
        INSERT INTO sections_fts (sections_fts, rowid, title, plain_text)
          SELECT 'delete', old.rowid, old.title, old.plain_text WHERE old.deleted_at IS NULL;
        INSERT INTO sections_fts (rowid, title, plain_text)
          SELECT new.rowid, new.title, new.plain_text WHERE new.deleted_at IS NULL;
      END;
    `);
  },
};
