/**
 * Pure tree arithmetic over the binder's adjacency list: binder order, depth, descendants.
 * Kept apart from SQL so the rules are easy to read and to test.
 */

export interface TreeNode {
  id: string;
  parent_id: string | null;
  position: number;
}

export interface Tree<T extends TreeNode> {
  byId: Map<string, T>;
  childrenOf(parentId: string | null): T[];
}

export function buildTree<T extends TreeNode>(rows: readonly T[]): Tree<T> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const list = children.get(row.parent_id) ?? [];
    list.push(row);
    children.set(row.parent_id, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position);
  return { byId, childrenOf: (parentId) => children.get(parentId) ?? [] };
}

/** Depth-first, siblings by position: the order the binder and the exported document show. */
export function binderOrder<T extends TreeNode>(tree: Tree<T>): Array<{ node: T; depth: number }> {
  const out: Array<{ node: T; depth: number }> = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const node of tree.childrenOf(parentId)) {
      out.push({ node, depth });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** 0 for a top-level section. */
export function depthOf<T extends TreeNode>(tree: Tree<T>, id: string): number {
  let depth = 0;
  let node = tree.byId.get(id);
  while (node?.parent_id) {
    depth++;
    node = tree.byId.get(node.parent_id);
  }
  return depth;
}

/** The section and everything under it, parents before children. */
export function subtreeIds<T extends TreeNode>(tree: Tree<T>, id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) out.push(...tree.childrenOf(out[i]!).map((child) => child.id));
  return out;
}

/** Levels below the section: 0 for a section without subsections. */
export function heightOf<T extends TreeNode>(tree: Tree<T>, id: string): number {
  const children = tree.childrenOf(id);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((child) => heightOf(tree, child.id)));
}

/** Words in a section and everything under it. */
export function subtreeWords<T extends TreeNode & { word_count: number }>(tree: Tree<T>, id: string): number {
  return subtreeIds(tree, id).reduce((sum, sid) => sum + (tree.byId.get(sid)?.word_count ?? 0), 0);
}
