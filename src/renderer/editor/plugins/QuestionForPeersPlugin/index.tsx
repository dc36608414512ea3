import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createTextNode, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical';
import { $createQuestionForPeersNode, QuestionForPeersNode } from '../../../../document/nodes/QuestionForPeersNode';
import { $insertTopLevelBlock } from '../../insertBlock';

/** How the LGA's examples word it; the block starts with these words, caret after them. */
export const QUESTION_OPENING = 'We ask the peers to ';

/** Inserts a "question for the peers" block at the top level, started with the usual opening. */
export const INSERT_QUESTION_FOR_PEERS_COMMAND: LexicalCommand<void> = createCommand('INSERT_QUESTION_FOR_PEERS_COMMAND');

export function QuestionForPeersPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([QuestionForPeersNode])) {
      throw new Error('QuestionForPeersPlugin: QuestionForPeersNode is not registered');
    }
    return editor.registerCommand(
      INSERT_QUESTION_FOR_PEERS_COMMAND,
      () => {
        const block = $createQuestionForPeersNode();
        block.append($createTextNode(QUESTION_OPENING));
        $insertTopLevelBlock(block);
        block.selectEnd();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
  }, [editor]);
  return null;
}
