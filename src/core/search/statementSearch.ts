import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { SerializedEditorStateJSON, SerializedNode } from '../../shared/schemas/lexical';
import type { DamagedSection, FindMatch, FindResult, ReplaceAllResult } from '../../shared/schemas/search';
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

interface ReadableSection {
  id: string;
  title: string;
  content: SerializedEditorStateJSON;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export class StatementSearch {
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
            before: oneLine(document.joined.slice(Math.max(0, start - SNIPPET_CONTEXT), start)).trimStart(),
            match: document.joined.slice(start, end),
            after: oneLine(document.joined.slice(end, end + SNIPPET_CONTEXT)).trimEnd(),
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
      const { readable, damagedSections } = this.readableSections(options.sectionId);
      for (const { id, content } of readable) {
        const document = collectTextNodes(content.root as SerializedNode);
        const matches = findNodeMatches(document, options);
        if (matches.length === 0) continue;
        // Splice from the last match back so earlier offsets stay valid.
        for (let i = matches.length - 1; i >= 0; i--) {
          const match = matches[i]!;
          const node = document.spans[match.spanIndex]!.node;
          node.text = node.text.slice(0, match.index) + options.replacement + node.text.slice(match.index + match.length);
        }
        this.sections.saveContent(id, content);
        replaced += matches.length;
        sectionIds.push(id);
      }
      return { replaced, sectionIds, damagedSections };
    })();
  }
}
