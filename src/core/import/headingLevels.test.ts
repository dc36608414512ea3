import { describe, expect, it } from 'vitest';
import { lexicalDocument, lexicalElement, lexicalParagraph, lexicalText, type SerializedNode } from '../../shared/schemas/lexical';
import { renumberHeadingLevels } from './headingLevels';

const heading = (tag: string, text = tag) => lexicalElement('heading', [lexicalText(text)], { tag });
const levels = (tags: string[]) => {
  const doc = lexicalDocument(tags.flatMap((tag) => [heading(tag), lexicalParagraph([lexicalText('text')])]));
  const root = renumberHeadingLevels(doc).root as SerializedNode & { children: SerializedNode[] };
  return root.children.filter((n) => n.type === 'heading').map((n) => n.tag);
};

describe('renumberHeadingLevels', () => {
  it('starts a section’s headings at h1, whatever level the document gave them', () => {
    expect(levels(['h5', 'h5', 'h5'])).toEqual(['h1', 'h1', 'h1']);
  });

  it('goes at most one level deeper than the heading before', () => {
    expect(levels(['h2', 'h5', 'h6', 'h5', 'h3'])).toEqual(['h1', 'h2', 'h3', 'h2', 'h2']);
  });

  it('goes back to the level of the heading it is a sibling of', () => {
    expect(levels(['h3', 'h4', 'h5', 'h3', 'h4'])).toEqual(['h1', 'h2', 'h3', 'h1', 'h2']);
  });

  it('treats a heading shallower than the first as a first-level heading', () => {
    expect(levels(['h4', 'h5', 'h2', 'h3'])).toEqual(['h1', 'h2', 'h1', 'h2']);
  });

  it('leaves headings that already follow on as they are, and the words and the original untouched', () => {
    const doc = lexicalDocument([heading('h1', 'One'), heading('h2', 'Two'), lexicalParagraph([lexicalText('Words')])]);
    const before = JSON.stringify(doc);
    expect(renumberHeadingLevels(doc)).toEqual(doc);
    expect(JSON.stringify(doc)).toBe(before);
    const changed = lexicalDocument([heading('h4', 'Deep')]);
    renumberHeadingLevels(changed);
    expect((changed.root as { children: SerializedNode[] }).children[0]!.tag).toBe('h4');
  });
});
