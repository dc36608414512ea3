import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import {
  $getSelection,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  ParagraphNode,
  TextNode,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { useToasts } from '../../../ui/Toasts';
import { countPictures, pastedPicturesMessage } from '../FileDropPlugin/messages';
import { cleanPastedHtml } from './cleanHtml';
import { INSERT_PICTURE_FILES_COMMAND } from '../../../images/ImagePlugin';
import { looksLikePicture } from '../../../images/pictureFiles';

/**
 * Paste from Word or a web page keeps the structure (headings, lists, emphasis, links, tables)
 * and drops the look (colours, fonts, sizes): the statement's look comes from its styles.
 * - HTML on the clipboard is tidied first (see cleanHtml.ts), then imported by Lexical.
 * - Text never keeps an inline style; paragraphs never keep alignment or indent.
 * - H1 becomes H2 (the section title is the page's H1); H4 to H6 become H3.
 */
export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  // Through a ref, so the effect below never re-runs: registering its node transforms marks
  // every text node dirty, and that update takes the focus back into the editor (issue #9).
  const toasts = useRef(useToasts());
  useEffect(() => {
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false;
          const original = event.clipboardData;
          // Copy and paste inside the editor carries Lexical's own JSON: let Lexical handle it.
          if (original.getData('application/x-lexical-editor')) return false;
          const html = original.getData('text/html');
          if (!html) return false;
          event.preventDefault();
          const cleaned = cleanPastedHtml(html);
          const transfer = {
            getData: (type: string) => (type === 'text/html' ? cleaned : original.getData(type)),
            types: original.types,
            files: original.files,
            items: original.items,
          } as unknown as DataTransfer;
          editor.update(
            () => {
              const selection = $getSelection();
              if (selection) $insertDataTransferForRichText(transfer, selection, editor);
            },
            { tag: 'paste' },
          );
          // Pictures in pasted HTML are links to files elsewhere, which the statement cannot take.
          // When the clipboard also carries the pictures themselves (a browser's "Copy" on a page
          // with a picture), those go in; otherwise the user is told, not left to wonder.
          const pictures = countPictures(html);
          const files = Array.from(original.files ?? []).filter(looksLikePicture);
          if (files.length > 0) editor.dispatchCommand(INSERT_PICTURE_FILES_COMMAND, { files, pasted: true });
          else if (pictures > 0) toasts.current.show({ message: pastedPicturesMessage(pictures), timeout: 10000 });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerNodeTransform(TextNode, (node) => {
        if (node.getStyle() !== '') node.setStyle('');
      }),
      editor.registerNodeTransform(ParagraphNode, (node) => {
        if (node.getFormatType() !== '' && node.getFormatType() !== 'left') node.setFormat('');
        if (node.getIndent() !== 0) node.setIndent(0);
        // (Not the paragraph's text style: Lexical sets that from the selection on every
        // selection change, and clearing it here would loop. Text typed with a stale style
        // has it cleared by the TextNode transform above.)
      }),
      editor.registerNodeTransform(HeadingNode, (node) => {
        const tag = node.getTag();
        if (node.getFormatType() !== '') node.setFormat('');
        if (tag === 'h2' || tag === 'h3') return;
        const replacement = $createHeadingNode(tag === 'h1' ? 'h2' : 'h3');
        node.replace(replacement, true);
      }),
    );
  }, [editor]);
  return null;
}
