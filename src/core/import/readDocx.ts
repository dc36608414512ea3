import { createHash } from 'node:crypto';
import { IMAGE_BLOB_ATTRIBUTE } from '../../document/nodes/ImageNode';
import { imageRefusal, sniffImage } from '../images/imageInfo';
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

/** A picture from the document, checked (PNG, JPEG or GIF, not too large) and ready to store. */
export interface DocxImage {
  data: Buffer;
  mimeType: string;
  width: number;
  height: number;
}

/**
 * Pictures: each one the statement can take (PNG, JPEG, GIF, within the size limit) comes through
 * as an <img> naming its bytes by sha256 (`data-pcs-blob`, which the document layer's ImageNode
 * reads), with mammoth's alt text; its bytes wait in `images` to be stored with the sections.
 * Any other picture (an EMF drawing, a linked file) keeps only its alt text, as words (see
 * ./splitStatement). Nothing outside the file is ever read (no linked pictures, no external files).
 */
function pictureConverter(mammoth: Mammoth, images: Map<string, DocxImage>) {
  return mammoth.images.imgElement(async (image) => {
    let data: Buffer;
    try {
      data = await image.readAsBuffer();
    } catch {
      return { src: '' };
    }
    const sniffed = sniffImage(data);
    if (imageRefusal(sniffed, data.length, 'picture') !== null || !('width' in sniffed)) return { src: '' };
    const blobId = createHash('sha256').update(data).digest('hex');
    images.set(blobId, { data, mimeType: sniffed.mimeType, width: sniffed.width, height: sniffed.height });
    return { src: '', [IMAGE_BLOB_ATTRIBUTE]: blobId, width: String(sniffed.width), height: String(sniffed.height) } as { src: string };
  });
}

type Mammoth = typeof import('mammoth');

/** mammoth (and its own zip, XML and promise libraries) is loaded on the first Word file read: commands that read none, like `pcs info`, start without it. */
async function loadMammoth(): Promise<Mammoth> {
  return (await import('mammoth')).default;
}

export interface DocxAsHtml {
  html: string;
  /** mammoth's notes on what it could not carry over (unknown styles and the like). */
  warnings: string[];
  /** The pictures the HTML names, by sha256. */
  images: Map<string, DocxImage>;
}

export async function readDocxAsHtml(data: Buffer, name: string): Promise<DocxAsHtml> {
  checkDocxArchive(data, name);
  const images = new Map<string, DocxImage>();
  const mammoth = await loadMammoth();
  try {
    const result = await mammoth.convertToHtml(
      { buffer: data },
      { styleMap: STYLE_MAP, convertImage: pictureConverter(mammoth, images), externalFileAccess: false },
    );
    return { html: result.value, warnings: result.messages.map((m) => m.message), images };
  } catch (error) {
    throw new AppError('invalid-input', DAMAGED_DOCX(name), { cause: error });
  }
}

/** The document's plain text, paragraph by paragraph (what a no-text-lost check compares with). */
export async function readDocxRawText(data: Buffer, name: string): Promise<string> {
  checkDocxArchive(data, name);
  const mammoth = await loadMammoth();
  try {
    return (await mammoth.extractRawText({ buffer: data })).value;
  } catch (error) {
    throw new AppError('invalid-input', DAMAGED_DOCX(name), { cause: error });
  }
}
