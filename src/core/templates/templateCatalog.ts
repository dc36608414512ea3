import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { Template, TemplateInfo, TemplateList } from '../../shared/schemas/template';
import { AppSettingsFile } from '../settings/appSettings';
import { builtInTemplates } from './builtInTemplates';
import { slugify, uniqueName } from './slug';
import { readTemplateFolder, templateFileNames, type FolderTemplate } from './templateFolder';
import { parseTemplateData } from './templateValidation';

/** The folder under the settings folder used until the user chooses another. */
export const DEFAULT_TEMPLATES_FOLDER_NAME = 'templates';

function info(template: Template, source: TemplateInfo['source'], file: string | null): TemplateInfo {
  return {
    id: template.id,
    name: template.name,
    description: template.description ?? null,
    kind: template.kind,
    source,
    file,
  };
}

/**
 * File system errors are turned into messages here, naming the templates folder or settings
 * file: left raw, they would be reported as a problem with the open assessment.
 */
function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? 'unknown error';
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');

/**
 * Every template the user can start from: the built-in ones, then those in the templates folder
 * (remembered per machine in settings.json). Read afresh on each call, so templates the user
 * copies into the folder appear without restarting.
 */
export class TemplateCatalog {
  private readonly settings: AppSettingsFile;
  private readonly defaultFolder: string;

  constructor(configDir: string) {
    this.settings = new AppSettingsFile(configDir);
    this.defaultFolder = path.join(path.resolve(configDir), DEFAULT_TEMPLATES_FOLDER_NAME);
  }

  /** The folder templates are loaded from and saved to. */
  folder(): { path: string; isDefault: boolean } {
    const chosen = this.settings.read().templatesFolder;
    return chosen === null ? { path: this.defaultFolder, isDefault: true } : { path: chosen, isDefault: false };
  }

  /** The folder's good templates (without ones whose id is taken) and a problem for every other file. */
  private folderContents(): { folder: string; templates: FolderTemplate[]; problems: TemplateList['problems'] } {
    const folder = this.folder();
    if (folder.isDefault) {
      try {
        fs.mkdirSync(folder.path, { recursive: true });
      } catch {
        // Reported below as a folder that cannot be read.
      }
    }
    const contents = readTemplateFolder(folder.path);
    const builtIns = new Map(builtInTemplates().map((t) => [t.id, t]));
    const seen = new Map<string, string>();
    const templates: FolderTemplate[] = [];
    const problems = [...contents.problems];
    for (const entry of contents.templates) {
      const name = path.basename(entry.file);
      const builtIn = builtIns.get(entry.template.id);
      const earlier = seen.get(entry.template.id);
      if (builtIn) {
        problems.push({
          file: name,
          message: `${name}: id “${entry.template.id}” is already used by the built-in template “${builtIn.name}”. Give this template another id.`,
        });
      } else if (earlier) {
        problems.push({
          file: name,
          message: `${name}: id “${entry.template.id}” is already used by ${earlier}. Give this template another id.`,
        });
      } else {
        seen.set(entry.template.id, name);
        templates.push(entry);
      }
    }
    return { folder: folder.path, templates, problems };
  }

  list(): TemplateList {
    const { folder, templates, problems } = this.folderContents();
    return {
      templates: [
        ...builtInTemplates().slice().sort(byName).map((t) => info(t, 'built-in', null)),
        ...templates
          .map((entry) => ({ entry, name: entry.template.name }))
          .sort(byName)
          .map(({ entry }) => info(entry.template, 'folder', entry.file)),
      ],
      folder,
      problems,
    };
  }

  /** Chooses the templates folder (null for the default); refuses a folder that cannot be read. */
  setFolder(folder: string | null): TemplateList {
    const absolute = folder === null ? null : path.resolve(folder);
    if (absolute !== null) templateFileNames(absolute); // throws 'not-found' or 'io' with a plain message
    try {
      this.settings.update({ templatesFolder: absolute });
    } catch (error) {
      throw new AppError(
        'io',
        `Peer Challenge Studio could not save its settings in “${this.settings.filePath}” (${codeOf(error)}). Check that folder's permissions, then try again.`,
        { cause: error },
      );
    }
    return this.list();
  }

  /** A built-in or folder template by id, or 'not-found' naming the id. */
  resolve(id: string): Template {
    const builtIn = builtInTemplates().find((t) => t.id === id);
    if (builtIn) return builtIn;
    const { templates, problems } = this.folderContents();
    const found = templates.find((entry) => entry.template.id === id);
    if (found) return found.template;
    const broken = problems.find((p) => p.file.toLowerCase() === `${id.toLowerCase()}.json`);
    throw new AppError(
      'not-found',
      broken
        ? `The template “${id}” cannot be used: ${broken.message}`
        : `There is no template called “${id}”. Choose one of the templates offered, or check the templates folder.`,
    );
  }

  /**
   * Saves a template built by `build(id)` as `<folder>/<id>.json`, with an id from the name that
   * no other template or file uses. The file is checked by the same rules as any template before
   * it is written, and never overwrites another file.
   */
  save(name: string, build: (id: string) => Template): TemplateInfo {
    const folder = this.folder();
    if (folder.isDefault) {
      try {
        fs.mkdirSync(folder.path, { recursive: true });
      } catch (error) {
        throw new AppError(
          'io',
          `The templates folder “${folder.path}” could not be made (${codeOf(error)}). Choose another folder for templates.`,
          { cause: error },
        );
      }
    }
    const { templates } = this.folderContents();
    const existingFiles = new Set(templateFileNames(folder.path).map((f) => f.toLowerCase()));
    const ids = new Set([...builtInTemplates().map((t) => t.id), ...templates.map((e) => e.template.id)]);
    const base = slugify(name) || 'template';
    const id = uniqueName(base, (candidate) => ids.has(candidate) || existingFiles.has(`${candidate}.json`));
    const fileName = `${id}.json`;
    const template = parseTemplateData(fileName, build(id));
    const file = path.join(folder.path, fileName);
    writeNewFile(file, `${JSON.stringify(template, null, 2)}\n`);
    return info(template, 'folder', file);
  }
}

/** Written beside the target and linked into place, so a half-written or clobbered file never appears. */
function writeNewFile(file: string, text: string): void {
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new AppError('already-exists', `There is already a template file called “${path.basename(file)}”. Try again.`);
      }
      if (fs.existsSync(file)) throw error;
      fs.renameSync(temp, file);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      code === 'ENOENT' ? 'not-found' : 'io',
      code === 'ENOENT'
        ? `The templates folder “${path.dirname(file)}” could not be found. Choose another folder and save again.`
        : `The template could not be saved in “${path.dirname(file)}” (${code ?? 'unknown error'}). Check the folder and try again.`,
      { cause: error },
    );
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
