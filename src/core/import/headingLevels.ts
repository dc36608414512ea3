import type { SerializedEditorStateJSON, SerializedNode } from '../../shared/schemas/lexical';
import { visitDocument } from '../../document/visitor';

/**
 * A Word document's headings keep the levels its author's styles gave them: the 2023 statement
 * puts Heading 5 straight under the Heading 2 that became the section. Inside a section the
 * export writes a heading in the text one level below the section's own title per level, so an
 * imported "h5" would skip three levels (and Export to Word would warn about it, every time).
 *
 * So within one imported section the headings are renumbered in order: the first becomes h1 (the
 * first level under the section's title), and each keeps its place relative to the one before:
 * deeper by one level at most, the same when the source level is the same, and back to the level
 * of the nearest earlier heading that was not deeper than it when it is shallower. Words and
 * everything else are untouched.
 */
export function renumberHeadingLevels(content: SerializedEditorStateJSON): SerializedEditorStateJSON {
  const copy = structuredClone(content);
  // The open headings, outermost first: each with its level in the source and its new one.
  const open: Array<{ source: number; level: number }> = [];
  visitDocument(copy.root as SerializedNode, {
    enterBlock(node) {
      if (node.type !== 'heading') return;
      const source = sourceLevel(node.tag);
      while (open.length > 0 && open[open.length - 1]!.source >= source) open.pop();
      const level = Math.min((open[open.length - 1]?.level ?? 0) + 1, 6);
      open.push({ source, level });
      node.tag = `h${level}`;
    },
  });
  return copy;
}

/** h1–h6 as 1–6; anything else (a damaged file) as a top heading, as the export reads it. */
function sourceLevel(tag: unknown): number {
  const level = typeof tag === 'string' ? Number(/^h([1-6])$/.exec(tag)?.[1]) : NaN;
  return Number.isInteger(level) ? level : 1;
}
