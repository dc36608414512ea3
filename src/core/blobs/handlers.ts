import type { HandlersOf } from '../../shared/contract';
import { filesContract } from '../../shared/contracts/files';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { BlobCapabilities } from './blobCapabilities';
import { blobInfo, storeFileFromPath } from './blobStore';

/**
 * `file-store` and `file-display-link`. The core only ever sees a path: browser mode swaps an
 * upload id for the path of its temporary file before calling here (src/web/uploads.ts).
 */
export function createFileHandlers(deps: { current: () => OpenAssessment; capabilities: BlobCapabilities }): HandlersOf<typeof filesContract> {
  return {
    'file-store': async ({ file, mimeType }) => {
      if (file.kind !== 'path') throw new AppError('invalid-input', 'That upload is not known: please add the file again.');
      return storeFileFromPath(deps.current().file.db, { path: file.path, ...(mimeType ? { mimeType } : {}) });
    },
    'file-display-link': async ({ blobId }) => {
      const open = deps.current();
      if (!blobInfo(open.file.db, blobId)) throw new AppError('not-found', 'That file is not stored in this assessment.');
      return deps.capabilities.mint(blobId, open.sessionId);
    },
  };
}
