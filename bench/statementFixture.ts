import type { SerializedEditorStateJSON } from '../src/shared/schemas/lexical';

/**
 * Splits the plain text of a real position statement into sections at its `#` headings, each as
 * Lexical JSON of paragraphs, so benchmarks run on a statement of real size and shape.
 */
export interface FixtureSection {
  title: string;
  text: string;
  content: SerializedEditorStateJSON;
}

export function statementSections(source: string): FixtureSection[] {
  const sections: FixtureSection[] = [];
  let title = 'Opening';
  let paragraphs: string[] = [];
  const flush = () => {
    const body = paragraphs.map((p) => p.replace(/<\/?b>/g, '').trim()).filter(Boolean);
    if (body.length > 0) {
      sections.push({
        title: title.slice(0, 200),
        text: body.join('\n'),
        content: {
          root: {
            type: 'root',
            version: 1,
            children: body.map((p) => ({
              type: 'paragraph',
              version: 1,
              children: [{ type: 'text', version: 1, text: p, format: 0, detail: 0, mode: 'normal', style: '' }],
            })),
          },
        },
      });
    }
    paragraphs = [];
  };
  for (const line of source.split('\n')) {
    const heading = /^#{1,3}\s+(.+)$/.exec(line);
    if (heading?.[1]) {
      flush();
      title = heading[1].trim();
    } else if (line.trim()) {
      paragraphs.push(line);
    }
  }
  flush();
  return sections;
}
