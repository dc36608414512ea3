import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createTextNode, $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, createCommand } from 'lexical';
import { Button, ListBox, ListBoxItem } from 'react-aria-components';
import { $createRecommendationReferenceNode } from '../../../../document/nodes/RecommendationReferenceNode';
import { RECOMMENDATION_STATUS_WORDS } from '../../../../shared/contracts/recommendations';
import { useStore } from '../../../data/store';
import { recommendationsStore } from '../../../recommendations/recommendationsStore';
import { AppDialog, ErrorMessage } from '../../../ui/Dialog';

/** Opens the picker; the toolbar's Insert menu sends it. */
export const OPEN_RECOMMENDATION_PICKER_COMMAND = createCommand<void>('OPEN_RECOMMENDATION_PICKER_COMMAND');

/**
 * "Insert reference to a recommendation": a picker over the register (the same store as the
 * Recommendations view), then a RecommendationReferenceNode ("Recommendation B") at the caret,
 * which tells the traceability view that this section addresses it.
 */
export function RecommendationReferencePlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = useStore(recommendationsStore, (s) => s.list);
  const loaded = useStore(recommendationsStore, (s) => s.loaded);
  const error = useStore(recommendationsStore, (s) => s.error);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_RECOMMENDATION_PICKER_COMMAND,
        () => {
          setChosen(null);
          setOpen(true);
          void recommendationsStore.reload();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => editor.focus());
  };

  const insert = () => {
    const rec = list.find((r) => r.id === chosen);
    if (!rec) return;
    editor.update(() => {
      let selection = $getSelection();
      if (!$isRangeSelection(selection)) {
        $getRoot().selectEnd();
        selection = $getSelection();
      }
      if (!$isRangeSelection(selection)) return;
      // A space after the token, so typing can go on straight after it.
      selection.insertNodes([$createRecommendationReferenceNode(rec.id, rec.label), $createTextNode(' ')]);
    });
    close();
  };

  return (
    <AppDialog title="Insert reference to a recommendation" isOpen={open} onOpenChange={(next) => !next && close()} size="medium">
      <ErrorMessage message={error} />
      {loaded && list.length === 0 ? (
        <p>The register has no recommendations yet. Open Recommendations (Alt+Shift+R) to import or add them.</p>
      ) : (
        <ListBox
          className="menu recs-picker"
          aria-label="Recommendations"
          selectionMode="single"
          selectedKeys={chosen ? [chosen] : []}
          onSelectionChange={(keys) => {
            const key = keys === 'all' ? null : [...keys][0];
            setChosen(key === undefined || key === null ? null : String(key));
          }}
          onAction={(key) => setChosen(String(key))}
          items={list}
          autoFocus
        >
          {(rec) => (
            <ListBoxItem
              id={rec.id}
              className="menu-item"
              textValue={`Recommendation ${rec.label}: ${rec.text}`}
              aria-label={`Recommendation ${rec.label}: ${rec.text} (${RECOMMENDATION_STATUS_WORDS[rec.status]})`}
            >
              <strong>{rec.label}.</strong> {rec.text.length > 140 ? `${rec.text.slice(0, 140)}…` : rec.text} ({RECOMMENDATION_STATUS_WORDS[rec.status]})
            </ListBoxItem>
          )}
        </ListBox>
      )}
      <div className="dialog-actions">
        <Button className="button" onPress={close}>
          Cancel
        </Button>
        <Button className="button button-primary" isDisabled={!chosen} onPress={insert}>
          Insert reference
        </Button>
      </div>
    </AppDialog>
  );
}
