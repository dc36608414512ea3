import fs from 'node:fs';
import path from 'node:path';
import type { HandlersOf } from '../../shared/contract';
import type { imagesContract } from '../../shared/contracts/images';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import { storeImageFile } from './storeImage';

/** `image-store`. The core only ever sees a path: browser mode swaps an upload for its temporary file first. */
export function createImageHandlers(deps: { current: () => OpenAssessment }): HandlersOf<typeof imagesContract> {
  return {
    'image-store': async ({ file, name }) => {
      if (file.kind !== 'path') throw new AppError('invalid-input', 'That upload is not known: please add the picture again.');
      return storeImageFile(deps.current().file.db, file.path, name ?? path.basename(file.path), fs);
    },
  };
}
