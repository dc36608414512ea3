import type Database from 'better-sqlite3';
import { countWords, editorStateText } from '../../document/plainText';
import { STATEMENT_NODE_TYPES } from '../../document/nodeTypes';
import { lexicalText, type SerializedEditorStateJSON, type SerializedNode } from '../../shared/schemas/lexical';

/** In a saved document's JSON only where it cites something: a cheap test before parsing. */
export const CITATION_MARK = `"type":"${STATEMENT_NODE_TYPES.citation}"`;

/**
 * Brings the citation text stored in every section ("[6a]") in line with the key documents list,
 * and the section's plain text (what the statement search indexes and quotes) with it. Call it in
 * the same transaction as any change that can renumber the list: a reorder, a family, a delete, a
 * save that adds or removes citations, a section moved, deleted or restored.
 *
 * The editor and the export already show the current number whatever is stored; this is for what
 * reads the stored text, so a search snippet never quotes an old number. The section's revision is
 * left alone: the number is derived, not the user's words, and an editor open on the section must
 * not have its next save refused as stale (it shows, and saves, the same numbers).
 *
 * `labels` gives each item's number (from the key documents list, src/core/evidence/keyDocuments.ts,
 * whose renumberStoredCitations is the one to call); asked for only when some section cites.
 * Returns the ids of the sections rewritten.
 */
export function relabelStoredCitations(db: Database.Database, labels: () => ReadonlyMap<string, string>): string[] {
  const rows = db
    .prepare('SELECT id, content_json FROM sections WHERE deleted_at IS NULL AND instr(content_json, ?) > 0')
    .all(CITATION_MARK) as Array<{ id: string; content_json: string }>;
  if (rows.length === 0) return [];
  const numbers = labels();
  const update = db.prepare('UPDATE sections SET content_json = ?, plain_text = ?, word_count = ? WHERE id = ?');
  const rewritten: string[] = [];
  for (const row of rows) {
    let content: SerializedEditorStateJSON;
    try {
      content = JSON.parse(row.content_json) as SerializedEditorStateJSON;
    } catch {
      continue; // a damaged section is named by the readers; nothing to renumber in it
    }
    if (!relabel(content.root as SerializedNode, numbers)) continue;
    const plainText = editorStateText(content);
    update.run(JSON.stringify(content), plainText, countWords(plainText), row.id);
    rewritten.push(row.id);
  }
  return rewritten;
}

/**
 * Sets each citation's text to its item's number, in place; true if any changed. The same rule
 * as the editor's relabelling: an item no longer in the library keeps what it showed. (A writer,
 * so not the document visitor, which reads.)
 */
function relabel(node: SerializedNode, labels: ReadonlyMap<string, string>): boolean {
  const n = node as SerializedNode & { itemId?: unknown; children?: SerializedNode[]; text?: unknown };
  if (n.type === STATEMENT_NODE_TYPES.citation) {
    const label = typeof n.itemId === 'string' ? labels.get(n.itemId) : undefined;
    if (label === undefined) return false;
    const want = `[${label}]`;
    const only = n.children?.length === 1 ? (n.children[0] as SerializedNode & { text?: unknown }) : null;
    if (only?.type === 'text') {
      if (only.text === want) return false;
      only.text = want;
    } else n.children = [lexicalText(want)];
    return true;
  }
  let changed = false;
  for (const child of n.children ?? []) changed = relabel(child, labels) || changed;
  return changed;
}

/** The items a saved document cites, in order, without parsing one that cites nothing. */
export function citedSequence(contentJson: string): string {
  if (!contentJson.includes(CITATION_MARK)) return '';
  const ids: string[] = [];
  const re = /"itemId":"([^"]*)"/g;
  for (let m = re.exec(contentJson); m; m = re.exec(contentJson)) ids.push(m[1]!);
  return ids.join(' ');
}
