import { MAX_SECTION_DEPTH } from '../../shared/constants';
import type { SectionSummary } from '../../shared/schemas/section';

export interface SectionNode extends SectionSummary {
  children: SectionNode[];
}

/** The flat list from `sections-list` as a tree, siblings in position order. */
export function buildTree(sections: SectionSummary[]): SectionNode[] {
  const nodes = new Map<string, SectionNode>();
  for (const s of sections) nodes.set(s.id, { ...s, children: [] });
  const roots: SectionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: SectionNode[]) => {
    list.sort((a, b) => a.position - b.position);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Sections in reading order (depth first). */
export function flatten(tree: SectionNode[]): SectionNode[] {
  const out: SectionNode[] = [];
  const walk = (list: SectionNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}

export function siblingsOf(sections: SectionSummary[], parentId: string | null): SectionSummary[] {
  return sections.filter((s) => s.parentId === parentId).sort((a, b) => a.position - b.position);
}

/** How many levels sit below a section (0 for one with no subsections). */
export function subtreeHeight(sections: SectionSummary[], id: string): number {
  const children = sections.filter((s) => s.parentId === id);
  if (children.length === 0) return 0;
  return 1 + Math.max(...children.map((c) => subtreeHeight(sections, c.id)));
}

export function isWithin(sections: SectionSummary[], id: string, ancestorId: string): boolean {
  const byId = new Map(sections.map((s) => [s.id, s]));
  let cur = byId.get(id);
  while (cur) {
    if (cur.id === ancestorId) return true;
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return false;
}

export function canHaveChildren(section: SectionSummary): boolean {
  return section.depth < MAX_SECTION_DEPTH - 1;
}

/** Where a section goes: under `parentId` (null: the top level, for focus areas) at `index`. */
export type MovePlan = { parentId: string | null; index: number };

/**
 * Where a section would go if dropped before, after or on another one, or null when that move
 * is not allowed: fixed chapters stay put, nothing else becomes a chapter, the binder stays
 * within its depth, and a section cannot go inside itself.
 */
export function planMove(
  sections: SectionSummary[],
  movingId: string,
  targetId: string,
  position: 'before' | 'after' | 'on',
): MovePlan | null {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const moving = byId.get(movingId);
  const target = byId.get(targetId);
  if (!moving || !target || moving.fixed || movingId === targetId) return null;
  if (isWithin(sections, targetId, movingId)) return null;
  if (moving.kind === 'focus-area') {
    // A focus area stays a chapter: it can go before or after another chapter, and the core
    // says so plainly if that is not among the focus areas.
    if (position === 'on' || target.parentId !== null) return null;
    const siblings = siblingsOf(sections, null).filter((s) => s.id !== movingId);
    const at = siblings.findIndex((s) => s.id === targetId);
    const index = position === 'before' ? at : at + 1;
    const current = siblingsOf(sections, null).findIndex((s) => s.id === movingId);
    return current === index ? null : { parentId: null, index };
  }
  const parent = position === 'on' ? target : target.parentId ? byId.get(target.parentId) : undefined;
  if (!parent) return null;
  if (parent.depth + 1 + subtreeHeight(sections, movingId) > MAX_SECTION_DEPTH - 1) return null;
  const siblings = siblingsOf(sections, parent.id).filter((s) => s.id !== movingId);
  let index: number;
  if (position === 'on') index = siblings.length;
  else {
    const at = siblings.findIndex((s) => s.id === targetId);
    if (at < 0) return null;
    index = position === 'before' ? at : at + 1;
  }
  // Dropping a section back where it is: nothing to do.
  if (moving.parentId === parent.id) {
    const current = siblingsOf(sections, parent.id).findIndex((s) => s.id === movingId);
    if (current === index) return null;
  }
  return { parentId: parent.id, index };
}

/**
 * Move up or down among its siblings; null at either end or for a fixed chapter. A focus area
 * steps among the top-level chapters; `strict` keeps it among the other focus areas (for the
 * menu), without it the core is asked and explains if the step is not allowed (for Alt+↑/↓).
 */
export function planStep(sections: SectionSummary[], id: string, step: -1 | 1, strict = true): MovePlan | null {
  const moving = sections.find((s) => s.id === id);
  if (!moving || moving.fixed) return null;
  if (!moving.parentId && moving.kind !== 'focus-area') return null;
  const siblings = siblingsOf(sections, moving.parentId);
  const at = siblings.findIndex((s) => s.id === id);
  const index = at + step;
  if (index < 0 || index >= siblings.length) return null;
  if (moving.kind === 'focus-area' && strict && siblings[index]?.kind !== 'focus-area') return null;
  return { parentId: moving.parentId, index };
}

export type KeyboardMove = 'up' | 'down' | 'out' | 'in';

/**
 * Where Alt+↑/↓/←/→ (and the menu's moves) take a section, as Scrivener's move commands do:
 * - up/down: one place among its siblings; past the first or last, into the section before or
 *   after its parent (at that section's level, so into the previous or next chapter), at its end
 *   or start;
 * - out: out of its parent, just after it (a subsection never becomes a chapter);
 * - in: into the sibling above it, at the end of that one's subsections.
 * Null when the move is not possible; `moveRefusal` says why. Focus areas step among the
 * chapters, and the core explains if a step would leave their block.
 */
export function planKeyboardMove(sections: SectionSummary[], id: string, move: KeyboardMove): MovePlan | null {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const moving = byId.get(id);
  if (!moving || moving.fixed) return null;
  if (moving.kind === 'focus-area' || !moving.parentId) {
    return move === 'up' || move === 'down' ? planStep(sections, id, move === 'up' ? -1 : 1, false) : null;
  }
  const parent = byId.get(moving.parentId);
  if (!parent) return null;
  const siblings = siblingsOf(sections, moving.parentId);
  const at = siblings.findIndex((s) => s.id === id);
  const height = subtreeHeight(sections, id);
  const fits = (newParent: SectionSummary) => newParent.depth + 1 + height <= MAX_SECTION_DEPTH - 1;
  if (move === 'up' || move === 'down') {
    const step = move === 'up' ? -1 : 1;
    if (siblings[at + step]) return { parentId: moving.parentId, index: at + step };
    // Past the end: into the nearest section at the parent's level in that direction.
    const ordered = flatten(buildTree(sections));
    const parentAt = ordered.findIndex((s) => s.id === parent.id);
    const candidates = step === 1 ? ordered.slice(parentAt + 1) : ordered.slice(0, parentAt).reverse();
    const next = candidates.find((s) => s.depth === parent.depth && !isWithin(sections, s.id, parent.id));
    if (!next || !fits(next)) return null;
    return { parentId: next.id, index: step === 1 ? 0 : siblingsOf(sections, next.id).length };
  }
  if (move === 'out') {
    if (!parent.parentId) return null;
    return { parentId: parent.parentId, index: parent.position + 1 };
  }
  const above = siblings[at - 1];
  if (!above || !fits(above)) return null;
  return { parentId: above.id, index: siblingsOf(sections, above.id).length };
}

/** Why a keyboard move is not possible, in words for the live region. */
export function moveRefusal(section: SectionSummary, move: KeyboardMove): string {
  if (section.fixed) return 'Chapters stay in their fixed order.';
  if (section.kind === 'focus-area') return `“${section.title}” is a focus area, a chapter of its own, so it stays at the top level.`;
  if (move === 'out') return `“${section.title}” is already at the top level of its chapter.`;
  if (move === 'in') return `“${section.title}” cannot go a level deeper here: it needs a section above it at its own level, and the binder goes only ${MAX_SECTION_DEPTH} levels deep.`;
  return `“${section.title}” cannot move further ${move === 'up' ? 'up' : 'down'}.`;
}

/**
 * Each section's words with its subsections, using the live count for the section being edited
 * (the summaries' own totals lag behind typing until the next list).
 */
export function sectionTotals(sections: SectionSummary[], live: Map<string, number>): Map<string, number> {
  const totals = new Map<string, number>();
  const ordered = flatten(buildTree(sections));
  for (const node of [...ordered].reverse()) {
    const below = node.children.reduce((sum, child) => sum + (totals.get(child.id) ?? 0), 0);
    totals.set(node.id, (live.get(node.id) ?? node.wordCount) + below);
  }
  return totals;
}

export function formatWords(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'word' : 'words'}`;
}

export type TargetStatus = 'under' | 'on' | 'over';

/** Within 10% of the target either way is on target; more than 110% is over. */
export function targetStatus(words: number, target: number | null): TargetStatus | null {
  if (!target) return null;
  if (words > target * 1.1) return 'over';
  if (words >= target * 0.9) return 'on';
  return 'under';
}

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  under: 'under target',
  on: 'on target',
  over: 'over target',
};

/**
 * "1,240 of 4,000 words, under target", or "1,240 words" with no target: for accessible names.
 * With `ownWords` (a section with subsections, whose total is `words`) it adds "(own text 1,733)".
 */
export function describeWords(words: number, target: number | null, ownWords?: number): string {
  const status = targetStatus(words, target);
  const own = ownWords === undefined ? '' : ` (own text ${ownWords.toLocaleString('en-GB')})`;
  if (!status || !target) return `${formatWords(words)}${own}`;
  return `${words.toLocaleString('en-GB')} of ${target.toLocaleString('en-GB')} words, ${TARGET_STATUS_LABELS[status]}${own}`;
}
