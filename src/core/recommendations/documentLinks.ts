import type { SerializedNode } from '../../shared/schemas/lexical';
import { STATEMENT_NODE_TYPES } from '../../document/nodeTypes';
import { visitDocument } from '../../document/visitor';

/**
 * What a section's saved text says about recommendations and evidence: the recommendations it
 * references inline and the evidence items it cites. Read through the one document walk, by the
 * nodes' saved `type`, so it needs no node class: citations ('citation', with `itemId`) come from
 * the evidence work, and whatever kind (inline, leaf, text) their class turns out to be, the walk
 * reports them through one of the callbacks below.
 */

/** The saved type and id field of an evidence citation (CitationNode, added with the evidence register). */
export const CITATION_TYPE = 'citation';

export interface SectionLinks {
  recommendationIds: Set<string>;
  citedItemIds: Set<string>;
}

export function sectionLinks(root: SerializedNode): SectionLinks {
  const links: SectionLinks = { recommendationIds: new Set(), citedItemIds: new Set() };
  const see = (node: SerializedNode) => {
    if (node.type === STATEMENT_NODE_TYPES.recommendationReference && typeof node.recommendationId === 'string') {
      links.recommendationIds.add(node.recommendationId);
    } else if (node.type === CITATION_TYPE && typeof node.itemId === 'string') {
      links.citedItemIds.add(node.itemId);
    }
  };
  visitDocument(root, { text: see, leaf: see, enterInline: see, enterBlock: see });
  return links;
}
