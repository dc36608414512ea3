import { firstLine, splitIntoParts } from './parts';
import { MIME_TYPES, ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';
import { coreTitle } from './xmlText';
import { unzipParts } from './zipGuard';

/**
 * Raw text with mammoth, after the zip checks. mammoth reads the parts inside the file only: it
 * follows no external relationship (images, templates, UNC paths), so nothing is fetched.
 * Title: the document's properties, else its first heading (mammoth's HTML marks headings).
 */
export async function extractDocx(data: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const parts = unzipParts(data, limits, (name) => name === 'docProps/core.xml' || name === 'word/document.xml');
  if (!parts.has('word/document.xml')) {
    throw new ExtractionError('The file’s name says it is a Word document, but its content is not. It may be damaged or renamed.');
  }
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let text: string;
  let heading: string | null = null;
  // Loaded on the first Word file: the extraction chunk is part of the core's start, mammoth need not be.
  const mammoth = (await import('mammoth')).default;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
    const html = (await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value;
    const match = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(html);
    if (match) heading = match[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim() || null;
  } catch {
    throw new ExtractionError('The Word document is damaged, so its text cannot be read.');
  }
  return {
    kind: 'docx',
    mime: MIME_TYPES.docx,
    title: coreTitle(parts.get('docProps/core.xml')) ?? heading ?? firstLine(text),
    locatorKind: 'part',
    pages: splitIntoParts(text).slice(0, limits.maxPages),
  };
}
