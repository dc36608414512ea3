import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useToasts } from '../../../ui/Toasts';
import { addDroppedEvidence, isEvidenceFile } from '../../../evidence/evidenceStore';
import { droppedFilesMessage } from './messages';
import { INSERT_PICTURE_FILES_COMMAND } from '../../../images/ImagePlugin';
import { looksLikePicture } from '../../../images/pictureFiles';

function filesOf(transfer: DataTransfer | null): File[] {
  return transfer ? Array.from(transfer.files) : [];
}

/**
 * Files pasted or dropped are never taken without a word: a picture pasted on its own, or dropped
 * on the text, goes into the statement (src/renderer/images); a file the evidence library reads
 * goes to it; anything else, dropped on the editor or anywhere in the window, gets a message
 * saying what happened and what to do instead. (Dropping a file on the window would otherwise
 * open it in place of the app.)
 */
export function FileDropPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const toasts = useToasts();

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
          const data = event.clipboardData;
          if (data.getData('text/html') || data.getData('text/plain')) return false;
          const pictures = filesOf(data).filter(looksLikePicture);
          if (pictures.length === 0) return false;
          event.preventDefault();
          // A picture alone on the clipboard (a screenshot, Word's or a browser's "Copy" on a picture).
          editor.dispatchCommand(INSERT_PICTURE_FILES_COMMAND, { files: pictures, pasted: true });
          return true;
        },
        COMMAND_PRIORITY_CRITICAL,
      ),
    [editor, toasts],
  );

  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      const files = filesOf(e.dataTransfer);
      if (files.length === 0) return;
      e.preventDefault();
      e.stopPropagation();
      // Pictures dropped on the text go into it; files the evidence library can read are added to
      // it; anything else (and a picture dropped beside the text) gets a message.
      const onText = e.target instanceof Node && (editor.getRootElement()?.contains(e.target) ?? false);
      const pictures = onText ? files.filter(looksLikePicture) : [];
      if (pictures.length > 0) editor.dispatchCommand(INSERT_PICTURE_FILES_COMMAND, { files: pictures, at: { x: e.clientX, y: e.clientY } });
      const rest = files.filter((f) => !pictures.includes(f));
      const evidence = rest.filter(isEvidenceFile);
      const others = rest.filter((f) => !isEvidenceFile(f));
      if (evidence.length > 0) addDroppedEvidence(evidence);
      if (others.length > 0) toasts.show({ message: droppedFilesMessage(others), timeout: 10000 });
    };
    // Capture: before Lexical's own drop handling, which would take the file silently.
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [editor, toasts]);

  return null;
}
