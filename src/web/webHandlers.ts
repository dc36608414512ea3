import type { Core } from '../core';
import type { Handlers } from '../shared/contract';
import { AllowedFolders } from './allowedFolders';
import { createWebShellHandlers } from './shellHandlers';
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
  return {
    ...core.handlers,
    'assessment-create': (args) => core.handlers['assessment-create']({ ...args, path: folders.resolve(args.path) }),
    'assessment-open': (args) => core.handlers['assessment-open']({ ...args, path: folders.resolve(args.path) }),
    'templates-set-folder': (args) =>
      core.handlers['templates-set-folder']({ folder: args.folder === null ? null : folders.resolve(args.folder) }),
    'job-start': async (args) => {
      if (args.kind === 'assessment-save-copy') return core.handlers['job-start']({ ...args, input: { ...args.input, path: folders.resolve(args.input.path) } });
      if (args.kind !== 'evidence-add') return core.handlers['job-start'](args);
      // Uploads become their temporary files' paths; those files are removed when the job ends.
      const refs = args.input.files.map((f) => f.file);
      const files = args.input.files.map((f) => ({ ...f, file: { kind: 'path' as const, path: uploads.resolve(f.file, (p) => folders.resolve(p)) } }));
      const started = await core.handlers['job-start']({ kind: 'evidence-add', input: { files } });
      removeWhenJobEnds(core, started.jobId, () => refs.forEach((ref) => uploads.remove(ref)));
      return started;
    },
    // An upload is swapped for its temporary file's path, used once, then removed.
    'file-store': async (args) => {
      const filePath = uploads.resolve(args.file, (p) => folders.resolve(p));
      try {
        return await core.handlers['file-store']({ ...args, file: { kind: 'path', path: filePath } });
      } finally {
        uploads.remove(args.file);
      }
    },
    ...createWebShellHandlers({ version: options.version, defaultFolder: folders.defaultFolder }),
  };
}
