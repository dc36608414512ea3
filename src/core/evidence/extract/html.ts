import { Parser } from 'htmlparser2';
import { firstLine, splitIntoParts } from './parts';
import { MIME_TYPES, type ExtractedDocument, type ExtractionLimits } from './types';

/** Elements whose content is never text for a reader: code, styles, embedded objects. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'head']);
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dt', 'dd']);

/**
 * Sanitised by construction: only text nodes outside scripts, styles and embedded content are
 * kept, so nothing in the page can run, load or be stored as markup. Title: <title>, else the first <h1>.
 */
export async function extractHtml(data: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const html = new TextDecoder('utf-8').decode(data);
  let skipDepth = 0;
  let out = '';
  let title = '';
  let inTitle = false;
  let h1: string | null = null;
  let inH1 = false;
  let h1Text = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (name === 'h1' && h1 === null) inH1 = true;
        if (SKIPPED.has(name)) skipDepth++;
        if (BLOCKS.has(name)) out += '\n';
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skipDepth > 0) return;
        if (inH1) h1Text += text;
        out += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1' && inH1) {
          inH1 = false;
          h1 = h1Text.trim() || null;
        }
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCKS.has(name)) out += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = out.replace(/[ \t\r\f\v]+/g, ' ').replace(/ *\n */g, '\n');
  return {
    kind: 'html',
    mime: MIME_TYPES.html,
    title: title.trim() || h1 || firstLine(text),
    locatorKind: 'part',
    pages: splitIntoParts(text).slice(0, limits.maxPages),
  };
}
