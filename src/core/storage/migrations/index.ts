import { migration001 } from './001_initial';
import { migration002 } from './002_section_search';
import { migration003 } from './003_templates_and_guidance';
import { migration004 } from './004_evidence';
import { migration005 } from './005_recommendations';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * Every migration the app knows, in order. Versions are 1..n without gaps (checked in tests).
 *
 * Where later capabilities go, each as its own new migration file:
 * - Evidence: `evidence_files` (id, name, mime, sha256, size, added_at, data BLOB — the file
 *   itself, so the assessment stays one file), `evidence_text` (extracted text per page) and an
 *   `evidence_fts` FTS5 table like `sections_fts`; `section_evidence` links sections to files.
 * - Recommendations register: `recommendations` (letter, text, source challenge, status, RAG,
 *   action) and `recommendation_sections` linking each to where the statement answers it.
 * - Review: `comments` (section_id, anchor, author, body, resolved_at), `section_status`
 *   (draft / ready / approved, by whom), `reviewer_verdicts` (claim or recommendation, verdict).
 * - Named snapshots: `snapshots` (id, name, created_at) and `snapshot_sections` holding a copy of
 *   each section's content_json at that moment (compressed if size matters).
 * Per-file UI state stays in `settings`; per-machine state stays out of the file (recent files).
 */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** Tables every assessment has from schema 1 on: their absence means the file is damaged. */
export const REQUIRED_TABLES = ['assessment', 'sections', 'settings', 'schema_migrations'] as const;
