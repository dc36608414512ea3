import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { emptyEditorState } from '../../shared/schemas/lexical';
import type { Template, TemplateSection } from '../../shared/schemas/template';
import { guidanceToJson } from './guidance';

/**
 * Writes a template's binder into a new file: every section starts with an empty document, and
 * keeps its guidance and word target in the file so the file does not depend on the template.
 */
export function insertTemplateSections(db: Database.Database, template: Template, now: string): void {
  const insert = db.prepare(`
    INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json,
                          plain_text, word_count, revision, created_at, updated_at, word_target, guidance_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0, ?, ?, ?, ?)
  `);
  const content = JSON.stringify(emptyEditorState());
  const insertAll = (sections: TemplateSection[], parentId: string | null) => {
    sections.forEach((section, position) => {
      const id = randomUUID();
      insert.run(
        id,
        parentId,
        position,
        section.kind,
        section.key,
        section.title,
        section.fixed ? 1 : 0,
        content,
        now,
        now,
        section.wordTarget ?? null,
        guidanceToJson(section.guidance),
      );
      if (section.children) insertAll(section.children, id);
    });
  };
  insertAll(template.sections, null);
}
