import { $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $getEditor, $getRoot, $isDecoratorNode, $isElementNode, type LexicalNode } from 'lexical';
import type { SerializedEditorStateJSON } from '../shared/schemas/lexical';
import { buildEditorState } from './headless';

/**
 * HTML in, a statement document out: Lexical's own HTML import (the same conversions a paste
 * uses, so only registered nodes survive: headings, lists, links, tables, quotes, our blocks)
 * run headlessly. The caller provides the parsed DOM Document (in Node, a happy-dom window's
 * document), so this layer stays free of Node and DOM libraries.
 *
 * Inline nodes Lexical returns at the top level (a run of text between blocks) are wrapped in
 * paragraphs, as a paste does, so the root only holds blocks.
 */
export function editorStateFromDom(dom: Document): SerializedEditorStateJSON {
  return buildEditorState(() => {
    const root = $getRoot();
    let loose: ReturnType<typeof $createParagraphNode> | null = null;
    for (const node of $generateNodesFromDOM($getEditor(), dom) as LexicalNode[]) {
      if (isBlock(node)) {
        loose = null;
        root.append(node);
      } else {
        if (!loose) {
          loose = $createParagraphNode();
          root.append(loose);
        }
        loose.append(node);
      }
    }
  });
}

function isBlock(node: LexicalNode): boolean {
  if ($isElementNode(node)) return !node.isInline();
  if ($isDecoratorNode(node)) return !node.isInline();
  return false;
}
