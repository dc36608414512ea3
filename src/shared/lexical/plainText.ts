import type { SerializedEditorStateJSON, SerializedNode } from '../schemas/lexical';

/**
 * Plain text and word counts from saved Lexical JSON, without an editor: the same function gives
 * the renderer's live count and the core's stored count, so they always agree.
 */

/** Node types whose text stands on its own line (a break before and after). */
const INLINE_TYPES = new Set(['text', 'link', 'autolink', 'linebreak', 'tab']);

export function nodeText(node: SerializedNode): string {
  const parts: string[] = [];
  appendText(node, parts);
  return parts.join('');
}

/**
 * Collects text into `parts` and joins once: building one growing string and checking its end
 * for every block made long sections quadratic (tens of ms on a whole statement).
 */
function appendText(node: SerializedNode, parts: string[]): void {
  if (node.type === 'linebreak') {
    parts.push('\n');
    return;
  }
  if (node.type === 'tab') {
    parts.push('\t');
    return;
  }
  if (typeof node.text === 'string') {
    parts.push(node.text);
    return;
  }
  for (const child of node.children ?? []) {
    if (INLINE_TYPES.has(child.type)) {
      appendText(child, parts);
    } else {
      // A block starts on a new line and ends one.
      const last = parts[parts.length - 1];
      if (last !== undefined && last !== '' && !last.endsWith('\n')) parts.push('\n');
      appendText(child, parts);
      parts.push('\n');
    }
  }
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
