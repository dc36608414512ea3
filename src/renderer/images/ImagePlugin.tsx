import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $createRangeSelection,
  $isRootOrShadowRoot,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type BaseSelection,
} from 'lexical';
import { $createImageNode, setImageDecorator } from '../../document/nodes/ImageNode';
import type { StoredImage } from '../../shared/contracts/images';
import { errorMessage } from '../api';
import { useToasts } from '../ui/Toasts';
import { AltTextDialog } from './AltTextDialog';
import { ImageView } from './ImageView';
import { pictureUrl, storePicture } from './storePicture';

// The editor shows a picture with React; the document layer only knows it needs "something".
setImageDecorator((node) => (
  <ImageView
    nodeKey={node.getKey()}
    blobId={node.getBlobId()}
    altText={node.getAltText()}
    width={node.getWidth()}
    height={node.getHeight()}
    size={node.getSize()}
  />
));

/** Insert › Picture…: opens the file chooser. */
export const OPEN_PICTURE_CHOOSER_COMMAND = createCommand<void>('OPEN_PICTURE_CHOOSER_COMMAND');
/**
 * Pictures pasted or dropped: each is checked, stored, then described (alt text) and inserted,
 * at the caret, or for a drop at `at` (the drop's point in the window, `clientX`/`clientY`).
 */
export const INSERT_PICTURE_FILES_COMMAND = createCommand<{ files: File[]; pasted?: boolean; at?: { x: number; y: number } }>(
  'INSERT_PICTURE_FILES_COMMAND',
);

/** The text position under a point in the window (Chromium's caretRangeFromPoint, else the standard one). */
function domRangeAt(x: number, y: number): Range | null {
  if (typeof document.caretRangeFromPoint === 'function') return document.caretRangeFromPoint(x, y);
  const position = (document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null })
    .caretPositionFromPoint?.(x, y);
  if (!position) return null;
  const range = document.createRange();
  range.setStart(position.offsetNode, position.offset);
  range.collapse(true);
  return range;
}

interface Pending {
  stored: StoredImage;
  name: string;
  previewSrc: string | null;
}

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,.png,.jpg,.jpeg,.gif,.webp';

/**
 * Pictures into the statement: from the file chooser (Insert › Picture…), pasted, or dropped on the
 * text. Each is stored in the assessment first (image-store), then its alt text is asked for, then
 * it is put where the caret was. Problems (an SVG, a file too large) are said in a message.
 */
export function ImagePlugin() {
  const [editor] = useLexicalComposerContext();
  const toasts = useRef(useToasts());
  const input = useRef<HTMLInputElement>(null);
  const saved = useRef<BaseSelection | null>(null);
  const [queue, setQueue] = useState<Pending[]>([]);

  useEffect(() => {
    const remember = () => {
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        saved.current = selection ? selection.clone() : null;
      });
    };
    const addFiles = async (files: File[], pasted: boolean) => {
      for (const file of files) {
        const name = pasted ? 'the pasted picture' : file.name;
        try {
          const stored = await storePicture(file, pasted ? 'The pasted picture' : file.name);
          const previewSrc = await pictureUrl(stored.blobId).catch(() => null);
          setQueue((q) => [...q, { stored, name, previewSrc }]);
        } catch (error) {
          toasts.current.show({ message: errorMessage(error), tone: 'error', timeout: 12000 });
        }
      }
    };
    const offChooser = editor.registerCommand(
      OPEN_PICTURE_CHOOSER_COMMAND,
      () => {
        remember();
        input.current?.click();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    /**
     * A drop puts the picture where it was dropped, not at the old caret (as Lexical's own drop
     * handling does for text). A point outside the text, or on another picture, keeps the caret.
     */
    const rememberPoint = (x: number, y: number): boolean => {
      const range = domRangeAt(x, y);
      const root = editor.getRootElement();
      if (!range || !root || !root.contains(range.startContainer)) return false;
      if (range.startContainer instanceof Element && range.startContainer.closest('.pcs-image-frame')) return false;
      // (Called from the command's listener, which Lexical runs inside an update.)
      const selection = $createRangeSelection();
      try {
        selection.applyDOMRange(range);
      } catch {
        return false; // Not a place in the text Lexical knows.
      }
      const anchor = selection.anchor.getNode();
      if (!anchor.isAttached() || $isRootOrShadowRoot(anchor)) return false;
      saved.current = selection.clone();
      return true;
    };
    const offFiles = editor.registerCommand(
      INSERT_PICTURE_FILES_COMMAND,
      ({ files, pasted, at }) => {
        if (!at || !rememberPoint(at.x, at.y)) remember();
        void addFiles(files, pasted ?? false);
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    const onChosen = () => {
      const files = Array.from(input.current?.files ?? []);
      if (input.current) input.current.value = '';
      if (files.length > 0) void addFiles(files, false);
    };
    const el = input.current;
    el?.addEventListener('change', onChosen);
    return () => {
      offChooser();
      offFiles();
      el?.removeEventListener('change', onChosen);
    };
  }, [editor]);

  const current = queue[0] ?? null;
  const insert = (pending: Pending, altText: string) => {
    editor.update(() => {
      const selection = saved.current ? saved.current.clone() : $getSelection();
      if ($isRangeSelection(selection)) $setSelection(selection);
      const node = $createImageNode({ blobId: pending.stored.blobId, altText, width: pending.stored.width, height: pending.stored.height });
      if ($isRangeSelection($getSelection())) {
        $insertNodes([node]);
      } else {
        // No caret in the text (the chooser was opened from the toolbar): the picture goes at the end.
        const paragraph = $createParagraphNode().append(node);
        $getRoot().append(paragraph);
      }
      node.selectNext();
      saved.current = $getSelection()?.clone() ?? null;
    });
  };

  return (
    <>
      <input ref={input} type="file" accept={ACCEPT} multiple hidden data-testid="picture-file-input" />
      <AltTextDialog
        isOpen={current !== null}
        mode="add"
        name={current?.name}
        initial=""
        previewSrc={current?.previewSrc ?? null}
        onSave={(altText) => current && insert(current, altText)}
        onClose={() => {
          setQueue((q) => q.slice(1));
          requestAnimationFrame(() => editor.focus());
        }}
      />
    </>
  );
}
