import type { ChallengeKind } from '../../shared/schemas/assessment';
import type { SectionGuidance, SectionSummary } from '../../shared/schemas/section';
import type { Template, TemplateSection } from '../../shared/schemas/template';
import { slugify, uniqueName } from './slug';

/** A section of the open assessment as a template needs it: structure, target and guidance. */
export interface OutlineSection extends SectionSummary {
  guidance: SectionGuidance | null;
}

/**
 * The open assessment's structure as a template: sections in binder order with their titles,
 * kinds, fixed flags, word targets and guidance, and no content. Template sections keep their
 * keys; sections the team added get a key `custom.<slug of the title>`, unique in the template.
 */
export function templateFromOutline(fields: {
  id: string;
  name: string;
  description?: string;
  kind: ChallengeKind;
  wordTarget: number | null;
  outline: readonly OutlineSection[];
}): Template {
  const keys = new Set(fields.outline.flatMap((s) => (s.templateKey === null ? [] : [s.templateKey])));
  const keyFor = (section: OutlineSection): string => {
    if (section.templateKey !== null) return section.templateKey;
    const key = uniqueName(`custom.${slugify(section.title, 80) || 'section'}`, (k) => keys.has(k));
    keys.add(key);
    return key;
  };

  const byParent = new Map<string | null, OutlineSection[]>();
  for (const section of fields.outline) {
    byParent.set(section.parentId, [...(byParent.get(section.parentId) ?? []), section]);
  }
  const build = (parentId: string | null): TemplateSection[] =>
    (byParent.get(parentId) ?? [])
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((section) => {
        const out: TemplateSection = { key: keyFor(section), kind: section.kind, title: section.title };
        if (section.fixed) out.fixed = true;
        if (section.guidance) out.guidance = { questions: [...section.guidance.questions], tips: [...section.guidance.tips] };
        if (section.wordTarget !== null) out.wordTarget = section.wordTarget;
        const children = build(section.id);
        if (children.length > 0) out.children = children;
        return out;
      });

  // Written in this order, so a saved file reads like the built-in ones.
  return {
    id: fields.id,
    name: fields.name,
    ...(fields.description ? { description: fields.description } : {}),
    kind: fields.kind,
    version: 1,
    ...(fields.wordTarget !== null ? { wordTarget: fields.wordTarget } : {}),
    sections: build(null),
  };
}
