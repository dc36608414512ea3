import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';

/** The block directly under the root that holds `node` (tables and our own blocks included). */
export function $topLevelBlockOf(node: LexicalNode): LexicalNode | null {
  let current: LexicalNode | null = node;
  while (current) {
    const parent: LexicalNode | null = current.getParent();
    if ($isRootNode(parent)) return current;
    if ($isRootNode(current)) return null;
    current = parent;
  }
  return null;
}

/**
 * Puts one of the statement's own blocks at the top level of the section, where the caret is:
 * in place of an empty paragraph, before a block when the caret is at its very start, otherwise
 * after the block the caret is in. Never inside a list, table or another of our blocks. Leaves a
 * paragraph after it, so there is always somewhere to carry on writing.
 */
export function $insertTopLevelBlock(block: LexicalNode): void {
  const root = $getRoot();
  const selection = $getSelection();
  const top = $isRangeSelection(selection) ? $topLevelBlockOf(selection.anchor.getNode()) : root.getLastChild();
  if (!top) {
    root.append(block);
  } else if ($isParagraphNode(top) && top.getTextContentSize() === 0) {
    top.replace(block);
  } else if (
    $isRangeSelection(selection) &&
    selection.isCollapsed() &&
    selection.anchor.offset === 0 &&
    (selection.anchor.getNode() === top || selection.anchor.getNode() === (top as ElementNode).getFirstDescendant?.())
  ) {
    top.insertBefore(block);
  } else {
    top.insertAfter(block);
  }
  if (!block.getNextSibling()) block.insertAfter($createParagraphNode());
}
