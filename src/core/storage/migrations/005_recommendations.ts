import type { Migration } from './migration';

/**
 * The register of recommendations from earlier challenges (issue #11), frozen as written.
 *
 * - `recommendations`: one row per recommendation, in `position` order (0..n-1 among live rows).
 *   `label` is the letter or number the report gave it ("A", "3"), unique per `source` among live
 *   rows (case-insensitive). `progress_json` is the progress update as Lexical JSON; `revision`
 *   goes up on every change so a save based on an older copy is refused ('stale'), as for sections.
 *   Deleting is soft (`deleted_at`) so it can be undone and no progress update is ever lost.
 * - `recommendation_sections`: where the statement addresses a recommendation. `verified_revision`
 *   is the section's revision when someone confirmed the link; a later revision means the section
 *   "changed since verified".
 * - `recommendation_evidence`: the evidence that shows it. `evidence_item_id` has NO foreign key:
 *   the evidence tables come from migration 004, written in parallel, and this file must not
 *   depend on their shape. `verified_hash` is the item's content hash when the link was confirmed.
 */
export const migration005: Migration = {
  // coordinator: this is 5 once 004_evidence is merged; on the h-recs branch alone it was registered 4th.
  version: 5,
  name: 'recommendations',
  up(db) {
    db.exec(`
      CREATE TABLE recommendations (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        theme_key TEXT,
        status TEXT NOT NULL DEFAULT 'not-started'
          CHECK (status IN ('not-started', 'in-progress', 'complete', 'superseded')),
        owner TEXT NOT NULL DEFAULT '',
        target_date TEXT,
        progress_json TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0,
        deleted_at TEXT
      );
      CREATE INDEX recommendations_by_position ON recommendations(position);
      CREATE UNIQUE INDEX recommendations_label_per_source
        ON recommendations(source COLLATE NOCASE, label COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE recommendation_sections (
        recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
        section_id TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
        verified_at TEXT,
        verified_revision INTEGER,
        PRIMARY KEY (recommendation_id, section_id)
      );
      CREATE INDEX recommendation_sections_by_section ON recommendation_sections(section_id);

      CREATE TABLE recommendation_evidence (
        recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
        evidence_item_id TEXT NOT NULL,
        verified_at TEXT,
        verified_hash TEXT,
        PRIMARY KEY (recommendation_id, evidence_item_id)
      );
      CREATE INDEX recommendation_evidence_by_item ON recommendation_evidence(evidence_item_id);
    `);
  },
};
