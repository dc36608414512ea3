import path from 'node:path';
import type { ImportPlan } from '../../shared/contracts/recommendations';
import { readSourceFile, type OperationOptions, type SourceKind } from './readSource';
import type { RecommendationRegister } from './register';

export interface FileImportPlan extends ImportPlan {
  fileName: string;
  kind: SourceKind;
}

/**
 * What a feedback report on disk holds for the register: the text read (DOCX, PDF or plain text,
 * ./readSource), then the same plan as a pasted list, so the user confirms before anything is
 * saved. Used by `pcs recommendations import` and by the import dialog's "Choose a report…".
 *
 * A Word or PDF report is a whole document: only a list under a heading that mentions
 * recommendations counts. A text file may be that, or just the list, so when no such heading
 * is found it is read as a pasted list.
 */
export async function planImportFromFile(
  register: Pick<RecommendationRegister, 'plan'>,
  source: string,
  filePath: string,
  options: OperationOptions & { fileName?: string } = {},
): Promise<FileImportPlan> {
  const { text, kind } = await readSourceFile(filePath, options);
  let plan = register.plan(source, text, 'document');
  if (kind === 'text' && plan.items.length === 0) plan = register.plan(source, text, 'paste');
  const fileName = options.fileName ?? path.basename(filePath);
  // Say which file had nothing, so the message makes sense after the dialog has moved on.
  const problems = plan.problems.map((p) => {
    if (p.code === 'empty') {
      return { ...p, message: `“${fileName}” has no text to read (a scanned PDF holds only pictures of its pages). Choose another file, or paste the list.` };
    }
    if (p.code === 'none-found') return { ...p, message: `“${fileName}”: ${p.message}` };
    return p;
  });
  return { ...plan, problems, fileName, kind };
}
