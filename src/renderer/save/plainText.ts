import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';

/** Inline nodes: their text runs on in the same line. Everything else with children is a block. */
const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab']);

/**
 * The words of a section as plain text, a paragraph a line, for a copy the user can keep when
 * the file cannot take it. Walks without recursion: the content may be the too-deep text the
 * file refused.
 */
export function plainTextOf(content: SerializedEditorStateJSON): string {
  const out: string[] = [];
  const stack: Array<unknown> = [...[...content.root.children].reverse()];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === '\n') {
      if (out.length > 0 && out[out.length - 1] !== '\n') out.push('\n');
      continue;
    }
    const node = item as { type?: unknown; text?: unknown; children?: unknown };
    if (!node || typeof node !== 'object') continue;
    if (typeof node.text === 'string') out.push(node.text);
    if (node.type === 'linebreak') out.push('\n');
    if (node.type === 'tab') out.push('\t');
    const children = Array.isArray(node.children) ? node.children : [];
    if (!INLINE.has(String(node.type))) stack.push('\n');
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out.join('').trim();
}
