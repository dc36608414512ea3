import type { Core } from '../core';
import type { Handlers } from '../shared/contract';
import { AllowedFolders } from './allowedFolders';
import { createWebShellHandlers } from './shellHandlers';
import type { FileRef } from '../shared/contracts/files';
import type { ExportDocxOptions } from '../shared/contracts/export';
import { UploadStore } from './uploads';

function removeWhenJobEnds(core: Core, jobId: string, tidy: () => void): void {
  const stop = core.jobs.runner.subscribe((event) => {
    if (event.jobId !== jobId || event.state === 'queued' || event.state === 'running') return;
    stop();
    tidy();
  });
  // It may have ended before we subscribed.
  const state = core.jobs.runner.status(jobId).state;
  if (state !== 'queued' && state !== 'running') {
    stop();
    tidy();
  }
}

/**
 * Everything browser mode answers: the core's handlers, with every path a tab sends resolved
 * against the default folder and kept inside the allowed folders, and the web shell's handlers.
 */
export function createWebHandlers(options: { core: Core; version: string; folders: AllowedFolders; uploads?: UploadStore }): Handlers {
  const { core, folders } = options;
  const uploads = options.uploads ?? new UploadStore();
  /** A Word document to import, named by path or upload: the core sees only a path inside the allowed folders. */
  const docxInput = <T extends { path?: string; file?: FileRef }>(input: T): T => {
    const file = input.file ? { kind: 'path' as const, path: uploads.resolve(input.file, (p) => folders.resolve(p)) } : undefined;
    return { ...input, ...(input.path !== undefined ? { path: folders.resolve(input.path) } : {}), ...(file ? { file } : {}) };
  };
  /**
   * An export's paths kept inside the allowed folders; a template chosen in the dialog arrives as
   * an upload, which stays until the upload store's age limit so a retry can use it again.
   */
  const exportInput = (input: ExportDocxOptions): ExportDocxOptions => ({
    ...input,
    outPath: folders.resolve(input.outPath),
    ...(input.templatePath ? { templatePath: folders.resolve(input.templatePath) } : {}),
    ...(input.logoPath ? { logoPath: folders.resolve(input.logoPath) } : {}),
    ...(input.template ? { template: { ...input.template, file: { kind: 'path' as const, path: uploads.resolve(input.template.file, (p) => folders.resolve(p)) } } } : {}),
  });
  /** Runs `call` with the upload in `args.file` as a path inside the allowed folders, then removes the upload. */
  const withUploadedFile = async <T extends { file: FileRef }, R>(args: T, call: (input: T & { file: { kind: 'path'; path: string } }) => Promise<R>): Promise<R> => {
    const path = uploads.resolve(args.file, (p) => folders.resolve(p));
    try {
      return await call({ ...args, file: { kind: 'path', path } });
    } finally {
      uploads.remove(args.file);
    }
  };
  return {
    ...core.handlers,
    'assessment-create': (args) => core.handlers['assessment-create']({ ...args, path: folders.resolve(args.path) }),
    'assessment-open': (args) => core.handlers['assessment-open']({ ...args, path: folders.resolve(args.path) }),
    'templates-set-folder': (args) =>
      core.handlers['templates-set-folder']({ folder: args.folder === null ? null : folders.resolve(args.folder) }),
    'job-start': async (args) => {
      if (args.kind === 'assessment-save-copy') return core.handlers['job-start']({ ...args, input: { ...args.input, path: folders.resolve(args.input.path) } });
      if (args.kind === 'import-statement-apply') return core.handlers['job-start']({ ...args, input: docxInput(args.input) });
      if (args.kind === 'export-docx') return core.handlers['job-start']({ ...args, input: exportInput(args.input) });
      if (args.kind === 'export-evidence-pack') return core.handlers['job-start']({ ...args, input: { outPath: folders.resolve(args.input.outPath) } });
      if (args.kind !== 'evidence-add') return core.handlers['job-start'](args);
      // Uploads become their temporary files' paths; those files are removed when the job ends.
      const refs = args.input.files.map((f) => f.file);
      const files = args.input.files.map((f) => ({ ...f, file: { kind: 'path' as const, path: uploads.resolve(f.file, (p) => folders.resolve(p)) } }));
      const started = await core.handlers['job-start']({ kind: 'evidence-add', input: { files } });
      removeWhenJobEnds(core, started.jobId, () => refs.forEach((ref) => uploads.remove(ref)));
      return started;
    },
    // The same exports called directly (not as jobs) are fenced the same way.
    'export-docx': (args) => core.handlers['export-docx'](exportInput(args)),
    'export-evidence-pack': (args) => core.handlers['export-evidence-pack']({ outPath: folders.resolve(args.outPath) }),
    // The Word document stays uploaded between showing its mapping and importing it; the upload
    // store's age limit tidies it away.
    'import-statement-plan': (args) => core.handlers['import-statement-plan'](docxInput(args)),
    'import-statement-apply': (args) => core.handlers['import-statement-apply'](docxInput(args)),
    // An upload is swapped for its temporary file's path, used once, then removed.
    'file-store': (args) => withUploadedFile(args, (input) => core.handlers['file-store'](input)),
    'image-store': (args) => withUploadedFile(args, (input) => core.handlers['image-store'](input)),
    'evidence-attach-file': (args) => withUploadedFile(args, (input) => core.handlers['evidence-attach-file'](input)),
    'recommendations-import-plan-file': (args) =>
      withUploadedFile(args, (input) => core.handlers['recommendations-import-plan-file'](input)),
    ...createWebShellHandlers({ version: options.version, defaultFolder: folders.defaultFolder }),
  };
}
