import type { SerializedEditorStateJSON } from '../../../shared/schemas/lexical';
import { packStatementDocx } from './exportStatementDocx';

/**
 * Packs a small made-up statement and throws the bytes away, so that the export worker's first
 * real export does not also pay for loading the Word library and for V8 compiling its code on
 * first use (together most of a first export: measured in bench/export.ts). The worker does
 * this while the Export dialog is open, before the user chooses Export.
 *
 * The made-up statement uses what every statement has: headings, paragraphs with bold and
 * italic runs, a bulleted and a numbered list, and the contents page.
 */
export async function warmUpPacking(): Promise<void> {
  const text = (words: string, format = 0) => ({ type: 'text', version: 1, text: words, format, detail: 0, mode: 'normal', style: '' });
  const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children });
  const item = (words: string, value: number) => ({ type: 'listitem', version: 1, value, checked: undefined, direction: 'ltr', format: '', indent: 0, children: [text(words)] });
  const list = (listType: 'bullet' | 'number') => ({
    type: 'list', version: 1, listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol', direction: 'ltr', format: '', indent: 0,
    children: [item('The first point.', 1), item('The second point.', 2)],
  });
  const content = {
    root: {
      type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
      children: [
        { type: 'heading', version: 1, tag: 'h3', direction: 'ltr', format: '', indent: 0, children: [text('A heading in the text')] },
        paragraph(text('Words in a paragraph, '), text('some bold', 1), text(' and '), text('some italic', 2), text('.')),
        list('bullet'),
        list('number'),
      ],
    },
  } as unknown as SerializedEditorStateJSON;
  const sections = ['Introduction', 'Governance and culture'].map((title, i) => ({ id: `warm-${i}`, title, kind: i === 0 ? ('introduction' as const) : ('theme' as const), headingLevel: 1, content }));
  await packStatementDocx(
    {
      title: 'Warm-up',
      subject: 'Warm-up',
      councilName: 'Warm-up Council',
      dateText: '1 January 2026',
      sections,
      headings: sections.map((s) => ({ level: 1, text: s.title })),
      warnings: [],
      images: {},
    },
    {},
  );
}
