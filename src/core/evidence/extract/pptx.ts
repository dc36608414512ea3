import { MIME_TYPES, ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';
import { coreTitle, xmlText } from './xmlText';
import { unzipParts } from './zipGuard';

/** One page per slide: the text of its shapes (`a:t` runs), a line per paragraph, after the zip checks. */
export async function extractPptx(data: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const parts = unzipParts(
    data,
    limits,
    (name) => name === 'ppt/presentation.xml' || name === 'docProps/core.xml' || /^ppt\/slides\/slide\d+\.xml$/.test(name),
  );
  if (!parts.has('ppt/presentation.xml')) {
    throw new ExtractionError('The file’s name says it is a PowerPoint presentation, but its content is not. It may be damaged or renamed.');
  }
  const slides = [...parts.keys()]
    .filter((name) => name.startsWith('ppt/slides/'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const pages = slides
    .slice(0, limits.maxPages)
    .map((name) => xmlText(parts.get(name)!, { textIn: ['a:t'], breakAfter: ['a:p'] }).replace(/\n{2,}/g, '\n').trim());
  const title = coreTitle(parts.get('docProps/core.xml')) ?? pages[0]?.split('\n')[0]?.trim() ?? null;
  return { kind: 'pptx', mime: MIME_TYPES.pptx, title: title || null, locatorKind: 'slide', pages };
}
