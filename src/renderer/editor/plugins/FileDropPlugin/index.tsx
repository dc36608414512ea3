import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, PASTE_COMMAND } from 'lexical';
import { useToasts } from '../../../ui/Toasts';
import { addDroppedEvidence, isEvidenceFile } from '../../../evidence/evidenceStore';
import { droppedFilesMessage, pastedPicturesMessage } from './messages';

function filesOf(transfer: DataTransfer | null): File[] {
  return transfer ? Array.from(transfer.files) : [];
}

/**
 * Files and pictures the statement cannot take yet are never dropped without a word: a picture
 * pasted on its own, or a file (a Word document, a picture) dropped on the editor or anywhere in
 * the window, gets a message saying what happened and what to do instead. (Dropping a file on
 * the window would otherwise open it in place of the app.) When evidence and Word import exist,
 * this is where the file is handed to them.
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
          const pictures = filesOf(data).filter((f) => f.type.startsWith('image/'));
          if (pictures.length === 0) return false;
          event.preventDefault();
          toasts.show({ message: pastedPicturesMessage(pictures.length, false), timeout: 10000 });
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
      // Files the evidence library can read are added to it; anything else gets a message.
      const evidence = files.filter(isEvidenceFile);
      const others = files.filter((f) => !isEvidenceFile(f));
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
  }, [toasts]);

  return null;
}
