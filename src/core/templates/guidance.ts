import type { SectionGuidance } from '../../shared/schemas/section';
import type { TemplateSection } from '../../shared/schemas/template';

/** A template section's guidance as stored in the file: both lists present, null when empty. */
export function normaliseGuidance(guidance: TemplateSection['guidance']): SectionGuidance | null {
  const questions = guidance?.questions ?? [];
  const tips = guidance?.tips ?? [];
  return questions.length === 0 && tips.length === 0 ? null : { questions, tips };
}

export function guidanceToJson(guidance: TemplateSection['guidance']): string | null {
  const normal = normaliseGuidance(guidance);
  return normal ? JSON.stringify(normal) : null;
}

/** Every section of a template by key, at any depth. */
export function templateSectionsByKey(sections: readonly TemplateSection[]): Map<string, TemplateSection> {
  const out = new Map<string, TemplateSection>();
  const visit = (list: readonly TemplateSection[]) => {
    for (const section of list) {
      out.set(section.key, section);
      visit(section.children ?? []);
    }
  };
  visit(sections);
  return out;
}
