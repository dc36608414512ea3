import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { AssessmentDatabase } from '../storage/assessmentDatabase';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc, sha256, text } from '../testing/testFiles';
import type { EvidenceInfo, EvidenceLookup } from './evidenceLookup';
import { RecommendationRegister } from './register';

const LIST = `Peer Team Recommendations from the 2022 Revisit

The following are the peer team's key recommendations.

A. Ensure the planned refresh of the vision
is used to reflect the key priorities.
B. Review the localities model with partners.
C. Embed performance management.`;

const reference = (recommendationId: string, label: string): SerializedNode => ({
  ...text(`Recommendation ${label}`),
  type: 'recommendation-reference',
  mode: 'token',
  recommendationId,
  label,
});
const citation = (itemId: string): SerializedNode => ({ type: 'citation', version: 1, itemId, label: '6a' });

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

async function importList() {
  const plan = await t.api['recommendations-import-plan']({ source: '2022 progress review', text: LIST });
  expect(plan.problems).toEqual([]);
  const { added } = await t.api['recommendations-import-apply']({ source: plan.source, items: plan.items });
  return Object.fromEntries(added.map((r) => [r.label, r]));
}

describe('the recommendations register', () => {
  it('plans without saving anything, then saves the confirmed list with its wrapped line kept whole', async () => {
    const before = sha256(t.filePath);
    const plan = await t.api['recommendations-import-plan']({ source: '2022 progress review', text: LIST });
    expect(plan.heading).toBe('Peer Team Recommendations from the 2022 Revisit');
    expect(plan.items.map((i) => [i.label, i.text, i.existing])).toEqual([
      ['A', 'Ensure the planned refresh of the vision is used to reflect the key priorities.', false],
      ['B', 'Review the localities model with partners.', false],
      ['C', 'Embed performance management.', false],
    ]);
    expect(await t.api['recommendations-list']({})).toEqual([]);
    expect(sha256(t.filePath)).toBe(before);

    await importList();
    const list = await t.api['recommendations-list']({});
    expect(list.map((r) => [r.label, r.status, r.position])).toEqual([
      ['A', 'not-started', 0],
      ['B', 'not-started', 1],
      ['C', 'not-started', 2],
    ]);
  });

  it('importing the same list again never loses a progress update', async () => {
    const { A } = await importList();
    const progress = doc('We refreshed the vision in 2024.');
    await t.api['recommendation-update']({ id: A!.id, progress, status: 'in-progress', baseRevision: A!.revision });
    const plan = await t.api['recommendations-import-plan']({ source: '2022 Progress Review', text: LIST });
    expect(plan.items.every((i) => i.existing)).toBe(true);
    expect(plan.problems.map((p) => p.code)).toEqual(['already-in-register']);
    const again = await t.api['recommendations-import-apply']({ source: '2022 progress review', items: plan.items });
    expect(again).toEqual({ added: [], skipped: ['A', 'B', 'C'] });
    const [a] = await t.api['recommendations-list']({});
    expect(a).toMatchObject({ status: 'in-progress', progress });
  });

  it('refuses bad lists with clear messages and saves nothing', async () => {
    const empty = await t.api['recommendations-import-plan']({ source: 'x', text: '  ' });
    expect(empty.problems.map((p) => p.code)).toEqual(['empty']);
    const dupes = await t.api['recommendations-import-plan']({ source: 'x', text: 'A. One\nA. Two' });
    expect(dupes.problems.map((p) => p.code)).toEqual(['duplicate-labels']);
    await expect(
      t.api['recommendations-import-apply']({ source: 'x', items: [{ label: 'A', text: 'One' }, { label: 'a', text: 'Two' }] }),
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Nothing was saved') });
    const long = Array.from({ length: 201 }, (_, i) => ({ label: String(i + 1), text: `Item ${i + 1}` }));
    await expect(t.api['recommendations-import-apply']({ source: 'x', items: long })).rejects.toThrow();
    const ok200 = await t.api['recommendations-import-apply']({ source: 'x', items: long.slice(0, 200) });
    expect(ok200.added).toHaveLength(200);
    expect(await t.api['recommendations-list']({})).toHaveLength(200);
  });

  it('refuses an update based on an older revision (stale), keeping the newer progress', async () => {
    const { B } = await importList();
    const newer = await t.api['recommendation-update']({ id: B!.id, baseRevision: 0, progress: doc('Newer text.') });
    await expect(
      t.api['recommendation-update']({ id: B!.id, baseRevision: 0, progress: doc('Older tab.') }),
    ).rejects.toMatchObject({ code: 'stale' });
    expect((await t.api['recommendations-list']({}))[1]).toMatchObject({ revision: newer.revision, progress: doc('Newer text.') });
  });

  it('deletes with undo, progress and links included, and reorders', async () => {
    const { A, C } = await importList();
    const intro = await t.section('introduction.previous-recommendations');
    await t.api['recommendation-update']({ id: A!.id, owner: 'Head of Strategy', targetDate: '2026-03-31', progress: doc('Done.') });
    await t.api['recommendation-link']({ id: A!.id, sectionId: intro.id });
    await t.api['recommendation-delete']({ id: A!.id });
    expect((await t.api['recommendations-list']({})).map((r) => r.label)).toEqual(['B', 'C']);
    const back = await t.api['recommendation-restore']({ id: A!.id });
    expect(back).toMatchObject({ label: 'A', position: 0, owner: 'Head of Strategy', targetDate: '2026-03-31', progress: doc('Done.') });
    expect(back.sections.map((s) => s.sectionId)).toEqual([intro.id]);
    await t.api['recommendation-update']({ id: C!.id, position: 0 });
    expect((await t.api['recommendations-list']({})).map((r) => r.label)).toEqual(['C', 'A', 'B']);
    await expect(t.api['recommendation-update']({ id: C!.id, targetDate: '2026-02-31' })).rejects.toThrow(/not a real date/);
    await expect(t.api['recommendation-add']({ source: '2022 progress review', label: 'b', text: 'Again' })).rejects.toThrow(
      /already a recommendation b/,
    );
  });
});

describe('traceability: gaps change as recommendations are linked (end to end through the core)', () => {
  it('not addressed → no evidence → evidence never cited → no gaps; and “changed since verified”', async () => {
    const { A, B } = await importList();
    const governance = await t.section('theme.governance');
    const gapsOf = async (label: string) =>
      (await t.api['recommendations-traceability']({})).rows.find((r) => r.recommendation.label === label)!.gaps;

    expect(await gapsOf('A')).toEqual(['not-addressed']);
    expect((await t.api['recommendations-traceability']({})).summary).toMatchObject({
      total: 3,
      addressed: 0,
      gaps: { 'not-addressed': 3, 'no-evidence': 0, 'evidence-never-cited': 0 },
    });

    await t.api['recommendation-link']({ id: A!.id, sectionId: governance.id });
    expect(await gapsOf('A')).toEqual(['no-evidence']);

    // A real item in the evidence library (a web link keeps the test quick).
    const plan = await t.api['evidence-add-link']({ title: 'Corporate plan 2024 to 2027', url: 'https://www.sefton.gov.uk/corporate-plan' });
    await t.api['recommendation-link']({ id: A!.id, evidenceItemId: plan.id });
    expect(await gapsOf('A')).toEqual(['evidence-never-cited']);

    // The section cites the evidence: no gaps left.
    const saved = await t.api['section-save-content']({ id: governance.id, content: doc(['Our plan ', citation(plan.id), '.']) });
    expect(await gapsOf('A')).toEqual([]);

    // B referenced inline in the introduction's text counts as addressed, without a link by hand.
    const intro = await t.section('introduction.previous-recommendations');
    await t.api['section-save-content']({ id: intro.id, content: doc(['We acted on ', reference(B!.id, 'B'), '.']) });
    const rowB = (await t.api['recommendations-traceability']({})).rows.find((r) => r.recommendation.label === 'B')!;
    expect(rowB.gaps).toEqual(['no-evidence']);
    expect(rowB.recommendation.sections).toMatchObject([{ sectionId: intro.id, linked: false, referenced: true }]);
    expect(rowB.themeKeys).toEqual(['introduction']);

    // Verified, then the section changes: "changed since verified".
    const verified = await t.api['recommendation-verify']({ id: A!.id, sectionId: governance.id });
    expect(verified.sections[0]).toMatchObject({ changedSinceVerified: false, verifiedAt: expect.any(String) });
    await t.api['section-save-content']({
      id: governance.id,
      content: doc(['Our plan, revised, ', citation(plan.id), '.']),
      baseRevision: saved.revision,
    });
    const rowA = (await t.api['recommendations-traceability']({})).rows.find((r) => r.recommendation.label === 'A')!;
    expect(rowA.changedSinceVerified).toBe(true);
    expect(rowA.recommendation.sections[0]!.changedSinceVerified).toBe(true);

    // Filters.
    await t.api['recommendation-update']({ id: A!.id, status: 'complete', owner: 'Jane Smith' });
    expect((await t.api['recommendations-traceability']({ status: ['complete'] })).rows.map((r) => r.recommendation.label)).toEqual(['A']);
    expect((await t.api['recommendations-traceability']({ owner: 'jane smith' })).rows).toHaveLength(1);
    expect((await t.api['recommendations-traceability']({ themeKey: 'theme.governance' })).rows.map((r) => r.recommendation.label)).toEqual(['A']);

    // The matrix as CSV.
    const { csv, fileName } = await t.api['recommendations-export-csv']({});
    expect(fileName).toBe('Testshire Council recommendations traceability.csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Source,Label,Recommendation,Status,Owner,Target date,Themes,Sections,Evidence,Gaps,Changed since verified');
    expect(lines[1]).toBe(
      '2022 progress review,A,Ensure the planned refresh of the vision is used to reflect the key priorities.,Complete,Jane Smith,,Governance and culture,Governance and culture (changed since verified),Corporate plan 2024 to 2027,,Yes',
    );
    expect(lines[3]).toBe('2022 progress review,C,Embed performance management.,Not started,,,,,,Not addressed in any section,No');
  });

  it('superseded recommendations are not counted as gaps', async () => {
    const { C } = await importList();
    await t.api['recommendation-update']({ id: C!.id, status: 'superseded' });
    const trace = await t.api['recommendations-traceability']({});
    expect(trace.rows.find((r) => r.recommendation.id === C!.id)!.gaps).toEqual([]);
    expect(trace.summary).toMatchObject({ total: 3, considered: 2 });
  });
});

describe('evidence links that went stale', () => {
  it('shows “changed since verified” when the evidence item’s content changes after verification', () => {
    const items = new Map<string, EvidenceInfo>([['e1', { id: 'e1', title: 'Corporate plan', hash: 'aaa' }]]);
    const lookup: EvidenceLookup = { known: true, get: (id) => items.get(id) ?? null };
    // The core holds the file exclusively: close it and open the file directly.
    t.core.close();
    const file = AssessmentDatabase.open(t.filePath);
    try {
      const register = new RecommendationRegister(file.db, { touch: () => undefined }, lookup);
      const rec = register.add({ source: 's', label: 'A', text: 'Do it' });
      register.link({ id: rec.id, evidenceItemId: 'e1' });
      expect(() => register.link({ id: rec.id, evidenceItemId: 'missing' })).toThrow(/no longer in the evidence list/);
      register.verify({ id: rec.id, evidenceItemId: 'e1' });
      expect(register.get(rec.id).evidence[0]).toMatchObject({ title: 'Corporate plan', changedSinceVerified: false });
      items.set('e1', { id: 'e1', title: 'Corporate plan', hash: 'bbb' });
      expect(register.get(rec.id).evidence[0]).toMatchObject({ changedSinceVerified: true });
    } finally {
      file.close();
    }
  });
});
