import type { z } from 'zod';

/**
 * Plain British-English messages for arguments that fail validation, used as zod's per-parse
 * error map. Messages written into the shared schemas ("Give the section a title.") take
 * precedence over these; these cover everything else without showing zod's developer wording.
 */

/** Friendlier names for argument fields; anything else is "visitDate" → "visit date". */
const FIELD_NAMES: Record<string, string> = {
  path: 'file location',
  id: 'section',
  parentId: 'parent section',
  sectionId: 'section',
  lastSectionId: 'section',
  councilName: 'council name',
  visitDate: 'visit date',
  kind: 'kind of challenge',
  templateId: 'template',
  content: 'section content',
  query: 'text to find',
  replacement: 'replacement text',
  wordTarget: 'word target',
  folder: 'templates folder',
  name: 'template name',
};

function fieldName(path: readonly PropertyKey[] | undefined): string | null {
  const key = [...(path ?? [])].reverse().find((part): part is string => typeof part === 'string');
  if (key === undefined) return null;
  return FIELD_NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of values',
};

function describe(issue: z.core.$ZodRawIssue): string {
  const field = fieldName(issue.path);
  const the = field ? `The ${field}` : 'The request';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return field ? `The ${field} is missing.` : 'The request is empty.';
      return `${the} should be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? `${the} cannot be empty.` : `${the} must be at least ${issue.minimum} characters.`;
      }
      if (issue.origin === 'array') return `${the} needs at least ${issue.minimum} items.`;
      return `${the} must be ${issue.minimum} or more.`;
    case 'too_big':
      if (issue.origin === 'string') return `${the} is too long: keep it under ${issue.maximum} characters.`;
      if (issue.origin === 'array') return `${the} has too many items: at most ${issue.maximum}.`;
      return `${the} must be ${issue.maximum} or less.`;
    case 'invalid_format':
      if (issue.format === 'date') return `${the} should be a date written as yyyy-mm-dd, for example 2025-03-14.`;
      return `${the} is not in the expected format.`;
    case 'invalid_value':
      return `${the} should be one of: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `The request contains something Peer Challenge Studio does not expect: ${issue.keys.join(', ')}.`;
    default:
      return `${the} is not valid.`;
  }
}

export const britishErrorMap: z.core.$ZodErrorMap = (issue) => describe(issue);

/** The one message we show for a failed parse: the first issue's. */
export function firstIssueMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'The request is not valid.';
}
