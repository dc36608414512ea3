import type { SerializedEditorStateJSON, SerializedNode } from '../schemas/lexical';

/**
 * Plain text and word counts from saved Lexical JSON, without an editor: the same function gives
 * the renderer's live count and the core's stored count, so they always agree.
 */

/** Node types whose text stands on its own line (a break before and after). */
const INLINE_TYPES = new Set(['text', 'link', 'autolink', 'linebreak', 'tab']);

export function nodeText(node: SerializedNode): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (typeof node.text === 'string') return node.text;
  const children = node.children ?? [];
  let out = '';
  for (const child of children) {
    const text = nodeText(child);
    if (INLINE_TYPES.has(child.type)) out += text;
    else out += (out && !out.endsWith('\n') ? '\n' : '') + text + '\n';
  }
  return out;
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
