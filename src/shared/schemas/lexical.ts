import { z } from 'zod';

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

export const EditorStateSchema = z.object({
  root: z
    .object({
      type: z.literal('root'),
      version: z.number(),
      children: z.array(SerializedNodeSchema),
    })
    .passthrough(),
});
export type SerializedEditorStateJSON = z.infer<typeof EditorStateSchema>;

/** An empty document: one empty paragraph, as Lexical makes. */
export function emptyEditorState(): SerializedEditorStateJSON {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}
