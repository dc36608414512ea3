import type { HandlersOf } from '../../shared/contract';
import type { recommendationsContract } from '../../shared/contracts/recommendations';
import type { OpenAssessment } from '../assessment/openAssessment';
import { traceabilityCsv } from './traceabilityCsv';
import { AppError } from '../../shared/errors';
import { planImportFromFile } from './planFromFile';

/** The `recommendations` group of the contract (issue #11). */
export function createRecommendationsHandlers(deps: {
  /** The open assessment, or an AppError saying there is none. */
  current(): OpenAssessment;
}): HandlersOf<typeof recommendationsContract> {
  const register = () => deps.current().recommendations;
  return {
    'recommendations-list': async () => register().list(),
    'recommendations-import-plan': async ({ source, text, from }) => register().plan(source, text, from),
    'recommendations-import-plan-file': async ({ source, file, fileName }) => {
      // Browser mode swaps an upload for its temporary file's path before the core sees it.
      if (file.kind !== 'path') throw new AppError('invalid-input', 'That upload is not known: please choose the file again.');
      return planImportFromFile(register(), source, file.path, { fileName });
    },
    'recommendations-import-apply': async ({ source, items }) => register().apply(source, items),
    'recommendation-add': async (input) => register().add(input),
    'recommendation-update': async ({ id, ...patch }) => register().update(id, patch),
    'recommendation-delete': async ({ id }) => register().delete(id),
    'recommendation-restore': async ({ id }) => register().restore(id),
    'recommendation-link': async (target) => register().link(target),
    'recommendation-unlink': async (target) => register().unlink(target),
    'recommendation-verify': async (target) => register().verify(target),
    'recommendations-traceability': async (filter) => register().traceability(filter),
    'recommendations-export-csv': async (filter) => {
      const open = deps.current();
      const chapters = open.sections.list().filter((s) => s.parentId === null);
      const themeNames = new Map(chapters.map((s) => [s.templateKey ?? s.id, s.title]));
      const council = open.summary().councilName;
      return {
        csv: traceabilityCsv(open.recommendations.traceability(filter), themeNames),
        fileName: `${council.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Assessment'} recommendations traceability.csv`,
      };
    },
  };
}
