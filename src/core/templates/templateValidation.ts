import type { z } from 'zod';
import { MAX_SECTION_DEPTH } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { SECTION_KINDS } from '../../shared/schemas/section';
import { TemplateSchema, type Template, type TemplateSection } from '../../shared/schemas/template';

/**
 * Checks template data (a built-in file or one from the user's templates folder) and says what is
 * wrong in a sentence that names the file and the field, e.g.
 * `my-template.json: sections[2].children[0].kind should be one of front-matter, introduction, …`.
 */

/** `["sections", 2, "children", 0, "kind"]` → `sections[2].children[0].kind`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object ({ … })',
};

/** The value at an issue's path in the data, to tell a missing field from a wrong one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function issueText(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(data, issue.path) === undefined) return 'is missing';
      if (issue.expected === 'int') return 'should be a whole number';
      return `should be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return `should be one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return 'cannot be empty';
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      return issue.origin === 'number' && Number(issue.minimum) === 0 ? 'must be more than nought' : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long: keep it under ${issue.maximum} characters`;
      if (issue.origin === 'array') return `has too many items: at most ${issue.maximum}`;
      return `must be ${issue.maximum} or less`;
    case 'unrecognized_keys':
      return `has something unexpected: ${issue.keys.join(', ')}`;
    default:
      return issue.message ? `is not valid (${issue.message})` : 'is not valid';
  }
}

export class TemplateProblem extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateProblem';
  }
}

const CHAPTER_KINDS = SECTION_KINDS.filter((k) => k !== 'subsection');

/** Rules the schema cannot say: unique keys, how deep, which kinds go where. */
function structureProblem(sections: readonly TemplateSection[]): string | null {
  const seen = new Map<string, string>();
  const visit = (list: readonly TemplateSection[], prefix: string, depth: number): string | null => {
    for (const [index, section] of list.entries()) {
      const here = `${prefix}[${index}]`;
      if (depth === 0 && section.kind === 'subsection') {
        return `${here}.kind should be one of ${CHAPTER_KINDS.join(', ')}: a top-level section is a chapter`;
      }
      if (depth > 0 && section.kind !== 'subsection') {
        return `${here}.kind should be subsection: only top-level sections can be a ${section.kind}`;
      }
      if (depth > MAX_SECTION_DEPTH - 1) {
        return `${here} is nested too deeply: the binder allows ${MAX_SECTION_DEPTH} levels`;
      }
      const earlier = seen.get(section.key);
      if (earlier) return `${here}.key “${section.key}” is already used by ${earlier}`;
      seen.set(section.key, here);
      const inner = visit(section.children ?? [], `${here}.children`, depth + 1);
      if (inner) return inner;
    }
    return null;
  };
  return visit(sections, 'sections', 0);
}

/** Validates parsed template data; throws a TemplateProblem naming the file and the field. */
export function parseTemplateData(file: string, data: unknown): Template {
  const result = TemplateSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = fieldPath(issue.path);
    throw new TemplateProblem(
      file,
      where === '' ? `${file}: the template ${issueText(issue, data)}.` : `${file}: ${where} ${issueText(issue, data)}.`,
    );
  }
  const problem = structureProblem(result.data.sections);
  if (problem) throw new TemplateProblem(file, `${file}: ${problem}.`);
  return result.data;
}

/** Line and column (1-based) of a character offset in text. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/** Parses a template file's text: JSON errors say the file, the line and the column. */
export function parseTemplateJson(file: string, text: string): Template {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/^JSON\.parse: /, '')
      .replace(/\s*\(line \d+ column \d+\)/, '');
    if (text.trim() === '') throw new TemplateProblem(file, `${file} is empty: a template is a JSON object.`);
    const where = position
      ? (({ line, column }) => `line ${line}, column ${column}`)(lineAndColumn(text, Number(position[1])))
      : 'the end of the file';
    throw new TemplateProblem(file, `${file} is not valid JSON: ${reason} at ${where}.`);
  }
  return parseTemplateData(file, data);
}

/** For built-in templates: a problem there is a bug in the app, not something the user did. */
export function parseBuiltInTemplate(file: string, data: unknown): Template {
  try {
    return parseTemplateData(file, data);
  } catch (error) {
    if (error instanceof TemplateProblem) {
      throw new AppError('internal', `The built-in statement template ${error.message}`, { cause: error });
    }
    throw error;
  }
}
