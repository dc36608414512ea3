import { ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

/**
 * Text per page with pdfjs-dist's Node (legacy) build. pdfjs-dist 6 dropped `isEvalSupported`
 * because it no longer compiles code from PDFs at all (its build has no eval or `new Function`;
 * Node refuses `--disallow-code-generation-from-strings` for a worker, or we would add it). No font faces, no XFA, nothing fetched (no URLs are
 * given and Node has no DOM to load from). JavaScript and actions in the PDF are never run:
 * text extraction does not execute them.
 */
export async function extractPdf(data: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ExtractionError('The PDF is protected by a password, so its text cannot be read. Save a copy without the password and add that.');
    }
    throw new ExtractionError('The PDF is damaged or incomplete, so its text cannot be read.');
  }
  try {
    const pages: string[] = [];
    const count = Math.min(doc.numPages, limits.maxPages);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str === 'string') text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
    }
    let title: string | null = null;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && info.Title.trim()) title = info.Title.trim();
    } catch {
      // No metadata: the first line stands in below.
    }
    return { kind: 'pdf', mime: 'application/pdf', title, locatorKind: 'page', pages };
  } finally {
    await task.destroy();
  }
}
