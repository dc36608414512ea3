import type { SerializedEditorStateJSON, SerializedNode } from '../shared/schemas/lexical';
import { visitDocument } from './visitor';

/**
 * Plain text and word counts from saved Lexical JSON, without an editor: the same function gives
 * the renderer's live count and the core's stored count (and the search index's text), so they
 * always agree. Built on the one document walk (./visitor).
 */

export function nodeText(node: SerializedNode): string {
  // Collects text into `parts` and joins once: building one growing string and checking its end
  // for every block made long sections quadratic (tens of ms on a whole statement).
  const parts: string[] = [];
  visitDocument(node, {
    enterBlock() {
      // A block starts on a new line…
      const last = parts[parts.length - 1];
      if (last !== undefined && last !== '' && !last.endsWith('\n')) parts.push('\n');
    },
    leaveBlock() {
      // …and ends one (runs of newlines are folded into one by editorStateText).
      parts.push('\n');
    },
    text(textNode) {
      parts.push(textNode.text);
    },
    leaf(_node, text) {
      if (text !== '') parts.push(text);
    },
  });
  return parts.join('');
}

export function editorStateText(state: SerializedEditorStateJSON): string {
  return nodeText(state.root as SerializedNode).replace(/\n{2,}/g, '\n').trim();
}

/** Letters or digits, with inner apostrophes, hyphens and dots (e.g. "council's", "2.5", "co-op"). */
const WORD = /[\p{L}\p{N}]+(?:['’.\-–][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

export function editorStateWordCount(state: SerializedEditorStateJSON): number {
  return countWords(editorStateText(state));
}
