import { describe, expect, it } from 'vitest';
import { editorStateToJSON, parseEditorState } from '../../document/headless';
import { emptyEditorState } from '../../shared/schemas/lexical';
import { progressToText, textToProgress } from './progressText';

describe('progress text saved as a Lexical document', () => {
  it('keeps its lines, blank ones included, and reads back as the same text', () => {
    const saved = textToProgress('Done in March.\n\nOwner: Chief Executive');
    expect(saved.root.children).toHaveLength(3);
    expect(saved.root.children[1]!.children).toEqual([]);
    expect(progressToText(saved)).toBe('Done in March.\nOwner: Chief Executive');
  });

  it('is built in the shape Lexical itself saves, so the editor changes nothing in it', () => {
    for (const built of [textToProgress('One line\nTwo lines'), emptyEditorState()]) {
      expect(editorStateToJSON(parseEditorState(built))).toEqual(built);
    }
  });
});
