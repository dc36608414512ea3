import mammoth from 'mammoth';
import { AppError } from '../../shared/errors';
import { checkDocxArchive, DAMAGED_DOCX } from './docxArchive';

/**
 * A Word document as HTML, through mammoth: Word's heading styles become h1–h6, bold, italic,
 * lists, tables and links come through, and Word's own look (fonts, colours, sizes) is left
 * behind, as the statement's export gives it its own.
 *
 * The archive is checked first (./docxArchive): size, entry count, zip bombs, damage.
 */

/**
 * Style names councils' documents use for headings besides Word's built-in "Heading 1..3"
 * (which mammoth maps already). A title page's "Title" stays a paragraph: it is the document's
 * name, not a chapter.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => p:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='heading 1'] => h1:fresh",
  "p[style-name='heading 2'] => h2:fresh",
  "p[style-name='heading 3'] => h3:fresh",
  "p[style-name='Chapter Heading'] => h1:fresh",
  "p[style-name='Section Heading'] => h2:fresh",
];

/**
 * Pictures: the statement has no picture block yet, so a picture's bytes are not copied, but what
 * it shows is kept as words: its alt text becomes a marked paragraph (see ./splitStatement).
 * Nothing outside the file is ever read (no linked pictures, no external files).
 */
const KEEP_ALT_TEXT_ONLY = mammoth.images.imgElement(async () => ({ src: '' }));

export interface DocxAsHtml {
  html: string;
  /** mammoth's notes on what it could not carry over (unknown styles and the like). */
  warnings: string[];
}

export async function readDocxAsHtml(data: Buffer, name: string): Promise<DocxAsHtml> {
  checkDocxArchive(data, name);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: data },
      { styleMap: STYLE_MAP, convertImage: KEEP_ALT_TEXT_ONLY, externalFileAccess: false },
    );
    return { html: result.value, warnings: result.messages.map((m) => m.message) };
  } catch (error) {
    throw new AppError('invalid-input', DAMAGED_DOCX(name), { cause: error });
  }
}

/** The document's plain text, paragraph by paragraph (what a no-text-lost check compares with). */
export async function readDocxRawText(data: Buffer, name: string): Promise<string> {
  checkDocxArchive(data, name);
  try {
    return (await mammoth.extractRawText({ buffer: data })).value;
  } catch (error) {
    throw new AppError('invalid-input', DAMAGED_DOCX(name), { cause: error });
  }
}
