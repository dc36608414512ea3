import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { buildEditorState, editorStateToJSON, parseEditorState, readDocument } from '../headless';
import { editorStateText, editorStateWordCount } from '../plainText';
import { visitDocument } from '../visitor';
import { $createParagraphNode, $createTextNode } from 'lexical';
import { $createRecommendationsTableNode, $isRecommendationsTableNode } from './RecommendationsTableNode';

const intro = (source: string | null) =>
  buildEditorState(() => {
    $getRoot().append(
      $createParagraphNode().append($createTextNode('Since the last challenge we have acted on every recommendation.')),
      $createRecommendationsTableNode(source),
      $createParagraphNode().append($createTextNode('The table shows where each stands.')),
    );
  });

describe('RecommendationsTableNode: the register as a table block', () => {
  it('saves only which part of the register it shows, and round-trips through JSON unchanged', () => {
    for (const source of [null, '2022 progress review']) {
      const json = intro(source);
      const block = (json.root as SerializedNode).children![1]!;
      expect(block).toEqual({ type: 'recommendations-table', version: 1, source });
      const copy = structuredClone(json);
      expect(editorStateToJSON(parseEditorState(json))).toEqual(copy);
      expect(readDocument(json, () => $getRoot().getChildren().filter($isRecommendationsTableNode).map((n) => n.getSource()))).toEqual([source]);
    }
  });

  it('treats a blank source as the whole register', () => {
    const json = intro('   ');
    expect((json.root as SerializedNode).children![1]!.source).toBeNull();
  });

  it('is an empty block to the one walk, so its words (the register’s) count towards no section’s target', () => {
    const json = intro(null);
    const events: string[] = [];
    visitDocument(json.root as SerializedNode, {
      enterBlock: (n) => events.push(`<${n.type}>`),
      leaveBlock: (n) => events.push(`</${n.type}>`),
    });
    expect(events).toEqual(['<paragraph>', '</paragraph>', '<recommendations-table>', '</recommendations-table>', '<paragraph>', '</paragraph>']);
    expect(editorStateText(json)).toBe('Since the last challenge we have acted on every recommendation.\nThe table shows where each stands.');
    expect(editorStateWordCount(json)).toBe(16);
  });
});
