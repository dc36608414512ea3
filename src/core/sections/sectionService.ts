import { FOCUS_AREA_GUIDANCE, FOCUS_AREA_WORD_TARGET } from './focusAreaGuidance';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { MAX_SECTION_DEPTH } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { editorStateText, countWords } from '../../document/plainText';
import {
  EditorStateSchema,
  emptyEditorState,
  type SerializedEditorStateJSON,
} from '../../shared/schemas/lexical';
import {
  SectionGuidanceSchema,
  type DeletedSection,
  type Section,
  type SectionGuidance,
  type SectionKind,
  type SectionSummary,
} from '../../shared/schemas/section';
import { WordTargetSchema } from '../../shared/schemas/assessment';
import type { OutlineSection } from '../templates/templateFromAssessment';
import type { AssessmentStore } from '../assessment/assessmentStore';
import { nowIso } from '../time';
import { citedSequence } from '../evidence/citationNumbers';
import { renumberStoredCitations } from '../evidence/keyDocuments';
import { binderOrder, buildTree, depthOf, heightOf, subtreeIds, subtreeWords, type Tree } from './sectionTree';

/**
 * The binder: the statement's sections as a tree, with content.
 *
 * Rules kept here:
 * - Positions are 0..n-1 among live siblings after every operation.
 * - Depth is 0-based; MAX_SECTION_DEPTH levels means the deepest allowed depth is
 *   MAX_SECTION_DEPTH - 1 (a chapter, its subsections and theirs).
 * - Fixed chapters cannot be moved, reparented or deleted.
 * - Top level holds the chapters. The only ones the team adds, moves or deletes are focus areas,
 *   and they stay in one block after the last theme and before the documents chapter; nothing
 *   else may be moved to top level.
 * - Delete is soft, so `restore` can undo it; every operation runs in one transaction.
 */

interface SectionRow {
  id: string;
  parent_id: string | null;
  position: number;
  kind: SectionKind;
  template_key: string | null;
  title: string;
  fixed: number;
  word_count: number;
  word_target: number | null;
  revision: number;
  updated_at: string;
  deleted_at: string | null;
  deleted_with: string | null;
}

const SUMMARY_COLUMNS =
  'id, parent_id, position, kind, template_key, title, fixed, word_count, word_target, revision, updated_at, deleted_at, deleted_with';

export const SECTION_NOT_FOUND = 'That section no longer exists. It may have been deleted.';
/** A save based on an older revision than the stored one would overwrite newer text. */
export const STALE_SECTION_MESSAGE =
  'This section was changed after this text was loaded (by replace-all, a restore, or another tab), so your latest change was not saved over it.';

/**
 * A section's stored text as the editor saved it, or null when it no longer reads back (a bad
 * disk sector, a faulty copy, another program's write). One such row must not take the rest of
 * the statement down, so callers decide: get() names it, find and replace-all skip it.
 */
export function parseStoredContent(json: string): SerializedEditorStateJSON | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = EditorStateSchema.safeParse(value);
  return parsed.success ? (value as SerializedEditorStateJSON) : null;
}

export function sectionDamaged(title: string): AppError {
  return new AppError(
    'section-damaged',
    `The text of “${title}” is damaged in the file and cannot be shown. The rest of the statement is fine. Copy this section's text from a backup of the assessment and paste it back here: saving new text replaces the damaged text.`,
  );
}

function toSummary(row: SectionRow, depth: number, totalWordCount: number): SectionSummary {
  return {
    id: row.id,
    parentId: row.parent_id,
    position: row.position,
    depth,
    kind: row.kind,
    templateKey: row.template_key,
    title: row.title,
    fixed: row.fixed === 1,
    wordCount: row.word_count,
    totalWordCount,
    wordTarget: row.word_target,
    updatedAt: row.updated_at,
  };
}

/** Guidance as stored in the file; a value that does not read back is treated as none. */
function parseGuidance(json: string | null): SectionGuidance | null {
  if (json === null) return null;
  try {
    const parsed = SectionGuidanceSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Where focus areas may sit among the top-level chapters (given without the one being placed):
 * insertion indexes from just after the last chapter before the block (the last theme) to just
 * before the documents chapter.
 */
export function focusAreaRange(topLevel: ReadonlyArray<{ kind: SectionKind }>): { first: number; last: number } {
  const documents = topLevel.findIndex((s) => s.kind === 'documents');
  const last = documents === -1 ? topLevel.length : documents;
  let first = last;
  while (first > 0 && topLevel[first - 1]!.kind === 'focus-area') first--;
  return { first, last };
}

const FOCUS_AREA_PLACE = 'Focus areas stay together after the themes and before the key and background documents.';

/** Plain text and word count stored beside the JSON, for search, counts and export. */
export function textStats(content: SerializedEditorStateJSON): { plainText: string; wordCount: number } {
  const plainText = editorStateText(content);
  return { plainText, wordCount: countWords(plainText) };
}

export class SectionService {
  private readonly statements: {
    liveRows: Database.Statement<[], SectionRow>;
    rowById: Database.Statement<[string], SectionRow>;
    contentById: Database.Statement<[string], SectionRow & { content_json: string; guidance_json: string | null }>;
    saveContent: Database.Statement<[string, string, number, string, string], { revision: number }>;
    setPosition: Database.Statement<[number, string, number]>;
  };

  constructor(
    private readonly db: Database.Database,
    private readonly assessment: AssessmentStore,
  ) {
    this.statements = {
      liveRows: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sections WHERE deleted_at IS NULL`),
      rowById: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM sections WHERE id = ?`),
      contentById: db.prepare(
        `SELECT ${SUMMARY_COLUMNS}, content_json, guidance_json FROM sections WHERE id = ? AND deleted_at IS NULL`,
      ),
      saveContent: db.prepare(`
        UPDATE sections
        SET content_json = ?, plain_text = ?, word_count = ?, revision = revision + 1, updated_at = ?
        WHERE id = ? AND deleted_at IS NULL
        RETURNING revision`),
      setPosition: db.prepare('UPDATE sections SET position = ? WHERE id = ? AND position IS NOT ?'),
    };
  }

  private liveTree(): Tree<SectionRow> {
    return buildTree(this.statements.liveRows.all());
  }

  private requireLive(tree: Tree<SectionRow>, id: string): SectionRow {
    const row = tree.byId.get(id);
    if (!row) throw new AppError('not-found', SECTION_NOT_FOUND);
    return row;
  }

  /** Writes positions 0..n-1 in the given order (only rows whose position changes are touched). */
  private writeOrder(ids: readonly string[]): void {
    ids.forEach((id, position) => this.statements.setPosition.run(position, id, position));
  }

  private summaryOf(id: string): SectionSummary {
    const tree = this.liveTree();
    return toSummary(this.requireLive(tree, id), depthOf(tree, id), subtreeWords(tree, id));
  }

  list(): SectionSummary[] {
    const tree = this.liveTree();
    const totals = new Map<string, number>();
    // Children come after their parent in binder order, so walking it backwards totals each
    // section's subsections before the section itself.
    const ordered = binderOrder(tree);
    for (const { node } of [...ordered].reverse()) {
      const below = tree.childrenOf(node.id).reduce((sum, child) => sum + (totals.get(child.id) ?? 0), 0);
      totals.set(node.id, node.word_count + below);
    }
    return ordered.map(({ node, depth }) => toSummary(node, depth, totals.get(node.id) ?? node.word_count));
  }

  get(id: string): Section {
    const row = this.statements.contentById.get(id);
    if (!row) throw new AppError('not-found', SECTION_NOT_FOUND);
    const content = parseStoredContent(row.content_json);
    if (content === null) throw sectionDamaged(row.title);
    const tree = this.liveTree();
    return {
      ...toSummary(row, depthOf(tree, id), subtreeWords(tree, id)),
      guidance: parseGuidance(row.guidance_json),
      content,
      revision: row.revision,
    };
  }

  /** Whether the library has anything in it, so a section may cite something (cheap, for every save). */
  private citesAnything(): boolean {
    return this.db.prepare('SELECT 1 FROM evidence_items LIMIT 1').get() !== undefined;
  }

  private storedContent(id: string): string {
    return (this.db.prepare('SELECT content_json FROM sections WHERE id = ?').get(id) as { content_json: string } | undefined)?.content_json ?? '';
  }

  /** Called on every autosave, so it is one UPDATE plus one touch, with prepared statements. */
  saveContent(
    id: string,
    content: SerializedEditorStateJSON,
    /** The revision the editor's text was based on; a save based on an older one is refused. */
    baseRevision?: number,
  ): { id: string; wordCount: number; revision: number; updatedAt: string } {
    // The dispatcher has already checked this; checked again because the CLI and other
    // in-process callers reach this without the bridge. It is cheap next to the write.
    const parsed = EditorStateSchema.safeParse(content);
    if (!parsed.success) throw new AppError('invalid-input', 'The section content is not in a form Peer Challenge Studio can save.');
    const { plainText, wordCount } = textStats(content);
    const now = nowIso();
    const json = JSON.stringify(content);
    return this.db.transaction(() => {
      if (baseRevision !== undefined) {
        const row = this.statements.rowById.get(id) as { revision: number; deleted_at: string | null } | undefined;
        if (row && row.deleted_at === null && row.revision !== baseRevision) throw new AppError('stale', STALE_SECTION_MESSAGE);
      }
      // What it cited before, read only when it may have cited something (most sections cite nothing).
      const citedBefore = this.citesAnything() ? citedSequence(this.storedContent(id)) : '';
      const saved = this.statements.saveContent.get(json, plainText, wordCount, now, id);
      if (!saved) throw new AppError('not-found', SECTION_NOT_FOUND);
      // A citation added, removed or moved can renumber the key documents list (its default order
      // is the order of first citation): the stored numbers everywhere follow, in this write.
      if (citedBefore !== citedSequence(json)) renumberStoredCitations(this.db);
      this.assessment.touch(now);
      return { id, wordCount, revision: saved.revision, updatedAt: now };
    })();
  }

  add(parentId: string, title: string, index?: number): SectionSummary {
    return this.db.transaction(() => {
      const tree = this.liveTree();
      const parent = this.requireLive(tree, parentId);
      if (depthOf(tree, parent.id) + 1 > MAX_SECTION_DEPTH - 1) {
        throw new AppError(
          'not-allowed',
          `“${parent.title}” is already as deep as the binder goes, so it cannot have subsections. Add the section one level up instead.`,
        );
      }
      const now = nowIso();
      const id = randomUUID();
      const siblings = tree.childrenOf(parentId).map((row) => row.id);
      const at = Math.min(index ?? siblings.length, siblings.length);
      this.db
        .prepare(
          `INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json,
                                 plain_text, word_count, revision, created_at, updated_at)
           VALUES (?, ?, ?, 'subsection', NULL, ?, 0, ?, '', 0, 0, ?, ?)`,
        )
        .run(id, parentId, at, title, JSON.stringify(emptyEditorState()), now, now);
      siblings.splice(at, 0, id);
      this.writeOrder(siblings);
      this.assessment.touch(now);
      return this.summaryOf(id);
    })();
  }

  rename(id: string, title: string): SectionSummary {
    return this.db.transaction(() => {
      const now = nowIso();
      const result = this.db
        .prepare('UPDATE sections SET title = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL')
        .run(title, now, id);
      if (result.changes === 0) throw new AppError('not-found', SECTION_NOT_FOUND);
      this.assessment.touch(now);
      return this.summaryOf(id);
    })();
  }

  /**
   * Moves a section (with its subsections) to `index` among the children of `parentId`, or among
   * the top-level chapters when `parentId` is null (focus areas only, within their block).
   */
  move(id: string, parentId: string | null, index: number): SectionSummary[] {
    return this.db.transaction(() => {
      const tree = this.liveTree();
      const section = this.requireLive(tree, id);
      const parent = parentId === null ? null : this.requireLive(tree, parentId);
      if (section.fixed === 1) {
        throw new AppError('not-allowed', `“${section.title}” is one of the statement's fixed chapters, so it cannot be moved.`);
      }
      if (section.kind === 'focus-area' && parent !== null) {
        throw new AppError(
          'not-allowed',
          `“${section.title}” is a focus area, a chapter of its own, so it cannot go inside another section. ${FOCUS_AREA_PLACE}`,
        );
      }
      if (section.kind !== 'subsection' && section.kind !== 'focus-area' && parent !== null) {
        throw new AppError('not-allowed', `“${section.title}” is a chapter of the statement, so it cannot go inside another section.`);
      }
      if (parent === null && section.kind !== 'focus-area') {
        throw new AppError(
          'not-allowed',
          `Only focus areas can be chapters of their own. Move “${section.title}” into one of the chapters instead.`,
        );
      }
      if (parent !== null && subtreeIds(tree, id).includes(parent.id)) {
        throw new AppError('not-allowed', `“${section.title}” cannot be moved inside itself or one of its own subsections.`);
      }
      const parentDepth = parent === null ? -1 : depthOf(tree, parent.id);
      if (parent !== null && parentDepth + 1 + heightOf(tree, id) > MAX_SECTION_DEPTH - 1) {
        throw new AppError(
          'not-allowed',
          `Moving “${section.title}” into “${parent.title}” would nest sections deeper than the binder allows. Move it one level up instead.`,
        );
      }
      const oldSiblings = tree.childrenOf(section.parent_id).map((row) => row.id).filter((s) => s !== id);
      const newSiblings =
        section.parent_id === parentId ? oldSiblings : tree.childrenOf(parentId).map((row) => row.id);
      if (parent === null) {
        const { first, last } = focusAreaRange(newSiblings.map((sid) => tree.byId.get(sid)!));
        if (index < first || index > last) throw new AppError('not-allowed', FOCUS_AREA_PLACE);
      }
      newSiblings.splice(Math.min(index, newSiblings.length), 0, id);
      const now = nowIso();
      this.db.prepare('UPDATE sections SET parent_id = ?, updated_at = ? WHERE id = ?').run(parentId, now, id);
      if (section.parent_id !== parentId) this.writeOrder(oldSiblings);
      this.writeOrder(newSiblings);
      // Binder order is citation order: moving a section can renumber what it cites.
      renumberStoredCitations(this.db);
      this.assessment.touch(now);
      return this.list();
    })();
  }

  /** Adds a council's own focus area: a chapter after the last theme or focus area, before the documents. */
  addFocusArea(title: string): SectionSummary {
    return this.db.transaction(() => {
      const tree = this.liveTree();
      const topLevel = tree.childrenOf(null);
      const at = focusAreaRange(topLevel).last;
      const now = nowIso();
      const id = randomUUID();
      this.db
        .prepare(
          `INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json,
                                 plain_text, word_count, revision, created_at, updated_at,
                                 guidance_json, word_target)
           VALUES (?, NULL, ?, 'focus-area', NULL, ?, 0, ?, '', 0, 0, ?, ?, ?, ?)`,
        )
        .run(
          id,
          at,
          title,
          JSON.stringify(emptyEditorState()),
          now,
          now,
          JSON.stringify(FOCUS_AREA_GUIDANCE),
          FOCUS_AREA_WORD_TARGET,
        );
      const order = topLevel.map((row) => row.id);
      order.splice(at, 0, id);
      this.writeOrder(order);
      this.assessment.touch(now);
      return this.summaryOf(id);
    })();
  }

  /** Sets or clears (null) the number of words the team aims for in a section. */
  setWordTarget(id: string, wordTarget: number | null): SectionSummary {
    // Checked again here for in-process callers (the CLI) that do not come through the bridge.
    const parsed = WordTargetSchema.safeParse(wordTarget);
    if (!parsed.success) throw new AppError('invalid-input', parsed.error.issues[0]?.message ?? 'That word target is not valid.');
    return this.db.transaction(() => {
      const result = this.db
        .prepare('UPDATE sections SET word_target = ? WHERE id = ? AND deleted_at IS NULL')
        .run(parsed.data, id);
      if (result.changes === 0) throw new AppError('not-found', SECTION_NOT_FOUND);
      this.assessment.touch(nowIso());
      return this.summaryOf(id);
    })();
  }

  /** Every live section in binder order with its guidance: what a template is made from. */
  outline(): OutlineSection[] {
    const guidance = new Map(
      (this.db.prepare('SELECT id, guidance_json FROM sections WHERE deleted_at IS NULL').all() as Array<{
        id: string;
        guidance_json: string | null;
      }>).map((row) => [row.id, parseGuidance(row.guidance_json)]),
    );
    return this.list().map((summary) => ({ ...summary, guidance: guidance.get(summary.id) ?? null }));
  }

  /** Sends a section and its subsections to the bin; returns every id that went. */
  delete(id: string): { id: string; deletedIds: string[] } {
    return this.db.transaction(() => {
      const tree = this.liveTree();
      const section = this.requireLive(tree, id);
      const deletedIds = subtreeIds(tree, id);
      const fixed = deletedIds.map((d) => tree.byId.get(d)!).find((row) => row.fixed === 1);
      if (fixed) {
        throw new AppError(
          'not-allowed',
          fixed.id === id
            ? `“${section.title}” is one of the statement's fixed chapters, so it cannot be deleted.`
            : `“${section.title}” contains the fixed chapter “${fixed.title}”, so it cannot be deleted.`,
        );
      }
      const now = nowIso();
      const markDeleted = this.db.prepare('UPDATE sections SET deleted_at = ?, deleted_with = ? WHERE id = ?');
      for (const deletedId of deletedIds) markDeleted.run(now, id, deletedId);
      // The section keeps its old position so restore can put it back there.
      this.writeOrder(tree.childrenOf(section.parent_id).map((row) => row.id).filter((s) => s !== id));
      renumberStoredCitations(this.db);
      this.assessment.touch(now);
      return { id, deletedIds };
    })();
  }

  /** Undoes `delete(id)`: the same subtree comes back at its old place among its siblings. */
  restore(id: string): SectionSummary[] {
    return this.db.transaction(() => {
      const row = this.statements.rowById.get(id);
      if (!row) throw new AppError('not-found', SECTION_NOT_FOUND);
      if (row.deleted_at === null) return this.list();
      const tree = this.liveTree();
      if (row.deleted_with !== id) {
        const root = this.statements.rowById.get(row.deleted_with ?? '');
        throw new AppError(
          'not-allowed',
          `“${row.title}” was deleted along with “${root?.title ?? 'its parent section'}”. Restore that section instead.`,
        );
      }
      const parent = row.parent_id === null ? null : tree.byId.get(row.parent_id);
      if (row.parent_id !== null && !parent) {
        const deletedParent = this.statements.rowById.get(row.parent_id);
        throw new AppError(
          'not-allowed',
          `“${row.title}” was inside “${deletedParent?.title ?? 'a section'}”, which has also been deleted. Restore that section first.`,
        );
      }
      const restoredIds = this.db
        .prepare('SELECT id FROM sections WHERE deleted_with = ? AND deleted_at IS NOT NULL')
        .all(id)
        .map((r) => (r as { id: string }).id);
      const restoredTree = buildTree(
        restoredIds.map((rid) => this.statements.rowById.get(rid)!).map((r) => (r.id === id ? { ...r, parent_id: null } : r)),
      );
      const parentDepth = parent ? depthOf(tree, parent.id) : -1;
      if (parentDepth + 1 + heightOf(restoredTree, id) > MAX_SECTION_DEPTH - 1) {
        throw new AppError(
          'not-allowed',
          `“${row.title}” cannot go back where it was, because “${parent?.title ?? ''}” has since moved deeper in the binder.`,
        );
      }
      const now = nowIso();
      this.db
        .prepare('UPDATE sections SET deleted_at = NULL, deleted_with = NULL WHERE deleted_with = ? AND deleted_at IS NOT NULL')
        .run(id);
      const siblingRows = tree.childrenOf(row.parent_id);
      let at = Math.min(row.position, siblingRows.length);
      if (row.parent_id === null && row.kind === 'focus-area') {
        // Back into the focus areas' block, wherever the chapters around it now are.
        const { first, last } = focusAreaRange(siblingRows);
        at = Math.max(first, Math.min(at, last));
      }
      const siblings = siblingRows.map((r) => r.id);
      siblings.splice(at, 0, id);
      this.writeOrder(siblings);
      renumberStoredCitations(this.db);
      this.assessment.touch(now);
      return this.list();
    })();
  }

  /** The bin ("Recently deleted"): each section deleted on its own, newest first, with what went with it. */
  deletedList(): DeletedSection[] {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.deleted_at, p.title AS parent_title,
                (SELECT count(*) FROM sections s WHERE s.deleted_with = d.id AND s.id <> d.id) AS subsections,
                (SELECT coalesce(sum(s.word_count), 0) FROM sections s WHERE s.deleted_with = d.id) AS words
         FROM sections d LEFT JOIN sections p ON p.id = d.parent_id
         WHERE d.deleted_at IS NOT NULL AND d.deleted_with = d.id
         ORDER BY d.deleted_at DESC, d.rowid DESC`,
      )
      .all() as Array<{ id: string; title: string; deleted_at: string; parent_title: string | null; subsections: number; words: number }>;
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      parentTitle: row.parent_title,
      deletedAt: row.deleted_at,
      subsectionCount: row.subsections,
      wordCount: row.words,
    }));
  }

  /**
   * Empties the bin for good. The file is mailed to peers, so deleted text must not linger in it:
   * the full-text index is rebuilt from what is left (FTS5 keeps old terms in its segments until
   * then), freed pages are zeroed (secure_delete), VACUUM rewrites the file from the live rows
   * only, and the WAL is checkpointed and truncated so no copy waits there either.
   */
  emptyBin(): { removed: number } {
    const removed = this.db.transaction(() => {
      const result = this.db.prepare('DELETE FROM sections WHERE deleted_at IS NOT NULL').run();
      this.db.prepare("INSERT INTO sections_fts (sections_fts) VALUES ('rebuild')").run();
      if (result.changes > 0) this.assessment.touch(nowIso());
      return result.changes;
    })();
    this.db.pragma('secure_delete = ON');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return { removed };
  }
}
