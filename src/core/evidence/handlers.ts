import type { HandlersOf } from '../../shared/contract';
import type { evidenceContract } from '../../shared/contracts/evidence';
import type { OpenAssessment } from '../assessment/openAssessment';
import { addEvidenceFiles, addEvidenceLink } from './addEvidence';
import { evidenceCitations, sectionCitedItems } from './citations';
import { deleteEvidence } from './deleteEvidence';
import { getItem, listItems, pageTexts, updateItem } from './evidenceStore';
import { citationLabels, keyDocumentsList, renumberStoredCitations, reorderKeyDocuments } from './keyDocuments';
import { writeOriginalCopy } from './originalCopy';
import { attachEvidenceFile } from './placeholders';
import { searchAll } from './search';
import { MIME_TYPES } from './extract/types';
import { readingParagraphs } from './readingText';
import { AppError } from '../../shared/errors';

/** The `evidence` group of the contract, over the open assessment's database. */
export function createEvidenceHandlers(deps: { current(): OpenAssessment }): HandlersOf<typeof evidenceContract> {
  const db = () => deps.current().file.db;
  return {
    'evidence-add': async ({ paths }) => addEvidenceFiles(db(), paths),
    'evidence-add-link': async (input) => addEvidenceLink(db(), input),
    'evidence-list': async () => listItems(db()),
    'evidence-update': async (patch) =>
      db().transaction(() => {
        const item = updateItem(db(), patch);
        // A family (or a place in the list) changes the numbers citations show: stored text follows.
        if (patch.family !== undefined || patch.keyOrder !== undefined) renumberStoredCitations(db());
        return item;
      })(),
    'evidence-delete': async ({ id, evenIfCited }) => deleteEvidence(db(), id, { evenIfCited }),
    'evidence-citations': async ({ id }) => {
      getItem(db(), id);
      return evidenceCitations(db(), id);
    },
    'evidence-search': async ({ query, limit, scope }) => searchAll(db(), query, { limit, scope }),
    'evidence-get-text': async ({ id, fromPage, toPage }) => {
      const item = getItem(db(), id);
      // Only a PDF's lines are printed lines; other kinds' lines are their paragraphs already.
      const wrapped = item.mime === MIME_TYPES.pdf;
      const pages = pageTexts(db(), id, fromPage, toPage).map((p) => ({ ...p, paragraphs: readingParagraphs(p.text, { wrapped }) }));
      return { itemId: id, pageCount: item.pageCount, pages };
    },
    'evidence-key-documents': async () => keyDocumentsList(db()),
    'evidence-attach-file': async ({ id, file }) => {
      // Browser mode swaps an upload for its temporary file's path before the core sees it.
      if (file.kind !== 'path') throw new AppError('invalid-input', 'That upload is not known: please choose the file again.');
      return attachEvidenceFile(db(), id, file.path);
    },
    'evidence-reorder': async ({ itemIds }) => reorderKeyDocuments(db(), itemIds),
    'evidence-section-citations': async ({ sectionId }) => {
      const cited = sectionCitedItems(db(), sectionId);
      const labels = citationLabels(keyDocumentsList(db()));
      const titles = new Map(listItems(db()).map((i) => [i.id, i.title]));
      return cited.map((c) => ({ ...c, label: labels.get(c.itemId) ?? null, title: titles.get(c.itemId) ?? null }));
    },
    'evidence-original-copy': async ({ id }) => writeOriginalCopy(db(), id),
  };
}
