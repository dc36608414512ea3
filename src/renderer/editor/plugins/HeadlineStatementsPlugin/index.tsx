import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createListItemNode, $createListNode, $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  createCommand,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import {
  $createHeadlineStatementsNode,
  $isHeadlineStatementsNode,
  HeadlineStatementsNode,
} from '../../nodes/HeadlineStatementsNode';
import { $insertTopLevelBlock, $topLevelBlockOf } from '../../insertBlock';

/** Inserts a headline statements block (one empty bullet, caret in it) at the top level. */
export const INSERT_HEADLINE_STATEMENTS_COMMAND: LexicalCommand<void> = createCommand('INSERT_HEADLINE_STATEMENTS_COMMAND');

/**
 * Headline statements: the insert command, and a transform that keeps the block a block of
 * bullets. Anything else that ends up inside it (the paragraph a list makes when Enter is pressed
 * on an empty last bullet, or when Backspace turns the first bullet back into text) is lifted
 * out, before or after the block; a second list is merged into the first; an empty block goes.
 * Backspace at the start of the paragraph just after the block joins it to the last bullet, as
 * it would join any two paragraphs.
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
