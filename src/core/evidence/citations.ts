import type Database from 'better-sqlite3';
import { STATEMENT_NODE_TYPES } from '../../document/nodeTypes';
import { visitDocument } from '../../document/visitor';
import type { SerializedNode } from '../../shared/schemas/lexical';
import type { EvidenceCitation } from '../../shared/schemas/evidence';

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

/**
 * Every citation in the statement, in reading order, found through the one document walk. Only
 * sections whose saved JSON mentions a citation are parsed.
 */
export function allCitations(db: Database.Database): CitationInSection[] {
  const found: CitationInSection[] = [];
  const marker = `"type":"${STATEMENT_NODE_TYPES.citation}"`;
  for (const section of sectionsInBinderOrder(db)) {
    if (!section.content_json.includes(marker)) continue;
    let root: SerializedNode;
    try {
      root = (JSON.parse(section.content_json) as { root: SerializedNode }).root;
    } catch {
      continue;
    }
    visitDocument(root, {
      enterInline(node) {
        if (node.type !== STATEMENT_NODE_TYPES.citation) return;
        const n = node as SerializedNode & { itemId?: unknown; locator?: unknown; quote?: unknown };
        if (typeof n.itemId !== 'string') return;
        found.push({
          itemId: n.itemId,
          sectionId: section.id,
          sectionTitle: section.title,
          locator: typeof n.locator === 'string' ? n.locator : null,
          quote: typeof n.quote === 'string' ? n.quote : null,
        });
      },
    });
  }
  return found;
}

/** Where the statement cites `itemId` (asked before the item is deleted). */
export function evidenceCitations(db: Database.Database, itemId: string): EvidenceCitation[] {
  return allCitations(db)
    .filter((c) => c.itemId === itemId)
    .map(({ itemId: _, ...citation }) => citation);
}
