import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createListItemNode, $createListNode, $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DELETE_CHARACTER_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  KEY_BACKSPACE_COMMAND,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
  createCommand,
  type LexicalCommand,
  type LexicalNode,
  type PointType,
} from 'lexical';
import {
  $createHeadlineStatementsNode,
  $isHeadlineStatementsNode,
  HeadlineStatementsNode,
} from '../../../../document/nodes/HeadlineStatementsNode';
import { $insertTopLevelBlock, $topLevelBlockOf } from '../../insertBlock';

/** Inserts a headline statements block (one empty bullet, caret in it) at the top level. */
export const INSERT_HEADLINE_STATEMENTS_COMMAND: LexicalCommand<void> = createCommand('INSERT_HEADLINE_STATEMENTS_COMMAND');

/**
 * Headline statements: the insert command, and a transform that keeps the block a block of
 * bullets. Anything else that ends up inside it (the paragraph a list makes when Enter is pressed
 * on an empty last bullet, or when Backspace turns the first bullet back into text) is lifted
 * out, before or after the block; a second list is merged into the first; an empty block goes.
 * Backspace at the start of the paragraph just after the block joins it to the last bullet, as
 * it would join any two paragraphs. A selection that starts at the very start of the block and
 * takes in all of it (Ctrl+A, say) replaces the block like any other text: see
 * $replaceWholeBlocks.
 */
export function HeadlineStatementsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([HeadlineStatementsNode])) {
      throw new Error('HeadlineStatementsPlugin: HeadlineStatementsNode is not registered');
    }
    return mergeRegister(
      editor.registerCommand(
        INSERT_HEADLINE_STATEMENTS_COMMAND,
        () => {
          const block = $createHeadlineStatementsNode();
          const list = $createListNode('bullet');
          const item = $createListItemNode();
          list.append(item);
          block.append(list);
          $insertTopLevelBlock(block);
          item.select();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Before Lexical types, deletes, breaks or pastes over the selection.
      ...[CONTROLLED_TEXT_INSERTION_COMMAND, DELETE_CHARACTER_COMMAND, REMOVE_TEXT_COMMAND, INSERT_PARAGRAPH_COMMAND, INSERT_LINE_BREAK_COMMAND, PASTE_COMMAND].map(
        (command) =>
          editor.registerCommand(
            command as LexicalCommand<unknown>,
            () => {
              $replaceWholeBlocks();
              return false;
            },
            COMMAND_PRIORITY_CRITICAL,
          ),
      ),
      editor.registerCommand(
        KEY_BACKSPACE_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.offset !== 0) return false;
          const anchor = selection.anchor.getNode();
          const paragraph = $topLevelBlockOf(anchor);
          if (!$isParagraphNode(paragraph)) return false;
          if (!anchor.is(paragraph) && !anchor.is(paragraph.getFirstDescendant())) return false;
          const previous = paragraph.getPreviousSibling();
          if (!$isHeadlineStatementsNode(previous)) return false;
          const list = previous.getLastChild();
          const lastItem = $isListNode(list) ? list.getLastChild() : null;
          if (!$isListItemNode(lastItem)) return false;
          event?.preventDefault();
          lastItem.selectEnd();
          lastItem.append(...paragraph.getChildren());
          // Keep somewhere to write below the block when it would end the section.
          if (paragraph.getNextSibling() === null) paragraph.clear();
          else paragraph.remove();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerNodeTransform(HeadlineStatementsNode, (block) => {
        const children = block.getChildren();
        const lists = children.filter($isListNode) as ListNode[];
        const first = lists[0];
        if (!first) {
          // No bullets left: whatever is inside becomes ordinary blocks again.
          for (const child of children) block.insertBefore(child);
          block.remove();
          return;
        }
        if (first.getListType() !== 'bullet') first.setListType('bullet');
        for (const other of lists.slice(1)) {
          first.append(...other.getChildren());
          other.remove();
        }
        const firstIndex = children.indexOf(first);
        const before = children.slice(0, firstIndex).filter((c) => !$isListNode(c));
        const after = children.slice(firstIndex + 1).filter((c) => !$isListNode(c));
        for (const child of before) block.insertBefore(child);
        let anchor: LexicalNode = block;
        for (const child of after) {
          const next = anchor.getNextSibling();
          // Enter on the empty last bullet with a blank paragraph already below: go there.
          if (
            anchor === block &&
            $isParagraphNode(child) &&
            child.getTextContentSize() === 0 &&
            $isParagraphNode(next) &&
            next.getTextContentSize() === 0
          ) {
            const selection = $getSelection();
            const wasSelected = $isRangeSelection(selection) && selection.anchor.key === child.getKey();
            child.remove();
            if (wasSelected) next.selectStart();
            continue;
          }
          anchor.insertAfter(child);
          anchor = child;
        }
        if (first.getChildrenSize() === 0) block.remove();
      }),
    );
  }, [editor]);
  return null;
}

/** Whether `point` is at the very start of `block` (before its first character). */
function $isAtStartOf(point: PointType, block: LexicalNode): boolean {
  if (point.offset !== 0) return false;
  let node: LexicalNode | null = point.getNode();
  for (; node !== null && !node.is(block); node = node.getParent()) {
    if (node.getPreviousSibling() !== null) return false;
  }
  return node !== null;
}

/** Whether `point` is at the very end of `block` (after its last character). */
function $isAtEndOf(point: PointType, block: LexicalNode): boolean {
  let node: LexicalNode | null = point.getNode();
  const size = point.type === 'text' ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 0;
  if (point.offset !== size) return false;
  for (; node !== null && !node.is(block); node = node.getParent()) {
    if (node.getNextSibling() !== null) return false;
  }
  return node !== null;
}

/**
 * A selection from the very start of a headline statements block to somewhere after it (or to
 * the end of the section) means the whole block, as it would in Word: what is typed, pasted or
 * left after a delete goes in an ordinary paragraph, not in a bullet.
 *
 * Left alone, Lexical keeps the first block the selection touches, and with it the block's list
 * (the block is a shadow root, like a table cell, so Lexical never removes it around its
 * contents). So the selection is made to start in a new empty paragraph just before the block:
 * the block is then wholly inside it and goes, and what is left joins that paragraph.
 */
function $replaceWholeBlocks(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
  const [start, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  const block = $topLevelBlockOf(start.getNode());
  if (!$isHeadlineStatementsNode(block) || !$isAtStartOf(start, block)) return;
  const endBlock = $topLevelBlockOf(end.getNode());
  const wholeBlock = endBlock !== null && !endBlock.is(block) ? true : block.getNextSibling() === null && $isAtEndOf(end, block);
  if (!wholeBlock) return;
  const paragraph = $createParagraphNode();
  block.insertBefore(paragraph);
  start.set(paragraph.getKey(), 0, 'element');
}
