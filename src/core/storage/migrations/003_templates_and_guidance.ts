import FROZEN_TEMPLATES from './003_frozen_templates.json';
import type { Migration } from './migration';

/**
 * The built-in templates' targets and guidance as they were when this migration was written,
 * frozen here (003_frozen_templates.json) so that upgrading an old file gives the same result
 * whatever the templates say in later versions.
 */
type FrozenTemplate = { wordTarget: number | null; sections: Record<string, { wordTarget: number | null; guidanceJson: string | null }> };
const FROZEN: Record<string, FrozenTemplate> = FROZEN_TEMPLATES;

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
    const template = assessment && Object.hasOwn(FROZEN, assessment.template_id) ? FROZEN[assessment.template_id] : undefined;
    if (!template) return;

    db.prepare('UPDATE assessment SET word_target = ? WHERE id = 1').run(template.wordTarget);
    const update = db.prepare('UPDATE sections SET word_target = ?, guidance_json = ? WHERE template_key = ?');
    for (const [key, section] of Object.entries(template.sections)) {
      update.run(section.wordTarget, section.guidanceJson, key);
    }
  },
};
