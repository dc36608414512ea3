import { firstLine, splitIntoParts } from './parts';
import { MIME_TYPES, type ExtractedDocument, type ExtractionLimits } from './types';

/** Plain text and Markdown: UTF-8 (Windows-1252 when it is not), title from the first `#` heading or line. */
export async function extractText(data: Uint8Array, limits: ExtractionLimits, kind: 'text' | 'markdown'): Promise<ExtractedDocument> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const heading = kind === 'markdown' ? /^#{1,6}\s+(.+)$/m.exec(text)?.[1]?.trim() : undefined;
  return {
    kind,
    mime: MIME_TYPES[kind],
    title: heading || firstLine(text),
    locatorKind: 'part',
    pages: splitIntoParts(text).slice(0, limits.maxPages),
  };
}
