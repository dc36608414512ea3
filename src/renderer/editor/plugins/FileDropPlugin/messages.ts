/**
 * What to tell the user when a file or a picture arrives that the statement cannot take:
 * say what happened and what to do instead, never drop it without a word.
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
    return `“${first.name}”${more} was not added: drop pictures on the text, where you want them, or use Insert › Picture….`;
  }
  return `“${first.name}”${more} was not added: only text can go into the statement for now. Copy the text you need from the file and paste it here.`;
}

/**
 * For pasted text whose pictures did not come with it: Word and web pages put a picture on the
 * clipboard as a link to a file elsewhere (file:///…clip_image002.png, https://…), which the
 * statement cannot take. Copying the picture on its own puts its bytes on the clipboard.
 */
export function pastedPicturesMessage(pictures: number): string {
  const what = pictures === 1 ? 'a picture was' : `${pictures} pictures were`;
  return `Pasted the text; ${what} left out, as ${pictures === 1 ? 'it was' : 'they were'} copied as a link to a file elsewhere. Copy ${pictures === 1 ? 'the picture' : 'each picture'} on ${pictures === 1 ? 'its' : 'their'} own and paste ${pictures === 1 ? 'it' : 'them'} here, or use Insert › Picture….`;
}

/** How many pictures a pasted HTML fragment carries (Word writes <img> or VML <v:imagedata>). */
export function countPictures(html: string): number {
  // An <img> naming a stored picture (copied from this app's editor) is taken by the paste itself.
  const ours = html.match(/<img\b[^>]*\bdata-pcs-blob="[0-9a-f]{64}"/gi)?.length ?? 0;
  return (html.match(/<img\b/gi)?.length ?? 0) - ours + (html.match(/<v:imagedata\b/gi)?.length ?? 0);
}
