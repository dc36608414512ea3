import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical';
import {
  $createRecommendationsTableNode,
  RecommendationsTableNode,
  setRecommendationsTableView,
} from '../../../../document/nodes/RecommendationsTableNode';
import { RecommendationsTableBlock } from '../../../recommendations/RecommendationsTableBlock';
import { $insertTopLevelBlock } from '../../insertBlock';

/** Inserts the recommendations table block (the whole register) at the top level, where the caret is. */
export const INSERT_RECOMMENDATIONS_TABLE_COMMAND: LexicalCommand<void> = createCommand('INSERT_RECOMMENDATIONS_TABLE_COMMAND');

// At load, before any editor draws a block: Lexical asks a decorator for its view only when the
// node is created or changed, so a view installed later would leave the first blocks blank.
setRecommendationsTableView(({ source, nodeKey }) => <RecommendationsTableBlock source={source} nodeKey={nodeKey} />);

export function RecommendationsTablePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([RecommendationsTableNode])) {
      throw new Error('RecommendationsTablePlugin: RecommendationsTableNode is not registered');
    }
    return editor.registerCommand(
      INSERT_RECOMMENDATIONS_TABLE_COMMAND,
      () => {
        const block = $createRecommendationsTableNode();
        $insertTopLevelBlock(block);
        // The caret goes to the paragraph after it, to carry on writing.
        block.selectNext();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
  }, [editor]);
  return null;
}
