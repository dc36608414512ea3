import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Template } from '../../shared/schemas/template';
import { parseTemplateJson, TemplateProblem } from './templateValidation';

/**
 * The user's templates folder: every `*.json` in it is a template, checked on load. A bad file is
 * reported as a problem (naming the file and the field) and skipped; it never stops the others.
 */

export interface FolderTemplate {
  template: Template;
  /** Absolute path of the template's file. */
  file: string;
}

export interface TemplateFolderContents {
  templates: FolderTemplate[];
  problems: Array<{ file: string; message: string }>;
}

/** Larger than any real template: a file this big is not one, and reading it would be slow. */
const MAX_TEMPLATE_FILE_BYTES = 2_000_000;

/** The `.json` file names in a folder, sorted; an AppError with a plain message if it cannot be read. */
export function templateFileNames(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new AppError('not-found', `The templates folder “${folder}” could not be found. Choose another folder.`, {
        cause: error,
      });
    }
    if (code === 'ENOTDIR') {
      throw new AppError('not-found', `“${folder}” is a file, not a folder. Choose a folder for templates.`, { cause: error });
    }
    throw new AppError(
      'io',
      `The templates folder “${folder}” could not be read${code === 'EACCES' || code === 'EPERM' ? ': permission was refused' : ''}. Choose another folder, or check its permissions.`,
      { cause: error },
    );
  }
  return entries
    .filter((entry) => !entry.isDirectory() && entry.name.toLowerCase().endsWith('.json') && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en-GB'));
}

function readTemplateFile(folder: string, name: string): FolderTemplate {
  const file = path.join(folder, name);
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new TemplateProblem(name, `${name} is not a file.`);
    if (stat.size > MAX_TEMPLATE_FILE_BYTES) {
      throw new TemplateProblem(name, `${name} is too large to be a template (${Math.round(stat.size / 1_000_000)} MB).`);
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof TemplateProblem) throw error;
    throw new TemplateProblem(name, `${name} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  return { template: parseTemplateJson(name, text), file };
}

/** Every good template in the folder, and a problem for each file that is not one. */
export function readTemplateFolder(folder: string): TemplateFolderContents {
  const out: TemplateFolderContents = { templates: [], problems: [] };
  let names: string[];
  try {
    names = templateFileNames(folder);
  } catch (error) {
    out.problems.push({ file: folder, message: (error as Error).message });
    return out;
  }
  for (const name of names) {
    try {
      out.templates.push(readTemplateFile(folder, name));
    } catch (error) {
      if (!(error instanceof TemplateProblem)) throw error;
      out.problems.push({ file: name, message: error.message });
    }
  }
  return out;
}
