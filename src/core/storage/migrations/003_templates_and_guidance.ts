import { findBuiltInTemplate } from '../../templates/builtInTemplates';
import { guidanceToJson, templateSectionsByKey } from '../../templates/guidance';
import type { Migration } from './migration';

/**
 * Word targets and writing guidance, kept in the file so it does not depend on the template.
 *
 * - `sections.word_target`: words the team aims for in that section; NULL for no target.
 * - `sections.guidance_json`: `{ questions: string[], tips: string[] }` from the template; NULL
 *   for sections the team added (and template sections without guidance).
 * - `assessment.word_target`: the target for the whole statement.
 *
 * Files made before this had only the built-in templates, so their guidance and targets are
 * filled in from the built-in template the file was made from, matched by template key (deleted
 * sections too, so a restored section has its guidance). Unknown templates are left without.
 */
export const migration003: Migration = {
  version: 3,
  name: 'templates_and_guidance',
  up(db) {
    db.exec(`
      ALTER TABLE sections ADD COLUMN word_target INTEGER CHECK (word_target IS NULL OR word_target > 0);
      ALTER TABLE sections ADD COLUMN guidance_json TEXT;
      ALTER TABLE assessment ADD COLUMN word_target INTEGER CHECK (word_target IS NULL OR word_target > 0);
    `);

    const assessment = db.prepare('SELECT template_id FROM assessment WHERE id = 1').get() as
      | { template_id: string }
      | undefined;
    const template = assessment ? findBuiltInTemplate(assessment.template_id) : undefined;
    if (!template) return;

    db.prepare('UPDATE assessment SET word_target = ? WHERE id = 1').run(template.wordTarget ?? null);
    const byKey = templateSectionsByKey(template.sections);
    const update = db.prepare('UPDATE sections SET word_target = ?, guidance_json = ? WHERE template_key = ?');
    for (const [key, section] of byKey) {
      update.run(section.wordTarget ?? null, guidanceToJson(section.guidance), key);
    }
  },
};
