import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../shared/constants';
import { createCore } from '../../index';
import { builtInTemplate } from '../../templates/builtInTemplates';
import { checkedHandlers } from '../../testing/openTestCore';
import { doc, makeTempDir, sha256 } from '../../testing/testFiles';
import { AssessmentDatabase } from '../assessmentDatabase';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './index';
import { applyMigrations } from './runner';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Realistic rows for a database at `version`, written the way that version's app would have. */
function addRealisticRows(db: Database.Database, version: number): void {
  if (version < 1) return;
  const now = '2025-02-03T10:00:00.000Z';
  db.prepare(
    `INSERT INTO assessment (id, council_name, kind, visit_date, template_id, created_at, updated_at)
     VALUES (1, 'Sefton Council', 'full', '2025-06-10', 'cpc-2024', ?, ?)`,
  ).run(now, now);
  const insert = db.prepare(
    `INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json, plain_text,
                           word_count, revision, created_at, updated_at, deleted_at, deleted_with)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const body = 'Our governance is robust and our scrutiny committees challenge decisions.';
  const content = JSON.stringify(doc(body));
  insert.run('theme', null, 0, 'theme', 'theme.governance', 'Governance and culture', 1, content, body, 11, 3, now, now, null, null);
  insert.run('sub', 'theme', 0, 'subsection', null, 'Scrutiny', 0, content, body, 11, 1, now, now, null, null);
  insert.run('gone', 'theme', 1, 'subsection', null, 'Old draft', 0, content, 'deleted words', 2, 1, now, now, now, 'gone');
  db.prepare("INSERT INTO settings VALUES ('lastSectionId', 'sub')").run();
}

/** A valid assessment file whose schema stops at `version`. */
function databaseAtVersion(version: number, name = `v${version}.pcstudio`): string {
  const filePath = path.join(temp.dir, name);
  const db = new Database(filePath);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  applyMigrations(db, MIGRATIONS.slice(0, version));
  addRealisticRows(db, version);
  db.close();
  return filePath;
}

function tableRows(filePath: string): Record<string, unknown[]> {
  const db = new Database(filePath, { readonly: true });
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sections_fts%' AND name NOT LIKE 'evidence_fts%' AND name <> 'schema_migrations'").all() as Array<{ name: string }>
  ).map((t) => t.name);
  const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  db.close();
  return rows;
}

function schemaOf(filePath: string): unknown[] {
  const db = new Database(filePath, { readonly: true });
  const schema = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();
  db.close();
  return schema;
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, with distinct names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  for (const migration of MIGRATIONS.filter((m) => m.version > 1)) {
    it(`${String(migration.version).padStart(3, '0')}_${migration.name}: upgrades a file made by 1..${migration.version - 1} with its data intact`, () => {
      const filePath = databaseAtVersion(migration.version - 1);
      const before = tableRows(filePath);
      const file = AssessmentDatabase.open(filePath);
      expect(file.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      const recorded = file.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      file.close();
      const after = tableRows(filePath);
      // Every row keeps every value it had; columns added since are new and checked separately.
      for (const [table, rows] of Object.entries(before)) {
        const kept = (after[table] ?? []).map((row, i) =>
          Object.fromEntries(Object.keys((rows[i] ?? {}) as object).map((c) => [c, (row as Record<string, unknown>)[c]])),
        );
        expect(kept, table).toEqual(rows);
      }
    });
  }

  it('002 indexes existing live sections for full-text search, and not deleted ones', () => {
    const file = AssessmentDatabase.open(databaseAtVersion(1));
    const hits = (term: string) =>
      file.db.prepare('SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?').all(term).length;
    expect(hits('scrutiny')).toBe(2); // the theme's text and the subsection's title and text
    expect(hits('deleted')).toBe(0);
    // Kept in sync by triggers from now on.
    file.db.prepare("UPDATE sections SET plain_text = 'Medium term financial plan' WHERE id = 'sub'").run();
    expect(hits('financial')).toBe(1);
    file.db.prepare("UPDATE sections SET deleted_at = 'x' WHERE id = 'sub'").run();
    expect(hits('financial')).toBe(0);
    file.db.prepare("UPDATE sections SET deleted_at = NULL WHERE id = 'sub'").run();
    expect(hits('financial')).toBe(1);
    file.db.exec("INSERT INTO sections_fts (sections_fts) VALUES ('integrity-check')");
    file.close();
  });

  it('003 backfills guidance and word targets from the built-in template, by template key', async () => {
    const filePath = databaseAtVersion(2);
    const file = AssessmentDatabase.open(filePath);
    expect(file.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const rows = file.db.prepare('SELECT id, word_target, guidance_json FROM sections ORDER BY id').all() as Array<{
      id: string;
      word_target: number | null;
      guidance_json: string | null;
    }>;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    const governance = builtInTemplate('cpc-2024').sections.find((s) => s.key === 'theme.governance')!;
    expect(byId.theme!.word_target).toBe(governance.wordTarget);
    expect(JSON.parse(byId.theme!.guidance_json!)).toEqual({
      questions: governance.guidance!.questions,
      tips: governance.guidance!.tips,
    });
    // Sections the team added have neither.
    expect(byId.sub).toMatchObject({ word_target: null, guidance_json: null });
    expect(byId.gone).toMatchObject({ word_target: null, guidance_json: null });
    expect(file.db.prepare('SELECT word_target FROM assessment').get()).toEqual({ word_target: 30000 });
    file.close();

    // And the app sees it: section-get returns the guidance for the old file's theme.
    const core = createCore({ configDir: path.join(temp.dir, 'config') });
    const api = checkedHandlers(core.handlers);
    expect(await api['assessment-open']({ path: filePath })).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, wordTarget: 30000 });
    expect((await api['section-get']({ id: 'theme' })).guidance!.questions).toEqual(governance.guidance!.questions);
    expect(await api['section-get']({ id: 'sub' })).toMatchObject({ guidance: null, wordTarget: null, wordCount: 11, revision: 1 });
    core.close();
  });

  it('003 leaves guidance and targets empty for a template it does not know', () => {
    const filePath = databaseAtVersion(2);
    const db = new Database(filePath);
    db.prepare("UPDATE assessment SET template_id = 'someone-elses'").run();
    db.close();
    const file = AssessmentDatabase.open(filePath);
    expect(file.db.prepare('SELECT count(*) AS n FROM sections WHERE word_target IS NOT NULL OR guidance_json IS NOT NULL').get()).toEqual({ n: 0 });
    expect(file.db.prepare('SELECT word_target FROM assessment').get()).toEqual({ word_target: null });
    file.close();
  });

  it('005 adds an empty register whose links go with their section or recommendation, and evidence ids without a foreign key', () => {
    const recommendations = MIGRATIONS.find((m) => m.name === 'recommendations')!;
    const file = AssessmentDatabase.open(databaseAtVersion(recommendations.version - 1));
    const db = file.db;
    expect(db.prepare('SELECT count(*) AS n FROM recommendations').get()).toEqual({ n: 0 });
    const now = '2025-02-03T10:00:00.000Z';
    const insert = db.prepare(
      `INSERT INTO recommendations (id, source, label, text, progress_json, position, created_at, updated_at)
       VALUES (?, '2022 revisit', ?, 'Review the localities model.', '{}', 0, ?, ?)`,
    );
    insert.run('r1', 'A', now, now);
    // Labels are unique per source among live rows, whatever their case.
    expect(() => insert.run('r2', 'a', now, now)).toThrow(/UNIQUE/);
    db.prepare("UPDATE recommendations SET deleted_at = ? WHERE id = 'r1'").run(now);
    insert.run('r2', 'a', now, now);
    expect(() => db.prepare("UPDATE recommendations SET status = 'done' WHERE id = 'r2'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO recommendation_sections (recommendation_id, section_id) VALUES ('r2', 'sub')").run();
    // No evidence table is needed: the evidence id is not a foreign key.
    db.prepare("INSERT INTO recommendation_evidence (recommendation_id, evidence_item_id) VALUES ('r2', 'any-item')").run();
    expect(() => db.prepare("INSERT INTO recommendation_sections (recommendation_id, section_id) VALUES ('r2', 'nowhere')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM sections WHERE id = 'sub'").run();
    expect(db.prepare('SELECT count(*) AS n FROM recommendation_sections').get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM recommendations WHERE id = 'r2'").run();
    expect(db.prepare('SELECT count(*) AS n FROM recommendation_evidence').get()).toEqual({ n: 0 });
    file.close();
  });

  it('a fresh database at the latest version has the same schema as one upgraded step by step', () => {
    const fresh = databaseAtVersion(LATEST_SCHEMA_VERSION, 'fresh.pcstudio');
    const stepped = databaseAtVersion(1, 'stepped.pcstudio');
    for (let v = 2; v <= LATEST_SCHEMA_VERSION; v++) {
      const db = new Database(stepped);
      applyMigrations(db, [MIGRATIONS[v - 1]!]);
      db.close();
    }
    expect(schemaOf(stepped)).toEqual(schemaOf(fresh));
  });

  it('refuses a file marked with a higher version and leaves it unchanged', () => {
    const filePath = databaseAtVersion(LATEST_SCHEMA_VERSION);
    const db = new Database(filePath);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'evidence', '2030-01-01')").run(LATEST_SCHEMA_VERSION + 1);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const hash = sha256(filePath);
    expect(() => AssessmentDatabase.open(filePath)).toThrow(expect.objectContaining({ code: 'too-new' }));
    expect(sha256(filePath)).toBe(hash);
    expect(fs.readdirSync(temp.dir)).toEqual([path.basename(filePath)]);
  });

  it('refuses a file whose user_version alone is newer', () => {
    const filePath = databaseAtVersion(LATEST_SCHEMA_VERSION);
    const db = new Database(filePath);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => AssessmentDatabase.open(filePath)).toThrow(expect.objectContaining({ code: 'too-new' }));
  });

  it('calls a file damaged when a recorded migration has a different name', () => {
    const filePath = databaseAtVersion(LATEST_SCHEMA_VERSION);
    const db = new Database(filePath);
    db.prepare("UPDATE schema_migrations SET name = 'something_else' WHERE version = 1").run();
    db.close();
    const hash = sha256(filePath);
    expect(() => AssessmentDatabase.open(filePath)).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(sha256(filePath)).toBe(hash);
  });

  it('rolls a failing migration back entirely', () => {
    const filePath = path.join(temp.dir, 'fail.pcstudio');
    const db = new Database(filePath);
    const failing = {
      version: 1,
      name: 'fails',
      up(d: Database.Database) {
        d.exec('CREATE TABLE half_made (x)');
        throw new Error('nope');
      },
    };
    expect(() => applyMigrations(db, [failing])).toThrow('nope');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('half_made', 'schema_migrations')").all()).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });
});

describe('a file from an older version is backed up before it is migrated (issue #8)', () => {
  it('keeps <name>.before-v<N>.pcstudio beside it, byte-for-byte the old data, and says where', async () => {
    const filePath = databaseAtVersion(1, 'Sefton.pcstudio');
    const before = tableRows(filePath);
    const core = createCore({ configDir: path.join(temp.dir, 'config') });
    const api = checkedHandlers(core.handlers);
    const summary = await api['assessment-open']({ path: filePath });
    const backup = path.join(temp.dir, `Sefton.before-v${LATEST_SCHEMA_VERSION}.pcstudio`);
    expect(summary.upgradeNotice).toContain(backup);
    expect(summary.upgradeNotice).toMatch(/earlier version/);
    core.close();

    // The backup is the old file, still at version 1, with every row as it was, and it opens.
    expect(schemaOf(backup)).toEqual(schemaOf(databaseAtVersion(1, 'reference.pcstudio')));
    expect(tableRows(backup)).toEqual(before);
    const old = new Database(backup, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    expect(old.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    old.close();

    // Opened again: already up to date, so no second backup and no notice.
    const again = createCore({ configDir: path.join(temp.dir, 'config') });
    expect((await checkedHandlers(again.handlers)['assessment-open']({ path: filePath })).upgradeNotice).toBeUndefined();
    again.close();
    expect(fs.readdirSync(temp.dir).filter((n) => n.includes('.before-v'))).toEqual([path.basename(backup)]);
  });

  it('a file already up to date gets no backup', () => {
    const filePath = databaseAtVersion(LATEST_SCHEMA_VERSION, 'current.pcstudio');
    const file = AssessmentDatabase.open(filePath);
    expect(file.migrationBackupPath).toBeNull();
    file.close();
    expect(fs.readdirSync(temp.dir)).toEqual(['current.pcstudio']);
  });
});
