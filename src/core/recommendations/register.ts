import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import {
  EditorStateSchema,
  emptyEditorState,
  type SerializedEditorStateJSON,
  type SerializedNode,
} from '../../shared/schemas/lexical';
import type {
  GapKind,
  ImportPlan,
  Recommendation,
  RecommendationStatus,
  Traceability,
  TraceabilityFilter,
  TraceabilityRow,
} from '../../shared/contracts/recommendations';
import type { AssessmentStore } from '../assessment/assessmentStore';
import { nowIso } from '../time';
import { sectionLinks, type SectionLinks } from './documentLinks';
import { evidenceLookup, type EvidenceLookup } from './evidenceLookup';
import { listOf, MAX_RECOMMENDATIONS, parseRecommendations, type ParseFrom } from './parseRecommendations';

/**
 * The register of recommendations from earlier challenges, kept in the assessment file.
 *
 * - Every change runs in one transaction and bumps the recommendation's `revision`; a change
 *   based on an older revision is refused ('stale'), as section saves are, so two tabs or a late
 *   autosave never overwrite a newer progress update.
 * - Deleting is soft and `restore` undoes it, progress update and links included.
 * - Import is plan (parse, show, save nothing) then apply (save the confirmed items, all or none);
 *   an item whose source and label are already in the register is left as it is, so importing the
 *   same list again never loses a progress update.
 */

interface RecommendationRow {
  id: string;
  source: string;
  label: string;
  text: string;
  theme_key: string | null;
  status: RecommendationStatus;
  owner: string;
  target_date: string | null;
  progress_json: string;
  position: number;
  created_at: string;
  updated_at: string;
  revision: number;
}

interface SectionInfo {
  id: string;
  title: string;
  revision: number;
  /** The top-level chapter's theme key (template key), or its id for a chapter without one. */
  chapterKey: string;
  links: SectionLinks;
}

export const RECOMMENDATION_NOT_FOUND = 'That recommendation is no longer in the register. It may have been deleted.';
export const STALE_RECOMMENDATION_MESSAGE =
  'This recommendation was changed after you opened it (in another tab or window), so your change was not saved over it. Reload it and make the change again.';

export const GAP_MESSAGES: Record<GapKind, string> = {
  'not-addressed': 'Not addressed in any section',
  'no-evidence': 'Addressed, but no evidence linked',
  'evidence-never-cited': 'Evidence linked but never cited in the text',
};

const COLUMNS =
  'id, source, label, text, theme_key, status, owner, target_date, progress_json, position, created_at, updated_at, revision';

function parseProgress(json: string): SerializedEditorStateJSON {
  try {
    const parsed = EditorStateSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through: an unreadable progress update shows as empty rather than breaking the register.
  }
  return emptyEditorState();
}

export type RecommendationTarget = { id: string; sectionId: string } | { id: string; evidenceItemId: string };

export interface RecommendationPatch {
  baseRevision?: number;
  source?: string;
  label?: string;
  text?: string;
  themeKey?: string | null;
  status?: RecommendationStatus;
  owner?: string;
  targetDate?: string | null;
  progress?: SerializedEditorStateJSON;
  position?: number;
}

export class RecommendationRegister {
  private readonly evidence: EvidenceLookup;

  constructor(
    private readonly db: Database.Database,
    private readonly assessment: Pick<AssessmentStore, 'touch'>,
    evidence?: EvidenceLookup,
  ) {
    this.evidence = evidence ?? evidenceLookup(db);
  }

  // --- reading ---

  private liveRows(): RecommendationRow[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM recommendations WHERE deleted_at IS NULL ORDER BY position, rowid`)
      .all() as RecommendationRow[];
  }

  private requireRow(id: string, deleted = false): RecommendationRow {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM recommendations WHERE id = ? AND deleted_at IS ${deleted ? 'NOT NULL' : 'NULL'}`)
      .get(id) as RecommendationRow | undefined;
    if (!row) throw new AppError('not-found', RECOMMENDATION_NOT_FOUND);
    return row;
  }

  /** Every live section with its revision, chapter and what its text references and cites. */
  private sectionInfo(): Map<string, SectionInfo> {
    const rows = this.db
      .prepare('SELECT id, parent_id, title, revision, template_key, content_json FROM sections WHERE deleted_at IS NULL')
      .all() as Array<{ id: string; parent_id: string | null; title: string; revision: number; template_key: string | null; content_json: string }>;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const chapterOf = (id: string): string => {
      let row = byId.get(id);
      // Bounded: a damaged file with a loop in its parents must not hang the view.
      for (let i = 0; row && row.parent_id !== null && i < 100; i++) row = byId.get(row.parent_id) ?? row;
      return row?.template_key ?? row?.id ?? id;
    };
    const info = new Map<string, SectionInfo>();
    for (const row of rows) {
      let links: SectionLinks = { recommendationIds: new Set(), citedItemIds: new Set() };
      try {
        links = sectionLinks((JSON.parse(row.content_json) as { root: SerializedNode }).root);
      } catch {
        // Text that cannot be read references nothing; `pcs check` reports it.
      }
      info.set(row.id, { id: row.id, title: row.title, revision: row.revision, chapterKey: chapterOf(row.id), links });
    }
    return info;
  }

  private assemble(rows: RecommendationRow[], sections = this.sectionInfo()): Recommendation[] {
    const sectionLinksRows = this.db
      .prepare('SELECT recommendation_id, section_id, verified_at, verified_revision FROM recommendation_sections')
      .all() as Array<{ recommendation_id: string; section_id: string; verified_at: string | null; verified_revision: number | null }>;
    const evidenceRows = this.db
      .prepare('SELECT recommendation_id, evidence_item_id, verified_at, verified_hash FROM recommendation_evidence ORDER BY rowid')
      .all() as Array<{ recommendation_id: string; evidence_item_id: string; verified_at: string | null; verified_hash: string | null }>;
    return rows.map((row) => {
      const linked = new Map(sectionLinksRows.filter((l) => l.recommendation_id === row.id).map((l) => [l.section_id, l]));
      const addressed = [...sections.values()].filter(
        (s) => linked.has(s.id) || s.links.recommendationIds.has(row.id),
      );
      const cited = new Set(addressed.flatMap((s) => [...s.links.citedItemIds]));
      return {
        id: row.id,
        source: row.source,
        label: row.label,
        text: row.text,
        themeKey: row.theme_key,
        status: row.status,
        owner: row.owner,
        targetDate: row.target_date,
        progress: parseProgress(row.progress_json),
        position: row.position,
        revision: row.revision,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        sections: addressed.map((s) => {
          const link = linked.get(s.id);
          return {
            sectionId: s.id,
            title: s.title,
            linked: link !== undefined,
            referenced: s.links.recommendationIds.has(row.id),
            verifiedAt: link?.verified_at ?? null,
            changedSinceVerified: link?.verified_revision != null && s.revision !== link.verified_revision,
          };
        }),
        evidence: evidenceRows
          .filter((e) => e.recommendation_id === row.id)
          .map((e) => {
            const item = this.evidence.get(e.evidence_item_id);
            return {
              evidenceItemId: e.evidence_item_id,
              title: item?.title ?? null,
              cited: cited.has(e.evidence_item_id),
              verifiedAt: e.verified_at,
              // An item removed from the evidence register since counts as changed.
              changedSinceVerified:
                e.verified_at !== null && this.evidence.known && (item === null || (e.verified_hash ?? null) !== (item.hash ?? null)),
            };
          }),
      };
    });
  }

  list(): Recommendation[] {
    return this.assemble(this.liveRows());
  }

  get(id: string): Recommendation {
    return this.assemble([this.requireRow(id)])[0]!;
  }

  // --- import: plan, then apply ---

  private existingLabels(source: string): Set<string> {
    return new Set(
      (this.db
        .prepare('SELECT label FROM recommendations WHERE deleted_at IS NULL AND source = ? COLLATE NOCASE')
        .all(source) as Array<{ label: string }>).map((r) => r.label.toUpperCase()),
    );
  }

  /** What a paste or a report holds, and whether it can be saved; writes nothing. */
  plan(source: string, text: string, from: ParseFrom = 'paste'): ImportPlan {
    const parsed = parseRecommendations(text, from);
    const existing = this.existingLabels(source);
    const items = parsed.items.map((item) => ({ ...item, existing: existing.has(item.label.toUpperCase()) }));
    const problems: ImportPlan['problems'] = [...parsed.problems];
    const already = items.filter((i) => i.existing).map((i) => i.label);
    if (already.length > 0 && already.length === items.length) {
      problems.push({
        code: 'already-in-register',
        message: `Every recommendation in this list (${listOf(already)}) is already in the register from “${source}”. Nothing new to add.`,
      });
    }
    return { source, heading: parsed.heading, items, problems };
  }

  /** Saves the confirmed items in one transaction; those already in the register are skipped, untouched. */
  apply(source: string, items: ReadonlyArray<{ label: string; text: string }>): { added: Recommendation[]; skipped: string[] } {
    if (items.length === 0) throw new AppError('invalid-input', 'There are no recommendations to add.');
    if (items.length > MAX_RECOMMENDATIONS) {
      throw new AppError('invalid-input', `Up to ${MAX_RECOMMENDATIONS} recommendations can be added at once; this list has ${items.length}.`);
    }
    const labels = items.map((i) => i.label.trim().toUpperCase());
    const duplicated = [...new Set(labels.filter((l, i) => labels.indexOf(l) !== i))];
    if (duplicated.length > 0) {
      throw new AppError('invalid-input', `The label${duplicated.length === 1 ? '' : 's'} ${listOf(duplicated)} ${duplicated.length === 1 ? 'is' : 'are'} used more than once. Give each recommendation its own label. Nothing was saved.`);
    }
    return this.db.transaction(() => {
      const existing = this.existingLabels(source);
      const now = nowIso();
      let position = this.nextPosition();
      const ids: string[] = [];
      const skipped: string[] = [];
      for (const item of items) {
        if (existing.has(item.label.trim().toUpperCase())) {
          skipped.push(item.label.trim());
          continue;
        }
        ids.push(this.insert(source, item.label, item.text, null, position++, now));
      }
      if (ids.length > 0) this.assessment.touch(now);
      const added = this.assemble(ids.map((id) => this.requireRow(id)));
      return { added, skipped };
    })();
  }

  private nextPosition(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM recommendations WHERE deleted_at IS NULL').get() as { n: number }).n;
  }

  private insert(source: string, label: string, text: string, themeKey: string | null, position: number, now: string): string {
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO recommendations (id, source, label, text, theme_key, status, owner, target_date, progress_json,
                                      position, created_at, updated_at, revision)
         VALUES (?, ?, ?, ?, ?, 'not-started', '', NULL, ?, ?, ?, ?, 0)`,
      )
      .run(id, source.trim(), label.trim(), text.trim(), themeKey, JSON.stringify(emptyEditorState()), position, now, now);
    return id;
  }

  private labelTaken(source: string, label: string, exceptId: string | null): boolean {
    return (
      this.db
        .prepare(
          'SELECT 1 FROM recommendations WHERE deleted_at IS NULL AND source = ? COLLATE NOCASE AND label = ? COLLATE NOCASE AND id IS NOT ?',
        )
        .get(source.trim(), label.trim(), exceptId) !== undefined
    );
  }

  private labelTakenError(source: string, label: string): AppError {
    return new AppError('invalid-input', `There is already a recommendation ${label.trim()} from “${source.trim()}”. Give this one another label.`);
  }

  // --- by hand ---

  add(input: { source: string; label: string; text: string; themeKey?: string | null }): Recommendation {
    return this.db.transaction(() => {
      if (this.labelTaken(input.source, input.label, null)) throw this.labelTakenError(input.source, input.label);
      const now = nowIso();
      const id = this.insert(input.source, input.label, input.text, input.themeKey ?? null, this.nextPosition(), now);
      this.assessment.touch(now);
      return this.get(id);
    })();
  }

  update(id: string, patch: RecommendationPatch): Recommendation {
    if (patch.progress !== undefined && !EditorStateSchema.safeParse(patch.progress).success) {
      throw new AppError('invalid-input', 'The progress update is not in a form Peer Challenge Studio can save.');
    }
    return this.db.transaction(() => {
      const row = this.requireRow(id);
      if (patch.baseRevision !== undefined && patch.baseRevision !== row.revision) {
        throw new AppError('stale', STALE_RECOMMENDATION_MESSAGE);
      }
      const source = patch.source ?? row.source;
      const label = patch.label ?? row.label;
      if ((patch.source !== undefined || patch.label !== undefined) && this.labelTaken(source, label, id)) {
        throw this.labelTakenError(source, label);
      }
      const now = nowIso();
      this.db
        .prepare(
          `UPDATE recommendations SET source = ?, label = ?, text = ?, theme_key = ?, status = ?, owner = ?, target_date = ?,
                  progress_json = ?, updated_at = ?, revision = revision + 1
           WHERE id = ?`,
        )
        .run(
          source.trim(),
          label.trim(),
          (patch.text ?? row.text).trim(),
          patch.themeKey !== undefined ? patch.themeKey : row.theme_key,
          patch.status ?? row.status,
          (patch.owner ?? row.owner).trim(),
          patch.targetDate !== undefined ? patch.targetDate : row.target_date,
          patch.progress !== undefined ? JSON.stringify(patch.progress) : row.progress_json,
          now,
          id,
        );
      if (patch.position !== undefined) {
        const order = this.liveRows().map((r) => r.id).filter((r) => r !== id);
        order.splice(Math.min(patch.position, order.length), 0, id);
        this.writeOrder(order);
      }
      this.assessment.touch(now);
      return this.get(id);
    })();
  }

  private writeOrder(ids: readonly string[]): void {
    const set = this.db.prepare('UPDATE recommendations SET position = ? WHERE id = ? AND position IS NOT ?');
    ids.forEach((rid, position) => set.run(position, rid, position));
  }

  delete(id: string): { id: string } {
    return this.db.transaction(() => {
      this.requireRow(id);
      const now = nowIso();
      this.db.prepare('UPDATE recommendations SET deleted_at = ? WHERE id = ?').run(now, id);
      this.writeOrder(this.liveRows().map((r) => r.id));
      this.assessment.touch(now);
      return { id };
    })();
  }

  restore(id: string): Recommendation {
    return this.db.transaction(() => {
      const row = this.requireRow(id, true);
      if (this.labelTaken(row.source, row.label, id)) {
        throw new AppError('not-allowed', `Recommendation ${row.label} cannot come back: another recommendation ${row.label} from “${row.source}” has been added since. Relabel that one first.`);
      }
      const now = nowIso();
      this.db.prepare('UPDATE recommendations SET deleted_at = NULL WHERE id = ?').run(id);
      const order = this.liveRows().map((r) => r.id).filter((r) => r !== id);
      order.splice(Math.min(row.position, order.length), 0, id);
      this.writeOrder(order);
      this.assessment.touch(now);
      return this.get(id);
    })();
  }

  // --- links ---

  private requireSection(sectionId: string): { revision: number } {
    const row = this.db.prepare('SELECT revision FROM sections WHERE id = ? AND deleted_at IS NULL').get(sectionId) as
      | { revision: number }
      | undefined;
    if (!row) throw new AppError('not-found', 'That section no longer exists. It may have been deleted.');
    return row;
  }

  private requireEvidence(itemId: string) {
    const item = this.evidence.get(itemId);
    if (!item) throw new AppError('not-found', 'That evidence item is no longer in the evidence list.');
    return item;
  }

  link(target: RecommendationTarget): Recommendation {
    return this.db.transaction(() => {
      this.requireRow(target.id);
      if ('sectionId' in target) {
        this.requireSection(target.sectionId);
        this.db
          .prepare('INSERT OR IGNORE INTO recommendation_sections (recommendation_id, section_id) VALUES (?, ?)')
          .run(target.id, target.sectionId);
      } else {
        this.requireEvidence(target.evidenceItemId);
        this.db
          .prepare('INSERT OR IGNORE INTO recommendation_evidence (recommendation_id, evidence_item_id) VALUES (?, ?)')
          .run(target.id, target.evidenceItemId);
      }
      this.assessment.touch(nowIso());
      return this.get(target.id);
    })();
  }

  unlink(target: RecommendationTarget): Recommendation {
    return this.db.transaction(() => {
      this.requireRow(target.id);
      if ('sectionId' in target) {
        this.db
          .prepare('DELETE FROM recommendation_sections WHERE recommendation_id = ? AND section_id = ?')
          .run(target.id, target.sectionId);
      } else {
        this.db
          .prepare('DELETE FROM recommendation_evidence WHERE recommendation_id = ? AND evidence_item_id = ?')
          .run(target.id, target.evidenceItemId);
      }
      this.assessment.touch(nowIso());
      return this.get(target.id);
    })();
  }

  /**
   * Someone checked that the section (or evidence) answers the recommendation: remembers the
   * section's revision (the evidence's hash) so a later change shows "changed since verified".
   * A section that only references it inline gets a link made here, as verifying one implies it.
   */
  verify(target: RecommendationTarget): Recommendation {
    return this.db.transaction(() => {
      this.requireRow(target.id);
      const now = nowIso();
      if ('sectionId' in target) {
        const section = this.requireSection(target.sectionId);
        this.db
          .prepare(
            `INSERT INTO recommendation_sections (recommendation_id, section_id, verified_at, verified_revision) VALUES (?, ?, ?, ?)
             ON CONFLICT (recommendation_id, section_id) DO UPDATE SET verified_at = excluded.verified_at, verified_revision = excluded.verified_revision`,
          )
          .run(target.id, target.sectionId, now, section.revision);
      } else {
        const item = this.requireEvidence(target.evidenceItemId);
        const result = this.db
          .prepare('UPDATE recommendation_evidence SET verified_at = ?, verified_hash = ? WHERE recommendation_id = ? AND evidence_item_id = ?')
          .run(now, item.hash, target.id, target.evidenceItemId);
        if (result.changes === 0) throw new AppError('not-found', 'Link this evidence to the recommendation before verifying it.');
      }
      this.assessment.touch(now);
      return this.get(target.id);
    })();
  }

  // --- traceability ---

  traceability(filter: TraceabilityFilter = {}): Traceability {
    const sections = this.sectionInfo();
    const all = this.assemble(this.liveRows(), sections);
    const rows: TraceabilityRow[] = all.map((recommendation) => {
      const gaps: GapKind[] = [];
      // A superseded recommendation is not expected to be answered any more.
      if (recommendation.status !== 'superseded') {
        if (recommendation.sections.length === 0) gaps.push('not-addressed');
        else if (recommendation.evidence.length === 0) gaps.push('no-evidence');
        if (recommendation.evidence.some((e) => !e.cited)) gaps.push('evidence-never-cited');
      }
      const themeKeys = [
        ...new Set([
          ...(recommendation.themeKey ? [recommendation.themeKey] : []),
          ...recommendation.sections.map((s) => sections.get(s.sectionId)?.chapterKey).filter((k): k is string => !!k),
        ]),
      ];
      return {
        recommendation,
        themeKeys,
        gaps,
        gapMessages: gaps.map((gap) => GAP_MESSAGES[gap]),
        changedSinceVerified:
          recommendation.sections.some((s) => s.changedSinceVerified) || recommendation.evidence.some((e) => e.changedSinceVerified),
      };
    });
    const owner = filter.owner?.trim().toLowerCase();
    const filtered = rows.filter(
      (row) =>
        (!filter.status || filter.status.length === 0 || filter.status.includes(row.recommendation.status)) &&
        (!filter.themeKey || row.themeKeys.includes(filter.themeKey)) &&
        (!owner || row.recommendation.owner.toLowerCase() === owner),
    );
    const considered = filtered.filter((r) => r.recommendation.status !== 'superseded');
    const count = (gap: GapKind) => filtered.filter((r) => r.gaps.includes(gap)).length;
    return {
      rows: filtered,
      summary: {
        total: filtered.length,
        considered: considered.length,
        addressed: considered.filter((r) => r.recommendation.sections.length > 0).length,
        withEvidence: considered.filter((r) => r.recommendation.evidence.length > 0).length,
        gaps: { 'not-addressed': count('not-addressed'), 'no-evidence': count('no-evidence'), 'evidence-never-cited': count('evidence-never-cited') },
        changedSinceVerified: filtered.filter((r) => r.changedSinceVerified).length,
      },
    };
  }
}
