import { AppError } from '../../shared/errors';
import type { Template } from '../../shared/schemas/template';
import cpc2024 from '../../../templates/cpc-2024.json';
import progressReview from '../../../templates/progress-review.json';
import { parseBuiltInTemplate } from './templateValidation';

/**
 * Built-in statement templates, by file name in templates/. Imported statically so the bundler
 * includes them in the app; checked on first use, because a template is data and a mistake in it
 * should say where it is. A test checks that every templates/*.json file is listed here.
 */
export const BUILT_IN_TEMPLATE_FILES: Record<string, unknown> = {
  'cpc-2024.json': cpc2024,
  'progress-review.json': progressReview,
};

let cache: Template[] | null = null;

/** Every built-in template, in the order above. */
export function builtInTemplates(): Template[] {
  cache ??= Object.entries(BUILT_IN_TEMPLATE_FILES).map(([file, data]) => parseBuiltInTemplate(file, data));
  return cache;
}

export function findBuiltInTemplate(id: string): Template | undefined {
  return builtInTemplates().find((t) => t.id === id);
}

/** A built-in template, or 'not-found'. */
export function builtInTemplate(id: string): Template {
  const template = findBuiltInTemplate(id);
  if (!template) throw new AppError('not-found', `There is no built-in statement template called “${id}”.`);
  return template;
}
