import type Database from 'better-sqlite3';
import { STATEMENT_NODE_TYPES } from '../../document/nodeTypes';
import { visitDocument } from '../../document/visitor';
import type { SerializedNode } from '../../shared/schemas/lexical';
import type { EvidenceCitation } from '../../shared/schemas/evidence';
import { AppError } from '../../shared/errors';

export interface CitationInSection extends EvidenceCitation {
  itemId: string;
}

/** Live sections in binder order (depth-first by position), with their saved documents. */
export function sectionsInBinderOrder(db: Database.Database): Array<{ id: string; title: string; content_json: string }> {
  return db
    .prepare(
      `WITH RECURSIVE tree(id, title, content_json, sort) AS (
         SELECT id, title, content_json, printf('%06d', position) FROM sections WHERE parent_id IS NULL AND deleted_at IS NULL
         UNION ALL
         SELECT s.id, s.title, s.content_json, tree.sort || '.' || printf('%06d', s.position)
           FROM sections s JOIN tree ON s.parent_id = tree.id WHERE s.deleted_at IS NULL
       )
       SELECT id, title, content_json FROM tree ORDER BY sort`,
    )
    .all() as Array<{ id: string; title: string; content_json: string }>;
}

/** The citations in one saved document, in reading order, through the one document walk. */
export function citationsInContent(contentJson: string): Array<{ itemId: string; locator: string | null; quote: string | null }> {
  const found: Array<{ itemId: string; locator: string | null; quote: string | null }> = [];
  // Cheap test first: most sections cite nothing, and parsing them would cost for nothing.
  if (!contentJson.includes(`"type":"${STATEMENT_NODE_TYPES.citation}"`)) return found;
  let root: SerializedNode;
  try {
    root = (JSON.parse(contentJson) as { root: SerializedNode }).root;
  } catch {
    return found;
  }
  visitDocument(root, {
    enterInline(node) {
      if (node.type !== STATEMENT_NODE_TYPES.citation) return;
      const n = node as SerializedNode & { itemId?: unknown; locator?: unknown; quote?: unknown };
      if (typeof n.itemId !== 'string') return;
      found.push({
        itemId: n.itemId,
        locator: typeof n.locator === 'string' ? n.locator : null,
        quote: typeof n.quote === 'string' ? n.quote : null,
      });
    },
  });
  return found;
}

/** Every citation in the statement, in reading order (binder order, then order in the section). */
export function allCitations(db: Database.Database): CitationInSection[] {
  return sectionsInBinderOrder(db).flatMap((section) =>
    citationsInContent(section.content_json).map((c) => ({ ...c, sectionId: section.id, sectionTitle: section.title })),
  );
}

/**
 * The evidence one section cites, as its side list shows it: each item once, in order of its
 * first citation there, with how many times it is cited. `label` is filled in by the caller
 * from the key documents list (the number citations show).
 */
export function sectionCitedItems(db: Database.Database, sectionId: string): Array<{ itemId: string; count: number }> {
  const row = db.prepare('SELECT content_json FROM sections WHERE id = ? AND deleted_at IS NULL').get(sectionId) as { content_json: string } | undefined;
  if (!row) throw new AppError('not-found', 'That section is no longer in the assessment.');
  const counts = new Map<string, number>();
  for (const c of citationsInContent(row.content_json)) counts.set(c.itemId, (counts.get(c.itemId) ?? 0) + 1);
  return [...counts].map(([itemId, count]) => ({ itemId, count }));
}

/** Where the statement cites `itemId` (asked before the item is deleted). */
export function evidenceCitations(db: Database.Database, itemId: string): EvidenceCitation[] {
  return allCitations(db)
    .filter((c) => c.itemId === itemId)
    .map(({ itemId: _, ...citation }) => citation);
}
