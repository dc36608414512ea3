import { AppError } from '../../shared/errors';
import { TemplateSchema, type Template } from '../../shared/schemas/template';
import cpc2024 from '../../../templates/cpc-2024.json';

/**
 * Built-in statement templates. Imported statically so the bundler includes them in the app;
 * checked on load because a template is data and a mistake in it should say where it is.
 */
const BUILT_IN_TEMPLATES: Record<string, unknown> = {
  'cpc-2024': cpc2024,
};

/** Validates raw template data, naming the template and the path of the first bad field. */
export function parseTemplate(name: string, data: unknown): Template {
  const result = TemplateSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new AppError(
    'internal',
    `The statement template “${name}” is not valid at ${where}: ${issue?.message ?? 'unknown problem'}.`,
  );
}

export function listTemplateIds(): string[] {
  return Object.keys(BUILT_IN_TEMPLATES);
}

export function loadTemplate(templateId: string): Template {
  const data = BUILT_IN_TEMPLATES[templateId];
  if (data === undefined) {
    throw new AppError('not-found', `There is no statement template called “${templateId}”.`);
  }
  return parseTemplate(templateId, data);
}
