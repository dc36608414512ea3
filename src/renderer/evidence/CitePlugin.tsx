import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelectionFromDom, $getSelection, $insertNodes, type LexicalEditor, type RangeSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_CRITICAL, COMMAND_PRIORITY_EDITOR, KEY_DOWN_COMMAND, type BaseSelection } from 'lexical';
import { $createCitationNode } from '../../document/nodes/CitationNode';
import { CiteDialog, type CitePick } from './CiteDialog';
import { OPEN_CITE_DIALOG_COMMAND } from './citeCommand';
import { evidenceStore, keyLabelFor, refreshEvidence } from './evidenceStore';
import { useCitationLabels } from './useCitationLabels';
import { useCitationPassages } from './useCitationPassages';
import type { AutoSaver } from '../save/autosave';

/** The browser's current selection as an editor selection, when it is inside this editor. */
function $selectionFromDom(editor: LexicalEditor): RangeSelection | null {
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.defaultView?.getSelection() ?? null;
  if (!root || !dom || dom.rangeCount === 0 || !dom.anchorNode || !root.contains(dom.anchorNode) || !dom.focusNode || !root.contains(dom.focusNode)) return null;
  return $createRangeSelectionFromDom(dom, editor);
}

/**
 * Cite evidence: Ctrl+Shift+E or the toolbar button opens a dialog to search and pick a hit; the
 * citation is inserted after the selected text, holding the item, the page and the quoted passage
 * (the selected words, or the hit's snippet), and showing the item's key documents number.
 */
export function CitePlugin(props: { saver?: AutoSaver } = {}) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [selectedText, setSelectedText] = useState('');
  const saved = useRef<BaseSelection | null>(null);
  useCitationPassages(editor);
  useCitationLabels(editor, props.saver);

  useEffect(() => {
    const openDialog = () => {
      editor.read(() => {
        // The selection as the browser has it now, not as the editor last heard of it: the editor
        // learns of a new selection from a `selectionchange` event a task later, so a shortcut
        // pressed straight after Shift+Arrow would otherwise quote one character short.
        const selection = $selectionFromDom(editor) ?? $getSelection();
        saved.current = selection ? selection.clone() : null;
        setSelectedText(selection ? selection.getTextContent().trim() : '');
      });
      setOpen(true);
      return true;
    };
    const offOpen = editor.registerCommand(OPEN_CITE_DIALOG_COMMAND, openDialog, COMMAND_PRIORITY_EDITOR);
    const offKey = editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.code !== 'KeyE') return false;
        event.preventDefault();
        return openDialog();
      },
      // Before other key handlers (shortcuts, lists) can claim the key.
      COMMAND_PRIORITY_CRITICAL,
    );
    return () => {
      offOpen();
      offKey();
    };
  }, [editor]);

  const insert = async (pick: CitePick) => {
    setOpen(false);
    // The number it will have in the key documents list.
    await refreshEvidence().catch(() => undefined);
    const label = keyLabelFor(evidenceStore.getState(), pick.itemId);
    const quote = (selectedText || pick.snippet).slice(0, 2000) || null;
    editor.update(() => {
      const selection = saved.current ? saved.current.clone() : $getSelection();
      if (!$isRangeSelection(selection)) return;
      $setSelection(selection);
      // After the selected words, not in place of them: the citation marks what they rest on.
      if (!selection.isCollapsed()) {
        const [, end] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
        selection.anchor.set(end.key, end.offset, end.type);
        selection.focus.set(end.key, end.offset, end.type);
      }
      const node = $createCitationNode(pick.itemId, String(pick.page), quote, `[${label ?? '?'}]`);
      $insertNodes([node]);
      node.selectNext();
    });
    editor.focus();
  };

  return <CiteDialog isOpen={open} selectedText={selectedText} onClose={() => setOpen(false)} onPick={(p) => void insert(p)} />;
}
