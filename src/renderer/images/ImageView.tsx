import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isNodeSelection, COMMAND_PRIORITY_LOW, KEY_BACKSPACE_COMMAND, KEY_DELETE_COMMAND, type NodeKey } from 'lexical';
import { $isImageNode, isImageSize, type ImageSize } from '../../document/nodes/ImageNode';
import { AltTextDialog } from './AltTextDialog';
import { pictureUrl } from './storePicture';
import './images.css';

/**
 * A picture in the editor: the stored bytes shown through a short-lived display link, its alt
 * text (or a visible "No alt text" mark), its size (a plain labelled list: its own size, Small,
 * Medium, Full width) and two buttons, "Alt text…" and "Remove", which Tab reaches like any
 * control. Clicking the picture selects it; Delete or Backspace then removes it.
 */
export function ImageView(props: { nodeKey: NodeKey; blobId: string; altText: string; width: number; height: number; size: ImageSize | null }) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(props.nodeKey);
  const [src, setSrc] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const frame = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let live = true;
    setMissing(false);
    pictureUrl(props.blobId)
      .then((url) => live && setSrc(url))
      .catch(() => live && setMissing(true));
    return () => {
      live = false;
    };
  }, [props.blobId]);

  const remove = useCallback(() => {
    editor.update(() => {
      const node = $getNodeByKey(props.nodeKey);
      if ($isImageNode(node)) node.selectNext();
      node?.remove();
    });
    editor.focus();
  }, [editor, props.nodeKey]);

  useEffect(() => {
    const onDelete = (event: KeyboardEvent) => {
      const selection = $getSelection();
      if (!isSelected || !$isNodeSelection(selection)) return false;
      event.preventDefault();
      remove();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_DELETE_COMMAND, onDelete, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_BACKSPACE_COMMAND, onDelete, COMMAND_PRIORITY_LOW),
    );
  }, [editor, isSelected, remove]);

  // The controls live inside the editable text: their keys must not reach the editor (Enter would
  // split the paragraph, arrows would move the caret). Native listeners, as the editor's own are.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const stop = (e: Event) => {
      if ((e.target as HTMLElement).closest('button, select')) e.stopPropagation();
    };
    el.addEventListener('keydown', stop);
    return () => el.removeEventListener('keydown', stop);
  }, []);

  const saveAlt = (altText: string) => {
    editor.update(() => {
      const node = $getNodeByKey(props.nodeKey);
      if ($isImageNode(node)) node.setAltText(altText);
    });
  };

  const saveSize = (value: string) => {
    editor.update(() => {
      const node = $getNodeByKey(props.nodeKey);
      if ($isImageNode(node)) node.setSize(isImageSize(value) ? value : null);
    });
  };

  const hasAlt = props.altText.trim() !== '';
  const sizeId = `pcs-image-size-${props.nodeKey}`;
  return (
    <span ref={frame} className={`pcs-image-frame${isSelected ? ' is-selected' : ''}`} data-blob-id={props.blobId}>
      {missing ? (
        <span className="pcs-image-missing" role="img" aria-label={hasAlt ? props.altText : 'Missing picture'}>
          This picture is missing from the assessment.
        </span>
      ) : src ? (
        <img
          src={src}
          alt={props.altText}
          width={props.width || undefined}
          height={props.height || undefined}
          draggable={false}
          onClick={(e) => {
            if (!editable) return;
            if (!e.shiftKey) clearSelection();
            setSelected(true);
          }}
        />
      ) : (
        <span className="pcs-image-missing">Loading the picture…</span>
      )}
      <span className="pcs-image-bar">
        {hasAlt ? (
          <span className="pcs-image-alt" title={props.altText}>
            Alt text: {props.altText}
          </span>
        ) : (
          <span className="pcs-image-no-alt">No alt text</span>
        )}
        {editable ? (
          <>
            <button type="button" className="pcs-image-button" aria-label={hasAlt ? 'Edit alt text' : 'Add alt text'} onClick={() => setEditing(true)}>
              {hasAlt ? 'Edit alt text…' : 'Add alt text…'}
            </button>
            <span className="pcs-image-size">
              <label htmlFor={sizeId}>Size</label>
              <select id={sizeId} className="pcs-image-select" value={props.size ?? 'own'} onChange={(e) => saveSize(e.target.value)}>
                <option value="own">Its own size</option>
                <option value="small">Small</option>
                <option value="medium">Medium</option>
                <option value="full">Full width</option>
              </select>
            </span>
            <button type="button" className="pcs-image-button" aria-label="Remove picture" onClick={remove}>
              Remove
            </button>
          </>
        ) : null}
      </span>
      <AltTextDialog
        isOpen={editing}
        mode="edit"
        initial={props.altText}
        previewSrc={src}
        onSave={saveAlt}
        onClose={() => setEditing(false)}
      />
    </span>
  );
}
