import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { emptyEditorState } from '../../shared/schemas/lexical';
import type { Template, TemplateSection } from '../../shared/schemas/template';

/** Writes a template's binder into a new file: every section starts with an empty document. */
export function insertTemplateSections(db: Database.Database, template: Template, now: string): void {
  const insert = db.prepare(`
    INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json,
                          plain_text, word_count, revision, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, ?, ?)
  `);
  const content = JSON.stringify(emptyEditorState());
  const insertAll = (sections: TemplateSection[], parentId: string | null) => {
    sections.forEach((section, position) => {
      const id = randomUUID();
      insert.run(id, parentId, position, section.kind, section.key, section.title, section.fixed ? 1 : 0, content, now, now);
      if (section.children) insertAll(section.children, id);
    });
  };
  insertAll(template.sections, null);
}
