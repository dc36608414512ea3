import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { SerializedEditorStateJSON, SerializedNode } from '../../shared/schemas/lexical';
import type { DamagedSection, FindMatch, FindResult, ReplaceAllResult, ReplaceUndoResult } from '../../shared/schemas/search';
import { parseStoredContent, SECTION_NOT_FOUND, type SectionService } from '../sections/sectionService';
import { findNodeMatches, type MatchOptions } from './textMatcher';
import { collectTextNodes } from './textNodes';

/**
 * Find and replace across the whole statement, on the saved Lexical JSON.
 *
 * Every live section is scanned. The FTS index is deliberately not used to narrow the search:
 * it matches whole tokens (with its own case folding and diacritic removal) while find matches
 * any substring, so narrowing by it would miss "gov" in "governance". Scanning ~60 sections of
 * JSON is a few milliseconds; correctness first.
 */

const SNIPPETS_PER_SECTION = 3;
const SNIPPET_CONTEXT = 40;

interface ContentRow {
  id: string;
  title: string;
  content_json: string;
}

/** What one replace changed: enough to put every section back in one step. */
interface ReplaceRecord {
  undoId: string;
  sections: { id: string; previousContent: SerializedEditorStateJSON; revisionAfter: number }[];
}

/** Replaces that can still be undone, newest last. A few, not one: undo may be asked for late. */
const UNDO_KEPT = 10;

export const REPLACE_UNDO_GONE =
  'That replace can no longer be undone (the assessment has been closed and opened again since, or many replaces have followed it).';

interface ReadableSection {
  id: string;
  title: string;
  content: SerializedEditorStateJSON;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Context before a match, starting at a word (an ellipsis says it was cut). */
function contextBefore(text: string, cut: boolean): string {
  if (!cut) return text.trimStart();
  const space = text.search(/\s/);
  return space < 0 ? `…${text}` : `…${text.slice(space).trimStart()}`;
}

/** Context after a match, ending at a word (an ellipsis says it was cut). */
function contextAfter(text: string, cut: boolean): string {
  if (!cut) return text.trimEnd();
  const space = text.search(/\s\S*$/);
  return space < 0 ? `${text}…` : `${text.slice(0, space).trimEnd()}…`;
}

export class StatementSearch {
  /**
   * Kept in memory for the open assessment, not in the file: undo is offered right after the
   * replace (a toast, Ctrl+Z), and a replace is also an ordinary save of each section.
   */
  private readonly undoable: ReplaceRecord[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly sections: SectionService,
  ) {}

  /** Live sections with their content, in binder order. */
  private contentInBinderOrder(onlySectionId?: string): ContentRow[] {
    const order = this.sections.list();
    const ids = onlySectionId ? order.filter((s) => s.id === onlySectionId).map((s) => s.id) : order.map((s) => s.id);
    if (onlySectionId && ids.length === 0) throw new AppError('not-found', SECTION_NOT_FOUND);
    const select = this.db.prepare('SELECT id, title, content_json FROM sections WHERE id = ?');
    return ids.map((id) => select.get(id) as ContentRow);
  }

  /** The sections whose text reads back, and the ones that do not (skipped, to be named). */
  private readableSections(onlySectionId?: string): { readable: ReadableSection[]; damagedSections: DamagedSection[] } {
    const readable: ReadableSection[] = [];
    const damagedSections: DamagedSection[] = [];
    for (const row of this.contentInBinderOrder(onlySectionId)) {
      const content = parseStoredContent(row.content_json);
      if (content === null) damagedSections.push({ sectionId: row.id, sectionTitle: row.title });
      else readable.push({ id: row.id, title: row.title, content });
    }
    return { readable, damagedSections };
  }

  find(options: MatchOptions): FindResult {
    let total = 0;
    const sections: FindMatch[] = [];
    const { readable, damagedSections } = this.readableSections();
    for (const row of readable) {
      const document = collectTextNodes(row.content.root as SerializedNode);
      const matches = findNodeMatches(document, options);
      if (matches.length === 0) continue;
      total += matches.length;
      sections.push({
        sectionId: row.id,
        sectionTitle: row.title,
        count: matches.length,
        snippets: matches.slice(0, SNIPPETS_PER_SECTION).map((match) => {
          const start = document.spans[match.spanIndex]!.start + match.index;
          const end = start + match.length;
          return {
            before: contextBefore(oneLine(document.joined.slice(Math.max(0, start - SNIPPET_CONTEXT), start)), start > SNIPPET_CONTEXT),
            match: document.joined.slice(start, end),
            after: contextAfter(oneLine(document.joined.slice(end, end + SNIPPET_CONTEXT)), end + SNIPPET_CONTEXT < document.joined.length),
          };
        }),
      });
    }
    return { total, sections, damagedSections };
  }

  /**
   * Replaces every match inside text nodes, keeping each node's formatting. Matches that span
   * two differently formatted text nodes are not found by find either, so counts agree.
   * Each changed section is saved like an edit: new plain text, word count and revision.
   */
  replaceAll(options: MatchOptions & { replacement: string; sectionId?: string }): ReplaceAllResult {
    return this.db.transaction(() => {
      let replaced = 0;
      const sectionIds: string[] = [];
      const record: ReplaceRecord = { undoId: randomUUID(), sections: [] };
      const { readable, damagedSections } = this.readableSections(options.sectionId);
      for (const { id, content } of readable) {
        const document = collectTextNodes(content.root as SerializedNode);
        const matches = findNodeMatches(document, options);
        if (matches.length === 0) continue;
        const previousContent = structuredClone(content);
        // Splice from the last match back so earlier offsets stay valid.
        for (let i = matches.length - 1; i >= 0; i--) {
          const match = matches[i]!;
          const node = document.spans[match.spanIndex]!.node;
          node.text = node.text.slice(0, match.index) + options.replacement + node.text.slice(match.index + match.length);
        }
        const saved = this.sections.saveContent(id, content);
        record.sections.push({ id, previousContent, revisionAfter: saved.revision });
        replaced += matches.length;
        sectionIds.push(id);
      }
      if (replaced === 0) return { replaced, sectionIds, undoId: null, damagedSections };
      this.undoable.push(record);
      if (this.undoable.length > UNDO_KEPT) this.undoable.shift();
      return { replaced, sectionIds, undoId: record.undoId, damagedSections };
    })();
  }

  /**
   * Puts back every section one replace changed, in one transaction. A section written to since
   * (its revision has moved on) is left alone and named, so no later writing is lost.
   */
  undoReplace(undoId: string): ReplaceUndoResult {
    const index = this.undoable.findIndex((r) => r.undoId === undoId);
    if (index < 0) throw new AppError('not-found', REPLACE_UNDO_GONE);
    const record = this.undoable[index]!;
    const current = this.db.prepare('SELECT title, revision FROM sections WHERE id = ?');
    const result = this.db.transaction((): ReplaceUndoResult => {
      const restoredSectionIds: string[] = [];
      const changedSince: ReplaceUndoResult['changedSince'] = [];
      for (const section of record.sections) {
        const row = current.get(section.id) as { title: string; revision: number } | undefined;
        if (!row) continue;
        if (row.revision !== section.revisionAfter) {
          changedSince.push({ sectionId: section.id, sectionTitle: row.title });
          continue;
        }
        this.sections.saveContent(section.id, section.previousContent);
        restoredSectionIds.push(section.id);
      }
      return { restoredSectionIds, changedSince };
    })();
    // Once only: a second undo would find every revision moved on anyway.
    this.undoable.splice(index, 1);
    return result;
  }
}
