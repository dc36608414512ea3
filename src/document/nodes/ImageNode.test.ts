import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { buildEditorState, editorStateToJSON, parseEditorState, readDocument } from '../headless';
import { editorStateText, editorStateWordCount } from '../plainText';
import { $createImageNode, $isImageNode } from './ImageNode';

const BLOB = 'c'.repeat(64);

describe('ImageNode: a picture stored in the assessment', () => {
  const doc = buildEditorState(() => {
    $getRoot().append(
      $createParagraphNode().append(
        $createTextNode('Residents are satisfied '),
        $createImageNode({ blobId: BLOB, altText: 'Bar chart: satisfaction up from 61% to 74%', width: 1200, height: 600 }),
      ),
    );
  });

  it('saves its stored picture, alt text and size as JSON, and reads them back unchanged', () => {
    const paragraph = (doc.root as SerializedNode).children![0]!;
    expect(paragraph.children![1]).toEqual({
      type: 'image',
      version: 1,
      blobId: BLOB,
      altText: 'Bar chart: satisfaction up from 61% to 74%',
      width: 1200,
      height: 600,
    });
    const copy = structuredClone(doc);
    expect(editorStateToJSON(parseEditorState(doc))).toEqual(copy);
    const read = readDocument(doc, () => {
      const image = ($getRoot().getFirstChild() as ElementNode).getLastChild();
      return $isImageNode(image) ? [image.getBlobId(), image.getAltText(), image.getWidth(), image.getHeight(), image.isInline()] : null;
    });
    expect(read).toEqual([BLOB, 'Bar chart: satisfaction up from 61% to 74%', 1200, 600, true]);
  });

  it('has no words of its own: word counts and plain text are the paragraph’s', () => {
    expect(editorStateText(doc)).toBe('Residents are satisfied');
    expect(editorStateWordCount(doc)).toBe(3);
  });

  it('reads a damaged picture (fields missing) as one without alt text rather than failing', () => {
    const damaged = {
      root: { type: 'root' as const, version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'image', version: 1 }] }] },
    };
    const json = editorStateToJSON(parseEditorState(damaged));
    expect((json.root as SerializedNode).children![0]!.children![0]).toMatchObject({ type: 'image', blobId: '', altText: '', width: 0 });
  });

  it('saves a chosen size, and reads an unknown one (a damaged or newer file) as the picture’s own size', () => {
    const sized = buildEditorState(() => {
      $getRoot().append($createParagraphNode().append($createImageNode({ blobId: BLOB, altText: 'Logo', width: 10, height: 10, size: 'medium' })));
    });
    const saved = (sized.root as SerializedNode).children![0]!.children![0]!;
    expect(saved).toMatchObject({ size: 'medium' });
    expect(editorStateToJSON(parseEditorState(sized))).toEqual(sized);
    const odd = structuredClone(sized);
    (odd.root as SerializedNode).children![0]!.children![0]!['size'] = 'gigantic';
    const read = readDocument(odd, () => {
      const image = ($getRoot().getFirstChild() as ElementNode).getFirstChild();
      return $isImageNode(image) ? image.getSize() : 'not an image';
    });
    expect(read).toBeNull();
    expect((editorStateToJSON(parseEditorState(odd)).root as SerializedNode).children![0]!.children![0]).not.toHaveProperty('size');
  });
});
