import { z } from 'zod';
import { MAX_CONTENT_LENGTH } from '../constants';

/**
 * Lexical's serialised editor state, as saved in the file. We check the shape that every
 * consumer (word count, search, the DOCX exporter) relies on, and let node-specific fields
 * through untouched so new node types need no schema change here.
 */
export interface SerializedNode {
  type: string;
  version: number;
  children?: SerializedNode[];
  text?: string;
  [key: string]: unknown;
}

export const SerializedNodeSchema: z.ZodType<SerializedNode> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(100),
      version: z.number(),
      children: z.array(SerializedNodeSchema).optional(),
      text: z.string().optional(),
    })
    .passthrough(),
) as z.ZodType<SerializedNode>;

/**
 * How deeply a section's content may nest: lists, quotes and tables inside one another. Far beyond
 * any real statement, and well inside what every recursive consumer (zod, word counts, search,
 * `pcs check`, replace-all, the exporter) can walk without running out of stack.
 */
export const MAX_CONTENT_DEPTH = 100;

/** Each level of content is a node object and its `children` array. */
const MAX_JSON_NESTING = MAX_CONTENT_DEPTH * 2 + 2;

export const CONTENT_TOO_DEEP_MESSAGE = `This section has lists, quotes or tables inside one another more than ${MAX_CONTENT_DEPTH} levels deep, which is too deep to save. Nothing was saved from this change: undo it, or flatten the nesting, and it will save again.`;
export const CONTENT_TOO_LARGE_MESSAGE = `This section is too large to save (more than ${(MAX_CONTENT_LENGTH / 1_000_000).toLocaleString('en-GB')} million characters with its formatting). Nothing was saved from this change: split the section into smaller ones, and it will save again.`;

/**
 * Checks nesting and size without recursion, so that content nested thousands deep gets a
 * clear refusal instead of overflowing the stack of whatever walks it next.
 */
export function contentLimitProblem(value: unknown): string | null {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (next === null || typeof next !== 'object') continue;
    if (depth > MAX_JSON_NESTING) return CONTENT_TOO_DEEP_MESSAGE;
    for (const child of Array.isArray(next) ? next : Object.values(next)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  // Safe to serialise now that the depth is bounded; this is the size that would be stored.
  if (JSON.stringify(value).length > MAX_CONTENT_LENGTH) return CONTENT_TOO_LARGE_MESSAGE;
  return null;
}

const EditorStateShape = z.object({
  root: z
    .object({
      type: z.literal('root'),
      version: z.number(),
      children: z.array(SerializedNodeSchema),
    })
    .passthrough(),
});
type EditorStateShapeType = z.infer<typeof EditorStateShape>;

/** The limits first (a failure stops the pipe), then the shape. */
export const EditorStateSchema = z
  .unknown()
  .check((ctx) => {
    const problem = contentLimitProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .pipe(EditorStateShape) as unknown as z.ZodType<EditorStateShapeType, EditorStateShapeType>;
export type SerializedEditorStateJSON = EditorStateShapeType;

/*
 * Builders for saved Lexical JSON, with the fields Lexical itself writes, for code that makes a
 * document without an editor (a plain-text field saved as a document, tests, fixtures). One
 * place, so every hand-made document has the same shape as the editor's.
 */

/** A text node; `format` is Lexical's bit mask (1 bold, 2 italic…). */
export function lexicalText(text: string, format = 0): SerializedNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' };
}

/** An element node of `type`: Lexical's defaults, then `extra` (a heading's tag, a list's type), then its children. */
export function lexicalElement(type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode {
  return { type, version: 1, direction: null, format: '', indent: 0, ...extra, children };
}

export function lexicalParagraph(children: SerializedNode[] = []): SerializedNode {
  return lexicalElement('paragraph', children, { textFormat: 0, textStyle: '' });
}

/** A document whose root holds `children` (paragraphs and other blocks). */
export function lexicalDocument(children: SerializedNode[]): SerializedEditorStateJSON {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } };
}

/** Plain text as a document: one paragraph per line, an empty line an empty paragraph. */
export function plainTextDocument(lines: readonly string[]): SerializedEditorStateJSON {
  return lexicalDocument(lines.map((line) => lexicalParagraph(line === '' ? [] : [lexicalText(line)])));
}

/** An empty document: one empty paragraph, as Lexical makes. */
export function emptyEditorState(): SerializedEditorStateJSON {
  return lexicalDocument([lexicalParagraph()]);
}
