/**
 * What to tell the user when a file or a picture arrives that the statement cannot take yet
 * (evidence and Word import are still to come): say what happened and what to do instead,
 * never drop it without a word.
 */

export interface IncomingFile {
  name: string;
  type: string;
}

const WORD = /\.(docx?|rtf|odt)$/i;

function isPicture(file: IncomingFile): boolean {
  return file.type.startsWith('image/') || /\.(png|jpe?g|gif|bmp|webp|svg|emf|wmf|tiff?)$/i.test(file.name);
}

/** For files dropped on the editor or the window. */
export function droppedFilesMessage(files: IncomingFile[]): string {
  const first = files[0];
  if (!first) return '';
  const more = files.length > 1 ? ` (and ${files.length - 1} more)` : '';
  if (files.some((f) => WORD.test(f.name))) {
    const doc = files.find((f) => WORD.test(f.name))!;
    return `“${doc.name}”${more} was not added: importing a Word document is not available yet. Open it in Word, copy the text and paste it here; headings, lists, links and tables come across.`;
  }
  if (files.every(isPicture)) {
    return `“${first.name}”${more} was not added: the statement holds text only for now. Describe what the picture shows in words, or name the document it comes from under Key and background documents.`;
  }
  return `“${first.name}”${more} was not added: only text can go into the statement for now. Copy the text you need from the file and paste it here.`;
}

/** For a paste that carried pictures: all of it (nothing else came across) or some of it. */
export function pastedPicturesMessage(pictures: number, textToo: boolean): string {
  const what = pictures === 1 ? 'a picture' : `${pictures} pictures`;
  return textToo
    ? `Pasted the text; ${what} ${pictures === 1 ? 'was' : 'were'} left out, as the statement holds text only for now. Describe what ${pictures === 1 ? 'it shows' : 'they show'} in words if it matters.`
    : `Nothing was pasted: the clipboard held only ${what}, and the statement holds text only for now. Describe what ${pictures === 1 ? 'it shows' : 'they show'} in words instead.`;
}

/** How many pictures a pasted HTML fragment carries (Word writes <img> or VML <v:imagedata>). */
export function countPictures(html: string): number {
  return (html.match(/<img\b/gi)?.length ?? 0) + (html.match(/<v:imagedata\b/gi)?.length ?? 0);
}
